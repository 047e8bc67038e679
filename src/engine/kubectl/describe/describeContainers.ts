/**
 * The containers section of `kubectl describe` for pods and pod templates
 * (`KC:pkg/describe/describe.go:describeContainers` and its helpers).
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container';
import type { IIoK8sApiCoreV1ContainerStatus as ContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import type { IIoK8sApiCoreV1ContainerState as ContainerState } from 'kubernetes-models/v1/ContainerState';
import type { IIoK8sApiCoreV1Probe as Probe } from 'kubernetes-models/v1/Probe';
import { parseQuantity, quantityToMilli, quantityValue, type Quantity } from '../../api/quantity/quantity';
import { formatRfc1123z } from './describeHelpers';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefixWriter';

/** Ports with their names, as kubectl prints them since kubernetes PR 133018: `80/TCP (http)`. */
function portList(container: Container, hostPorts: boolean): string {
  return (container.ports ?? [])
    .map((p) => {
      const text = `${hostPorts ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? ''}`;
      return p.name ? `${text} (${p.name})` : text;
    })
    .join(', ');
}

/** `DescribeProbe`: `exec [cat /tmp/healthy] delay=5s timeout=1s period=5s #success=1 #failure=3`. */
function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const get = probe.httpGet;
    const port = String(get.port ?? '');
    const host = port ? `${get.host ?? ''}:${port}` : (get.host ?? '');
    return `http-get ${(get.scheme ?? '').toLowerCase()}://${host}${get.path ?? ''} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatRfc1123z(state.running.startedAt)}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(LEVEL_2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatRfc1123z(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatRfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${title}:\tWaiting\n`);
    if (state?.waiting?.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`);
  }
}

/** `describeResources`: limits then requests, names sorted, at the given level (containers, or the pod's own). */
export function describeResources(w: PrefixWriter, resources: Container['resources'], level: number): void {
  for (const [title, list] of [
    ['Limits', resources?.limits],
    ['Requests', resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${String(list?.[name])}\n`);
  }
}

/** `SeccompProfile:` and, for a Localhost profile, `LocalhostProfile:`. */
export function describeSeccomp(
  w: PrefixWriter,
  level: number,
  profile: { type: string; localhostProfile?: string } | undefined,
): void {
  if (!profile) return;
  w.write(level, `SeccompProfile:\t${profile.type}\n`);
  if (profile.type === 'Localhost') w.write(level + 1, `LocalhostProfile:\t${profile.localhostProfile ?? ''}\n`);
}

/** `describeContainerEnvFrom` and `describeContainerEnvVars`; a template has no pod to resolve field references. */
function describeEnv(w: PrefixWriter, container: Container, pod: IPod | undefined): void {
  const env = container.env ?? [];
  if ((container.envFrom ?? []).length > 0) {
    w.write(LEVEL_2, 'Environment Variables from:\n');
    for (const from of container.envFrom ?? []) {
      const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
      const ref = from.configMapRef ?? from.secretRef;
      const source = from.prefix ? `${kind} with prefix '${from.prefix}'` : kind;
      w.write(LEVEL_3, `${ref?.name ?? ''}\t${source}\tOptional: ${ref?.optional === true}\n`);
    }
  }
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const from = e.valueFrom;
    if (!from) {
      (e.value ?? '')
        .split('\n')
        .forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      const value = pod ? fieldRefValue(pod, from.fieldRef.fieldPath) : '';
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? 'v1'}:${from.fieldRef.fieldPath})\n`);
    } else if (from.resourceFieldRef) {
      const ref = from.resourceFieldRef;
      let value = resourceFieldValue(container, ref.resource, ref.divisor);
      if (value === '0' && (ref.resource === 'limits.cpu' || ref.resource === 'limits.memory')) {
        value = 'node allocatable';
      }
      w.write(LEVEL_3, `${e.name}:\t${value} (${ref.resource})\n`);
    } else if (from.secretKeyRef) {
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${from.secretKeyRef.optional === true}\n`,
      );
    } else if (from.configMapKeyRef) {
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${from.configMapKeyRef.optional === true}\n`,
      );
    }
  }
}

/**
 * `resourcehelper.ExtractContainerResourceValue`: the container's request or limit divided by the divisor (default 1),
 * rounded up — cpu in millicores, other resources in units.
 */
function resourceFieldValue(container: Container, resource: string, divisor: unknown): string {
  const [kind, name = ''] = resource.split('.', 2) as [string, string | undefined];
  if (kind !== 'limits' && kind !== 'requests') return '';
  const amounts = (container.resources?.[kind] ?? {}) as Record<string, unknown>;
  const amount = parseQuantity(String(amounts[name] ?? '0'));
  const by = parseQuantity(String(divisor ?? '1'));
  if (!amount.ok || !by.ok) return '';
  const scale = name === 'cpu' ? quantityToMilli : quantityValue;
  // A zero divisor means the default, 1.
  const divide = scale(by.value) || scale(ONE);
  return String(Math.ceil(scale(amount.value) / divide));
}

const ONE: Quantity = { nanos: '1000000000', format: 'DecimalSI' };

// The downward API fields describe resolves for `valueFrom.fieldRef`.
function fieldRefValue(pod: IPod, path: string): string {
  const values: Record<string, string | undefined> = {
    'metadata.name': pod.metadata?.name,
    'metadata.namespace': pod.metadata?.namespace,
    'metadata.uid': pod.metadata?.uid,
    'spec.nodeName': pod.spec?.nodeName,
    'spec.serviceAccountName': pod.spec?.serviceAccountName,
    'status.hostIP': pod.status?.hostIP,
    'status.podIP': pod.status?.podIP,
    'status.podIPs': (pod.status?.podIPs ?? []).map((ip) => ip.ip).join(','),
    'status.hostIPs': (pod.status?.hostIPs ?? []).map((ip) => ip.ip).join(','),
  };
  // fieldpath.ExtractFieldPathAsString: `metadata.labels['key']`, `metadata.annotations['key']`.
  const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (subscript) return pod.metadata?.[subscript[1] as 'labels' | 'annotations']?.[subscript[2] ?? ''] ?? '';
  return values[path] ?? '';
}

/**
 * `describeContainers`: one block per container. `space` indents the title for a pod template (`  Containers:`)
 * and shifts container names by one column; a template has no statuses and no pod.
 */
export function describeContainers(
  w: PrefixWriter,
  title: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[],
  pod: IPod | undefined,
  space = '',
): void {
  w.write(LEVEL_0, `${space}${title}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const nameIndent = space ? ' ' : '';
  for (const container of containers) {
    const status = statuses.find((s) => s.name === container.name);
    w.write(LEVEL_1, `${nameIndent}${container.name}:\n`);
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`);
    w.write(LEVEL_2, `Image:\t${container.image ?? ''}\n`);
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`);
    const ports = portList(container, false);
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = portList(container, true);
    w.write(
      LEVEL_2,
      hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
    );
    describeSeccomp(w, LEVEL_2, container.securityContext?.seccompProfile);
    for (const [label, items] of [
      ['Command', container.command],
      ['Args', container.args],
    ] as const) {
      if (!items || items.length === 0) continue;
      w.write(LEVEL_2, `${label}:\n`);
      for (const item of items) for (const line of item.split('\n')) w.write(LEVEL_3, `${line}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResources(w, container.resources, LEVEL_2);
    if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
    if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
    if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
    describeEnv(w, container, pod);
    const mounts = [...(container.volumeMounts ?? [])].sort((a, b) =>
      a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
    );
    w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])];
      w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}
