/**
 * The resource usage model behind the simulated metrics: a container's CPU follows the requests it serves (each
 * costs its image's CPU time) on top of an idle baseline, plus what its processes burn in busy loops; the CFS quota
 * holds it to its CPU limit, and a node's containers together get no more than the node's allocatable CPU. Memory is
 * the kernel's figure: the image's working set plus what the container's processes hold.
 */
import type { ResourceProfile } from './resourceProfiles';

export interface CpuDemand {
  /** Container id. */
  id: string;
  node: string;
  /** Cores the container would use unhindered. */
  cores: number;
  /** Its CPU limit, in cores, if it has one. */
  limit?: number;
}

/** What the node's own daemons (kubelet, containerd, the OS) use, beyond the pods. */
export interface NodeOverhead {
  cores: number;
  memoryBytes: number;
}

const MI = 1024 * 1024;
/** Control-plane nodes also run etcd and the control plane's own processes. */
const CONTROL_PLANE_OVERHEAD: NodeOverhead = { cores: 0.12, memoryBytes: 1350 * MI };
const WORKER_OVERHEAD: NodeOverhead = { cores: 0.025, memoryBytes: 420 * MI };

/** The CPU a container asks for while serving `requestsPerSecond`. */
export function cpuDemand(profile: ResourceProfile, requestsPerSecond: number): number {
  return profile.idleCores + profile.cpuPerRequest * requestsPerSecond;
}

/**
 * The cores each container gets: its demand, at most its limit, and per node at most `allocatable[node]` in all,
 * cut in proportion to what each asks when together they ask for more.
 */
export function allocateCpu(
  demands: readonly CpuDemand[],
  allocatable: Record<string, number>,
): Record<string, number> {
  const granted: Record<string, number> = {};
  const perNode: Record<string, number> = {};
  for (const demand of demands) {
    const cores = Math.max(0, demand.limit === undefined ? demand.cores : Math.min(demand.cores, demand.limit));
    granted[demand.id] = cores;
    perNode[demand.node] = (perNode[demand.node] ?? 0) + cores;
  }
  for (const demand of demands) {
    const total = perNode[demand.node] ?? 0;
    const capacity = allocatable[demand.node] ?? Infinity;
    if (total > capacity) granted[demand.id] = (granted[demand.id] ?? 0) * (capacity / total);
  }
  return granted;
}

/** The node daemons' share of a node's usage. */
export function nodeOverhead(controlPlane: boolean): NodeOverhead {
  return controlPlane ? CONTROL_PLANE_OVERHEAD : WORKER_OVERHEAD;
}
