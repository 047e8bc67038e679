import type { Utility } from '../types';
import { formatCalendarDate } from './calendar';
import { commandName, parseOptions, showUsage } from './parseOptions';

/** The default format of busybox and GNU date in the C locale: `Mon Jan  2 15:04:05 UTC 2006`. */
const DEFAULT_FORMAT = '%a %b %e %H:%M:%S %Z %Y';
/** `date -R` (RFC 2822). */
const RFC2822_FORMAT = '%a, %d %b %Y %H:%M:%S %z';

/**
 * strftime for the common conversions, in UTC (every container here runs with TZ unset). Unknown conversions are
 * printed as written, as glibc does.
 */
export function formatStrftime(format: string, ms: number): string {
  const date = formatCalendarDate(ms);
  const hour12 = Number(date.hours) % 12 || 12;
  const codes: Record<string, string> = {
    a: date.weekday,
    A: date.weekdayName,
    b: date.month,
    h: date.month,
    B: date.monthName,
    c: `${date.weekday} ${date.month} ${date.day.padStart(2)} ${date.hours}:${date.minutes}:${date.seconds} ${date.year}`,
    C: date.year.slice(0, 2),
    d: date.day.padStart(2, '0'),
    D: `${date.monthNumber}/${date.day.padStart(2, '0')}/${date.year.slice(2)}`,
    e: date.day.padStart(2),
    F: `${date.year}-${date.monthNumber}-${date.day.padStart(2, '0')}`,
    H: date.hours,
    I: String(hour12).padStart(2, '0'),
    j: date.dayOfYear,
    k: String(Number(date.hours)).padStart(2),
    l: String(hour12).padStart(2),
    m: date.monthNumber,
    M: date.minutes,
    n: '\n',
    p: Number(date.hours) < 12 ? 'AM' : 'PM',
    R: `${date.hours}:${date.minutes}`,
    s: String(Math.floor(ms / 1000)),
    S: date.seconds,
    t: '\t',
    T: `${date.hours}:${date.minutes}:${date.seconds}`,
    u: String(new Date(ms).getUTCDay() || 7),
    w: String(new Date(ms).getUTCDay()),
    y: date.year.slice(2),
    Y: date.year,
    z: '+0000',
    Z: 'UTC',
    '%': '%',
  };
  return format.replace(/%(.)/g, (whole, code: string) => codes[code] ?? whole);
}

/** Parses `-d` values busybox accepts that scripts use: `@SECONDS` and `YYYY-MM-DD[ HH:MM[:SS]]`. */
function parseDateOption(text: string): number | undefined {
  const epoch = /^@(-?\d+)$/.exec(text);
  if (epoch) return Number(epoch[1]) * 1000;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!iso) return undefined;
  const [, year, month, day, hours, minutes, seconds] = iso.map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hours || 0, minutes || 0, seconds || 0);
}

/** `date [-uR] [-I] [-d TIME] [+FORMAT]`: prints the virtual time; setting the clock is refused. */
export const date: Utility = (argv, io, sys) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'uRId:D:r:s:');
  if (!parsed.ok) return showUsage(io, name, '[OPTIONS] [+FMT] [[-s] TIME]', parsed.message);
  let time = sys.now;
  if (typeof parsed.flags.d === 'string') {
    const parsedTime = parseDateOption(parsed.flags.d);
    if (parsedTime === undefined) {
      io.stderr(`${name}: invalid date '${parsed.flags.d}'\n`);
      return 1;
    }
    time = parsedTime;
  }
  const [operand] = parsed.operands;
  if (parsed.flags.s !== undefined || (operand !== undefined && !operand.startsWith('+'))) {
    io.stderr(`${name}: can't set date: Operation not permitted\n`);
    return 1;
  }
  const format = operand?.slice(1) ?? (parsed.flags.R ? RFC2822_FORMAT : parsed.flags.I ? '%Y-%m-%d' : DEFAULT_FORMAT);
  io.stdout(`${formatStrftime(format, time)}\n`);
  return 0;
};
