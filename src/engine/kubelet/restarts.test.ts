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
  timeWhen,
} from './kubeletTestKit';

function crashingPod(name: string, restartPolicy: string, script: string): string {
  return podManifest(
    name,
    `  restartPolicy: ${restartPolicy}
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', '${script}']
`,
  );
}

/** `restarts state` of the pod's only container. */
function restartView(pod: Pod | undefined): string {
  const status = pod?.status?.containerStatuses?.[0];
  return `${status?.restartCount ?? 0} ${stateOf(status)}`;
}

describe('restart policies and CrashLoopBackOff', () => {
  it('restarts a crashing container at gaps of 0, 10, 20, 40, 80, 160, 300 and 300 s', () => {
    const t = new TestCluster();
    // Each instance runs exactly 1 s, so its exit time follows from when it started.
    t.apply(crashingPod('crash', 'Always', 'echo boom; sleep 1; exit 1'));
    const changes = recordChanges(t, restartView, 'crash', 1000).filter((c) => !c.value.endsWith('none'));
    const starts = changes.filter((c) => c.value.endsWith('Running')).map((c) => c.at);
    const gaps = starts.slice(1).map((start, i) => start - (starts[i]! + 1));
    const backoffs = [0, 10, 20, 40, 80, 160, 300, 300];
    expect(gaps.length).toBeGreaterThanOrEqual(backoffs.length);
    backoffs.forEach((backoff, i) => {
      // The back-off window, plus the wait for the PLEG relist (first restart) and containerd's create and start.
      expect(gaps[i]! - backoff).toBeGreaterThanOrEqual(0);
      expect(gaps[i]! - backoff).toBeLessThan(1.5);
    });
    // The first exit restarts at once; later exits wait in CrashLoopBackOff.
    expect(changes.map((c) => c.value).slice(0, 7)).toEqual([
      '0 Waiting:ContainerCreating',
      '0 Running',
      '0 Terminated:Error(1)',
      '1 Running',
      '1 Waiting:CrashLoopBackOff',
      '2 Running',
      '2 Waiting:CrashLoopBackOff',
    ]);
  });

  it('reports the back-off in the waiting message, lastState and a BackOff event', () => {
    const t = new TestCluster();
    t.apply(crashingPod('crash', 'Always', 'echo boom; exit 3'));
    timeWhen(t, () => stateOf(containerStatus(t, 'crash', 'app')) === 'Waiting:CrashLoopBackOff');
    const uid = t.pod('crash')!.metadata.uid!;
    const status = containerStatus(t, 'crash', 'app')!;
    expect(status.state?.waiting?.message).toBe(
      `back-off 10s restarting failed container=app pod=crash_default(${uid})`,
    );
    expect(status.restartCount).toBe(1);
    expect(status.ready).toBe(false);
    expect(status.started).toBe(false);
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(status.lastState?.terminated?.containerID).toBe(status.containerID);
    expect(t.pod('crash')!.status!.phase).toBe('Running');
    expect(podColumn(t, 'crash')).toBe('CrashLoopBackOff');
    // RESTARTS counts the restarts and says when the last instance ended.
    expect(t.kubectl('get pod crash --no-headers').stdout).toMatch(
      /^crash\s+0\/1\s+CrashLoopBackOff\s+1 \(\d+s ago\)\s+\d+s\n$/,
    );
    expect(eventLines(t, 'crash')).toContain(
      `BackOff: Back-off restarting failed container app in pod crash_default(${uid})`,
    );
    expect(t.kubectl('logs crash --previous').stdout).toBe('boom\n');
  });

  it('starts the back-off over after a container ran for more than 10 minutes', () => {
    const t = new TestCluster();
    // Every instance runs 1 s, except the third, which runs 11 minutes.
    t.apply(
      podManifest(
        'flaky',
        `  volumes:
  - name: state
    emptyDir: {}
  containers:
  - name: app
    image: busybox:1.36
    volumeMounts:
    - name: state
      mountPath: /state
    command: ['sh', '-c', 'echo x >> /state/runs; if [ $(wc -l < /state/runs) -eq 3 ]; then sleep 660; fi; sleep 1; exit 1']
`,
      ),
    );
    const changes = recordChanges(t, restartView, 'flaky', 720);
    const starts = changes.filter((c) => c.value.endsWith('Running')).map((c) => c.at);
    const exits = starts.map((start, i) => start + (i === 2 ? 661 : 1));
    const gap = (i: number) => starts[i + 1]! - exits[i]!;
    // Before the long run: 0 then 10 s. After it the entry has expired: at once, then 10 s again (not 40 s).
    expect(gap(0)).toBeLessThan(1.5);
    expect(gap(1) - 10).toBeGreaterThanOrEqual(0);
    expect(gap(1) - 10).toBeLessThan(1.5);
    expect(gap(2)).toBeLessThan(1.5);
    expect(gap(3) - 10).toBeGreaterThanOrEqual(0);
    expect(gap(3) - 10).toBeLessThan(1.5);
    expect(gap(4) - 20).toBeGreaterThanOrEqual(0);
  });

  it('OnFailure restarts a failing container and completes one that exits 0', () => {
    const t = new TestCluster();
    t.apply(crashingPod('fails', 'OnFailure', 'exit 2'));
    t.apply(crashingPod('done', 'OnFailure', 'echo done'));
    t.advance(30);
    expect(t.pod('fails')!.status!.phase).toBe('Running');
    expect(containerStatus(t, 'fails', 'app')!.restartCount).toBeGreaterThanOrEqual(2);
    expect(podColumn(t, 'fails')).toBe('CrashLoopBackOff');
    expect(t.pod('done')!.status!.phase).toBe('Succeeded');
    expect(stateOf(containerStatus(t, 'done', 'app'))).toBe('Terminated:Completed(0)');
    expect(containerStatus(t, 'done', 'app')!.restartCount).toBe(0);
    expect(podColumn(t, 'done')).toBe('Completed');
  });

  it('Never leaves a finished container as it ended: Completed or Error, with the pod Succeeded or Failed', () => {
    const t = new TestCluster();
    t.apply(crashingPod('ok', 'Never', 'exit 0'));
    t.apply(crashingPod('bad', 'Never', 'exit 7'));
    t.advance(30);
    expect(t.pod('ok')!.status!.phase).toBe('Succeeded');
    expect(t.pod('bad')!.status!.phase).toBe('Failed');
    expect(stateOf(containerStatus(t, 'bad', 'app'))).toBe('Terminated:Error(7)');
    expect(containerStatus(t, 'bad', 'app')!.restartCount).toBe(0);
    expect(podColumn(t, 'bad')).toBe('Error');
    expect(eventLines(t, 'bad').filter((line) => line.startsWith('Started'))).toEqual([
      'Started: Started container app',
    ]);
  });

  it('Always restarts a container that exits 0 too, with the same back-off', () => {
    const t = new TestCluster();
    t.apply(crashingPod('quits', 'Always', 'exit 0'));
    timeWhen(t, () => stateOf(containerStatus(t, 'quits', 'app')) === 'Waiting:CrashLoopBackOff');
    expect(containerStatus(t, 'quits', 'app')!.lastState?.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(t.pod('quits')!.status!.phase).toBe('Running');
  });
});
