// apimachinery: pkg/util/duration/duration.go; kubectl: pkg/printers/internalversion/printers.go
// (translateTimestampSince). Go truncates toward zero in every division here.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's int(d.Seconds()) style truncation of a duration in milliseconds. */
function whole(ms: number, unit: number): number {
  return Math.trunc(ms / unit);
}

/**
 * duration.HumanDuration: ~2-3 significant figures (`95s`, `3m12s`, `45m`, `5h3m`, `47h`, `3d4h`, `400d`,
 * `2y15d`, `9y`). Up to 2 s in the future reads `0s`; further is `<invalid>`.
 */
export function humanDuration(ms: number): string {
  const seconds = whole(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = whole(ms, MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = whole(ms, HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${whole(hours, 24)}d` : `${whole(hours, 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${whole(hours, 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = whole(hours, 24) % 365;
    return dy === 0 ? `${whole(hours, 24 * 365)}y` : `${whole(hours, 24 * 365)}y${dy}d`;
  }
  return `${whole(hours, 24 * 365)}y`;
}

/** duration.ShortHumanDuration: one unit only (`59s`, `59m`, `23h`, `364d`, `2y`). */
export function shortHumanDuration(ms: number): string {
  const seconds = whole(ms, SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = whole(ms, MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = whole(ms, HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${whole(hours, 24)}d`;
  return `${whole(ms, HOUR * 24 * 365)}y`;
}

/**
 * The AGE of a timestamp as kubectl prints it: HumanDuration of now − timestamp, or `<unknown>` when the
 * timestamp is missing (or not a time).
 */
export function translateTimestampSince(timestampIso: string | undefined | null, nowMs: number): string {
  if (!timestampIso) return '<unknown>';
  const then = Date.parse(timestampIso);
  if (Number.isNaN(then)) return '<unknown>';
  return humanDuration(nowMs - then);
}
