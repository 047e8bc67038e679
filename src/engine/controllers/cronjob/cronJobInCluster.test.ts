import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';
import { JOBS } from '../job/jobTypes';
import { CRONJOBS, type CronJob } from './cronJobTypes';

function cronJobManifest(name: string, spec: string, command: string): string {
  return `apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${name}
spec:
${spec}
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: main
              image: busybox
              args: ["/bin/sh", "-c", "${command}"]
          restartPolicy: OnFailure
`;
}

function createdJobs(c: TestCluster, name: string): string[] {
  return c.cluster.decisions
    .about('CronJob', 'default', name)
    .map((d) => d.text)
    .filter((text) => text.startsWith('created Job'));
}

function jobNames(c: TestCluster): string[] {
  return c.cluster.api.all(JOBS, 'default').map((j) => j.metadata.name ?? '');
}

const minute = (iso: string) => Date.parse(iso) / 60_000;

describe('CronJobs in a cluster', () => {
  it('runs the seed hello CronJob (as batch/v1) every minute and logs the date and greeting (S000-cron)', () => {
    const c = new TestCluster();
    c.apply(cronJobManifest('hello', '  schedule: "*/1 * * * *"', 'date; echo Hello from the Kubernetes cluster'));
    c.advance(65);
    const pod = c.pods()[0]!;
    expect(pod.metadata.name.startsWith(`hello-${minute('2026-01-05T09:01:00Z')}-`)).toBe(true);
    expect(c.kubectl(`logs ${pod.metadata.name}`).stdout).toBe(
      'Mon Jan  5 09:01:01 UTC 2026\nHello from the Kubernetes cluster\n',
    );
    expect(c.kubectl('get cronjob hello').stdout).toBe(
      'NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n' +
        'hello   */1 * * * *   <none>     False     0        5s              65s\n',
    );
  });

  it('over a simulated day creates a Job every 30 minutes and keeps the last 3', () => {
    const c = new TestCluster();
    c.apply(cronJobManifest('report', '  schedule: "*/30 * * * *"', 'echo report'));
    c.advance(24 * 3600 + 60);
    const created = createdJobs(c, 'report');
    expect(created).toHaveLength(48);
    expect(created[0]).toBe(
      `created Job report-${minute('2026-01-05T09:30:00Z')} for 2026-01-05T09:30:00Z (concurrencyPolicy Allow)`,
    );
    expect(created.at(-1)).toBe(
      `created Job report-${minute('2026-01-06T09:00:00Z')} for 2026-01-06T09:00:00Z (concurrencyPolicy Allow)`,
    );
    expect(jobNames(c)).toEqual(
      ['2026-01-06T08:00:00Z', '2026-01-06T08:30:00Z', '2026-01-06T09:00:00Z'].map((t) => `report-${minute(t)}`),
    );
    expect(c.pods()).toHaveLength(3);
    const cronJob = c.cluster.api.find(CRONJOBS, 'default', 'report') as CronJob;
    expect(cronJob.status).toEqual({
      lastScheduleTime: '2026-01-06T09:00:00Z',
      lastSuccessfulTime: '2026-01-06T09:00:02Z',
    });
  });

  it('over a simulated day with Forbid runs a time skipped for a 90-minute Job as soon as that Job ends', () => {
    const c = new TestCluster();
    c.apply(cronJobManifest('slow', '  schedule: "@hourly"\n  concurrencyPolicy: Forbid', 'sleep 5400'));
    c.advance(24 * 3600);
    // 11:00 is skipped (JobAlreadyActive) and started at 11:30 when the 10:00 Job ends: nothing bounds how late.
    const runs = createdJobs(c, 'slow').map((text) => text.split(' for ')[1]!.slice(11, 16));
    expect(runs).toEqual(
      ['10:00', '11:00', '13:00', '14:00', '16:00', '17:00', '19:00', '20:00', '22:00', '23:00'].concat([
        '01:00',
        '02:00',
        '04:00',
        '05:00',
        '07:00',
        '08:00',
      ]),
    );
    const started = c.cluster.decisions
      .about('CronJob', 'default', 'slow')
      .filter((d) => d.text.startsWith('created Job'))
      .map((d) => new Date(d.time).toISOString().slice(11, 19));
    expect(started.slice(0, 3)).toEqual(['10:00:00', '11:30:03', '13:00:06']);
    // Events live for an hour: the last skip (09:00) is the one left.
    expect(c.events('slow').filter((e) => e.startsWith('JobAlreadyActive'))).toEqual([
      'JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid',
    ]);
  });

  it('over a simulated day with Forbid and startingDeadlineSeconds drops the times skipped for a running Job', () => {
    const c = new TestCluster();
    c.apply(
      cronJobManifest(
        'slow',
        '  schedule: "@hourly"\n  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 300',
        'sleep 5400',
      ),
    );
    c.advance(24 * 3600);
    const runs = createdJobs(c, 'slow').map((text) => text.split(' for ')[1]!.slice(11, 16));
    expect(runs).toEqual(
      ['10:00', '12:00', '14:00', '16:00', '18:00', '20:00', '22:00', '00:00', '02:00', '04:00'].concat([
        '06:00',
        '08:00',
      ]),
    );
    const cronJob = c.cluster.api.find(CRONJOBS, 'default', 'slow') as CronJob;
    expect(cronJob.status?.active?.map((ref) => ref.name)).toEqual([`slow-${minute('2026-01-06T08:00:00Z')}`]);
  });

  it('with Replace, history 5/2 and startingDeadlineSeconds 60 replaces the running Job; deleting the CronJob removes its Jobs and pods (S004-cron)', () => {
    const c = new TestCluster();
    c.apply(
      cronJobManifest(
        'reload',
        '  concurrencyPolicy: Replace\n  failedJobsHistoryLimit: 2\n  schedule: "*/3 * * * *"\n' +
          '  startingDeadlineSeconds: 60\n  successfulJobsHistoryLimit: 5\n  suspend: false',
        'sleep 240',
      ),
    );
    c.advance(7 * 60);
    expect(c.events('reload')).toEqual([
      `SuccessfulCreate: Created job reload-${minute('2026-01-05T09:03:00Z')}`,
      `SuccessfulDelete: Deleted job reload-${minute('2026-01-05T09:03:00Z')}`,
      `SuccessfulCreate: Created job reload-${minute('2026-01-05T09:06:00Z')}`,
    ]);
    expect(jobNames(c)).toEqual([`reload-${minute('2026-01-05T09:06:00Z')}`]);
    expect(c.kubectl('delete cronjob reload').stdout).toBe('cronjob.batch "reload" deleted from default namespace\n');
    c.advance(35);
    expect(jobNames(c)).toEqual([]);
    expect(c.pods()).toEqual([]);
  });
});
