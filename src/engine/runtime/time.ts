/** The last second formatted: virtual time moves on slowly, and most calls format the same second again. */
const lastFormatted = { second: NaN, text: '' };

/** Virtual timestamps as Kubernetes serialises them (metav1.Time: RFC 3339, second precision, UTC). */
export function formatTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastFormatted.second) {
    lastFormatted.text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastFormatted.second = second;
  }
  return lastFormatted.text;
}

/** metav1.MicroTime (events' eventTime, leases): RFC 3339 with microseconds. */
export function formatMicroTimestamp(ms: number): string {
  // The second comes from formatTimestamp's cache: node leases and events ask for it thousands of times.
  const millis = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${formatTimestamp(ms).slice(0, -1)}.${millis}000Z`;
}

export function parseTimestamp(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Default start of virtual time for a new cluster: 2026-01-05T09:00:00Z, a Monday morning. */
export const DEFAULT_START_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);
