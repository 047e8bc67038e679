import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../runtime/time';
import { TestCluster } from '../../testing/testCluster';
import type { Job } from './jobTypes';
import { JOBS } from './jobTypes';

/** Seed 000's Job, verbatim (S000-job). */
const PI_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
        - name: pi
          image: resouer/ubuntu-bc
          imagePullPolicy: Never
          command: ["sh", "-c", "echo 'scale=100; 4*a(1)' | bc -l "]
      restartPolicy: Never
  backoffLimit: 4
  activeDeadlineSeconds: 100
  ttlSecondsAfterFinished: 100
`;

function failingJob(name: string, restartPolicy: string, backoffLimit: number): string {
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  backoffLimit: ${backoffLimit}
  template:
    spec:
      containers:
        - name: main
          image: busybox
          command: ["sh", "-c", "exit 1"]
      restartPolicy: ${restartPolicy}
`;
}

function job(c: TestCluster, name: string): Job | undefined {
  return c.cluster.api.find(JOBS, 'default', name) as Job | undefined;
}

describe('Jobs in a cluster', () => {
  it('runs the seed pi Job to completion, prints pi, and the TTL controller deletes it 100 s later (S000-job)', () => {
    const c = new TestCluster();
    c.apply(PI_JOB);
    expect(c.waitFor(() => job(c, 'pi')?.status?.completionTime !== undefined)).toBe(2);
    expect(c.kubectl('get job pi').stdout).toBe(
      'NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   1/1           1s         2s\n',
    );
    expect(c.kubectl('logs -l job-name=pi').stdout).toBe(
      '3.141592653589793238462643383279502884197169399375105820974944592307\\\n8164062862089986280348253421170676\n',
    );
    const pod = c.pods()[0]!;
    expect(pod.status?.phase).toBe('Succeeded');
    expect(c.events('pi')).toEqual([`SuccessfulCreate: Created pod: ${pod.metadata.name}`, 'Completed: Job completed']);
    // Finished at 09:00:01; the TTL runs out at 09:01:41 and the Job goes with its pod (foreground).
    c.advance(99);
    expect(job(c, 'pi')?.metadata.deletionTimestamp).toBe('2026-01-05T09:01:41Z');
    c.advance(1);
    expect(job(c, 'pi')).toBeUndefined();
    expect(c.pods()).toEqual([]);
    expect(c.cluster.decisions.about('Job', 'default', 'pi').map((d) => `${d.controller}: ${d.text}`)).toEqual([
      'job-controller: wants 1 active (min(completions 1 − succeeded 0, parallelism 1)), has 0: created 1 of 1',
      'job-controller: complete: 1 pod(s) succeeded',
      'ttl-after-finished-controller: deleted the Job (foreground): finished 100s ago, ttlSecondsAfterFinished is 100',
      `garbage-collector-controller: foreground deletion waits for 1 dependent(s) with blockOwnerDeletion: Pod ${pod.metadata.name}`,
      'garbage-collector-controller: no dependent blocks its deletion any more: removed the foregroundDeletion finalizer',
    ]);
  });

  it('with restartPolicy Never starts a new pod 10 s, then 20 s after each failure and keeps the failed pods', () => {
    const c = new TestCluster();
    c.apply(failingJob('fail', 'Never', 2));
    c.advance(60);
    const start = c.cluster.state.options.startTime;
    const pods = c.pods();
    expect(pods.map((p) => p.status?.phase)).toEqual(['Failed', 'Failed', 'Failed']);
    const created = pods
      .map((p) => (parseTimestamp(p.metadata.creationTimestamp)! - start) / 1000)
      .sort((a, b) => a - b);
    expect(created).toEqual([0, 11, 32]);
    expect(
      c
        .kubectl('get pods')
        .stdout.split('\n')
        .slice(1, -1)
        .map((line) => line.split(/\s+/)[2]),
    ).toEqual(['Error', 'Error', 'Error']);
    expect(job(c, 'fail')?.status).toMatchObject({ failed: 3, terminating: 0, ready: 0 });
    expect(job(c, 'fail')?.status?.conditions?.map((cond) => `${cond.type}/${cond.reason}`)).toEqual([
      'FailureTarget/BackoffLimitExceeded',
      'Failed/BackoffLimitExceeded',
    ]);
    expect(c.events('fail').at(-1)).toBe('BackoffLimitExceeded: Job has reached the specified backoff limit');
  });

  it('with restartPolicy OnFailure fails once the restarts reach backoffLimit, deleting the crashing pod', () => {
    const c = new TestCluster();
    c.apply(failingJob('crash', 'OnFailure', 3));
    c.advance(60);
    const name = c.events('crash')[0]!.replace('SuccessfulCreate: Created pod: ', '');
    expect(c.events('crash')).toEqual([
      `SuccessfulCreate: Created pod: ${name}`,
      `SuccessfulDelete: Deleted pod: ${name}`,
      'BackoffLimitExceeded: Job has reached the specified backoff limit',
    ]);
    expect(c.pods()).toEqual([]);
    expect(job(c, 'crash')?.status).toMatchObject({ failed: 1, terminating: 0 });
    expect(c.kubectl('get job crash').stdout.split('\n')[1]).toMatch(/^crash +Failed +0\/1 /);
  });

  it('keeps the pods of a Job deleted without a propagation policy, and deletes them with kubectl delete', () => {
    const c = new TestCluster();
    const sleeper = PI_JOB.replace('name: pi\n', 'name: sleeper\n')
      .replace('["sh", "-c", "echo \'scale=100; 4*a(1)\' | bc -l "]', '["sleep", "600"]')
      .replace('  ttlSecondsAfterFinished: 100\n', '');
    c.apply(sleeper);
    c.advance(5);
    const pod = c.pods()[0]!;
    // The API's default for batch/v1 Jobs is to orphan their pods (kubectl always sends Background).
    const deleted = c.cluster.api.delete(JOBS, 'default', 'sleeper');
    expect(deleted.ok && deleted.warnings).toEqual([
      'child pods are preserved by default when jobs are deleted; set propagationPolicy=Background to remove them or set propagationPolicy=Orphan to suppress this warning',
    ]);
    c.advance(1);
    expect(job(c, 'sleeper')).toBeUndefined();
    const kept = c.pod(pod.metadata.name)!;
    expect(kept.status?.phase).toBe('Running');
    expect(kept.metadata.ownerReferences).toBeUndefined();
    expect(kept.metadata.finalizers).toBeUndefined();

    c.apply(sleeper.replace('name: sleeper\n', 'name: again\n'));
    c.advance(5);
    const mine = c.pods().find((p) => p.metadata.name.startsWith('again-'))!;
    expect(c.kubectl('delete job again').stdout).toBe('job.batch "again" deleted from default namespace\n');
    c.advance(35);
    expect(c.pod(mine.metadata.name)).toBeUndefined();
    expect(c.pod(pod.metadata.name)?.status?.phase).toBe('Running');
  });
});
