import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import type { Pod } from '../api/kinds';
import {
  containerStatus,
  eventLines,
  podColumn,
  podManifest,
  recordChanges,
  stateOf,
  statusLog,
  timeWhen,
} from './kubeletTestKit';

/** The conditions as `Type=Status[:Reason]`, in the order the kubelet writes them. */
function conditionsOf(pod: Pod | undefined): string {
  return (pod?.status?.conditions ?? []).map((c) => `${c.type}=${c.status}${c.reason ? `:${c.reason}` : ''}`).join(' ');
}

describe('pod status', () => {
  it('goes from Pending/ContainerCreating to Running, with the conditions turning True in order', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'web',
        `  containers:
  - name: app
    image: nginx:1.25
`,
      ),
    );
    const log = statusLog(
      t,
      'web',
      (pod) => `${pod.status?.phase ?? ''} ${stateOf(pod.status?.containerStatuses?.[0])} | ${conditionsOf(pod)}`,
    );
    timeWhen(t, () => t.pod('web')?.status?.containerStatuses?.[0]?.ready === true, 30);
    expect(log.map((c) => c.value)).toEqual([
      // The scheduler's binding.
      'Pending none | PodScheduled=True',
      // The kubelet's first status: no sandbox yet.
      'Pending Waiting:ContainerCreating | PodReadyToStartContainers=False Initialized=True Ready=False:ContainersNotReady ContainersReady=False:ContainersNotReady PodScheduled=True',
      // The sandbox is up (pod IP), the image is being pulled.
      'Pending Waiting:ContainerCreating | PodReadyToStartContainers=True Initialized=True Ready=False:ContainersNotReady ContainersReady=False:ContainersNotReady PodScheduled=True',
      'Running Running | PodReadyToStartContainers=True Initialized=True Ready=True ContainersReady=True PodScheduled=True',
    ]);
    const status = t.pod('web')!.status!;
    expect(status.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(status.podIPs).toEqual([{ ip: status.podIP }]);
    expect(status.hostIP).toMatch(/^192\.168\.56\.\d+$/);
    expect(status.startTime).toBe('2026-01-05T09:00:00Z');
    expect(status.qosClass).toBe('BestEffort');
    const ready = status.conditions!.find((c) => c.type === 'Ready')!;
    const readyToStart = status.conditions!.find((c) => c.type === 'PodReadyToStartContainers')!;
    expect(Date.parse(ready.lastTransitionTime!)).toBeGreaterThanOrEqual(Date.parse(readyToStart.lastTransitionTime!));
    expect(containerStatus(t, 'web', 'app')).toMatchObject({
      name: 'app',
      ready: true,
      started: true,
      restartCount: 0,
      image: 'docker.io/library/nginx:1.25',
      lastState: {},
    });
  });

  it('lists every unready container in the ContainersReady message', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'pair',
        `  containers:
  - name: first
    image: busybox:1.36
    command: ['sleep', '3600']
    readinessProbe:
      exec:
        command: ['false']
  - name: second
    image: busybox:1.36
    command: ['sleep', '3600']
    readinessProbe:
      exec:
        command: ['false']
`,
      ),
    );
    t.advance(10);
    const containersReady = t.pod('pair')!.status!.conditions!.find((c) => c.type === 'ContainersReady')!;
    expect(containersReady.message).toBe('containers with unready status: [first second]');
    expect(t.kubectl('get pod pair --no-headers').stdout).toMatch(/^pair\s+0\/2\s+Running\s+0\s/);
  });

  it('a container whose command does not exist: StartError, RunContainerError, then CrashLoopBackOff', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'typo',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['no-such-command']
`,
      ),
    );
    const changes = recordChanges(t, (pod) => stateOf(pod?.status?.containerStatuses?.[0]), 'typo', 30, 0.05);
    expect([...new Set(changes.map((c) => c.value))]).toEqual([
      'none',
      'Waiting:ContainerCreating',
      'Waiting:RunContainerError',
      'Waiting:CrashLoopBackOff',
    ]);
    const message =
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: ' +
      'unable to start container process: error during container init: exec: "no-such-command": executable file not found in $PATH: unknown';
    const status = containerStatus(t, 'typo', 'app')!;
    expect(status.lastState?.terminated).toMatchObject({
      exitCode: 128,
      reason: 'StartError',
      message,
      startedAt: '1970-01-01T00:00:00Z',
    });
    expect(eventLines(t, 'typo')).toContain(`Failed: Error: ${message}`);
    expect(podColumn(t, 'typo')).toBe('CrashLoopBackOff');
  });

  it('a completed pod: Succeeded, the conditions say PodCompleted, the IP stays, the logs too', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'job',
        `  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'echo finished']
`,
      ),
    );
    timeWhen(t, () => t.pod('job')?.status?.phase === 'Succeeded', 30);
    expect(conditionsOf(t.pod('job'))).toBe(
      'PodReadyToStartContainers=False Initialized=True:PodCompleted Ready=False:PodCompleted ContainersReady=False:PodCompleted PodScheduled=True',
    );
    // The sandbox is stopped and its IP released, but the status keeps showing it.
    const ip = t.pod('job')!.status!.podIP!;
    expect(ip).toMatch(/^10\.244\./);
    expect(t.cluster.containers.ownerOfIp(ip)).toBeUndefined();
    expect(t.kubectl('logs job').stdout).toBe('finished\n');
    expect(podColumn(t, 'job')).toBe('Completed');
    const status = containerStatus(t, 'job', 'app')!;
    expect(status.state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(status.ready).toBe(false);
    expect(status.started).toBe(false);
  });

  it('a failed pod: the conditions say PodFailed', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'broken',
        `  restartPolicy: Never
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'exit 2']
`,
      ),
    );
    timeWhen(t, () => t.pod('broken')?.status?.phase === 'Failed', 30);
    expect(conditionsOf(t.pod('broken'))).toBe(
      'PodReadyToStartContainers=False Initialized=True Ready=False:PodFailed ContainersReady=False:PodFailed PodScheduled=True',
    );
  });

  it('a pod whose containers all crash-loop is still Running', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'loops',
        `  containers:
  - name: a
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 1; exit 1']
  - name: b
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 1; exit 0']
`,
      ),
    );
    t.advance(40);
    expect(t.pod('loops')!.status!.phase).toBe('Running');
    expect(stateOf(containerStatus(t, 'loops', 'a'))).toBe('Waiting:CrashLoopBackOff');
    expect(conditionsOf(t.pod('loops'))).toContain('Ready=False:ContainersNotReady');
  });
});
