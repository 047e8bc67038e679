/** Virtual timestamps as Kubernetes serialises them (metav1.Time: RFC 3339, second precision, UTC). */
export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** metav1.MicroTime (events' eventTime, leases): RFC 3339 with microseconds. */
export function formatMicroTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseTimestamp(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Default start of virtual time for a new cluster: 2026-01-05T09:00:00Z, a Monday morning. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);
