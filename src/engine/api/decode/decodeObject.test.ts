import { describe, expect, it } from 'vitest';
import { decodeObject } from './decodeObject';
import { parseManifests } from '../../manifest';

const POD = { apiVersion: 'v1', kind: 'Pod' };

function decodeError(raw: unknown, resource = POD): string {
  const result = decodeObject(raw, resource);
  if (result.ok) throw new Error('expected a decode error');
  expect(result.error.code).toBe(400);
  expect(result.error.reason).toBe('BadRequest');
  return result.error.message;
}

function pod(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'app' }): unknown {
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

// Seed 000 (S000-pod): the Pod whose labels are written as a list.
const SEED_000_POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
  labels:
    - name: app
spec:
  # hostAliases:
  #   - ip: "10.1.2.3"
  shareProcessNamespace: true
  containers:
    - name: app
      image: app:1.0.0
      imagePullPolicy: Never
      lifecycle:
        postStart:
          exec:
            command: ["/bin/sh", "-c", "echo Hello Test Start> /tmp/mylog"]
        preStop:
          exec:
            command: ["/bin/sh", "-c", "echo Hello Test End> /tmp/app/mylog"]
      volumeMounts:
        - mountPath: /tmp/app
          name: app-volume
      ports:
        - containerPort: 8080
          hostPort: 8080
      livenessProbe:
        exec:
          command:
            - cat
            - /tmp/app/healthy
        initialDelaySeconds: 5
        periodSeconds: 5
  volumes:
    - name: app-volume
      emptyDir: {}
`;

describe('decodeObject', () => {
  it('rejects the seed 000 Pod whose labels are a list, as kube-apiserver words it', () => {
    const [document] = parseManifests(SEED_000_POD).documents;
    expect(decodeError(document?.object)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
    );
  });

  it('names the innermost struct and the full JSON path of a mismatched field', () => {
    const raw = pod({ containers: [{ name: 'a', image: 'nginx', ports: [{ containerPort: '80' }] }] });
    expect(decodeError(raw)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
  });

  it('reports a list written as a map with the slice type', () => {
    expect(decodeError(pod({ containers: { name: 'a', image: 'nginx' } }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
  });

  it('reports a command written as a string', () => {
    expect(decodeError(pod({ containers: [{ name: 'a', image: 'busybox', command: 'sleep 10' }] }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field Container.spec.containers.command of type []string',
    );
  });

  it('reports numbers and booleans given for label values', () => {
    expect(decodeError(pod({ containers: [] }, { name: 'app', labels: { version: 1 } }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(decodeError(pod({ containers: [] }, { name: 'app', labels: { enabled: true } }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });

  it('prints a fractional number for an integer field and names named Go types', () => {
    expect(decodeError(pod({ terminationGracePeriodSeconds: 1.5, containers: [] }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.terminationGracePeriodSeconds of type int64',
    );
    expect(decodeError(pod({ restartPolicy: 1, containers: [] }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
    );
  });

  it('lists unknown fields with list indices, in sorted order', () => {
    const raw = pod({ foo: 1, containers: [{ name: 'a', image: 'nginx', imagePullPolicyy: 'Always' }] });
    expect(decodeError(raw)).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolicyy", unknown field "spec.foo"',
    );
  });

  it('prefers a type error over unknown fields', () => {
    expect(decodeError(pod({ bogus: true, containers: 'x' }))).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
  });

  it('accepts ints and strings for int-or-string and rejects a bool as int32', () => {
    const ok = decodeObject(
      pod({
        containers: [
          {
            name: 'a',
            image: 'n',
            livenessProbe: { httpGet: { port: 'http' } },
            readinessProbe: { tcpSocket: { port: 80 } },
          },
        ],
      }),
      POD,
    );
    expect(ok.ok).toBe(true);
    expect(
      decodeError(pod({ containers: [{ name: 'a', image: 'n', livenessProbe: { httpGet: { port: true } } }] })),
    ).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32',
    );
  });

  it('accepts quantities as numbers or strings and rejects malformed ones without a field', () => {
    const ok = decodeObject(
      pod({ containers: [{ name: 'a', image: 'n', resources: { limits: { cpu: 0.5, memory: '128Mi' } } }] }),
      POD,
    );
    expect(ok.ok && (ok.value.spec as { containers: { resources: unknown }[] }).containers[0]?.resources).toEqual({
      limits: { cpu: 0.5, memory: '128Mi' },
    });
    expect(
      decodeError(pod({ containers: [{ name: 'a', image: 'n', resources: { limits: { memory: '1Gb' } } }] })),
    ).toBe(
      'Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    );
  });

  it('drops nulls and keeps everything else as given', () => {
    const result = decodeObject(pod({ nodeName: null, containers: [{ name: 'a', image: 'n', args: ['1'] }] }), POD);
    expect(result).toEqual({
      ok: true,
      value: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'app' },
        spec: { containers: [{ name: 'a', image: 'n', args: ['1'] }] },
      },
    });
  });

  it('uses the resource kind and version for apps objects', () => {
    const raw = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: '3' } };
    expect(decodeError(raw, { apiVersion: 'apps/v1', kind: 'Deployment' })).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it('checks Secret data as base64', () => {
    const raw = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'not base64!' } };
    expect(decodeError(raw, { apiVersion: 'v1', kind: 'Secret' })).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
  });
});
