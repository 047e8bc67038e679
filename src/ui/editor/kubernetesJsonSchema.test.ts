import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import schemaJson from '../../engine/api/schema/generated/schema.json';
import type { SchemaDocument } from '../../engine/api/schema/types';
import { definitionRef, kubernetesJsonSchema, type JSONSchema } from './kubernetesJsonSchema';

const schema = kubernetesJsonSchema(schemaJson as unknown as SchemaDocument);

function resolve(ref: string): JSONSchema {
  if (ref === '#') return schema;
  const keys = ref
    .slice('#/'.length)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  return keys.reduce<any>((node, key) => node[key], schema) as JSONSchema;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'integer':
      return Number.isInteger(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return isObject(value);
    default:
      return typeof value === type;
  }
}

/** A small draft-07 validator for the keywords kubernetesJsonSchema writes; returns `path: problem` lines. */
function validate(node: JSONSchema, value: unknown, path = ''): string[] {
  if (node.$ref) return validate(resolve(node.$ref), value, path);
  const types = node.type === undefined ? [] : [node.type].flat();
  if (types.length > 0 && !types.some((t) => hasType(t, value))) return [`${path}: expected ${types.join(' or ')}`];
  const errors: string[] = [];
  if (node.const !== undefined && value !== node.const) errors.push(`${path}: expected ${node.const}`);
  if (node.enum && !node.enum.includes(value as string)) errors.push(`${path}: not one of ${node.enum.join(', ')}`);
  if (isObject(value)) {
    for (const key of node.required ?? []) if (!(key in value)) errors.push(`${path}.${key}: required`);
    for (const [key, child] of Object.entries(value)) {
      const property = node.properties?.[key];
      if (property) errors.push(...validate(property, child, `${path}.${key}`));
      else if (node.additionalProperties === false) errors.push(`${path}.${key}: unknown field`);
      else if (typeof node.additionalProperties === 'object')
        errors.push(...validate(node.additionalProperties, child, `${path}.${key}`));
    }
  }
  if (Array.isArray(value) && node.items)
    value.forEach((v, i) => errors.push(...validate(node.items!, v, `${path}[${i}]`)));
  for (const part of node.allOf ?? []) errors.push(...validate(part, value, path));
  if (node.if && node.then && validate(node.if, value, path).length === 0)
    errors.push(...validate(node.then, value, path));
  return errors;
}

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
  creationTimestamp: null
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  strategy:
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        imagePullPolicy: IfNotPresent
        ports:
        - containerPort: 80
        resources:
          limits: {cpu: 0.5, memory: 128Mi}
`;

describe('kubernetesJsonSchema', () => {
  it('offers every served kind and apiVersion at the top', () => {
    const kinds = schema.properties?.kind?.enum ?? [];
    expect(kinds).toContain('Deployment');
    expect(kinds).toContain('StatefulSet');
    expect(kinds).toContain('Pod');
    expect(kinds).toContain('List');
    expect(schema.properties?.apiVersion?.examples).toEqual([
      'v1',
      'apps/v1',
      'batch/v1',
      'autoscaling/v1',
      'autoscaling/v2',
      'discovery.k8s.io/v1',
      'policy/v1',
      'storage.k8s.io/v1',
      'coordination.k8s.io/v1',
      'events.k8s.io/v1',
    ]);
    expect(schema.required).toEqual(['apiVersion', 'kind']);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('narrows apiVersion to the versions serving a kind', () => {
    const branch = schema.allOf?.find((b) => b.if?.properties?.kind?.const === 'Event' && !b.if.properties.apiVersion);
    expect(branch?.then).toEqual({ properties: { apiVersion: { enum: ['v1', 'events.k8s.io/v1'] } } });
  });

  it('switches to the kind’s definition on apiVersion and kind', () => {
    const branch = schema.allOf?.find(
      (b) => b.if?.properties?.kind?.const === 'Deployment' && b.if.properties.apiVersion?.const === 'apps/v1',
    );
    expect(branch).toEqual({
      if: {
        properties: { apiVersion: { const: 'apps/v1' }, kind: { const: 'Deployment' } },
        required: ['apiVersion', 'kind'],
      },
      then: { $ref: '#/definitions/apps~1v1.Deployment' },
    });
  });

  it('describes spec.replicas of a Deployment as an integer, with its documentation', () => {
    const deploymentSchema = resolve(definitionRef('apps/v1.Deployment'));
    expect(deploymentSchema.properties?.spec).toEqual({
      $ref: '#/definitions/apps~1v1.DeploymentSpec',
      description: 'Specification of the desired behavior of the Deployment.',
    });
    const spec = resolve(deploymentSchema.properties!.spec!.$ref!);
    expect(spec.properties?.replicas).toEqual({
      type: 'integer',
      description:
        'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
    });
    expect(spec.required).toEqual(['selector', 'template']);
    expect(spec.title).toBe('DeploymentSpec (apps/v1)');
    expect(spec.additionalProperties).toBe(false);
  });

  it('maps int-or-string, quantities, maps, lists and enums', () => {
    const container = resolve(definitionRef('core/v1.Container'));
    expect(container.properties?.imagePullPolicy?.enum).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(container.properties?.ports?.type).toEqual(['array', 'null']);
    expect(container.properties?.ports?.items).toEqual({ $ref: '#/definitions/core~1v1.ContainerPort' });
    expect(container.required).toEqual(['name']);
    const requirements = resolve(definitionRef('core/v1.ResourceRequirements'));
    expect(requirements.properties?.limits).toMatchObject({
      type: ['object', 'null'],
      additionalProperties: { type: ['string', 'number'] },
    });
    const servicePort = resolve(definitionRef('core/v1.ServicePort'));
    expect(servicePort.properties?.targetPort?.type).toEqual(['integer', 'string']);
  });

  it('accepts a valid Deployment', () => {
    expect(validate(schema, parse(deployment))).toEqual([]);
  });

  it('accepts an empty object, map or list as the API server does, but not an empty number', () => {
    const empty = deployment
      .replace('  labels: {app: web}\n  creationTimestamp', '  annotations:\n  creationTimestamp')
      .replace('      - name: web\n', '      - name: web\n        volumeMounts:\n        env:\n');
    expect(empty).toContain('  annotations:\n  creationTimestamp: null\n');
    expect(empty).toContain('        volumeMounts:\n        env:\n');
    expect(validate(schema, parse(empty))).toEqual([]);
    expect(validate(schema, parse(deployment.replace('replicas: 2', 'replicas:')))).toEqual([
      '.spec.replicas: expected integer',
    ]);
  });

  it('rejects unknown fields, wrong types, values outside an enum and missing required fields', () => {
    const broken = deployment
      .replace('replicas: 2', 'replicas: two\n  foo: 1')
      .replace('imagePullPolicy: IfNotPresent', 'imagePullPolicy: Sometimes')
      .replace('- name: web\n        image:', '- image:');
    expect(validate(schema, parse(broken))).toEqual([
      '.spec.replicas: expected integer',
      '.spec.foo: unknown field',
      '.spec.template.spec.containers[0].name: required',
      '.spec.template.spec.containers[0].imagePullPolicy: not one of Always, IfNotPresent, Never',
    ]);
  });

  it('rejects an unknown kind and an apiVersion that does not serve the kind', () => {
    expect(validate(schema, { apiVersion: 'v1', kind: 'Podd' })).toEqual([
      '.kind: not one of ' + schema.properties!.kind!.enum!.join(', '),
    ]);
    expect(validate(schema, { apiVersion: 'v1', kind: 'Deployment', metadata: { name: 'a' } })).toEqual([
      '.apiVersion: not one of apps/v1',
    ]);
  });

  it('checks the items of a List against their own kinds', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'v1', kind: 'ConfigMap', data: { k: 1 } }] };
    expect(validate(schema, list)).toEqual(['.items[0].data.k: expected string']);
  });
});
