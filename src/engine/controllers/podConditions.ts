/** Pod readiness and availability as controllers judge them (podutil.IsPodReady, IsPodAvailable, FilterActivePods). */
import type { Pod } from '../api/kinds';
import { parseTimestamp } from '../runtime/time';

export function isPodReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** When a ready pod's Ready condition last turned True (virtual ms), if it is ready and the time is known. */
export function podReadyTime(pod: Pod): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True');
  return ready ? parseTimestamp(ready.lastTransitionTime) : undefined;
}

/**
 * Ready for more than `minReadySeconds` at `now` (the Ready condition's lastTransitionTime counts;
 * pkg/api/v1/pod/util.go:IsPodAvailable uses `lastTransitionTime + minReadySeconds` Before now, strictly).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podReadyTime(pod);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** Not finished and not being deleted: the pods a ReplicaSet counts. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata.deletionTimestamp === undefined;
}
