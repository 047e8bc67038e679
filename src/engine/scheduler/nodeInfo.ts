/**
 * The scheduler cache's per-node view (framework.NodeInfo): the node, the pods assigned to it, their summed requests
 * (as requested, and with the scoring defaults for containers without requests) and the host ports they hold.
 * The scheduler's informer ignores Succeeded and Failed pods, so they hold nothing.
 */
import type { Node, Pod } from '../api/kinds';
import {
  nodeAllocatable,
  podNonZeroRequests,
  podRequests,
  type NodeAllocatable,
  type ResourceAmounts,
} from '../resources/podResources';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface NodeInfo {
  node: Node;
  pods: Pod[];
  requested: ResourceAmounts;
  nonZeroRequested: ResourceAmounts;
  allocatable: NodeAllocatable;
  usedPorts: HostPort[];
}

export function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** schedutil.GetHostPorts: host ports of the containers and of restartable (sidecar) init containers, sanitized. */
export function hostPortsOf(pod: Pod): HostPort[] {
  const containers = [
    ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
    ...(pod.spec.containers ?? []),
  ];
  return containers.flatMap((c) =>
    (c.ports ?? [])
      .filter((p) => (p.hostPort ?? 0) > 0)
      .map((p) => ({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort! })),
  );
}

/** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with every address, a specific address with itself and 0.0.0.0. */
export function portsConflict(wanted: HostPort, used: HostPort): boolean {
  if (wanted.port !== used.port || wanted.protocol !== used.protocol) return false;
  return wanted.ip === '0.0.0.0' || used.ip === '0.0.0.0' || wanted.ip === used.ip;
}

/** What a pod holds on its node: its requests (as requested and with the scoring defaults) and host ports. */
export interface PodUsage {
  requested: ResourceAmounts;
  nonZeroRequested: ResourceAmounts;
  ports: HostPort[];
}

function usageOf(pod: Pod): PodUsage {
  return { requested: podRequests(pod), nonZeroRequested: podNonZeroRequests(pod), ports: hostPortsOf(pod) };
}

/** A NodeInfo per node, in the order given, from the pods assigned to each (terminal pods excluded). */
export function buildNodeInfos(
  nodes: readonly Node[],
  pods: readonly Pod[],
  usage: (pod: Pod) => PodUsage = usageOf,
): NodeInfo[] {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    if (!pod.spec.nodeName || isTerminal(pod)) continue;
    const list = byNode.get(pod.spec.nodeName) ?? [];
    list.push(pod);
    byNode.set(pod.spec.nodeName, list);
  }
  return nodes.map((node) => {
    const onNode = byNode.get(node.metadata.name) ?? [];
    const requested = { cpu: 0, memory: 0 };
    const nonZeroRequested = { cpu: 0, memory: 0 };
    const usedPorts: HostPort[] = [];
    for (const pod of onNode) {
      const used = usage(pod);
      requested.cpu += used.requested.cpu;
      requested.memory += used.requested.memory;
      nonZeroRequested.cpu += used.nonZeroRequested.cpu;
      nonZeroRequested.memory += used.nonZeroRequested.memory;
      usedPorts.push(...used.ports);
    }
    return { node, pods: onNode, requested, nonZeroRequested, allocatable: nodeAllocatable(node), usedPorts };
  });
}

/**
 * Each stored pod's usage, computed once: the API server replaces an object on every write, so one pod object's
 * usage never changes (derived data; a restored scheduler starts empty).
 */
export class PodUsageCache {
  private readonly usage = new WeakMap<Pod, PodUsage>();

  of(pod: Pod): PodUsage {
    let used = this.usage.get(pod);
    if (!used) this.usage.set(pod, (used = usageOf(pod)));
    return used;
  }
}
