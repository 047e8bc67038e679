/**
 * The engine's compact field tree (`src/engine/api/schema/generated/schema.json`) as a draft-07 JSON Schema for
 * monaco-yaml: completion of kinds, apiVersions and fields, hover docs from the field descriptions, and the checks
 * kubectl's strict decoding makes (unknown fields, wrong types, enum values, required fields).
 */
import type { FieldSchema, FieldType, SchemaDocument } from '../../engine/api/schema/types';

/** The part of JSON Schema draft-07 this module writes (a structural subset of monaco-yaml's `JSONSchema`). */
export interface JSONSchema {
  $schema?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: string[];
  examples?: string[];
  const?: string;
  properties?: Record<string, JSONSchema>;
  required?: string[];
  additionalProperties?: boolean | JSONSchema;
  items?: JSONSchema;
  definitions?: Record<string, JSONSchema>;
  allOf?: JSONSchema[];
  if?: JSONSchema;
  then?: JSONSchema;
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** `#/definitions/apps~1v1.Deployment`: a JSON pointer escapes `~` and `/` (RFC 6901). */
export function definitionRef(key: string): string {
  return `#/definitions/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * Lists, maps and objects also take null: the API server decodes `annotations:` or `emptyDir:` with nothing after
 * it as an absent value. Scalars do not, so an empty `replicas:` is still pointed out.
 */
function typeSchema(type: FieldType): JSONSchema {
  switch (type.type) {
    case 'string':
      return type.enum ? { type: 'string', enum: [...type.enum] } : { type: 'string' };
    case 'integer':
    case 'number':
    case 'boolean':
      return { type: type.type };
    case 'object':
      return type.ref ? { $ref: definitionRef(type.ref) } : { type: ['object', 'null'] };
    case 'array':
      return { type: ['array', 'null'], items: type.items ? typeSchema(type.items) : {} };
    case 'map':
      return { type: ['object', 'null'], additionalProperties: type.items ? typeSchema(type.items) : {} };
    case 'int-or-string':
      return { type: ['integer', 'string'] };
    case 'quantity':
      // resource.Quantity decodes from `500m` and from a bare number (`cpu: 0.5`).
      return { type: ['string', 'number'] };
    case 'time':
      // `kubectl create --dry-run -o yaml` writes `creationTimestamp: null`, which the API server accepts.
      return { type: ['string', 'null'] };
    case 'any':
      return {};
  }
}

function fieldSchema(field: FieldSchema): JSONSchema {
  const schema = typeSchema(field);
  // monaco-yaml keeps a `$ref`'s sibling description, so hovers show the field's own words.
  return field.description ? { ...schema, description: field.description } : schema;
}

/** `apps/v1.DeploymentSpec` → `DeploymentSpec (apps/v1)`, as hovers and problems name the type. */
function definitionTitle(key: string): string {
  const dot = key.lastIndexOf('.');
  return `${key.slice(dot + 1)} (${key.slice(0, dot)})`;
}

function definitionSchema(key: string, definition: SchemaDocument['definitions'][string]): JSONSchema {
  const title = definitionTitle(key);
  const properties: Record<string, JSONSchema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(definition.fields)) {
    properties[name] = fieldSchema(field);
    if (field.required) required.push(name);
  }
  return {
    type: ['object', 'null'],
    title,
    description: definition.description,
    properties,
    ...(required.length > 0 ? { required } : {}),
    // kubectl apply decodes strictly (`--validate=strict`): unknown fields are errors.
    additionalProperties: false,
  };
}

const apiVersionOf = (group: string, version: string) => (group ? `${group}/${version}` : version);

/** A kind's discriminating consts: the `if` of its `if … then $ref` branch. */
function kindCondition(apiVersion: string | undefined, kind: string): JSONSchema {
  return {
    properties: {
      ...(apiVersion === undefined ? {} : { apiVersion: { const: apiVersion } }),
      kind: { const: kind },
    },
    required: apiVersion === undefined ? ['kind'] : ['apiVersion', 'kind'],
  };
}

/**
 * A JSON Schema (draft-07) for Kubernetes manifests: one definition per definition key of `document`, and per served
 * kind an `if {apiVersion, kind} then {$ref}` branch, so completion offers the kinds and apiVersions first and then
 * the chosen kind's fields. `kind: List` (which kubectl flattens) holds any of them in `items`.
 */
export function kubernetesJsonSchema(document: SchemaDocument): JSONSchema {
  const definitions: Record<string, JSONSchema> = {};
  for (const [key, definition] of Object.entries(document.definitions))
    definitions[key] = definitionSchema(key, definition);

  const versionsByKind = new Map<string, string[]>();
  for (const root of document.kinds) {
    const versions = versionsByKind.get(root.kind) ?? [];
    versions.push(apiVersionOf(root.group, root.version));
    versionsByKind.set(root.kind, versions);
  }
  versionsByKind.set('List', ['v1']);

  const apiVersions = [...new Set(document.kinds.map((root) => apiVersionOf(root.group, root.version)))];
  const firstRoot = document.kinds[0];
  const rootFields = firstRoot ? document.definitions[firstRoot.definition]?.fields : undefined;
  const describe = (field: string) => {
    const description = rootFields?.[field]?.description;
    return description ? { description } : {};
  };

  const narrowVersions = [...versionsByKind].map(([kind, versions]): JSONSchema => ({
    if: kindCondition(undefined, kind),
    then: { properties: { apiVersion: { enum: versions } } },
  }));
  const kindBranches = document.kinds.map((root): JSONSchema => ({
    if: kindCondition(apiVersionOf(root.group, root.version), root.kind),
    then: { $ref: definitionRef(root.definition) },
  }));
  const listBranch: JSONSchema = {
    if: kindCondition('v1', 'List'),
    then: {
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object' },
        items: { type: 'array', description: 'The objects of the list, applied one by one.', items: { $ref: '#' } },
      },
      additionalProperties: false,
    },
  };

  return {
    $schema: DRAFT_07,
    title: `Kubernetes ${document.kubernetesVersion} object`,
    type: 'object',
    properties: {
      // Suggested, not enforced here: the kind's branch names the versions that serve it, in one message.
      apiVersion: { type: 'string', ...describe('apiVersion'), examples: apiVersions },
      kind: { type: 'string', ...describe('kind'), enum: [...versionsByKind.keys()] },
    },
    required: ['apiVersion', 'kind'],
    allOf: [...narrowVersions, ...kindBranches, listBranch],
    definitions,
  };
}
