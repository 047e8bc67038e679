/**
 * A CronJob's schedule as the controller evaluates it (robfig/cron v3 `ParseStandard` and `Schedule.Next`, with
 * `spec.timeZone` applied as the `TZ=` prefix the controller adds): five fields or a descriptor (`@hourly` …)
 * through croner, and `@every <duration>` as robfig's constant delay. Without a time zone the controller's own zone
 * applies; the simulated kube-controller-manager runs in UTC.
 */
import { Cron } from 'croner';

/** When the schedule fires next, strictly after a time (virtual ms); undefined when it never does. */
export interface CronSchedule {
  next(after: number): number | undefined;
}

export type ScheduleParse = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

const CONTROLLER_TIME_ZONE = 'UTC';
const DURATION_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses `schedule` to evaluate in `timeZone` (an IANA name) or the controller's zone. */
export function parseCronSchedule(schedule: string, timeZone?: string): ScheduleParse {
  const spec = schedule.trim();
  if (spec.startsWith('@every ')) {
    const delay = parseDuration(spec.slice('@every '.length).trim());
    if (delay === undefined) return { ok: false, error: `failed to parse duration ${spec}` };
    // `Every`: at least a second, whole seconds, counted from the whole second before.
    const step = Math.max(1000, delay - (delay % 1000));
    return { ok: true, schedule: { next: (after) => Math.floor(after / 1000) * 1000 + step } };
  }
  try {
    // robfig reads `?` as `*`; croner would put the current time in its place.
    const pattern = spec.replace(/\?/g, '*');
    const cron = new Cron(pattern, {
      paused: true,
      mode: '5-part',
      sloppyRanges: true,
      timezone: timeZone ?? CONTROLLER_TIME_ZONE,
    });
    return {
      ok: true,
      schedule: { next: (after) => cron.nextRun(new Date(after))?.getTime() },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** time.ParseDuration, in ms, for the positive durations `@every` takes. */
function parseDuration(text: string): number | undefined {
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  if (text === '') return undefined;
  while (pos < text.length) {
    part.lastIndex = pos;
    const match = part.exec(text);
    if (!match) return undefined;
    total += Number(match[1]) * DURATION_UNITS_MS[match[2]!]!;
    pos = part.lastIndex;
  }
  return total;
}

/** `t.In(zone).Format(time.RFC3339)`: `2026-01-05T17:00:00+08:00`, or `…Z` in UTC. */
export function formatInTimeZone(ms: number, timeZone?: string): string {
  const zone = timeZone ?? CONTROLLER_TIME_ZONE;
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => fields.find((f) => f.type === type)?.value ?? '00';
  const wall = `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
  const offsetMinutes = Math.round((Date.parse(`${wall}Z`) - Math.floor(ms / 1000) * 1000) / 60_000);
  if (offsetMinutes === 0) return `${wall}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
