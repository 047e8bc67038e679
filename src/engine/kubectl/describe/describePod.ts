/** `kubectl describe pod` (`KC:pkg/describe/describe.go:describePod`). */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container';
import type { IIoK8sApiCoreV1ContainerStatus as ContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import type { IIoK8sApiCoreV1ContainerState as ContainerState } from 'kubernetes-models/v1/ContainerState';
import type { IIoK8sApiCoreV1Probe as Probe } from 'kubernetes-models/v1/Probe';
import type { IIoK8sApiCoreV1Volume as Volume } from 'kubernetes-models/v1/Volume';
import type { IIoK8sApiCoreV1Toleration as Toleration } from 'kubernetes-models/v1/Toleration';
import type { IIoK8sApiCoreV1TopologySpreadConstraint as TopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import { formatLabelSelector, labelSelectorFromSpec } from '../../api/selectors/labelSelector';
import type { IEvent } from 'kubernetes-models/v1/Event';
import { translateTimestampSince } from '../format/duration';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './prefixWriter';
import {
  controlledBy,
  describeEvents,
  formatRfc1123z,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './describeHelpers';
import type { KubeObject } from '../../api/types';
import { parseQuantity, quantityToMilli, quantityValue, type Quantity } from '../../api/quantity/quantity';

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
function describeResources(w: PrefixWriter, resources: Container['resources'], level: number): void {
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
function describeSeccomp(
  w: PrefixWriter,
  level: number,
  profile: { type: string; localhostProfile?: string } | undefined,
): void {
  if (!profile) return;
  w.write(level, `SeccompProfile:\t${profile.type}\n`);
  if (profile.type === 'Localhost') w.write(level + 1, `LocalhostProfile:\t${profile.localhostProfile ?? ''}\n`);
}

function describeEnv(w: PrefixWriter, container: Container, pod: IPod): void {
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
      const value = fieldRefValue(pod, from.fieldRef.fieldPath);
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

function describeContainers(
  w: PrefixWriter,
  title: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[],
  pod: IPod,
): void {
  w.write(LEVEL_0, `${title}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const container of containers) {
    const status = statuses.find((s) => s.name === container.name);
    w.write(LEVEL_1, `${container.name}:\n`);
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

function describeVolume(w: PrefixWriter, volume: Volume): void {
  w.write(LEVEL_1, `${volume.name}:\n`);
  if (volume.hostPath) {
    w.write(
      LEVEL_2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${volume.hostPath.path}\n    HostPathType:\t${volume.hostPath.type || '<none>'}\n`,
    );
  } else if (volume.emptyDir) {
    const size = volume.emptyDir.sizeLimit !== undefined ? String(volume.emptyDir.sizeLimit) : '<unset>';
    w.write(
      LEVEL_2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${volume.emptyDir.medium ?? ''}\n    SizeLimit:\t${size}\n`,
    );
  } else if (volume.secret) {
    w.write(
      LEVEL_2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${volume.secret.secretName ?? ''}\n    Optional:\t${volume.secret.optional === true}\n`,
    );
  } else if (volume.configMap) {
    w.write(
      LEVEL_2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${volume.configMap.name ?? ''}\n    Optional:\t${volume.configMap.optional === true}\n`,
    );
  } else if (volume.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${volume.persistentVolumeClaim.claimName}\n    ReadOnly:\t${volume.persistentVolumeClaim.readOnly === true}\n`,
    );
  } else if (volume.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const source of volume.projected.sources ?? []) {
      if (source.secret)
        w.write(
          LEVEL_2,
          `SecretName:\t${source.secret.name ?? ''}\n    Optional:\t${source.secret.optional === true}\n`,
        );
      else if (source.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
      else if (source.configMap)
        w.write(
          LEVEL_2,
          `ConfigMapName:\t${source.configMap.name ?? ''}\n    Optional:\t${source.configMap.optional === true}\n`,
        );
      else if (source.serviceAccountToken)
        w.write(LEVEL_2, `TokenExpirationSeconds:\t${source.serviceAccountToken.expirationSeconds ?? 0}\n`);
    }
  } else if (volume.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of volume.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
    }
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
}

/** `printPodTolerationsMultiline`: sorted by key, `key=value:Effect op=Exists for 300s`. */
function printTolerations(w: PrefixWriter, title: string, tolerations: readonly Toleration[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (tolerations.length === 0) return w.writeLine('<none>');
  const sorted = [...tolerations].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  sorted.forEach((t, i) => {
    if (i > 0) w.write(LEVEL_0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** `describeTopologySpreadConstraints`: `key:WhenUnsatisfiable when max skew N is exceeded for selector S`. */
function describeTopologySpread(w: PrefixWriter, constraints: readonly TopologySpreadConstraint[]): void {
  if (constraints.length === 0) return;
  const sorted = [...constraints].sort((a, b) =>
    a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0,
  );
  w.write(LEVEL_0, 'Topology Spread Constraints:\t');
  sorted.forEach((c, i) => {
    if (i > 0) w.write(LEVEL_0, '\t');
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector) {
      const selector = labelSelectorFromSpec(c.labelSelector as Parameters<typeof labelSelectorFromSpec>[0]);
      const formatted = 'error' in selector ? '<error>' : formatLabelSelector(selector);
      text += ` for selector ${formatted || '<none>'}`;
    }
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** `qos.GetPodQOS`: the status' class, else computed from requests and limits. */
function podQosClass(pod: IPod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = (c.resources?.requests ?? {}) as Record<string, unknown>;
    const limits = (c.resources?.limits ?? {}) as Record<string, unknown>;
    for (const name of ['cpu', 'memory']) {
      if (requests[name] !== undefined || limits[name] !== undefined) any = true;
      if (
        limits[name] === undefined ||
        (requests[name] !== undefined && String(requests[name]) !== String(limits[name]))
      )
        guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** The full `kubectl describe pod` text for a pod and its events. */
export function describePod(object: KubeObject, events: readonly IEvent[], nowMs: number): string {
  const pod = object as unknown as IPod;
  const spec = pod.spec;
  const status = pod.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pod.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata?.namespace ?? ''}\n`);
  if (spec?.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec?.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', pod.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', pod.metadata?.annotations);
  if (pod.metadata?.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(
      LEVEL_0,
      `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, nowMs)})\n`,
    );
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
  describeSeccomp(w, LEVEL_0, spec?.securityContext?.seccompProfile);
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n');
  else {
    w.write(LEVEL_0, 'IPs:\n');
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controller = controlledBy(object);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  const podResources = (spec as { resources?: Container['resources'] } | undefined)?.resources;
  if (podResources) {
    w.write(LEVEL_0, 'Resources:\n');
    describeResources(w, podResources, LEVEL_1);
  }
  if ((spec?.initContainers ?? []).length > 0) {
    describeContainers(w, 'Init Containers', spec?.initContainers ?? [], status.initContainerStatuses ?? [], pod);
  }
  describeContainers(w, 'Containers', spec?.containers ?? [], status.containerStatuses ?? [], pod);
  const ephemeral = (spec?.ephemeralContainers ?? []) as Container[];
  if (ephemeral.length > 0) {
    describeContainers(w, 'Ephemeral Containers', ephemeral, status.ephemeralContainerStatuses ?? [], pod);
  }
  const conditions = status.conditions ?? [];
  if ((spec?.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of spec?.readinessGates ?? []) {
      const found = conditions.find((c) => c.type === gate.conditionType);
      w.write(LEVEL_1, `${gate.conditionType} \t${found ? found.status : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  const volumes = spec?.volumes ?? [];
  if (volumes.length === 0) w.write(LEVEL_0, 'Volumes:\t<none>\n');
  else {
    w.write(LEVEL_0, 'Volumes:\n');
    for (const volume of volumes) describeVolume(w, volume);
  }
  w.write(LEVEL_0, `QoS Class:\t${podQosClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
  printTolerations(w, 'Tolerations', spec?.tolerations ?? []);
  describeTopologySpread(w, spec?.topologySpreadConstraints ?? []);
  describeEvents(w, events, nowMs);
  return w.text();
}
