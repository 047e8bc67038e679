/**
 * The default profile's Score plugins that apply here, each normalized to 0–100 and weighted as in
 * pkg/scheduler/apis/config/v1/default_plugins.go: TaintToleration ×3, NodeAffinity ×2, NodeResourcesFit
 * (LeastAllocated) ×1, NodeResourcesBalancedAllocation ×1, PodTopologySpread (system default constraints) ×2.
 * Integer arithmetic truncates as Go's int64 does.
 */
import type { Pod } from '../api/kinds';
import { matchesLabels, type LabelSelector } from '../api/selectors/labelSelector';
import { podNonZeroRequests, podRequests, type ResourceAmounts } from '../resources/podResources';
import { hasPreferredNodeAffinity, matchesRequiredNodeAffinity, preferredAffinityScore } from './nodeAffinity';
import { countIntolerablePreferNoSchedule } from './taints';
import type { NodeInfo } from './nodeInfo';

const MAX_NODE_SCORE = 100;
const RESOURCES = ['cpu', 'memory'] as const;

/** helper.DefaultNormalizeScore: scale to the highest raw score (reversed: fewer is better). */
function normalize(raw: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...raw);
  if (max === 0) return raw.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return raw.map((score) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * score) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}

/** leastRequestedScore per resource, averaged with weight 1 each. */
function leastAllocatedScore(request: ResourceAmounts, info: NodeInfo): number {
  let total = 0;
  let weights = 0;
  for (const resource of RESOURCES) {
    const capacity = info.allocatable[resource];
    if (capacity === 0) continue;
    const requested = info.nonZeroRequested[resource] + request[resource];
    total += requested > capacity ? 0 : Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

/** balancedResourceScorer: 100 × (1 − the spread of the requested fractions), on actual requests. */
function balancedAllocationScore(request: ResourceAmounts, info: NodeInfo): number {
  const fractions: number[] = [];
  for (const resource of RESOURCES) {
    const capacity = info.allocatable[resource];
    if (capacity === 0) continue;
    fractions.push(Math.min(1, (info.requested[resource] + request[resource]) / capacity));
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** countPodsMatchSelector: same namespace, matching, not terminating. */
export function countMatching(pods: readonly Pod[], selector: LabelSelector, namespace: string | undefined): number {
  let count = 0;
  for (const p of pods)
    if (
      !p.metadata.deletionTimestamp &&
      p.metadata.namespace === namespace &&
      matchesLabels(selector, p.metadata.labels)
    )
      count++;
  return count;
}

/** How many of a node's pods the spreading selector counts (countMatching over the node's pods). */
export type SpreadCounter = (info: NodeInfo) => number;

/** The system default spreading constraints (podtopologyspread: systemDefaultConstraints). */
const DEFAULT_CONSTRAINTS = [
  { topologyKey: 'kubernetes.io/hostname', maxSkew: 3 },
  { topologyKey: 'topology.kubernetes.io/zone', maxSkew: 5 },
];

/**
 * PodTopologySpread with the system default constraints (ScheduleAnyway) for a pod some Service, ReplicaSet,
 * StatefulSet or ReplicationController selects: fewer matching pods in the node's host and zone score higher.
 */
function topologySpreadScores(
  pod: Pod,
  feasible: readonly NodeInfo[],
  all: readonly NodeInfo[],
  countOn: SpreadCounter,
): number[] {
  const raw = feasible.map(() => 0);
  for (const constraint of DEFAULT_CONSTRAINTS) {
    const key = constraint.topologyKey;
    const hostname = key === 'kubernetes.io/hostname';
    // Domains come from the feasible nodes (a node without the label is the "" domain); counts from every node
    // that honours the pod's node affinity. Only the domains of feasible nodes that carry the label get scored,
    // so only theirs are counted.
    const counts = new Map<string, number>();
    const scored = new Set<string>();
    for (const info of feasible) {
      const value = info.node.metadata.labels?.[key];
      counts.set(value ?? '', 0);
      if (value !== undefined) scored.add(value);
    }
    if (!hostname) {
      for (const info of all) {
        const value = info.node.metadata.labels?.[key] ?? '';
        if (!scored.has(value) || !matchesRequiredNodeAffinity(pod, info.node)) continue;
        counts.set(value, counts.get(value)! + countOn(info));
      }
    }
    const weight = Math.log((hostname ? feasible.length : counts.size) + 2);
    feasible.forEach((info, i) => {
      const value = info.node.metadata.labels?.[key];
      if (value === undefined) return;
      const count = hostname ? countOn(info) : counts.get(value)!;
      raw[i]! += count * weight + (constraint.maxSkew - 1);
    });
  }
  const rounded = raw.map((score) => Math.round(score));
  const max = Math.max(...rounded);
  const min = Math.min(...rounded);
  return rounded.map((score) =>
    max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - score)) / max),
  );
}

/**
 * Weighted total score of each feasible node, in the order given. `spreadSelector` is the pod's DefaultSelector
 * (undefined when nothing selects it, which skips PodTopologySpread); `countOn` may count its matches on a node
 * from a cache.
 */
export function scoreNodes(
  pod: Pod,
  feasible: readonly NodeInfo[],
  all: readonly NodeInfo[],
  spreadSelector: LabelSelector | undefined,
  countOn: SpreadCounter = (info) => countMatching(info.pods, spreadSelector!, pod.metadata.namespace),
): number[] {
  const totals = feasible.map(() => 0);
  const add = (scores: number[], weight: number) => scores.forEach((s, i) => (totals[i]! += s * weight));

  const taints = feasible.map((info) => countIntolerablePreferNoSchedule(info.node.spec?.taints, pod.spec.tolerations));
  add(normalize(taints, true), 3);
  if (hasPreferredNodeAffinity(pod))
    add(
      normalize(
        feasible.map((info) => preferredAffinityScore(pod, info.node)),
        false,
      ),
      2,
    );
  const nonZero = podNonZeroRequests(pod);
  add(
    feasible.map((info) => leastAllocatedScore(nonZero, info)),
    1,
  );
  const request = podRequests(pod);
  // BalancedAllocation skips best-effort pods so they do not pile up on one node (kubernetes#129138).
  if (request.cpu > 0 || request.memory > 0)
    add(
      feasible.map((info) => balancedAllocationScore(request, info)),
      1,
    );
  if (spreadSelector) add(topologySpreadScores(pod, feasible, all, countOn), 2);
  return totals;
}
