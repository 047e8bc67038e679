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
 * The first `count` of `pods` in deletion order. `relatedPods` are the pods of every ReplicaSet with the same
 * owner (a Deployment's old and new ReplicaSets): the more of them share a pod's node, the sooner it goes.
 * When every pod goes, no ranking is needed, and Kubernetes keeps the list order.
 */
export function selectPodsToDelete(
  pods: readonly Pod[],
  relatedPods: readonly Pod[],
  count: number,
  now: number,
): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  return rankPodsForDeletion(pods, relatedPods, now).slice(0, count);
}

/** `pods` sorted by ActivePodsWithRanks.Less: the first is the first to delete. */
export function rankPodsForDeletion(pods: readonly Pod[], relatedPods: readonly Pod[], now: number): Pod[] {
  const podsOnNode = new Map<string, number>();
  for (const pod of relatedPods) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  const rank = (pod: Pod) => podsOnNode.get(pod.spec.nodeName ?? '') ?? 0;
  return [...pods].sort((a, b) => compareForDeletion(a, b, rank(a), rank(b), now));
}

/** Negative when `a` should be deleted before `b`. */
function compareForDeletion(a: Pod, b: Pod, rankA: number, rankB: number, now: number): number {
  const nodeA = a.spec.nodeName ?? '';
  const nodeB = b.spec.nodeName ?? '';
  // 1. Unassigned before assigned.
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '' ? -1 : 1;
  // 2. Pending < Unknown < Running.
  const phaseA = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const phaseB = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  // 3. Not ready before ready.
  const readyA = isPodReady(a);
  const readyB = isPodReady(b);
  if (readyA !== readyB) return readyA ? 1 : -1;
  // 4. Lower pod-deletion-cost first.
  const costA = deletionCost(a);
  const costB = deletionCost(b);
  if (costA !== costB) return costA - costB;
  // 5. More related pods on the same node first.
  if (rankA !== rankB) return rankB - rankA;
  // 6. Both ready: the more recently ready first, compared in log2 buckets of how long ago.
  if (readyA && readyB) {
    const order = compareTimes(podReadyTime(a), podReadyTime(b), a, b, now);
    if (order !== 0) return order;
  }
  // 7. More container restarts first (regular containers, then restartable init containers).
  const [regularA, sidecarA] = maxRestarts(a);
  const [regularB, sidecarB] = maxRestarts(b);
  if (regularA !== regularB) return regularB - regularA;
  if (sidecarA !== sidecarB) return sidecarB - sidecarA;
  // 8. Newer first, again in log2 buckets.
  return compareTimes(
    parseTimestamp(a.metadata.creationTimestamp),
    parseTimestamp(b.metadata.creationTimestamp),
    a,
    b,
    now,
  );
}

/**
 * Later times first. Different times whose ages fall in the same log2 bucket (LogarithmicScaleDown) are ordered
 * by pod UID instead, so a scale-down does not always pick the very newest pods.
 */
function compareTimes(timeA: number | undefined, timeB: number | undefined, a: Pod, b: Pod, now: number): number {
  if (timeA === timeB) return 0;
  if (timeA === undefined || timeB === undefined) return timeA === undefined ? -1 : 1;
  const bucketDiff = ageBucket(timeA, now) - ageBucket(timeB, now);
  if (bucketDiff === 0) return compareStrings(a.metadata.uid ?? '', b.metadata.uid ?? '');
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
