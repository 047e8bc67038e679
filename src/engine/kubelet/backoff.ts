/**
 * client-go's flowcontrol.Backoff as the kubelet uses it for container restarts and image pulls: 10 s doubling to
 * 300 s; an entry untouched for more than twice the maximum starts over (a container that ran for 10 minutes).
 * Source: k8s.io/client-go/util/flowcontrol/backoff.go; pkg/kubelet/kubelet.go (backOffPeriod, MaxContainerBackOff).
 */
export interface BackoffEntry {
  delayMs: number;
  lastUpdate: number;
}

export const INITIAL_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 300_000;

function hasExpired(entry: BackoffEntry, eventTime: number): boolean {
  return eventTime - entry.lastUpdate > 2 * MAX_BACKOFF_MS;
}

/** IsInBackOffSince: is `now` still within the back-off window that started at `eventTime`? */
export function isInBackoffSince(entry: BackoffEntry | undefined, eventTime: number, now: number): boolean {
  if (!entry || hasExpired(entry, eventTime)) return false;
  return now - eventTime < entry.delayMs;
}

/** Next: start at the initial delay, or double (capped), and remember when. */
export function nextBackoff(entry: BackoffEntry | undefined, now: number): BackoffEntry {
  if (!entry || hasExpired(entry, now)) return { delayMs: INITIAL_BACKOFF_MS, lastUpdate: now };
  return { delayMs: Math.min(entry.delayMs * 2, MAX_BACKOFF_MS), lastUpdate: now };
}
