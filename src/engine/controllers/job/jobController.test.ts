import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { JOB_CONTROLLER } from './jobController';
import { finishPod, jobManifest, podsOf, runPod } from './jobTestObjects';
import type { Job } from './jobTypes';
import { OneSyncHarness } from './oneSyncHarness';

function setup(spec: Record<string, unknown> = {}, restartPolicy = 'Never') {
  const h = new OneSyncHarness(JOB_CONTROLLER);
  const job = h.create<Job>(jobManifest('pi', spec, restartPolicy));
  return { h, job, stored: () => h.find<Job>(job)! };
}

const CREATED = '2026-01-05T09:00:00Z';

describe('Job controller: completions and parallelism (§6.5 trace 1)', () => {
  it('runs completions 3 with parallelism 2: 2 pods, then 1 more, then Complete', () => {
    const { h, job, stored } = setup({ completions: 3, parallelism: 2 });
    expect(h.sync('default/pi')).toEqual(['create pods/pi-*', 'create pods/pi-*', 'update jobs/pi/status']);
    expect(stored().status).toEqual({
      active: 2,
      ready: 0,
      terminating: 0,
      startTime: CREATED,
      uncountedTerminatedPods: {},
    });
    const [a, b] = podsOf(h, job) as [Pod, Pod];
    expect(a.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(a.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'Job',
        name: 'pi',
        uid: job.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(a.metadata.labels).toEqual({
      'batch.kubernetes.io/controller-uid': job.metadata.uid,
      'batch.kubernetes.io/job-name': 'pi',
      'controller-uid': job.metadata.uid,
      'job-name': 'pi',
    });
    expect(h.events('pi').sort()).toEqual([
      `Normal SuccessfulCreate: Created pod: ${a.metadata.name}`,
      `Normal SuccessfulCreate: Created pod: ${b.metadata.name}`,
    ]);

    h.advance(5);
    runPod(h, b);
    finishPod(h, a, 0);
    // One succeeded: min(3 − 1, 2) = 2 wanted, 1 running, so 1 more; the success is counted through the finalizer.
    expect(h.sync('default/pi')).toEqual([
      'create pods/pi-*',
      'update jobs/pi/status',
      `patch pods/${a.metadata.name}`,
      'update jobs/pi/status',
    ]);
    expect(h.find<Pod>(a)!.metadata.finalizers).toBeUndefined();
    expect(stored().status).toMatchObject({ active: 2, ready: 1, succeeded: 1, uncountedTerminatedPods: {} });
    expect(h.decisionsAbout('Job', 'pi')).toEqual([
      'wants 2 active (min(completions 3 − succeeded 0, parallelism 2)), has 0: created 2 of 2',
      'wants 2 active (min(completions 3 − succeeded 1, parallelism 2)), has 1: created 1 of 1',
    ]);

    h.advance(5);
    const c = podsOf(h, job)[2]!;
    finishPod(h, b, 0);
    runPod(h, c);
    // Two succeeded: min(1, 2) = 1 wanted and running.
    expect(h.sync('default/pi')).toEqual([
      'update jobs/pi/status',
      `patch pods/${b.metadata.name}`,
      'update jobs/pi/status',
    ]);
    expect(stored().status).toMatchObject({ active: 1, succeeded: 2 });

    h.advance(5);
    finishPod(h, c, 0);
    expect(h.sync('default/pi')).toEqual([
      'update jobs/pi/status',
      `patch pods/${c.metadata.name}`,
      'update jobs/pi/status',
    ]);
    const done = '2026-01-05T09:00:15Z';
    expect(stored().status).toEqual({
      ready: 0,
      terminating: 0,
      succeeded: 3,
      startTime: CREATED,
      completionTime: done,
      uncountedTerminatedPods: {},
      conditions: [
        {
          type: 'SuccessCriteriaMet',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: done,
          lastTransitionTime: done,
        },
        {
          type: 'Complete',
          status: 'True',
          reason: 'CompletionsReached',
          message: 'Reached expected number of succeeded pods',
          lastProbeTime: done,
          lastTransitionTime: done,
        },
      ],
    });
    expect(h.events('pi').slice(3)).toEqual(['Normal Completed: Job completed']);
    // A finished Job is left alone.
    expect(h.sync('default/pi')).toEqual([]);
  });

  it('in work-queue mode (completions unset) starts parallelism pods and none after the first success', () => {
    const { h, job, stored } = setup({ parallelism: 2 });
    expect(stored().spec.completions).toBeUndefined();
    h.sync('default/pi');
    const [a, b] = podsOf(h, job) as [Pod, Pod];
    h.advance(3);
    finishPod(h, a, 0);
    runPod(h, b);
    expect(h.sync('default/pi')).toEqual([
      'update jobs/pi/status',
      `patch pods/${a.metadata.name}`,
      'update jobs/pi/status',
    ]);
    expect(podsOf(h, job)).toHaveLength(2);
    h.advance(3);
    finishPod(h, b, 0);
    h.sync('default/pi');
    expect(stored().status).toMatchObject({ succeeded: 2 });
    expect(stored().status?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
  });
});

describe('Job controller: failures and back-off', () => {
  it('replaces a failed pod 10 s, then 20 s after each failure and fails past backoffLimit (§6.5 trace 2)', () => {
    const { h, job, stored } = setup({ backoffLimit: 2 });
    h.sync('default/pi');
    h.advance(1);
    finishPod(h, podsOf(h, job)[0]!, 1);
    h.advance(1);
    // One failure: the next pod waits 10 s from the failure, 9 s from now; no pod is created yet.
    expect(h.sync('default/pi')).toEqual([
      'update jobs/pi/status',
      `patch pods/${podsOf(h, job)[0]!.metadata.name}`,
      'update jobs/pi/status',
    ]);
    expect(stored().status).toMatchObject({ failed: 1, ready: 0, terminating: 0 });
    expect(stored().status?.active).toBeUndefined();
    expect(h.queuedIn('default/pi')).toBe(9000);

    h.advance(9);
    expect(h.sync('default/pi')).toEqual(['create pods/pi-*', 'update jobs/pi/status']);
    h.advance(1);
    finishPod(h, podsOf(h, job)[1]!, 1);
    h.advance(1);
    h.sync('default/pi');
    expect(h.queuedIn('default/pi')).toBe(19_000);

    h.advance(19);
    h.sync('default/pi');
    h.advance(1);
    const third = finishPod(h, podsOf(h, job)[2]!, 1);
    h.advance(1);
    // The third failure is more than backoffLimit 2: FailureTarget, then Failed in the same sync (nothing runs).
    expect(h.sync('default/pi')).toEqual([
      'update jobs/pi/status',
      `patch pods/${third.metadata.name}`,
      'update jobs/pi/status',
    ]);
    const failedAt = '2026-01-05T09:00:34Z';
    expect(stored().status).toEqual({
      failed: 3,
      ready: 0,
      terminating: 0,
      startTime: CREATED,
      uncountedTerminatedPods: {},
      conditions: [
        {
          type: 'FailureTarget',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
          lastProbeTime: failedAt,
          lastTransitionTime: failedAt,
        },
        {
          type: 'Failed',
          status: 'True',
          reason: 'BackoffLimitExceeded',
          message: 'Job has reached the specified backoff limit',
          lastProbeTime: failedAt,
          lastTransitionTime: failedAt,
        },
      ],
    });
    expect(h.events('pi').slice(3)).toEqual([
      'Warning BackoffLimitExceeded: Job has reached the specified backoff limit',
    ]);
    expect(podsOf(h, job).map((p) => p.status?.phase)).toEqual(['Failed', 'Failed', 'Failed']);
  });

  it('with OnFailure counts container restarts, deletes the pod and waits for it before Failed', () => {
    const { h, job, stored } = setup({ backoffLimit: 3 }, 'OnFailure');
    h.sync('default/pi');
    const pod = runPod(h, podsOf(h, job)[0]!, { ready: false, restarts: 2 });
    h.advance(40);
    // Two restarts are below backoffLimit 3, and nothing else changed.
    expect(h.sync('default/pi')).toEqual([]);
    runPod(h, pod, { ready: false, restarts: 3 });
    h.advance(20);
    // Three restarts reach backoffLimit 3: the pod is deleted and counted failed; Failed waits until it is gone.
    expect(h.sync('default/pi')).toEqual([
      `delete pods/${pod.metadata.name}`,
      'update jobs/pi/status',
      `patch pods/${pod.metadata.name}`,
      'update jobs/pi/status',
    ]);
    expect(stored().status).toMatchObject({ failed: 1, terminating: 1, ready: 0 });
    expect(stored().status?.conditions?.map((c) => c.type)).toEqual(['FailureTarget']);
    expect(h.events('pi').slice(1)).toEqual([`Normal SuccessfulDelete: Deleted pod: ${pod.metadata.name}`]);

    expect(h.find<Pod>(pod)!.metadata).toMatchObject({ deletionGracePeriodSeconds: 30 });
    expect(h.find<Pod>(pod)!.metadata.finalizers).toBeUndefined();
    h.advance(2);
    h.api.delete(h.api.resourceFor('v1', 'Pod')!, 'default', pod.metadata.name, { gracePeriodSeconds: 0 });
    // The new terminating count is written first, then the terminal condition.
    expect(h.sync('default/pi')).toEqual(['update jobs/pi/status', 'update jobs/pi/status']);
    expect(stored().status?.conditions?.map((c) => `${c.type} ${c.reason}`)).toEqual([
      'FailureTarget BackoffLimitExceeded',
      'Failed BackoffLimitExceeded',
    ]);
    expect(stored().status).toMatchObject({ failed: 1, terminating: 0 });
  });

  it('fails with DeadlineExceeded once activeDeadlineSeconds have passed since startTime', () => {
    const { h, job, stored } = setup({ activeDeadlineSeconds: 30 });
    h.sync('default/pi');
    expect(h.queuedIn('default/pi')).toBe(30_000);
    const pod = runPod(h, podsOf(h, job)[0]!);
    h.advance(30);
    expect(h.sync('default/pi')).toEqual([
      `delete pods/${pod.metadata.name}`,
      'update jobs/pi/status',
      `patch pods/${pod.metadata.name}`,
      'update jobs/pi/status',
    ]);
    expect(stored().status?.conditions?.map((c) => `${c.type} ${c.reason}: ${c.message}`)).toEqual([
      'FailureTarget DeadlineExceeded: Job was active longer than specified deadline',
    ]);
    expect(stored().status).toMatchObject({ failed: 1, terminating: 1, ready: 0 });
  });
});

describe('Job controller: suspend and resume', () => {
  it('creates nothing while suspended, then starts the clock and the pods on resume', () => {
    const { h, job, stored } = setup({ suspend: true });
    expect(h.sync('default/pi')).toEqual(['update jobs/pi/status']);
    expect(stored().status).toEqual({
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
      conditions: [
        {
          type: 'Suspended',
          status: 'True',
          reason: 'JobSuspended',
          message: 'Job suspended',
          lastProbeTime: CREATED,
          lastTransitionTime: CREATED,
        },
      ],
    });
    expect(h.events('pi')).toEqual(['Normal Suspended: Job suspended']);

    h.advance(60);
    h.modify(job, (j) => {
      j.spec.suspend = false;
    });
    expect(h.sync('default/pi')).toEqual(['create pods/pi-*', 'update jobs/pi/status']);
    expect(stored().status?.startTime).toBe('2026-01-05T09:01:00Z');
    expect(stored().status?.conditions?.map((c) => `${c.type} ${c.status} ${c.reason}`)).toEqual([
      'Suspended False JobResumed',
    ]);
    expect(h.events('pi').slice(1)).toEqual([
      `Normal SuccessfulCreate: Created pod: ${podsOf(h, job)[0]!.metadata.name}`,
      'Normal Resumed: Job resumed',
    ]);

    h.modify(job, (j) => {
      j.spec.suspend = true;
    });
    const pod = podsOf(h, job)[0]!;
    // Suspending deletes the active pods, finalizer first.
    expect(h.sync('default/pi')).toEqual([
      `patch pods/${pod.metadata.name}`,
      `delete pods/${pod.metadata.name}`,
      'update jobs/pi/status',
    ]);
  });
});

describe('Job controller: Indexed completion mode', () => {
  it('gives each pod an index (annotation, label, hostname, JOB_COMPLETION_INDEX) and tracks completedIndexes', () => {
    const { h, job, stored } = setup({ completions: 3, parallelism: 2, completionMode: 'Indexed' });
    expect(h.sync('default/pi')).toEqual(['create pods/pi-0-*', 'create pods/pi-1-*', 'update jobs/pi/status']);
    const [zero, one] = podsOf(h, job) as [Pod, Pod];
    expect(zero.metadata.annotations).toEqual({ 'batch.kubernetes.io/job-completion-index': '0' });
    expect(zero.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe('0');
    expect(one.spec.hostname).toBe('pi-1');
    expect(zero.spec.containers[0]!.env).toEqual([
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: {
          fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" },
        },
      },
    ]);
    h.advance(2);
    finishPod(h, one, 0);
    expect(h.sync('default/pi')).toEqual([
      'create pods/pi-2-*',
      'update jobs/pi/status',
      `patch pods/${one.metadata.name}`,
    ]);
    expect(stored().status).toMatchObject({ succeeded: 1, completedIndexes: '1' });
    for (const pod of podsOf(h, job)) if (pod.status?.phase !== 'Succeeded') finishPod(h, pod, 0);
    h.sync('default/pi');
    expect(stored().status).toMatchObject({ succeeded: 3, completedIndexes: '0-2' });
    expect(stored().status?.conditions?.map((c) => c.type)).toEqual(['SuccessCriteriaMet', 'Complete']);
  });
});

describe('Job controller: watches and orphans', () => {
  it('syncs a new Job at once, and after the 1 s batching period for status and pod changes', () => {
    const { h, job } = setup();
    expect(h.keysFor('ADDED', job)).toEqual(['default/pi']);
    h.sync('default/pi');
    const updated = h.find<Job>(job)!;
    expect(h.keysFor('MODIFIED', updated, job)).toEqual([]);
    expect(h.queuedIn('default/pi')).toBe(1000);
    const pod = podsOf(h, job)[0]!;
    expect(h.keysFor('MODIFIED', pod, pod)).toEqual([]);
    const respecced = h.modify(updated, (j) => {
      j.spec.parallelism = 2;
    });
    expect(h.keysFor('MODIFIED', respecced, updated)).toEqual(['default/pi']);
  });

  it('removes the tracking finalizer of a pod no Job controls', () => {
    const { h, job } = setup();
    h.sync('default/pi');
    const pod = podsOf(h, job)[0]!;
    const orphan = h.modify(pod, (p) => {
      delete p.metadata.ownerReferences;
      p.metadata.labels = { app: 'other' };
    });
    expect(h.keysFor('MODIFIED', orphan, pod)).toEqual([`orphan-pod:default/${pod.metadata.name}`]);
    expect(h.sync(`orphan-pod:default/${pod.metadata.name}`)).toEqual([`patch pods/${pod.metadata.name}`]);
    expect(h.find<Pod>(pod)!.metadata.finalizers).toBeUndefined();
  });
});
