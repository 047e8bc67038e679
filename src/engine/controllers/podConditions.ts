/** Pod readiness and availability as controllers judge them (podutil.IsPodReady, IsPodAvailable, FilterActivePods). */
import type { Pod } from '../api/kinds';
import { parseTimestamp } from '../runtime/time';

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Ready for at least `minReadySeconds` at `now` (the Ready condition's lastTransitionTime counts). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  if (!ready) return false;
  if (minReadySeconds <= 0) return true;
  const since = ready.lastTransitionTime ? parseTimestamp(ready.lastTransitionTime) : undefined;
  return since !== undefined && since + minReadySeconds * 1000 <= now;
}

/** Not finished and not being deleted: the pods a ReplicaSet counts. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata.deletionTimestamp === undefined;
}
