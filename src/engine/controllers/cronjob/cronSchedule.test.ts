import { describe, expect, it } from 'vitest';
import { formatInTimeZone, parseCronSchedule, type CronSchedule } from './cronSchedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function schedule(text: string, zone?: string): CronSchedule {
  const parsed = parseCronSchedule(text, zone);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.schedule;
}

describe('cron schedules', () => {
  it('finds the next time strictly after a time, in UTC by default', () => {
    const every = schedule('*/1 * * * *');
    expect(iso(every.next(at('2026-01-05T09:00:00Z')))).toBe('2026-01-05T09:01:00.000Z');
    expect(iso(every.next(at('2026-01-05T09:00:30Z')))).toBe('2026-01-05T09:01:00.000Z');
    expect(iso(schedule('@hourly').next(at('2026-01-05T09:00:00Z')))).toBe('2026-01-05T10:00:00.000Z');
    expect(iso(schedule('@midnight').next(at('2026-01-05T09:00:00Z')))).toBe('2026-01-06T00:00:00.000Z');
  });

  it('reads N/step as N-max/step, ? as *, and day-of-month or day-of-week when both are given', () => {
    const quarter = schedule('5/15 * * * *');
    expect(iso(quarter.next(at('2026-01-05T09:06:00Z')))).toBe('2026-01-05T09:20:00.000Z');
    expect(iso(schedule('0 0 ? * MON').next(at('2026-01-05T09:00:00Z')))).toBe('2026-01-12T00:00:00.000Z');
    // 1st of the month or a Monday: Monday the 12th comes before February 1st.
    expect(iso(schedule('0 0 1 * 1').next(at('2026-01-06T00:00:00Z')))).toBe('2026-01-12T00:00:00.000Z');
  });

  it('applies spec.timeZone', () => {
    expect(iso(schedule('0 3 * * *', 'Asia/Shanghai').next(at('2026-01-05T09:00:00Z')))).toBe(
      '2026-01-05T19:00:00.000Z',
    );
  });

  it('runs @every as a constant delay from the whole second', () => {
    const every = schedule('@every 1m30s');
    expect(iso(every.next(at('2026-01-05T09:00:00.400Z')))).toBe('2026-01-05T09:01:30.000Z');
  });

  it('reports schedules it cannot read, and ones that never fire', () => {
    expect(parseCronSchedule('* * * * * *')).toEqual({
      ok: false,
      error: "CronPattern: mode '5-part' requires exactly 5 parts, but pattern '* * * * * *' has 6 parts.",
    });
    expect(schedule('0 0 31 2 *').next(at('2026-01-05T09:00:00Z'))).toBeUndefined();
  });

  it('formats a time in RFC 3339 in a zone, Z when the offset is 0', () => {
    expect(formatInTimeZone(at('2026-01-05T09:01:00Z'))).toBe('2026-01-05T09:01:00Z');
    expect(formatInTimeZone(at('2026-01-05T09:01:00Z'), 'Asia/Shanghai')).toBe('2026-01-05T17:01:00+08:00');
    expect(formatInTimeZone(at('2026-07-05T09:01:00Z'), 'America/New_York')).toBe('2026-07-05T05:01:00-04:00');
    expect(formatInTimeZone(at('2026-01-05T09:01:00Z'), 'Europe/London')).toBe('2026-01-05T09:01:00Z');
  });
});
