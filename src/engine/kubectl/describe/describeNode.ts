/** `kubectl describe node` (`KC:pkg/describe/describe.go:describeNode`, `describeNodeResource`). */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { KubeObject } from '../../api/types';
import { translateTimestampSince } from '../format/duration';
import { findNodeRoles } from '../printers/nodePrinter';
import { describeEvents, formatRfc1123z, printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefixWriter';
import { podResourceTotal, resourcePercent } from './podResourceTotals';

export interface NodeDescription {
  node: KubeObject;
  /** The node's Lease in kube-node-lease, or the error text of fetching it. */
  lease: KubeObject | string;
  /** Pods on the node that are neither Succeeded nor Failed. */
  pods: readonly KubeObject[];
  events: readonly IEvent[] | undefined;
  nowMs: number;
}

function taintText(t: { key: string; value?: string; effect: string }): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function describeNodeResources(w: PrefixWriter, node: INode, pods: readonly IPod[], nowMs: number): void {
  const capacity = (node.status?.capacity ?? {}) as Record<string, string>;
  const allocatable =
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? (node.status?.allocatable as Record<string, string>)
      : capacity;
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const cell = (list: readonly IPod[], kind: 'requests' | 'limits', resource: string) => {
    const total = podResourceTotal(list, kind, resource);
    return `${total} (${resourcePercent(total, allocatable[resource], resource)}%)`;
  };
  for (const pod of pods) {
    w.write(
      LEVEL_1,
      `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell([pod], 'requests', 'cpu')}\t${cell([pod], 'limits', 'cpu')}\t${cell([pod], 'requests', 'memory')}\t${cell([pod], 'limits', 'memory')}\t${translateTimestampSince(pod.metadata?.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const names = Object.keys(allocatable).sort();
  const hugePages = names.filter((r) => r.startsWith('hugepages-'));
  for (const resource of ['cpu', 'memory', 'ephemeral-storage', ...hugePages]) {
    w.write(LEVEL_1, `${resource}\t${cell(pods, 'requests', resource)}\t${cell(pods, 'limits', resource)}\n`);
  }
  // Extended resources (e.g. nvidia.com/gpu) are listed without percentages.
  const standard = ['cpu', 'memory', 'ephemeral-storage', 'pods'];
  for (const resource of names.filter((r) => !standard.includes(r) && !r.startsWith('hugepages-'))) {
    const requests = podResourceTotal(pods, 'requests', resource);
    w.write(LEVEL_1, `${resource}\t${requests}\t${podResourceTotal(pods, 'limits', resource)}\n`);
  }
}

/** The full `kubectl describe node` text. */
export function describeNode(d: NodeDescription): string {
  const node = d.node as unknown as INode;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${node.metadata?.name ?? ''}\n`);
  const roles = findNodeRoles(node);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', node.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(node.metadata?.creationTimestamp)}\n`);
  const taints = [...(node.spec?.taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  w.write(LEVEL_0, 'Taints:\t');
  if (taints.length === 0) w.writeLine('<none>');
  taints.forEach((t, i) => w.write(LEVEL_0, `${i > 0 ? '\t' : ''}${taintText(t)}\n`));
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  if (typeof d.lease === 'string') {
    w.write(LEVEL_0, `Lease:\tFailed to get lease: ${d.lease}\n`);
  } else {
    const spec = (d.lease.spec ?? {}) as { holderIdentity?: string; acquireTime?: string; renewTime?: string };
    w.write(LEVEL_0, 'Lease:\n');
    w.write(LEVEL_1, `HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}\n`);
    w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? formatRfc1123z(spec.acquireTime) : '<unset>'}\n`);
    w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? formatRfc1123z(spec.renewTime) : '<unset>'}\n`);
  }
  const conditions = node.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${formatRfc1123z(c.lastHeartbeatTime)} \t${formatRfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(LEVEL_0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ['Capacity', node.status?.capacity],
    ['Allocatable', node.status?.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {}).sort();
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const name of names) w.write(LEVEL_0, `  ${name}:\t${String((list as Record<string, unknown>)[name])}\n`);
  }
  const info = node.status?.nodeInfo;
  w.write(LEVEL_0, 'System Info:\n');
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  // Still printed though kubelets stopped setting the field in v1.31 (KEP-4004).
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
  if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`);
  describeNodeResources(w, node, d.pods as unknown as IPod[], d.nowMs);
  describeEvents(w, d.events, d.nowMs);
  return w.text();
}
