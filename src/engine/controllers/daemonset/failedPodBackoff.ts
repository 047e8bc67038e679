/**
 * The per-node backoff on deleting failed daemon pods (daemon_controller.go: podsShouldBeOnNode with
 * failedPodsBackoff, a flowcontrol.Backoff of 1 s doubling to 15 min from cmd/kube-controller-manager/app/apps.go),
 * which keeps the controller from fighting a kubelet that keeps rejecting its pod.
 *
 * Kubernetes keeps the backoff in memory. The simulator reads it back from the `FailedDaemonPod` events the
 * controller records each time it deletes a failed pod ("… on node <node>, will try to kill it"): after k such
 * deletions on a node the next waits 2^(k−1) s (at most 15 min) from the last one, and the count is forgotten after
 * 30 min without one, as flowcontrol.Backoff resets an entry idle for twice the maximum.
 */
import type { Event } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { parseTimestamp } from '../../runtime/time';
import type { ControllerContext } from '../controller';
import type { DaemonSet } from './daemonSetTypes';

const EVENTS = resolveResourceName('events')!;
const INITIAL_MS = 1000;
const MAX_MS = 15 * 60_000;

export const FAILED_DAEMON_POD_REASON = 'FailedDaemonPod';

/** The event message for a failed pod found on a node. */
export function failedDaemonPodMessage(namespace: string | undefined, pod: string, node: string): string {
  return `Found failed daemon pod ${namespace ?? 'default'}/${pod} on node ${node}, will try to kill it`;
}

/** Milliseconds until a failed pod on `node` may be deleted again; 0 when it may be deleted now. */
export function failedPodBackoffRemaining(
  context: ControllerContext,
  ds: DaemonSet,
  node: string,
  now: number,
): number {
  let failures = 0;
  let last = -Infinity;
  for (const event of context.api.all(EVENTS, ds.metadata.namespace) as Event[]) {
    if (event.involvedObject.uid !== ds.metadata.uid || event.reason !== FAILED_DAEMON_POD_REASON) continue;
    if (!event.message?.includes(` on node ${node}, `)) continue;
    const at = parseTimestamp(event.lastTimestamp) ?? -Infinity;
    if (now - at >= 2 * MAX_MS) continue;
    failures += event.count ?? 1;
    last = Math.max(last, at);
  }
  if (failures === 0) return 0;
  const backoff = Math.min(MAX_MS, INITIAL_MS * 2 ** (failures - 1));
  return Math.max(0, last + backoff - now);
}
