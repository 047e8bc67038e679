/** Virtual time as the page shows it. */

/** `2026-01-05 09:00:07 UTC`: the cluster's wall clock. */
export function formatClusterTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** `+1m05s`, `+42s`, `+1h02m`: time since the cluster started, as the timeline labels it. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `+${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `+${m}m${String(s).padStart(2, '0')}s`;
  return `+${s}s`;
}
