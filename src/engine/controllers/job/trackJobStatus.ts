/**
 * job_controller.go:trackJobStatusAndRemoveFinalizers: finished pods are first listed in
 * `status.uncountedTerminatedPods` (written), then their tracking finalizer is removed, then they move into the
 * succeeded/failed counters; a finishing Job gets its interim condition (`FailureTarget`, `SuccessCriteriaMet`)
 * before that and its terminal one (`Failed`, `Complete`) only once nothing is uncounted or still terminating.
 */
import type { Pod } from '../../api/kinds';
import type { KubeObject } from '../../api/types';
import { referenceTo } from '../../events/recorder';
import { formatTimestamp } from '../../runtime/time';
import { completionIndexOf, formatCompletedIndexes } from './completionIndexes';
import { ensureJobCondition, newJobCondition } from './jobConditions';
import { hasTrackingFinalizer, isPodFailed } from './jobPods';
import { explain, type JobSync } from './jobSync';
import { CONDITION, JOB_CONTROLLER_NAME, isIndexedJob, type Job, type JobCondition, type JobStatus } from './jobTypes';
import { removeTrackingFinalizer } from './manageJob';

/** `canRemoveFinalizer`: the Job is going away or finishing, or the pod succeeded or failed. */
function canRemoveFinalizer(sync: JobSync, pod: Pod, failed: boolean): boolean {
  return (
    sync.job.metadata.deletionTimestamp !== undefined ||
    sync.finished !== undefined ||
    pod.status?.phase === 'Succeeded' ||
    failed
  );
}

/** Moves uncounted pods whose finalizer is gone into the counters; true when anything moved. */
function countUncounted(status: JobStatus, withFinalizer: ReadonlySet<string>): boolean {
  const uncounted = (status.uncountedTerminatedPods ??= {});
  let changed = false;
  for (const field of ['succeeded', 'failed'] as const) {
    const uids = uncounted[field] ?? [];
    const still = uids.filter((uid) => withFinalizer.has(uid));
    if (still.length === uids.length) continue;
    changed = true;
    status[field] = (status[field] ?? 0) + uids.length - still.length;
    if (still.length > 0) uncounted[field] = still;
    else delete uncounted[field];
  }
  return changed;
}

/** Counts finished pods, removes their finalizers, writes status, and finishes the Job when it may. */
export function trackJobStatus(sync: JobSync, needsUpdate: boolean): void {
  const { job } = sync;
  const status = (job.status ??= {});
  let needsFlush = needsUpdate;
  const uncounted = (status.uncountedTerminatedPods ??= {});
  const uncountedSucceeded = new Set(uncounted.succeeded ?? []);
  const uncountedFailed = new Set(uncounted.failed ?? []);
  const withFinalizer = new Set(sync.pods.filter(hasTrackingFinalizer).map((p) => p.metadata.uid ?? ''));
  if (countUncounted(status, withFinalizer)) needsFlush = true;

  const completions = job.spec.completions ?? 0;
  const indexed = isIndexedJob(job);
  const previousIndexes = new Set(sync.previousSucceededIndexes);
  const newIndexes: number[] = [];
  const release: Pod[] = [];
  for (const pod of sync.pods) {
    if (!hasTrackingFinalizer(pod)) continue;
    const uid = pod.metadata.uid ?? '';
    const failed = isPodFailed(pod, job);
    if (!canRemoveFinalizer(sync, pod, failed)) continue;
    release.push(pod);
    if (pod.status?.phase === 'Succeeded' && !uncountedFailed.has(uid)) {
      if (indexed) {
        const index = completionIndexOf(pod);
        if (index !== undefined && index < completions && !previousIndexes.has(index)) {
          newIndexes.push(index);
          needsFlush = true;
        }
      } else if (!uncountedSucceeded.has(uid)) {
        uncountedSucceeded.add(uid);
        (uncounted.succeeded ??= []).push(uid);
        needsFlush = true;
      }
    } else if (failed || (sync.finished && sync.finished.type !== CONDITION.successCriteriaMet)) {
      // A finishing Job counts every pod that did not succeed as failed.
      const index = completionIndexOf(pod);
      const validIndex = !indexed || (index !== undefined && index < completions);
      if (!uncountedFailed.has(uid) && validIndex) {
        uncountedFailed.add(uid);
        (uncounted.failed ??= []).push(uid);
        needsFlush = true;
      }
    }
  }
  if (indexed) {
    const indexes = formatCompletedIndexes([...sync.succeededIndexes, ...newIndexes]);
    if (indexes !== (status.completedIndexes ?? '')) needsFlush = true;
    const succeeded = new Set([...sync.succeededIndexes, ...newIndexes]).size;
    if (succeeded > 0) status.succeeded = succeeded;
    else delete status.succeeded;
    if (indexes) status.completedIndexes = indexes;
    else delete status.completedIndexes;
  }
  const conditions = (status.conditions ??= []);
  if (sync.finished?.type === CONDITION.failureTarget) {
    conditions.push(sync.finished);
    needsFlush = true;
    sync.finished = newJobCondition(
      CONDITION.failed,
      'True',
      sync.finished.reason ?? '',
      sync.finished.message ?? '',
      sync.now,
    );
  }
  if (sync.finished?.type === CONDITION.successCriteriaMet) {
    if (!conditions.some((c) => c.type === CONDITION.successCriteriaMet)) {
      conditions.push(sync.finished);
      needsFlush = true;
    }
    sync.finished = newJobCondition(
      CONDITION.complete,
      'True',
      sync.finished.reason ?? '',
      sync.finished.message ?? '',
      sync.now,
    );
  }

  // flushUncountedAndRemoveFinalizers: write the uncounted pods first, so no finished pod is ever lost.
  if (needsFlush) {
    if (!writeStatus(sync)) return;
    needsFlush = false;
  }
  for (const pod of release) {
    if (removeTrackingFinalizer(sync, pod)) withFinalizer.delete(pod.metadata.uid ?? '');
  }
  if (countUncounted(sync.job.status!, withFinalizer)) needsFlush = true;
  const finished = enactJobFinished(sync);
  if (finished) needsFlush = true;
  if (!needsFlush || !writeStatus(sync)) return;
  if (finished) recordJobFinished(sync, finished);
}

/** `enactJobFinished`: adds the terminal condition once no pod is uncounted or terminating. */
function enactJobFinished(sync: JobSync): JobCondition | undefined {
  const finished = sync.finished;
  const status = sync.job.status!;
  if (!finished) return undefined;
  const uncounted = status.uncountedTerminatedPods ?? {};
  if ((uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) > 0) return undefined;
  if (sync.terminating > 0) {
    explain(sync, `${finished.type} waits: ${sync.terminating} pod(s) still terminating`);
    return undefined;
  }
  ensureJobCondition(
    (status.conditions ??= []),
    finished.type,
    finished.status,
    finished.reason ?? '',
    finished.message ?? '',
    sync.now,
  );
  if (finished.type === CONDITION.complete) status.completionTime = formatTimestamp(sync.now);
  return finished;
}

/** `recordJobFinished`: `Completed` (and `TooManySucceededPods`), or a Warning named after the failure reason. */
function recordJobFinished(sync: JobSync, finished: JobCondition): void {
  const { job } = sync;
  const record = (type: 'Normal' | 'Warning', reason: string, message: string) =>
    sync.context.events.record(referenceTo(job), type, reason, message, { component: JOB_CONTROLLER_NAME });
  if (finished.type === CONDITION.complete) {
    const completions = job.spec.completions;
    if (completions !== undefined && completions !== null && (job.status?.succeeded ?? 0) > completions)
      record('Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
    record('Normal', 'Completed', 'Job completed');
    explain(sync, `complete: ${job.status?.succeeded ?? 0} pod(s) succeeded`);
  } else {
    record('Warning', finished.reason ?? '', finished.message ?? '');
  }
}

/** Writes the sync's status; keeps the stored Job (with its new resourceVersion) for the next write. */
function writeStatus(sync: JobSync): boolean {
  const status = sync.job.status!;
  if (status.conditions?.length === 0) delete status.conditions;
  const updated = sync.context.api.updateStatus(sync.job as KubeObject);
  if (!updated.ok) return false;
  sync.job = { ...(updated.value as Job), status: structuredClone((updated.value as Job).status ?? {}) };
  return true;
}
