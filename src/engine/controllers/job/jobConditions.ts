/** Job conditions as the controller writes them (job_controller.go: newCondition, ensureJobConditionStatus). */
import { formatTimestamp } from '../../runtime/time';
import type { JobCondition } from './jobTypes';

/** A condition stamped `now` in both times, as `newCondition` stamps it. */
export function newJobCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): JobCondition {
  const stamp = formatTimestamp(now);
  return { type, status, lastProbeTime: stamp, lastTransitionTime: stamp, reason, message };
}

/**
 * `ensureJobConditionStatus`: replaces the condition of `type` when its status, reason or message differ, or adds
 * it — unless it would be added as False (going from nothing to False says nothing). Returns whether it changed.
 */
export function ensureJobCondition(
  conditions: JobCondition[],
  type: string,
  status: string,
  reason: string,
  message: string,
  now: number,
): boolean {
  const index = conditions.findIndex((c) => c.type === type);
  const existing = index >= 0 ? conditions[index] : undefined;
  if (existing) {
    if (existing.status === status && existing.reason === reason && existing.message === message) return false;
    conditions[index] = newJobCondition(type, status, reason, message, now);
    return true;
  }
  if (status === 'False') return false;
  conditions.push(newJobCondition(type, status, reason, message, now));
  return true;
}
