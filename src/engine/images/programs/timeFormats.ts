/** Timestamp formats of the servers' logs and headers, all in UTC (containers run with TZ unset). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

function parts(ms: number) {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth(),
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
    clock: `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`,
    millis: date.getUTCMilliseconds(),
  };
}

/** `2024/01/01 10:00:00`: nginx's error log and Go's `log` package. */
export function formatLogTime(ms: number): string {
  const { year, month, day, clock } = parts(ms);
  return `${year}/${pad(month + 1)}/${pad(day)} ${clock}`;
}

/** `01/Jan/2024:10:00:00 +0000`: `$time_local` of nginx and `%t` of Apache access logs. */
export function formatAccessLogTime(ms: number): string {
  const { year, month, day, clock } = parts(ms);
  return `${pad(day)}/${MONTHS[month]}/${year}:${clock} +0000`;
}

/** `Mon, 01 Jan 2024 10:00:00 GMT`: the HTTP `Date` and `Last-Modified` headers (RFC 9110 IMF-fixdate). */
export function formatHttpDate(ms: number): string {
  const { year, month, day, weekday, clock } = parts(ms);
  return `${WEEKDAYS[weekday]}, ${pad(day)} ${MONTHS[month]} ${year} ${clock} GMT`;
}

/** `Mon Jan 01 10:00:00.000000 2024`: Apache httpd's error log. */
export function formatApacheErrorTime(ms: number): string {
  const { year, month, day, weekday, clock, millis } = parts(ms);
  return `${WEEKDAYS[weekday]} ${MONTHS[month]} ${pad(day)} ${clock}.${pad(millis, 3)}000 ${year}`;
}

/** `01 Jan 2024 10:00:00.000`: Redis's log. */
export function formatRedisTime(ms: number): string {
  const { year, month, day, clock, millis } = parts(ms);
  return `${pad(day)} ${MONTHS[month]} ${year} ${clock}.${pad(millis, 3)}`;
}

/** `2024-01-01 10:00:00` followed by the given fraction digits of a second (0 for none). */
export function formatIsoSpaced(ms: number, fractionDigits = 0): string {
  const { year, month, day, clock, millis } = parts(ms);
  const fraction = fractionDigits > 0 ? '.' + pad(millis, 3).padEnd(fractionDigits, '0').slice(0, fractionDigits) : '';
  return `${year}-${pad(month + 1)}-${pad(day)} ${clock}${fraction}`;
}

/** `2024-01-01T10:00:00.000Z` with the given fraction digits (3 for JavaScript, 6 for MySQL). */
export function formatIsoTime(ms: number, fractionDigits = 3): string {
  return formatIsoSpaced(ms, fractionDigits).replace(' ', 'T') + 'Z';
}

/** `01-Jan-2024 10:00:00.000`: Tomcat's JULI log. */
export function formatTomcatTime(ms: number): string {
  const { year, month, day, clock, millis } = parts(ms);
  return `${pad(day)}-${MONTHS[month]}-${year} ${clock}.${pad(millis, 3)}`;
}

/** A Go `time.Duration` as `String()` prints it: `1.5s`, `2m3.25s`, `1h0m0s`, `250ms`. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const secondsText = `${Number(seconds.toFixed(3))}s`;
  if (hours > 0) return `${hours}h${minutes}m${secondsText}`;
  if (minutes > 0) return `${minutes}m${secondsText}`;
  return secondsText;
}
