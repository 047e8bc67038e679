import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../types';
import { applyDefaults } from '../defaults';
import { invalidError } from './invalidError';
import { validateCreate, validateUpdate } from './validateObject';

type Spec = Record<string, unknown>;
type WithSpec = KubeObject & { spec: Spec };

function object(apiVersion: string, kind: string, name: string, spec: Spec, metadata: Spec = {}): WithSpec {
  return applyDefaults({
    apiVersion,
    kind,
    metadata: { name, namespace: 'default', ...metadata },
    spec,
  } as KubeObject) as WithSpec;
}

/** The apiserver message for creating `obj`, or 'valid'. */
function createMessage(obj: KubeObject): string {
  const causes = validateCreate(obj);
  return causes.length === 0 ? 'valid' : invalidError(obj, causes).message;
}

function updateMessage(next: KubeObject, old: KubeObject): string {
  const causes = validateUpdate(next, old);
  return causes.length === 0 ? 'valid' : invalidError(next, causes).message;
}

function pod(name: string, containers: Spec[], spec: Spec = {}): WithSpec {
  return object('v1', 'Pod', name, { containers, ...spec });
}

function template(labels: Record<string, string>, spec: Spec = {}): Spec {
  return { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...spec } };
}

function deployment(spec: Spec): WithSpec {
  return object('apps/v1', 'Deployment', 'web', {
    selector: { matchLabels: { app: 'web' } },
    template: template({ app: 'web' }),
    ...spec,
  });
}

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('Pod validation', () => {
  it('requires an image', () => {
    const obj = pod('x', [{ name: 'app' }]);
    expect(createMessage(obj)).toBe('Pod "x" is invalid: spec.containers[0].image: Required value');
    expect(invalidError(obj, validateCreate(obj))).toEqual({
      code: 422,
      reason: 'Invalid',
      message: 'Pod "x" is invalid: spec.containers[0].image: Required value',
      details: {
        name: 'x',
        group: '',
        kind: 'Pod',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }],
      },
    });
  });

  it('requires a DNS-1123 subdomain name', () => {
    expect(createMessage(pod('My_App', [{ name: 'app', image: 'nginx' }]))).toBe(
      `Pod "My_App" is invalid: metadata.name: Invalid value: "My_App": ${SUBDOMAIN_MESSAGE}`,
    );
  });

  it('lists several errors in brackets: a bad and a duplicate container name', () => {
    const obj = pod('web', [
      { name: 'Web', image: 'nginx' },
      { name: 'Web', image: 'nginx' },
    ]);
    expect(createMessage(obj)).toBe(
      `Pod "web" is invalid: [spec.containers[0].name: Invalid value: "Web": ${LABEL_MESSAGE}, spec.containers[1].name: Invalid value: "Web": ${LABEL_MESSAGE}, spec.containers[1].name: Duplicate value: "Web"]`,
    );
  });

  it('reports a duplicate container name alone', () => {
    expect(
      createMessage(
        pod('web', [
          { name: 'web', image: 'a' },
          { name: 'web', image: 'b' },
        ]),
      ),
    ).toBe('Pod "web" is invalid: spec.containers[1].name: Duplicate value: "web"');
  });

  it('checks ports, host ports and mounts', () => {
    const obj = pod(
      'app',
      [
        {
          name: 'a',
          image: 'x',
          ports: [
            { containerPort: 70000, name: 'a-very-long-port-name' },
            { containerPort: 8080, hostPort: 8080 },
          ],
        },
        {
          name: 'b',
          image: 'x',
          ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'HTTP' }],
          volumeMounts: [{ name: 'data', mountPath: '/data' }],
        },
      ],
      { volumes: [{ name: 'cache', emptyDir: {} }] },
    );
    expect(validateCreate(obj).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.containers[0].ports[0].name: Invalid value: "a-very-long-port-name": must be no more than 15 characters',
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[1].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[1].volumeMounts[0].name: Not found: "data"',
    ]);
  });

  it('reports a host port used twice', () => {
    const obj = pod('app', [
      { name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] },
      { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080 }] },
    ]);
    expect(createMessage(obj)).toBe(
      'Pod "app" is invalid: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
    );
  });

  it('checks probes: one handler, thresholds, and successThreshold 1 for liveness', () => {
    const obj = pod('app', [
      {
        name: 'a',
        image: 'x',
        livenessProbe: {
          exec: { command: ['true'] },
          tcpSocket: { port: 80 },
          successThreshold: 2,
          failureThreshold: -1,
        },
        readinessProbe: { initialDelaySeconds: 5 },
      },
    ]);
    expect(validateCreate(obj).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      'spec.containers[0].livenessProbe.failureThreshold: Invalid value: -1: must be greater than or equal to 0',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].readinessProbe: Required value: must specify a handler type',
    ]);
  });

  it('requires requests not to exceed limits', () => {
    const obj = pod('app', [{ name: 'a', image: 'x', resources: { limits: { cpu: '1' }, requests: { cpu: '2' } } }]);
    expect(createMessage(obj)).toBe(
      'Pod "app" is invalid: spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    );
  });

  it('checks restartPolicy and tolerations', () => {
    const obj = pod('app', [{ name: 'a', image: 'x' }], {
      restartPolicy: 'Sometimes',
      tolerations: [{ key: 'k', operator: 'Exists', value: 'v' }],
    });
    expect(validateCreate(obj).map((c) => `${c.field}: ${c.message}`)).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.tolerations[0].operator: Invalid value: "v": value must be empty when `operator` is \'Exists\'',
    ]);
  });

  it('forbids changing anything but images on update, with the real message head', () => {
    const old: WithSpec = {
      ...pod('app', [{ name: 'a', image: 'nginx:1.26' }]),
      metadata: { name: 'app', namespace: 'default', resourceVersion: '5' },
    };
    const image = structuredClone(old);
    (image.spec as { containers: Spec[] }).containers[0]!.image = 'nginx:1.27';
    expect(updateMessage(image, old)).toBe('valid');
    const selector = structuredClone(old);
    (selector.spec as Spec).nodeSelector = { disk: 'ssd' };
    expect(updateMessage(selector, old)).toBe(
      'Pod "app" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n' +
        '  core.PodSpec{\n  \t... // 4 identical fields\n+ \tNodeSelector: {"disk":"ssd"},\n  \t... // 9 identical fields\n  }\n',
    );
  });
});

describe('workload validation', () => {
  it('rejects a Deployment whose selector does not match the template (1.34 JSON rendering)', () => {
    const obj = deployment({ template: template({ app: 'web2' }) });
    expect(createMessage(obj)).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web2"}: `selector` does not match template `labels`',
    );
  });

  it('rejects a Deployment without selector with both errors', () => {
    const obj = object('apps/v1', 'Deployment', 'web', { template: template({ app: 'web' }) });
    expect(createMessage(obj)).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`]',
    );
  });

  it('rejects maxSurge and maxUnavailable both 0', () => {
    const obj = deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: 0 } } });
    expect(createMessage(obj)).toBe(
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    );
  });

  it('rejects restartPolicy Never in a Deployment and a short progress deadline', () => {
    const obj = deployment({
      template: template({ app: 'web' }, { restartPolicy: 'Never' }),
      minReadySeconds: 30,
      progressDeadlineSeconds: 30,
    });
    expect(createMessage(obj)).toBe(
      'Deployment.apps "web" is invalid: [spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always", spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds]',
    );
  });

  it('keeps a Deployment selector immutable', () => {
    const old: WithSpec = { ...deployment({}), metadata: { name: 'web', namespace: 'default', resourceVersion: '3' } };
    const next = structuredClone(old);
    (next.spec as Spec).selector = { matchLabels: { app: 'web2' } };
    (next.spec as { template: { metadata: { labels: Spec } } }).template.metadata.labels = { app: 'web2' };
    expect(updateMessage(next, old)).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable',
    );
  });

  it('gives StatefulSets label names and forbids most spec updates', () => {
    const sts = (name: string, spec: Spec = {}): WithSpec =>
      object('apps/v1', 'StatefulSet', name, {
        serviceName: 'web',
        selector: { matchLabels: { app: 'web' } },
        template: template({ app: 'web' }),
        ...spec,
      });
    expect(createMessage(sts('web.v1'))).toBe(
      'StatefulSet.apps "web.v1" is invalid: metadata.name: Invalid value: "web.v1": must not contain dots',
    );
    const old: WithSpec = { ...sts('web'), metadata: { name: 'web', namespace: 'default', resourceVersion: '1' } };
    const next = structuredClone(old);
    (next.spec as Spec).serviceName = 'other';
    expect(updateMessage(next, old)).toBe(
      "StatefulSet.apps \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    );
    const scaled = structuredClone(old);
    (scaled.spec as Spec).replicas = 5;
    expect(updateMessage(scaled, old)).toBe('valid');
  });

  it('requires Jobs to restart OnFailure or Never', () => {
    const job = object(
      'batch/v1',
      'Job',
      'pi',
      { template: { spec: { restartPolicy: 'Always', containers: [{ name: 'pi', image: 'perl' }] } } },
      { uid: 'u-1' },
    );
    expect(createMessage(job)).toBe(
      'Job.batch "pi" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    );
  });

  it('validates CronJob schedules and name length', () => {
    const cron = (name: string, schedule: string): KubeObject =>
      object('batch/v1', 'CronJob', name, {
        schedule,
        jobTemplate: {
          spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } },
        },
      });
    expect(createMessage(cron('hello', '*/1 * * * *'))).toBe('valid');
    expect(createMessage(cron('hello', 'x'))).toBe(
      'CronJob.batch "hello" is invalid: spec.schedule: Invalid value: "x": expected exactly 5 fields, found 1: [x]',
    );
    const long = 'a'.repeat(53);
    expect(createMessage(cron(long, '@hourly'))).toBe(
      `CronJob.batch "${long}" is invalid: metadata.name: Invalid value: "${long}": must be no more than 52 characters`,
    );
  });
});

describe('Service and Namespace validation', () => {
  it('requires DNS-1035 names, ports and node ports in range', () => {
    const svc = object('v1', 'Service', '1web', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] });
    expect(createMessage(svc)).toBe(
      "Service \"1web\" is invalid: [metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?'), spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767]",
    );
    expect(createMessage(object('v1', 'Service', 'web', { selector: { app: 'web' } }))).toBe(
      'Service "web" is invalid: spec.ports: Required value',
    );
  });

  it('keeps a ClusterIP once set', () => {
    const old = object(
      'v1',
      'Service',
      'web',
      { ports: [{ port: 80 }], clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] },
      { resourceVersion: '2' },
    );
    const next = structuredClone(old);
    (next.spec as Spec).clusterIP = '10.96.0.99';
    expect(updateMessage(next, old)).toBe(
      'Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set',
    );
  });

  it('requires Namespace names to be DNS-1123 labels and allows no namespace on them', () => {
    const ns = applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev.team' } } as KubeObject);
    expect(createMessage(ns)).toBe(
      'Namespace "dev.team" is invalid: metadata.name: Invalid value: "dev.team": must not contain dots',
    );
  });
});
