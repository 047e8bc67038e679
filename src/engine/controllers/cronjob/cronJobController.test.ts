import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../runtime/time';
import { OneSyncHarness } from '../job/oneSyncHarness';
import type { Job } from '../job/jobTypes';
import { CRONJOB_CONTROLLER } from './cronJobController';
import type { CronJob } from './cronJobTypes';

/** 2026-01-05T09:01:00Z in minutes since the epoch: the suffix of the Job for that time. */
const MINUTE_0901 = Date.UTC(2026, 0, 5, 9, 1) / 60_000;

function setup(spec: Record<string, unknown> = {}) {
  const h = new OneSyncHarness(CRONJOB_CONTROLLER);
  const cronJob = h.create<CronJob>({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      ...spec,
      jobTemplate: {
        metadata: { labels: { app: 'hello' } },
        spec: {
          template: {
            spec: { containers: [{ name: 'hello', image: 'busybox', command: ['date'] }], restartPolicy: 'OnFailure' },
          },
        },
      },
    },
  });
  return { h, cronJob, stored: () => h.find<CronJob>(cronJob)! };
}

/** Marks a Job finished as the Job controller would: `Complete` (succeeded) or `Failed`. */
function finishJob(h: OneSyncHarness, job: Job, type: 'Complete' | 'Failed'): Job {
  const now = formatTimestamp(h.runtime.now());
  return h.setStatus(job, {
    startTime: job.metadata.creationTimestamp,
    ...(type === 'Complete' ? { completionTime: now, succeeded: 1 } : { failed: 1 }),
    conditions: [{ type, status: 'True', lastProbeTime: now, lastTransitionTime: now }],
  });
}

describe('CronJob controller: scheduling', () => {
  it('waits for the first scheduled time, then creates the Job named after it', () => {
    const { h, cronJob, stored } = setup();
    expect(h.sync('default/hello')).toEqual([]);
    expect(h.queuedIn('default/hello')).toBe(60_100);

    h.advance(60.1);
    expect(h.sync('default/hello')).toEqual([`create jobs/hello-${MINUTE_0901}`, 'update cronjobs/hello/status']);
    expect(h.queuedIn('default/hello')).toBe(60_000);
    const job = h.all<Job>('jobs')[0]!;
    expect(job.metadata).toMatchObject({
      name: `hello-${MINUTE_0901}`,
      labels: { app: 'hello' },
      annotations: { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-05T09:01:00Z' },
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: 'hello',
          uid: cronJob.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    });
    expect(stored().status).toEqual({
      active: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: `hello-${MINUTE_0901}`,
          namespace: 'default',
          uid: job.metadata.uid,
          resourceVersion: job.metadata.resourceVersion,
        },
      ],
      lastScheduleTime: '2026-01-05T09:01:00Z',
    });
    expect(h.events('hello')).toEqual([`Normal SuccessfulCreate: Created job hello-${MINUTE_0901}`]);
    // The same time is never run twice.
    expect(h.sync('default/hello')).toEqual([]);
  });

  it('notes a finished Job, records lastSuccessfulTime, and keeps successfulJobsHistoryLimit Jobs', () => {
    const { h, stored } = setup({ successfulJobsHistoryLimit: 2 });
    for (let i = 0; i < 3; i++) {
      h.advance(60);
      h.sync('default/hello');
      h.advance(5);
      finishJob(h, h.all<Job>('jobs').at(-1)!, 'Complete');
    }
    const names = h.all<Job>('jobs').map((j) => j.metadata.name);
    expect(h.sync('default/hello')).toEqual([`delete jobs/${names[0]} (Background)`, 'update cronjobs/hello/status']);
    expect(h.events('hello').slice(-2)).toEqual([
      `Normal SuccessfulDelete: Deleted job ${names[0]}`,
      `Normal SawCompletedJob: Saw completed job: ${names[2]}, condition: Complete`,
    ]);
    expect(stored().status).toEqual({
      lastScheduleTime: '2026-01-05T09:03:00Z',
      lastSuccessfulTime: '2026-01-05T09:03:15Z',
    });
  });

  it('with concurrencyPolicy Forbid skips a time while a Job still runs', () => {
    const { h } = setup({ concurrencyPolicy: 'Forbid' });
    h.advance(60);
    h.sync('default/hello');
    h.advance(60);
    expect(h.sync('default/hello')).toEqual([]);
    expect(h.events('hello').at(-1)).toBe(
      'Normal JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid',
    );
    expect(h.queuedIn('default/hello')).toBe(60_100);
  });

  it('with concurrencyPolicy Replace deletes the running Job and starts the new one', () => {
    const { h, stored } = setup({ concurrencyPolicy: 'Replace' });
    h.advance(60);
    h.sync('default/hello');
    h.advance(60);
    expect(h.sync('default/hello')).toEqual([
      `delete jobs/hello-${MINUTE_0901} (Background)`,
      `create jobs/hello-${MINUTE_0901 + 1}`,
      'update cronjobs/hello/status',
    ]);
    expect(h.events('hello').slice(1)).toEqual([
      `Normal SuccessfulDelete: Deleted job hello-${MINUTE_0901}`,
      `Normal SuccessfulCreate: Created job hello-${MINUTE_0901 + 1}`,
    ]);
    expect(stored().status?.active?.map((ref) => ref.name)).toEqual([`hello-${MINUTE_0901 + 1}`]);
  });

  it('silently skips a time more than startingDeadlineSeconds ago (MissSchedule is never raised)', () => {
    const { h } = setup({ startingDeadlineSeconds: 10 });
    h.advance(75);
    expect(h.sync('default/hello')).toEqual([]);
    expect(h.events('hello')).toEqual([]);
    expect(h.decisionsAbout('CronJob', 'hello')).toEqual([
      'did not start a Job for 2026-01-05T09:01:00Z: it is more than startingDeadlineSeconds (10s) ago',
    ]);
    expect(h.queuedIn('default/hello')).toBe(45_100);
  });

  it('runs only the latest of more than 100 missed times, with a warning', () => {
    const { h, stored } = setup();
    h.advance(3 * 3600 + 30);
    expect(h.sync('default/hello')).toEqual([`create jobs/hello-${MINUTE_0901 + 179}`, 'update cronjobs/hello/status']);
    expect(h.events('hello')).toEqual([
      'Warning TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      `Normal SuccessfulCreate: Created job hello-${MINUTE_0901 + 179}`,
    ]);
    expect(stored().status?.lastScheduleTime).toBe('2026-01-05T12:00:00Z');
  });

  it('starts nothing while suspended; on resume the latest missed time runs', () => {
    const { h, cronJob } = setup({ suspend: true });
    h.advance(150);
    expect(h.sync('default/hello')).toEqual([]);
    expect(h.queuedIn('default/hello')).toBeUndefined();
    const resumed = h.modify(cronJob, (cj) => {
      cj.spec.suspend = false;
    });
    expect(h.keysFor('MODIFIED', resumed, cronJob)).toEqual(['default/hello']);
    expect(h.sync('default/hello')).toEqual([`create jobs/hello-${MINUTE_0901 + 1}`, 'update cronjobs/hello/status']);
  });

  it('names Jobs after the UTC minute and stamps the scheduled time in spec.timeZone', () => {
    const { h } = setup({ schedule: '0 17 * * *', timeZone: 'Asia/Shanghai' });
    h.advance(60);
    h.sync('default/hello');
    expect(h.queuedIn('default/hello')).toBe(Date.UTC(2026, 0, 6, 9, 0) - Date.UTC(2026, 0, 5, 9, 1) + 100);
    h.advance(24 * 3600 - 60);
    expect(h.sync('default/hello')).toEqual([
      `create jobs/hello-${Date.UTC(2026, 0, 6, 9, 0) / 60_000}`,
      'update cronjobs/hello/status',
    ]);
    expect(h.all<Job>('jobs')[0]!.metadata.annotations).toEqual({
      'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-06T17:00:00+08:00',
    });
  });
});
