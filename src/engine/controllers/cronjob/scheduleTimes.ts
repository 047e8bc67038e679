/**
 * Which scheduled time a CronJob should act on, and when to look next (pkg/controller/cronjob/utils.go:
 * mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration). Only the most recent missed time is ever
 * run, never a backlog; more than 100 missed times are reported but the latest still runs.
 */
import { parseTimestamp } from '../../runtime/time';
import type { CronJob } from './cronJobTypes';
import type { CronSchedule } from './cronSchedule';

/** `nextScheduleDelta`: requeues land 100 ms after the scheduled time, past any clock skew. */
const NEXT_SCHEDULE_DELTA_MS = 100;

export type MissedSchedules = 'none' | 'few' | 'many';

export interface RecentSchedule {
  /** lastScheduleTime, else the creation time, moved up to `now − startingDeadlineSeconds` when asked. */
  earliest: number;
  /** The latest scheduled time at or before now, if any is due. */
  mostRecent?: number;
  missed: MissedSchedules;
  /** The schedule never fires twice a second apart (e.g. `0 0 31 2 *`). */
  error?: string;
}

/** `mostRecentScheduleTime`. */
export function mostRecentScheduleTime(
  cronJob: CronJob,
  now: number,
  schedule: CronSchedule,
  includeStartingDeadline: boolean,
): RecentSchedule {
  let earliest =
    parseTimestamp(cronJob.status?.lastScheduleTime) ?? parseTimestamp(cronJob.metadata.creationTimestamp) ?? now;
  const deadline = cronJob.spec.startingDeadlineSeconds;
  if (includeStartingDeadline && deadline !== undefined && deadline !== null)
    earliest = Math.max(earliest, now - deadline * 1000);
  const t1 = schedule.next(earliest);
  const t2 = t1 === undefined ? undefined : schedule.next(t1);
  if (t1 !== undefined && now < t1) return { earliest, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1)
    return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  // An estimate from the interval between the first two times; the loop then finds the exact latest one.
  const elapsed = Math.trunc((now - t1!) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | undefined;
  for (
    let t = schedule.next(t1! + (missedCount - 2) * between * 1000);
    t !== undefined && t <= now;
    t = schedule.next(t)
  )
    mostRecent = t;
  const missed: MissedSchedules = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return mostRecent === undefined ? { earliest, missed } : { earliest, mostRecent, missed };
}

/** `nextScheduleTimeDuration`: ms from `now` until 100 ms past the next scheduled time. */
export function nextScheduleDelay(cronJob: CronJob, now: number, schedule: CronSchedule): number | undefined {
  const recent = mostRecentScheduleTime(cronJob, now, schedule, false);
  let from: number;
  if (recent.error) from = now;
  else if (recent.mostRecent === undefined) from = recent.missed === 'none' ? recent.earliest : now;
  else from = recent.mostRecent;
  const next = schedule.next(from);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
}
