/**
 * Completion indexes of an Indexed Job (pkg/controller/job/indexed_job_utils.go): which index a pod runs, which
 * indexes have succeeded (`status.completedIndexes`, e.g. `0-2,4`), and which to start next.
 */
import type { Pod } from '../../api/kinds';
import { JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER, type Job } from './jobTypes';

/** The pod's index from its annotation, or undefined when missing or not a non-negative integer (`getCompletionIndex`). */
export function completionIndexOf(pod: Pod): number | undefined {
  const value = pod.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (value === undefined || !/^\+?\d+$/.test(value)) return undefined;
  const index = Number(value);
  return Number.isSafeInteger(index) ? index : undefined;
}

/**
 * `parseIndexesFromString`: `1,3-5,7` as sorted unique indexes below `completions`; malformed parts are skipped,
 * as the controller logs and skips them.
 */
export function parseCompletedIndexes(text: string | undefined, completions: number): number[] {
  const indexes = new Set<number>();
  for (const part of (text ?? '').split(',')) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!match) continue;
    const first = Number(match[1]);
    const last = Math.min(match[2] === undefined ? first : Number(match[2]), completions - 1);
    for (let i = first; i <= last; i++) indexes.add(i);
  }
  return [...indexes].sort((a, b) => a - b);
}

/** `orderedIntervals.String`: runs of three or more as `first-last`, two as `a,b`. */
export function formatCompletedIndexes(indexes: readonly number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const first = sorted[i]!;
    const last = sorted[j]!;
    if (last === first) parts.push(String(first));
    else if (last === first + 1) parts.push(`${first},${last}`);
    else parts.push(`${first}-${last}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * `calculateSucceededIndexes`: the indexes already counted in status, and those plus the indexes of succeeded pods
 * the controller has not counted yet (they still carry the tracking finalizer).
 */
export function succeededIndexes(job: Job, pods: readonly Pod[]): { previous: number[]; current: number[] } {
  const completions = job.spec.completions ?? 0;
  const previous = parseCompletedIndexes(job.status?.completedIndexes, completions);
  const current = new Set(previous);
  for (const pod of pods) {
    const index = completionIndexOf(pod);
    const counting = pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false;
    if (pod.status?.phase === 'Succeeded' && index !== undefined && index < completions && counting) current.add(index);
  }
  return { previous, current: [...current].sort((a, b) => a - b) };
}

/**
 * `firstPendingIndexes`: up to `count` of the lowest indexes neither succeeded nor running (nor, when only failed
 * pods are replaced, still terminating).
 */
export function firstPendingIndexes(
  count: number,
  completions: number,
  succeeded: readonly number[],
  busyPods: readonly Pod[],
): number[] {
  const taken = new Set(succeeded);
  for (const pod of busyPods) {
    const index = completionIndexOf(pod);
    if (index !== undefined) taken.add(index);
  }
  const pending: number[] = [];
  for (let index = 0; index < completions && pending.length < count; index++) {
    if (!taken.has(index)) pending.push(index);
  }
  return pending;
}

/** `podGenerateNameWithIndex`: `<job>-<index>-`, the job name cut so the generated name stays within 63. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const maxGenerated = 58;
  const prefix = jobName + suffix;
  return prefix.length > maxGenerated ? jobName.slice(0, maxGenerated - suffix.length) + suffix : prefix;
}
