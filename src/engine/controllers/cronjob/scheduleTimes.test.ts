import { describe, expect, it } from 'vitest';
import type { CronJob } from './cronJobTypes';
import { parseCronSchedule, type CronSchedule } from './cronSchedule';
import { mostRecentScheduleTime, nextScheduleDelay } from './scheduleTimes';

const at = (iso: string) => Date.parse(iso);

function cronJob(spec: Partial<CronJob['spec']>, status: CronJob['status'] = {}): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', creationTimestamp: '2026-01-05T09:00:00Z' },
    spec: { schedule: '*/1 * * * *', jobTemplate: { spec: { template: {} } }, ...spec },
    status,
  };
}

function everyMinute(): CronSchedule {
  const parsed = parseCronSchedule('*/1 * * * *');
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.schedule;
}

describe('mostRecentScheduleTime', () => {
  it('has nothing due before the first time after creation, then that time', () => {
    const cj = cronJob({});
    expect(mostRecentScheduleTime(cj, at('2026-01-05T09:00:59Z'), everyMinute(), true)).toEqual({
      earliest: at('2026-01-05T09:00:00Z'),
      missed: 'none',
    });
    expect(mostRecentScheduleTime(cj, at('2026-01-05T09:01:00.100Z'), everyMinute(), true)).toEqual({
      earliest: at('2026-01-05T09:00:00Z'),
      mostRecent: at('2026-01-05T09:01:00Z'),
      missed: 'none',
    });
  });

  it('picks only the latest of several missed times', () => {
    const cj = cronJob({}, { lastScheduleTime: '2026-01-05T09:01:00Z' });
    expect(mostRecentScheduleTime(cj, at('2026-01-05T09:10:30Z'), everyMinute(), true)).toEqual({
      earliest: at('2026-01-05T09:01:00Z'),
      mostRecent: at('2026-01-05T09:10:00Z'),
      missed: 'few',
    });
  });

  it('calls more than 100 missed times many, and a starting deadline ignores the older ones', () => {
    const cj = cronJob({ startingDeadlineSeconds: 200 });
    const now = at('2026-01-05T11:00:30Z');
    expect(mostRecentScheduleTime(cj, now, everyMinute(), false).missed).toBe('many');
    expect(mostRecentScheduleTime(cj, now, everyMinute(), true)).toEqual({
      earliest: now - 200_000,
      mostRecent: at('2026-01-05T11:00:00Z'),
      missed: 'few',
    });
  });

  it('requeues 100 ms after the next scheduled time', () => {
    const cj = cronJob({}, { lastScheduleTime: '2026-01-05T09:01:00Z' });
    expect(nextScheduleDelay(cj, at('2026-01-05T09:01:00.100Z'), everyMinute())).toBe(60_000);
  });
});
