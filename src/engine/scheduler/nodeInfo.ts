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
    if (!holdsResources(pod)) continue;
    const list = byNode.get(pod.spec.nodeName!) ?? [];
    list.push(pod);
    byNode.set(pod.spec.nodeName!, list);
  }
  return nodes.map((node) => nodeInfoOf(node, byNode.get(node.metadata.name) ?? [], usage));
}

/**
 * Whether a change of a pod on its node leaves what a NodeInfo reads of it as it was: its spec (the requests and
 * host ports; a pod's generation moves with every spec change but binding, which only unassigned pods see), its
 * labels and whether it is terminating (what spreading counts).
 */
function sameForScheduling(previous: Pod, pod: Pod): boolean {
  if (previous.metadata.generation !== pod.metadata.generation) return false;
  if (previous.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp) return false;
  const before = previous.metadata.labels ?? {};
  const after = pod.metadata.labels ?? {};
  const keys = Object.keys(after);
  if (keys.length !== Object.keys(before).length) return false;
  return keys.every((key) => before[key] === after[key]);
}

/** Whether a pod counts on its node: assigned and not finished. */
function holdsResources(pod: Pod): boolean {
  return !!pod.spec.nodeName && !isTerminal(pod);
}

/** One node's info from the pods it holds, in the API's list order (sums are taken in that order). */
function nodeInfoOf(node: Node, pods: Pod[], usage: (pod: Pod) => PodUsage): NodeInfo {
  const requested = { cpu: 0, memory: 0 };
  const nonZeroRequested = { cpu: 0, memory: 0 };
  const usedPorts: HostPort[] = [];
  for (const pod of pods) {
    const used = usage(pod);
    requested.cpu += used.requested.cpu;
    requested.memory += used.requested.memory;
    nonZeroRequested.cpu += used.nonZeroRequested.cpu;
    nonZeroRequested.memory += used.nonZeroRequested.memory;
    usedPorts.push(...used.ports);
  }
  return { node, pods, requested, nonZeroRequested, allocatable: nodeAllocatable(node), usedPorts };
}

/**
 * The scheduler cache (pkg/scheduler/backend/cache): NodeInfos kept from the pod watch instead of rebuilt from every
 * pod on each attempt. A node's info is recomputed, exactly as buildNodeInfos computes it, only after one of its
 * pods or the node itself changed; each stored pod's usage is computed once (the API server replaces an object on
 * every write). Derived data: a restored scheduler builds it afresh from the API.
 */
export class NodeInfoCache {
  private readonly usage = new WeakMap<Pod, PodUsage>();
  /** node name → `namespace/name` → pod holding resources there; undefined until first built. */
  private held?: Map<string, Map<string, Pod>>;
  /** `namespace/name` → the node a pod is counted on. */
  private readonly placed = new Map<string, string>();
  private readonly infos = new Map<string, NodeInfo>();
  /** node name → its pods' keys sorted, until a pod comes or goes. */
  private readonly sortedKeys = new Map<string, string[]>();

  /** `listPods` lists every pod as the API does, for the first build. */
  constructor(private readonly listPods: () => Pod[]) {}

  /** A pod was stored or deleted (the informer's event handlers); `previous` is the object it replaced. */
  podChanged(pod: Pod, deleted: boolean, previous?: Pod): void {
    if (!this.held) return;
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
    const node = this.placed.get(key);
    if (!deleted && previous && node !== undefined && node === pod.spec.nodeName && holdsResources(pod)) {
      if (sameForScheduling(previous, pod)) {
        // A status write: the node's info reads nothing that changed, so it holds (with the older object), and
        // the pod's usage is the same.
        this.held.get(node)!.set(key, pod);
        const used = this.usage.get(previous);
        if (used) this.usage.set(pod, used);
        return;
      }
    }
    this.place(pod, deleted);
  }

  /** A NodeInfo per node, in the order given; equal to buildNodeInfos over every pod. */
  build(nodes: readonly Node[]): NodeInfo[] {
    if (!this.held) {
      this.held = new Map();
      for (const pod of this.listPods()) this.place(pod, false);
    }
    return nodes.map((node) => {
      const cached = this.infos.get(node.metadata.name);
      if (cached?.node === node) return cached;
      const byKey = this.held!.get(node.metadata.name);
      let keys = this.sortedKeys.get(node.metadata.name);
      if (!keys) this.sortedKeys.set(node.metadata.name, (keys = [...(byKey?.keys() ?? [])].sort()));
      const info = nodeInfoOf(
        node,
        keys.map((key) => byKey!.get(key)!),
        (pod) => this.usageOf(pod),
      );
      this.infos.set(node.metadata.name, info);
      return info;
    });
  }

  private place(pod: Pod, deleted: boolean): void {
    const key = `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
    const before = this.placed.get(key);
    const node = deleted || !holdsResources(pod) ? undefined : pod.spec.nodeName!;
    if (before !== undefined) {
      this.infos.delete(before);
      if (before !== node) {
        this.held!.get(before)?.delete(key);
        this.placed.delete(key);
        this.sortedKeys.delete(before);
      }
    }
    if (node === undefined) return;
    let onNode = this.held!.get(node);
    if (!onNode) this.held!.set(node, (onNode = new Map()));
    onNode.set(key, pod);
    this.placed.set(key, node);
    this.infos.delete(node);
    if (before !== node) this.sortedKeys.delete(node);
  }

  private usageOf(pod: Pod): PodUsage {
    let used = this.usage.get(pod);
    if (!used) this.usage.set(pod, (used = usageOf(pod)));
    return used;
  }
}
