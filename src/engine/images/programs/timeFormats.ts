/** Timestamp formats of the servers' logs and headers, all in UTC (containers run with TZ unset). */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

const MS_PER_DAY = 86_400_000;

/**
 * UTC calendar fields of a time. Servers stamp every request with these, so they are computed from day numbers
 * (the proleptic Gregorian algorithm of Howard Hinnant's `civil_from_days`) rather than through a Date object.
 */
function parts(ms: number) {
  const days = Math.floor(ms / MS_PER_DAY);
  const inDay = ms - days * MS_PER_DAY;
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 2 : monthIndex - 10;
  const year = yearOfEra + era * 400 + (month < 2 ? 1 : 0);
  const seconds = Math.floor(inDay / 1000);
  return {
    year,
    month,
    day,
    // 1970-01-01 was a Thursday.
    weekday: (((days + 4) % 7) + 7) % 7,
    clock: `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`,
    millis: inDay % 1000,
  };
}

/** `0101 10:00:00.000000`: the date and time of a glog line's header (glog.go formatHeader), microseconds. */
export function formatGlogTime(ms: number): string {
  const { month, day, clock, millis } = parts(ms);
  return `${pad(month + 1)}${pad(day)} ${clock}.${pad(millis, 3)}000`;
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

/** Recently formatted HTTP dates by second: servers stamp every response, mostly with the same few seconds. */
const HTTP_DATES = new Map<number, string>();
const HTTP_DATES_KEPT = 64;

/** `Mon, 01 Jan 2024 10:00:00 GMT`: the HTTP `Date` and `Last-Modified` headers (RFC 9110 IMF-fixdate). */
export function formatHttpDate(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = HTTP_DATES.get(second);
  if (text === undefined) {
    const { year, month, day, weekday, clock } = parts(second * 1000);
    text = `${WEEKDAYS[weekday]}, ${pad(day)} ${MONTHS[month]} ${year} ${clock} GMT`;
    if (HTTP_DATES.size >= HTTP_DATES_KEPT) HTTP_DATES.clear();
    HTTP_DATES.set(second, text);
  }
  return text;
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
