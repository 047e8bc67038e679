/**
 * The delay before a Job replaces failed pods (backoff_utils.go: backoffRecord, getRemainingTimeForFailuresCount):
 * 10 s after the latest failure, doubled for each further failure since the last success, at most 10 minutes
 * (`DefaultJobPodFailureBackOff`, `MaxJobPodFailureBackOff`).
 *
 * Kubernetes keeps the record in the controller's memory and updates it as it counts newly finished pods; the
 * simulator derives it from the finished pods still present, which gives the same record while they exist (a
 * deleted pod's failure is forgotten once the pod is gone).
 */
import type { Pod } from '../../api/kinds';
import { isPodFailed, podFinishedTime } from './jobPods';
import type { Job } from './jobTypes';

const POD_FAILURE_BACKOFF_MS = 10_000;
const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** Virtual ms of the latest counted failure, when there is one. */
  lastFailureTime?: number;
}

/** Failures finished after the latest success, and when the last of them finished. */
export function backoffRecordOf(job: Job, pods: readonly Pod[]): BackoffRecord {
  let lastSuccess = -Infinity;
  for (const pod of pods) {
    if (pod.status?.phase === 'Succeeded') lastSuccess = Math.max(lastSuccess, podFinishedTime(pod));
  }
  const record: BackoffRecord = { failuresAfterLastSuccess: 0 };
  for (const pod of pods) {
    if (!isPodFailed(pod, job)) continue;
    const finished = podFinishedTime(pod);
    if (finished <= lastSuccess) continue;
    record.failuresAfterLastSuccess++;
    record.lastFailureTime = Math.max(record.lastFailureTime ?? -Infinity, finished);
  }
  return record;
}

/** The full delay for `failures` consecutive failures: 10 s, 20 s, 40 s … capped at 10 minutes. */
export function backoffDelay(failures: number): number {
  let delay = POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < failures; i++) {
    delay *= 2;
    if (delay >= MAX_POD_FAILURE_BACKOFF_MS) return MAX_POD_FAILURE_BACKOFF_MS;
  }
  return delay;
}

/** How long pod creation still waits at `now` (`getRemainingTime`); 0 when it may go ahead. */
export function remainingBackoff(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  const elapsed = now - record.lastFailureTime;
  const delay = backoffDelay(record.failuresAfterLastSuccess);
  return delay < elapsed ? 0 : delay - elapsed;
}
