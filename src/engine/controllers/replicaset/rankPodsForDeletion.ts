/**
 * Which pods a ReplicaSet deletes first when it has too many (replica_set.go:getPodsToDelete and
 * controller_utils.go:ActivePodsWithRanks.Less, with PodDeletionCost and LogarithmicScaleDown on, as they are by
 * default): pods that matter least go first, so a scale-down removes unscheduled, starting and unready pods before
 * serving ones, and spreads the survivors across nodes.
 */
import type { Pod } from '../../api/kinds';
import { isPodActive, isPodReady, podReadyTime } from '../podConditions';
import { parseTimestamp } from '../../runtime/time';

const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const NANOS_PER_MS = 1_000_000;

/**
 * The first `count` of `pods` in deletion order. `podsOnNodes` counts, per node, the active pods of every
 * ReplicaSet with the same owner (a Deployment's old and new ReplicaSets): the more of them share a pod's node,
 * the sooner it goes. When every pod goes, no ranking is needed, and Kubernetes keeps the list order. `factsOf`
 * may read each pod's facts from a cache.
 */
export function selectPodsToDelete(
  pods: readonly Pod[],
  podsOnNodes: () => ReadonlyMap<string, number>,
  count: number,
  now: number,
  factsOf: (pod: Pod) => PodRankFacts = podRankFacts,
): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  return rankByNodeCounts(pods, podsOnNodes(), now, factsOf).slice(0, count);
}

/** How many of `pods` are active on each node (an unscheduled pod counts under ""). */
export function countActivePodsOnNodes(pods: readonly Pod[]): Map<string, number> {
  const podsOnNode = new Map<string, number>();
  for (const pod of pods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  return podsOnNode;
}

/** `pods` sorted by ActivePodsWithRanks.Less: the first is the first to delete. */
export function rankPodsForDeletion(pods: readonly Pod[], relatedPods: readonly Pod[], now: number): Pod[] {
  return rankByNodeCounts(pods, countActivePodsOnNodes(relatedPods), now, podRankFacts);
}

function rankByNodeCounts(
  pods: readonly Pod[],
  podsOnNode: ReadonlyMap<string, number>,
  now: number,
  factsOf: (pod: Pod) => PodRankFacts,
): Pod[] {
  // Each pod's facts are read once: a comparison only looks them up.
  const ranked = pods.map((pod): Ranked => {
    const facts = factsOf(pod);
    return {
      pod,
      facts,
      rank: podsOnNode.get(facts.node) ?? 0,
      readyBucket: facts.readyTime === undefined ? 0 : ageBucket(facts.readyTime, now),
      createdBucket: facts.created === undefined ? 0 : ageBucket(facts.created, now),
    };
  });
  return ranked.sort(compareForDeletion).map((entry) => entry.pod);
}

/** What the deletion order reads of a pod itself: it holds as long as the stored object does. */
export interface PodRankFacts {
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  readyTime?: number;
  regularRestarts: number;
  sidecarRestarts: number;
  created?: number;
  uid: string;
}

/** A pod with its facts and what they amount to at the time of the ranking. */
interface Ranked {
  pod: Pod;
  facts: PodRankFacts;
  /** Related pods on the pod's node. */
  rank: number;
  readyBucket: number;
  createdBucket: number;
}

/** What the ranking reads of one pod object. */
export function podRankFacts(pod: Pod): PodRankFacts {
  const ready = isPodReady(pod);
  const [regularRestarts, sidecarRestarts] = maxRestarts(pod);
  return {
    node: pod.spec.nodeName ?? '',
    phase: PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0,
    ready,
    cost: deletionCost(pod),
    readyTime: ready ? podReadyTime(pod) : undefined,
    regularRestarts,
    sidecarRestarts,
    created: parseTimestamp(pod.metadata.creationTimestamp),
    uid: pod.metadata.uid ?? '',
  };
}

/** Negative when `a` should be deleted before `b`. */
function compareForDeletion(x: Ranked, y: Ranked): number {
  const a = x.facts;
  const b = y.facts;
  // 1. Unassigned before assigned.
  if (a.node !== b.node && (a.node === '' || b.node === '')) return a.node === '' ? -1 : 1;
  // 2. Pending < Unknown < Running.
  if (a.phase !== b.phase) return a.phase - b.phase;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  // 4. Lower pod-deletion-cost first.
  if (a.cost !== b.cost) return a.cost - b.cost;
  // 5. More related pods on the same node first.
  if (x.rank !== y.rank) return y.rank - x.rank;
  // 6. Both ready: the more recently ready first, compared in log2 buckets of how long ago.
  if (a.ready && b.ready) {
    const order = compareTimes(a.readyTime, b.readyTime, x.readyBucket, y.readyBucket, a.uid, b.uid);
    if (order !== 0) return order;
  }
  // 7. More container restarts first (regular containers, then restartable init containers).
  if (a.regularRestarts !== b.regularRestarts) return b.regularRestarts - a.regularRestarts;
  if (a.sidecarRestarts !== b.sidecarRestarts) return b.sidecarRestarts - a.sidecarRestarts;
  // 8. Newer first, again in log2 buckets.
  return compareTimes(a.created, b.created, x.createdBucket, y.createdBucket, a.uid, b.uid);
}

/**
 * Later times first. Different times whose ages fall in the same log2 bucket (LogarithmicScaleDown) are ordered
 * by pod UID instead, so a scale-down does not always pick the very newest pods.
 */
function compareTimes(
  timeA: number | undefined,
  timeB: number | undefined,
  bucketA: number,
  bucketB: number,
  uidA: string,
  uidB: string,
): number {
  if (timeA === timeB) return 0;
  if (timeA === undefined || timeB === undefined) return timeA === undefined ? -1 : 1;
  const bucketDiff = bucketA - bucketB;
  if (bucketDiff === 0) return compareStrings(uidA, uidB);
  return bucketDiff;
}

/** controller_utils.go:logarithmicRankDiff's rank: floor(log2(age in nanoseconds)), -1 for no age. */
function ageBucket(time: number, now: number): number {
  const age = (now - time) * NANOS_PER_MS;
  return age > 0 ? Math.floor(Math.log2(age)) : -1;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** helper.GetDeletionCostFromPodAnnotations: an int32 without a plus sign or leading zeros; invalid counts as 0. */
function deletionCost(pod: Pod): number {
  const value = pod.metadata.annotations?.[DELETION_COST_ANNOTATION];
  if (value === undefined || !/^-?(0|[1-9][0-9]*)$/.test(value)) return 0;
  const cost = Number(value);
  return cost >= -2147483648 && cost <= 2147483647 ? cost : 0;
}

/** The highest restart count among regular containers and among restartable (sidecar) init containers. */
function maxRestarts(pod: Pod): [number, number] {
  const regular = Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount));
  const sidecars = new Set(
    (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  const sidecar = Math.max(
    0,
    ...(pod.status?.initContainerStatuses ?? []).filter((s) => sidecars.has(s.name)).map((s) => s.restartCount),
  );
  return [regular, sidecar];
}

/** A pod as a scale-down decision names it: `web-x2k9p (Running, ready 42s)`. */
export function describePodForDeletion(pod: Pod, now: number): string {
  const facts: string[] = [];
  if (!pod.spec.nodeName) facts.push('unscheduled');
  facts.push(pod.status?.phase ?? 'Pending');
  const readySince = podReadyTime(pod);
  if (!isPodReady(pod)) facts.push('not ready');
  else if (readySince !== undefined) facts.push(`ready ${Math.max(0, Math.floor((now - readySince) / 1000))}s`);
  const cost = deletionCost(pod);
  if (cost !== 0) facts.push(`deletion cost ${cost}`);
  return `${pod.metadata.name} (${facts.join(', ')})`;
}
