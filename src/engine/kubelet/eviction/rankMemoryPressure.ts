/**
 * The order in which the kubelet evicts pods under memory pressure (pkg/kubelet/eviction/helpers.go
 * rankMemoryPressure): pods whose memory use exceeds their requests first, then lower priority first, then the pod
 * using the most memory above its requests first. A pod the kubelet has no stats for goes before any other. QoS
 * classes follow from it: a BestEffort pod requests nothing, so any use exceeds it, while a Guaranteed pod cannot
 * use more than it requests.
 */
import type { Pod } from '../../api/kinds';
import { podRequests } from '../../resources/podResources';

/** A candidate for eviction with its memory working set. */
export interface PodMemoryUsage {
  pod: Pod;
  /** Bytes; undefined when the kubelet has no stats for the pod. */
  workingSetBytes?: number;
}

type Compare = (a: PodMemoryUsage, b: PodMemoryUsage) => number;

/** cmpBool: true sorts first. */
function trueFirst(a: boolean, b: boolean): number {
  return a === b ? 0 : a ? -1 : 1;
}

/** A comparison of the pods' stats, where a pod without stats comes first. */
function byStats(compare: (a: number, aPod: Pod, b: number, bPod: Pod) => number): Compare {
  return (a, b) => {
    if (a.workingSetBytes === undefined || b.workingSetBytes === undefined)
      return trueFirst(a.workingSetBytes === undefined, b.workingSetBytes === undefined);
    return compare(a.workingSetBytes, a.pod, b.workingSetBytes, b.pod);
  };
}

/** The pod's memory request (GetResourceRequestQuantity): its containers' sum, or the largest init container's. */
function memoryRequest(pod: Pod): number {
  return podRequests(pod).memory;
}

const exceedsRequests = byStats((a, aPod, b, bPod) => trueFirst(a > memoryRequest(aPod), b > memoryRequest(bPod)));

const priority: Compare = (a, b) => Math.sign((a.pod.spec.priority ?? 0) - (b.pod.spec.priority ?? 0));

const usageAboveRequests = byStats((a, aPod, b, bPod) =>
  Math.sign(b - memoryRequest(bPod) - (a - memoryRequest(aPod))),
);

const ORDER: readonly Compare[] = [exceedsRequests, priority, usageAboveRequests];

/** The pods in eviction order; pods that compare equal keep their order. */
export function rankMemoryPressure(pods: readonly PodMemoryUsage[]): PodMemoryUsage[] {
  return [...pods].sort((a, b) => {
    for (const compare of ORDER) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  });
}
