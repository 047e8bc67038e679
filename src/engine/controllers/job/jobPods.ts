/**
 * How the Job controller reads its pods (job_controller.go, backoff_utils.go, controller_utils.go): which count as
 * failed or terminating, when a pod finished, and which active pods to remove first.
 */
import type { Pod } from '../../api/kinds';
import { parseTimestamp } from '../../runtime/time';
import { isPodReady, podReadyTime } from '../podConditions';
import { completionIndexOf } from './completionIndexes';
import { JOB_TRACKING_FINALIZER, isIndexedJob, type Job } from './jobTypes';

export function hasTrackingFinalizer(pod: Pod): boolean {
  return pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false;
}

function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Being deleted and not yet finished (`controller.CountTerminatingPods`). */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && pod.metadata.deletionTimestamp !== undefined;
}

/** `onlyReplaceFailedPods`: podReplacementPolicy Failed (the default when a podFailurePolicy is set). */
export function onlyReplacesFailedPods(job: Job): boolean {
  return job.spec.podReplacementPolicy === 'Failed' || job.spec.podFailurePolicy !== undefined;
}

/**
 * `isPodFailed`: phase Failed, or — unless only failed pods are replaced — deleted before it succeeded (an evicted
 * or deleted pod may never reach the Failed phase).
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (onlyReplacesFailedPods(job)) return false;
  return pod.metadata.deletionTimestamp !== undefined && pod.status?.phase !== 'Succeeded';
}

/**
 * `getFinishedTime`: the last container's finish, else when Ready turned False, else the deletion request
 * (deletionTimestamp minus the grace period), else the creation time.
 */
export function podFinishedTime(pod: Pod): number {
  const statuses = pod.status?.containerStatuses ?? [];
  let latest: number | undefined;
  let allFinished = statuses.length > 0;
  for (const status of statuses) {
    const finishedAt = parseTimestamp(status.state?.terminated?.finishedAt);
    if (finishedAt === undefined) {
      allFinished = false;
      break;
    }
    latest = latest === undefined ? finishedAt : Math.max(latest, finishedAt);
  }
  if (allFinished && latest !== undefined) return latest;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const notReadySince = ready?.status === 'False' ? parseTimestamp(ready.lastTransitionTime) : undefined;
  if (notReadySince !== undefined) return notReadySince;
  const deletion = parseTimestamp(pod.metadata.deletionTimestamp);
  if (deletion !== undefined) return deletion - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTimestamp(pod.metadata.creationTimestamp) ?? 0;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((s) => s.restartCount ?? 0));
}

/**
 * `controller.ActivePods.Less`: unscheduled before scheduled, Pending < Unknown < Running, not ready before ready,
 * ready for less time first, more restarts first, newer first. Negative when `a` goes first.
 */
function compareActivePods(a: Pod, b: Pod): number {
  const nodeA = a.spec.nodeName ?? '';
  const nodeB = b.spec.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '' ? -1 : 1;
  const phase = (PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0) - (PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0);
  if (phase !== 0) return phase;
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? 1 : -1;
  if (isPodReady(a)) {
    const order = laterFirst(podReadyTime(a), podReadyTime(b));
    if (order !== 0) return order;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  return laterFirst(parseTimestamp(a.metadata.creationTimestamp), parseTimestamp(b.metadata.creationTimestamp));
}

/** `afterOrZero`: an unknown time first, then the later one. */
function laterFirst(a: number | undefined, b: number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return b - a;
}

/**
 * `activePodsForRemoval`: for an Indexed Job, pods with a missing or out-of-range index and all but one pod of a
 * repeated index go first; then, while more must go, the least established of the rest.
 */
export function activePodsForRemoval(job: Job, pods: readonly Pod[], atLeast: number): Pod[] {
  const remove: Pod[] = [];
  let left: Pod[] = [...pods];
  if (isIndexedJob(job)) {
    const completions = job.spec.completions ?? 0;
    const byIndex = new Map<number, Pod[]>();
    left = [];
    for (const pod of pods) {
      const index = completionIndexOf(pod);
      if (index === undefined || index >= completions) remove.push(pod);
      else byIndex.set(index, [...(byIndex.get(index) ?? []), pod]);
    }
    for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
      const same = [...byIndex.get(index)!].sort(compareActivePods);
      remove.push(...same.slice(0, -1));
      left.push(same[same.length - 1]!);
    }
  }
  if (remove.length < atLeast) remove.push(...[...left].sort(compareActivePods).slice(0, atLeast - remove.length));
  return remove;
}
