import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import type { Pod } from '../api/kinds';
import { containerStatus, eventLines, now, podManifest, stateOf, statusLog, timeWhen } from './kubeletTestKit';

/** `phase state` of a pod's first container, as the API server stores it. */
function phaseAndState(pod: Pod): string {
  return `${pod.status?.phase ?? ''} ${stateOf(pod.status?.containerStatuses?.[0])}`;
}

function runningPod(t: TestCluster, name: string, spec: string): void {
  t.apply(podManifest(name, spec));
  timeWhen(t, () => stateOf(containerStatus(t, name, 'app')) === 'Running', 60);
}

/** Deletes without waiting and returns the time of the delete. */
function deletePod(t: TestCluster, name: string, flags = ''): number {
  const result = t.kubectl(`delete pod ${name} --wait=false ${flags}`.trim());
  if (result.exitCode !== 0) throw new Error(result.stderr);
  return now(t);
}

const SHELL_SLEEP = `  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
`;

describe('graceful termination', () => {
  it('a shell as PID 1 ignores SIGTERM: the pod takes the whole 30 s grace period and dies by SIGKILL (137)', () => {
    const t = new TestCluster();
    runningPod(t, 'sleepy', SHELL_SLEEP);
    const log = statusLog(t, 'sleepy', phaseAndState);
    const deletedAt = deletePod(t, 'sleepy');
    const pod = t.pod('sleepy')!;
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(Date.parse(pod.metadata.deletionTimestamp!) - t.cluster.now()).toBeGreaterThan(29_000);
    t.advance(29.5);
    expect(t.pod('sleepy')).toBeDefined();
    // The container still runs, and stays ready: the pod shows 1/1 Terminating.
    expect(stateOf(containerStatus(t, 'sleepy', 'app'))).toBe('Running');
    expect(t.kubectl('get pod sleepy --no-headers').stdout).toMatch(/^sleepy\s+1\/1\s+Terminating\s+0\s+\d+s\n$/);
    const goneAt = timeWhen(t, () => t.pod('sleepy') === undefined, 5);
    // SIGKILL at 30 s; the next PLEG relist sees the exit, the kubelet reports the final status and deletes.
    expect(goneAt - deletedAt).toBeGreaterThanOrEqual(30);
    expect(goneAt - deletedAt).toBeLessThan(31.2);
    expect(log.map((c) => c.value).slice(-2)).toEqual(['Failed Terminated:Error(137)', 'deleted']);
    expect(eventLines(t, 'sleepy')).toContain('Killing: Stopping container app');
  });

  it('honours terminationGracePeriodSeconds and a shorter --grace-period', () => {
    const t = new TestCluster();
    runningPod(t, 'forty', `  terminationGracePeriodSeconds: 40\n${SHELL_SLEEP}`);
    runningPod(t, 'five', SHELL_SLEEP);
    const deletedAt = deletePod(t, 'forty');
    deletePod(t, 'five', '--grace-period=5');
    expect(t.pod('forty')!.metadata.deletionGracePeriodSeconds).toBe(40);
    expect(t.pod('five')!.metadata.deletionGracePeriodSeconds).toBe(5);
    const fiveGone = timeWhen(t, () => t.pod('five') === undefined, 60);
    const fortyGone = timeWhen(t, () => t.pod('forty') === undefined, 60);
    expect(fiveGone - deletedAt).toBeGreaterThanOrEqual(5);
    expect(fiveGone - deletedAt).toBeLessThan(6.2);
    expect(fortyGone - deletedAt).toBeGreaterThanOrEqual(40);
    expect(fortyGone - deletedAt).toBeLessThan(41.2);
  });

  it('a process that is not PID 1 dies of SIGTERM at once: exit code 143', () => {
    const t = new TestCluster();
    // With a shared PID namespace, /pause is PID 1 and the container's sleep gets the default SIGTERM action.
    runningPod(t, 'shared', `  shareProcessNamespace: true\n${SHELL_SLEEP}`);
    const log = statusLog(t, 'shared', phaseAndState);
    const deletedAt = deletePod(t, 'shared');
    const goneAt = timeWhen(t, () => t.pod('shared') === undefined, 40);
    expect(goneAt - deletedAt).toBeLessThan(1.2);
    expect(log.map((c) => c.value).slice(-2)).toEqual(['Failed Terminated:Error(143)', 'deleted']);
  });

  it('nginx handles SIGTERM and exits 0: the pod goes in about a second, Succeeded', () => {
    const t = new TestCluster();
    runningPod(t, 'web', `  containers:\n  - name: app\n    image: nginx:1.25\n`);
    const log = statusLog(t, 'web', phaseAndState);
    const deletedAt = deletePod(t, 'web');
    const goneAt = timeWhen(t, () => t.pod('web') === undefined, 40);
    expect(goneAt - deletedAt).toBeLessThan(1.2);
    expect(log.map((c) => c.value).slice(-2)).toEqual(['Succeeded Terminated:Completed(0)', 'deleted']);
  });

  it('runs preStop first, then SIGTERM with what is left of the grace period', () => {
    const t = new TestCluster();
    runningPod(
      t,
      'hooked',
      `  terminationGracePeriodSeconds: 30
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
    lifecycle:
      preStop:
        exec:
          command: ['sh', '-c', 'sleep 5; echo bye > /tmp/bye']
`,
    );
    const deletedAt = deletePod(t, 'hooked');
    t.advance(6);
    // The hook has run; the shell ignores the SIGTERM that followed.
    expect(t.kubectl('exec hooked -- cat /tmp/bye').stdout).toBe('bye\n');
    const goneAt = timeWhen(t, () => t.pod('hooked') === undefined, 40);
    // 5 s of preStop come off the 30 s: SIGKILL 25 s after SIGTERM, 30 s after the delete.
    expect(goneAt - deletedAt).toBeGreaterThanOrEqual(30);
    expect(goneAt - deletedAt).toBeLessThan(31.2);
  });

  it('gives SIGTERM 2 more seconds when preStop used up the grace period', () => {
    const t = new TestCluster();
    // A sleep handler may not be longer than the grace period (API validation): 9 of 10 s leave 1, raised to 2.
    for (const [name, handler] of [
      ['exec-hook', `exec:\n          command: ['sleep', '20']`],
      ['sleep-hook', 'sleep:\n          seconds: 9'],
    ] as const) {
      runningPod(
        t,
        name,
        `  terminationGracePeriodSeconds: 10
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
    lifecycle:
      preStop:
        ${handler}
`,
      );
    }
    const deletedAt = deletePod(t, 'exec-hook');
    deletePod(t, 'sleep-hook');
    // The sleep hook ends at 9 s: SIGTERM, ignored, and SIGKILL 2 s later.
    const sleepGone = timeWhen(t, () => t.pod('sleep-hook') === undefined, 40);
    expect(sleepGone - deletedAt).toBeGreaterThanOrEqual(11);
    expect(sleepGone - deletedAt).toBeLessThan(12.2);
    // The exec hook is cut at 10 s, then the minimum 2 s between SIGTERM and SIGKILL.
    const execGone = timeWhen(t, () => t.pod('exec-hook') === undefined, 40);
    expect(execGone - deletedAt).toBeGreaterThanOrEqual(12);
    expect(execGone - deletedAt).toBeLessThan(13.2);
  });

  it('a sleep preStop shorter than the grace period delays SIGTERM by its length', () => {
    const t = new TestCluster();
    runningPod(
      t,
      'web',
      `  containers:
  - name: app
    image: nginx:1.25
    lifecycle:
      preStop:
        sleep:
          seconds: 3
`,
    );
    const deletedAt = deletePod(t, 'web');
    const goneAt = timeWhen(t, () => t.pod('web') === undefined, 40);
    expect(goneAt - deletedAt).toBeGreaterThanOrEqual(3);
    expect(goneAt - deletedAt).toBeLessThan(4.2);
  });

  it('reports a failed preStop hook as FailedPreStopHook and goes on stopping the container', () => {
    const t = new TestCluster();
    runningPod(
      t,
      'exec-fails',
      `  containers:
  - name: app
    image: nginx:1.25
    lifecycle:
      preStop:
        exec:
          command: ['sh', '-c', 'exit 1']
`,
    );
    runningPod(
      t,
      'http-fails',
      `  containers:
  - name: app
    image: nginx:1.25
    lifecycle:
      preStop:
        httpGet:
          port: 9999
          path: /quit
`,
    );
    runningPod(
      t,
      'http-500',
      `  containers:
  - name: app
    image: nginx:1.25
    lifecycle:
      preStop:
        httpGet:
          port: 80
          path: /missing
`,
    );
    // nginx needs a moment after its start before it answers.
    t.advance(5);
    for (const name of ['exec-fails', 'http-fails', 'http-500']) deletePod(t, name);
    t.advance(3);
    for (const name of ['exec-fails', 'http-fails', 'http-500']) expect(t.pod(name)).toBeUndefined();
    expect(eventLines(t, 'exec-fails').slice(-2)).toEqual([
      'Killing: Stopping container app',
      'FailedPreStopHook: PreStopHook failed',
    ]);
    expect(eventLines(t, 'http-fails').slice(-1)).toEqual(['FailedPreStopHook: PreStopHook failed']);
    // An httpGet handler fails only when the request fails: a 404 is fine.
    expect(eventLines(t, 'http-500').slice(-1)).toEqual(['Killing: Stopping container app']);
  });

  it('--grace-period=0 --force removes the pod at once; the node still stops the container within 2 s', () => {
    const t = new TestCluster();
    runningPod(t, 'forced', SHELL_SLEEP);
    const containerId = containerStatus(t, 'forced', 'app')!.containerID!.replace('containerd://', '');
    const uid = t.pod('forced')!.metadata.uid!;
    deletePod(t, 'forced', '--grace-period=0 --force');
    expect(t.pod('forced')).toBeUndefined();
    t.advance(1.5);
    // The API object is gone, but the container still runs: the forced pod gets a short graceful stop.
    expect(t.cluster.containers.container(containerId)?.state).toBe('running');
    expect(eventLines(t, 'forced')).toContain('Killing: Stopping container app');
    t.advance(1);
    // Stopped (SIGKILL after the short grace); the worker removes the container and sandbox on its next sync.
    expect(t.cluster.containers.container(containerId)?.state ?? 'removed').not.toBe('running');
    t.advance(1);
    expect(t.cluster.containers.container(containerId)).toBeUndefined();
    expect(t.cluster.containers.sandbox(uid)).toBeUndefined();
  });

  it('deletes a pending pod that never started at once', () => {
    const t = new TestCluster();
    t.apply(podManifest('never', `  nodeName: worker1\n  containers:\n  - name: app\n    image: nginx:no-such-tag\n`));
    t.advance(5);
    deletePod(t, 'never');
    t.advance(0.1);
    expect(t.pod('never')).toBeUndefined();
  });
});
