import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import type { Pod } from '../api/kinds';
import {
  containerStatus,
  eventLines,
  podEvents,
  podManifest,
  recordChanges,
  stateOf,
  timeWhen,
} from './kubeletTestKit';

function stateView(container: string) {
  return (pod: Pod | undefined) => stateOf(pod?.status?.containerStatuses?.find((s) => s.name === container));
}

describe('postStart hooks', () => {
  it('an exec hook runs in the container right after the start', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'hooked',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    lifecycle:
      postStart:
        exec:
          command: ['sh', '-c', 'echo started > /tmp/poststart']
`,
      ),
    );
    timeWhen(t, () => stateOf(containerStatus(t, 'hooked', 'app')) === 'Running');
    expect(t.kubectl('exec hooked -- cat /tmp/poststart').stdout).toBe('started\n');
    expect(eventLines(t, 'hooked').slice(-2)).toEqual([
      'Created: Created container: app',
      'Started: Started container app',
    ]);
  });

  it('holds the pod worker while it runs: the container shows ContainerCreating and the next one waits', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'slow-hook',
        `  containers:
  - name: first
    image: busybox:1.36
    command: ['sleep', '3600']
    lifecycle:
      postStart:
        exec:
          command: ['sleep', '5']
  - name: second
    image: busybox:1.36
    command: ['sleep', '3600']
    lifecycle:
      postStart:
        sleep:
          seconds: 3
`,
      ),
    );
    const first = recordChanges(t, stateView('first'), 'slow-hook', 20);
    const events = podEvents(t, 'slow-hook');
    const startedFirst = events.find((e) => e.reason === 'Started' && e.container === 'first')!.first;
    const startedSecond = events.find((e) => e.reason === 'Started' && e.container === 'second')!.first;
    const running = first.find((c) => c.value === 'Running')!.at;
    // Started is recorded before the hook; the status shows the container running only once the hook is done.
    expect(running - startedFirst).toBeGreaterThanOrEqual(5);
    expect(running - startedFirst).toBeLessThan(6.2);
    expect(startedSecond - startedFirst).toBeGreaterThanOrEqual(5);
    expect(startedSecond - startedFirst).toBeLessThanOrEqual(7);
    const secondRunning = timeWhen(t, () => stateOf(containerStatus(t, 'slow-hook', 'second')) === 'Running', 30);
    expect(secondRunning - startedSecond).toBeGreaterThanOrEqual(3);
    expect(t.kubectl('get pod slow-hook --no-headers').stdout).toMatch(/^slow-hook\s+2\/2\s+Running\s+0\s/);
  });

  it('a failing exec hook: FailedPostStartHook, the container killed, PostStartHookError, then the back-off', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'bad-hook',
        `  containers:
  - name: app
    image: nginx:1.25
    lifecycle:
      postStart:
        exec:
          command: ['sh', '-c', 'sleep 2; echo oops >&2; exit 1']
`,
      ),
    );
    const changes = recordChanges(t, stateView('app'), 'bad-hook', 40).filter((c) => c.value !== 'none');
    expect(changes.slice(0, 3).map((c) => c.value)).toEqual([
      'Waiting:ContainerCreating',
      'Waiting:PostStartHookError',
      'Waiting:CrashLoopBackOff',
    ]);
    const uid = t.pod('bad-hook')!.metadata.uid!;
    timeWhen(t, () => stateOf(containerStatus(t, 'bad-hook', 'app')) === 'Waiting:PostStartHookError', 60);
    const status = containerStatus(t, 'bad-hook', 'app')!;
    expect(status.state?.waiting?.message).toBe(
      `Exec lifecycle hook ([sh -c sleep 2; echo oops >&2; exit 1]) for Container "app" in Pod "bad-hook_default(${uid})" failed - error: command 'sh -c sleep 2; echo oops >&2; exit 1' exited with 1: oops\n, message: "oops\\n"`,
    );
    // The hook failed 2 s after the start, when nginx was up: it stops on SIGTERM with exit 0.
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    const lines = eventLines(t, 'bad-hook');
    expect(lines).toEqual(
      expect.arrayContaining([
        'FailedPostStartHook: PostStartHook failed',
        'Killing: FailedPostStartHook',
        `BackOff: Back-off restarting failed container app in pod bad-hook_default(${uid})`,
      ]),
    );
  });

  it('an httpGet hook calls the pod from the node; only a failed request fails it', () => {
    const t = new TestCluster();
    t.apply(podManifest('server', `  containers:\n  - name: app\n    image: nginx:1.25\n`));
    timeWhen(t, () => stateOf(containerStatus(t, 'server', 'app')) === 'Running');
    t.advance(3);
    const serverIp = t.pod('server')!.status!.podIP!;
    t.apply(
      podManifest(
        'calls',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    lifecycle:
      postStart:
        httpGet:
          host: ${serverIp}
          port: 80
          path: /not-there
  - name: refused
    image: busybox:1.36
    command: ['sleep', '3600']
    lifecycle:
      postStart:
        httpGet:
          port: 9999
          path: /hook
`,
      ),
    );
    timeWhen(t, () => stateOf(containerStatus(t, 'calls', 'refused')) === 'Waiting:PostStartHookError', 30);
    // A 404 from nginx is a successful hook call.
    expect(stateOf(containerStatus(t, 'calls', 'app'))).toBe('Running');
    const uid = t.pod('calls')!.metadata.uid!;
    const ip = t.pod('calls')!.status!.podIP!;
    expect(containerStatus(t, 'calls', 'refused')!.state?.waiting?.message).toBe(
      `HTTP lifecycle hook (/hook) for Container "refused" in Pod "calls_default(${uid})" failed - error: Get "http://${ip}:9999/hook": dial tcp ${ip}:9999: connect: connection refused`,
    );
    expect(
      podEvents(t, 'calls')
        .filter((e) => e.container === 'refused' && e.reason !== 'Pulled')
        .map((e) => `${e.reason}: ${e.message}`)
        .slice(2, 4),
    ).toEqual(['FailedPostStartHook: PostStartHook failed', 'Killing: FailedPostStartHook']);
  });

  it('probes wait for the postStart hook', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'gated',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    lifecycle:
      postStart:
        sleep:
          seconds: 8
    livenessProbe:
      exec:
        command: ['cat', '/tmp/nothing']
      periodSeconds: 1
      failureThreshold: 100
`,
      ),
    );
    const running = timeWhen(t, () => stateOf(containerStatus(t, 'gated', 'app')) === 'Running', 30);
    const started = podEvents(t, 'gated').find((e) => e.reason === 'Started')!.first;
    const firstFailure = timeWhen(t, () => podEvents(t, 'gated').some((e) => e.reason === 'Unhealthy'), 30);
    expect(running - started).toBeGreaterThanOrEqual(8);
    expect(firstFailure).toBeGreaterThanOrEqual(running - 0.1);
  });
});
