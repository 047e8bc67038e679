import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import type { Pod } from '../api/kinds';
import {
  containerStatus,
  eventLines,
  podColumn,
  podEvents,
  podManifest,
  recordChanges,
  stateOf,
  timeWhen,
} from './kubeletTestKit';

function initPod(name: string, restartPolicy: string, secondInit: string): string {
  return podManifest(
    name,
    `  restartPolicy: ${restartPolicy}
  volumes:
  - name: work
    emptyDir: {}
  initContainers:
  - name: init-a
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 2; echo a >> /work/log']
    volumeMounts:
    - name: work
      mountPath: /work
  - name: init-b
    image: busybox:1.36
    command: ['sh', '-c', '${secondInit}']
    volumeMounts:
    - name: work
      mountPath: /work
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'cat /work/log; sleep 3600']
    volumeMounts:
    - name: work
      mountPath: /work
`,
  );
}

/** STATUS column, phase and the Initialized condition. */
function overview(t: TestCluster, name: string) {
  return (pod: Pod | undefined): string => {
    const initialized = pod?.status?.conditions?.find((c) => c.type === 'Initialized');
    return `${podColumn(t, name)} ${pod?.status?.phase ?? ''} Initialized=${initialized?.status ?? ''}${initialized?.message ? ` (${initialized.message})` : ''}`;
  };
}

describe('init containers', () => {
  it('run one after the other, each to completion, before the app container', () => {
    const t = new TestCluster();
    t.apply(initPod('ordered', 'Always', 'sleep 2; echo b >> /work/log'));
    const changes = recordChanges(t, overview(t, 'ordered'), 'ordered', 15, 0.05);
    // Before the kubelet's first status the pod is plain Pending.
    expect(changes.map((c) => c.value).filter((v) => !v.startsWith(' ') && !v.startsWith('Pending'))).toEqual([
      'Init:0/2 Pending Initialized=False (containers with incomplete status: [init-a init-b])',
      'Init:1/2 Pending Initialized=False (containers with incomplete status: [init-b])',
      'PodInitializing Pending Initialized=True',
      'Running Running Initialized=True',
    ]);
    expect(t.kubectl('logs ordered').stdout).toBe('a\nb\n');
    // Each init container started after the previous one ended (2 s of work each).
    const started = (container: string) =>
      podEvents(t, 'ordered').find((e) => e.reason === 'Started' && e.container === container)!.first;
    expect(started('init-b') - started('init-a')).toBeGreaterThanOrEqual(2);
    expect(started('app') - started('init-b')).toBeGreaterThanOrEqual(2);
    for (const name of ['init-a', 'init-b'])
      expect(stateOf(containerStatus(t, 'ordered', name))).toBe('Terminated:Completed(0)');
    expect(eventLines(t, 'ordered').filter((l) => l.startsWith('Started'))).toEqual([
      'Started: Started container init-a',
      'Started: Started container init-b',
      'Started: Started container app',
    ]);
  });

  it('app containers wait as PodInitializing', () => {
    const t = new TestCluster();
    t.apply(initPod('waiting', 'Always', 'sleep 2; echo b >> /work/log'));
    timeWhen(t, () => stateOf(containerStatus(t, 'waiting', 'init-a')) === 'Running', 30);
    expect(containerStatus(t, 'waiting', 'app')!.state?.waiting).toEqual({ reason: 'PodInitializing' });
    expect(containerStatus(t, 'waiting', 'init-b')!.state?.waiting).toEqual({ reason: 'PodInitializing' });
  });

  it('a failing init container is restarted with the back-off: Init:Error, then Init:CrashLoopBackOff', () => {
    const t = new TestCluster();
    t.apply(initPod('retried', 'Always', 'sleep 1; exit 1'));
    const changes = recordChanges(t, overview(t, 'retried'), 'retried', 40, 0.05);
    const columns = [...new Set(changes.map((c) => c.value.split(' ')[0]))];
    // The first failure shows until the immediate restart; the next ones wait out the back-off.
    expect(columns).toEqual(['Pending', 'Init:0/2', 'Init:1/2', 'Init:Error', 'Init:CrashLoopBackOff']);
    expect(t.pod('retried')!.status!.phase).toBe('Pending');
    const status = containerStatus(t, 'retried', 'init-b')!;
    expect(status.restartCount).toBeGreaterThanOrEqual(2);
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(stateOf(containerStatus(t, 'retried', 'app'))).toBe('Waiting:PodInitializing');
    // The first init container is not run again.
    expect(containerStatus(t, 'retried', 'init-a')!.restartCount).toBe(0);
  });

  it('with restartPolicy Never a failing init container fails the pod', () => {
    const t = new TestCluster();
    t.apply(initPod('failed', 'Never', 'exit 3'));
    timeWhen(t, () => t.pod('failed')?.status?.phase === 'Failed', 30);
    expect(podColumn(t, 'failed')).toBe('Init:Error');
    expect(stateOf(containerStatus(t, 'failed', 'init-b'))).toBe('Terminated:Error(3)');
    expect(stateOf(containerStatus(t, 'failed', 'app'))).toBe('Waiting:PodInitializing');
    t.advance(30);
    expect(containerStatus(t, 'failed', 'init-b')!.restartCount).toBe(0);
    const conditions = t
      .pod('failed')!
      .status!.conditions!.map((c) => `${c.type}=${c.status}${c.reason ? `:${c.reason}` : ''}`);
    expect(conditions).toEqual([
      'PodReadyToStartContainers=False',
      'Initialized=False:ContainersNotInitialized',
      'Ready=False:PodFailed',
      'ContainersReady=False:PodFailed',
      'PodScheduled=True',
    ]);
  });

  it('OnFailure retries a failing init container too', () => {
    const t = new TestCluster();
    t.apply(initPod('onfailure', 'OnFailure', 'sleep 1; exit 1'));
    t.advance(30);
    expect(t.pod('onfailure')!.status!.phase).toBe('Pending');
    expect(containerStatus(t, 'onfailure', 'init-b')!.restartCount).toBeGreaterThanOrEqual(2);
  });

  describe('sidecars (restartPolicy: Always)', () => {
    function sidecarPod(name: string, sidecar: string, app: string, extra = ''): string {
      return podManifest(
        name,
        `${extra}  initContainers:
  - name: sidecar
    image: busybox:1.36
    restartPolicy: Always
    command: ['sh', '-c', '${sidecar}']
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', '${app}']
`,
      );
    }

    it('start before the app, keep running beside it and count in READY', () => {
      const t = new TestCluster();
      t.apply(sidecarPod('meshed', 'sleep 3600', 'sleep 3600'));
      timeWhen(t, () => stateOf(containerStatus(t, 'meshed', 'app')) === 'Running', 30);
      expect(stateOf(containerStatus(t, 'meshed', 'sidecar'))).toBe('Running');
      expect(containerStatus(t, 'meshed', 'sidecar')!.started).toBe(true);
      expect(t.kubectl('get pod meshed --no-headers').stdout).toMatch(/^meshed\s+2\/2\s+Running\s+0\s/);
      const started = (container: string) =>
        podEvents(t, 'meshed').find((e) => e.reason === 'Started' && e.container === container)!.first;
      expect(started('app')).toBeGreaterThanOrEqual(started('sidecar'));
      expect(t.pod('meshed')!.status!.conditions!.find((c) => c.type === 'Initialized')!.status).toBe('True');
    });

    it('hold the app back until their startup probe passes', () => {
      const t = new TestCluster();
      t.apply(
        podManifest(
          'probed',
          `  initContainers:
  - name: sidecar
    image: busybox:1.36
    restartPolicy: Always
    command: ['sh', '-c', 'sleep 8; touch /tmp/up; sleep 3600']
    startupProbe:
      exec:
        command: ['cat', '/tmp/up']
      periodSeconds: 2
      failureThreshold: 10
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
`,
        ),
      );
      const sidecarRunning = timeWhen(t, () => stateOf(containerStatus(t, 'probed', 'sidecar')) === 'Running', 30);
      expect(stateOf(containerStatus(t, 'probed', 'app'))).toBe('Waiting:PodInitializing');
      const appRunning = timeWhen(t, () => stateOf(containerStatus(t, 'probed', 'app')) === 'Running', 30);
      expect(appRunning - sidecarRunning).toBeGreaterThanOrEqual(8);
      expect(appRunning - sidecarRunning).toBeLessThan(11);
    });

    it('are restarted when they crash, without stopping the app', () => {
      const t = new TestCluster();
      t.apply(sidecarPod('flaky', 'sleep 5; exit 1', 'sleep 3600'));
      t.advance(40);
      expect(containerStatus(t, 'flaky', 'sidecar')!.restartCount).toBeGreaterThanOrEqual(2);
      expect(stateOf(containerStatus(t, 'flaky', 'app'))).toBe('Running');
      expect(containerStatus(t, 'flaky', 'app')!.restartCount).toBe(0);
      expect(t.pod('flaky')!.status!.phase).toBe('Running');
    });

    it('are stopped when the app of a run-to-completion pod is done; the pod Succeeds', () => {
      const t = new TestCluster();
      t.apply(sidecarPod('job', 'sleep 3600', 'sleep 3; echo done', '  restartPolicy: Never\n'));
      const appDone = timeWhen(t, () => stateOf(containerStatus(t, 'job', 'app')).startsWith('Terminated'), 60);
      expect(t.pod('job')!.status!.phase).toBe('Running');
      const succeeded = timeWhen(t, () => t.pod('job')?.status?.phase === 'Succeeded', 60);
      expect(succeeded - appDone).toBeGreaterThanOrEqual(30);
      expect(succeeded - appDone).toBeLessThan(31.5);
      expect(stateOf(containerStatus(t, 'job', 'app'))).toBe('Terminated:Completed(0)');
      // The sidecar's shell is PID 1 of its container and ignores SIGTERM: SIGKILL after the grace period. Until
      // then the pod is still Running.
      expect(stateOf(containerStatus(t, 'job', 'sidecar'))).toBe('Terminated:Error(137)');
      expect(eventLines(t, 'job')).toContain('Killing: Stopping container sidecar');
    });
  });
});
