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

const NO_FILE = (path: string) => `cat: can't open '${path}': No such file or directory\n`;

/** Times (seconds) at which events with this reason and message prefix happened, counting repeats. */
function occurrences(t: TestCluster, pod: string, reason: string, prefix = ''): number {
  return podEvents(t, pod)
    .filter((e) => e.reason === reason && e.message.startsWith(prefix))
    .reduce((sum, e) => sum + e.count, 0);
}

function readyView(pod: Pod | undefined): string {
  const status = pod?.status?.containerStatuses?.[0];
  return `${stateOf(status)} ready=${status?.ready ?? false} started=${status?.started ?? false}`;
}

describe('liveness probes', () => {
  it('exec: three failures 5 s apart, then Killing; the shell takes its 30 s grace period; the restart is at once', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'liveness-exec',
        `  containers:
  - name: liveness
    image: busybox:1.36
    args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600']
    livenessProbe:
      exec:
        command: ['cat', '/tmp/healthy']
      initialDelaySeconds: 5
      periodSeconds: 5
`,
      ),
    );
    const startedAt = timeWhen(t, () => stateOf(containerStatus(t, 'liveness-exec', 'liveness')) === 'Running');
    const failures: number[] = [];
    let killedAt = 0;
    timeWhen(t, () => {
      const count = occurrences(t, 'liveness-exec', 'Unhealthy');
      if (count > failures.length) failures.push(t.elapsed());
      if (occurrences(t, 'liveness-exec', 'Killing') > 0) killedAt = t.elapsed();
      return killedAt > 0;
    });
    // The file goes 30 s after the start; the next 5 s tick fails, and two more.
    expect(failures).toHaveLength(3);
    expect(failures[0]! - startedAt).toBeGreaterThanOrEqual(30);
    expect(failures[0]! - startedAt).toBeLessThan(35.2);
    expect(Math.round(failures[1]! - failures[0]!)).toBe(5);
    expect(Math.round(failures[2]! - failures[1]!)).toBe(5);
    expect(killedAt).toBe(failures[2]);
    expect(eventLines(t, 'liveness-exec')).toEqual(
      expect.arrayContaining([
        `Unhealthy: Liveness probe failed: ${NO_FILE('/tmp/healthy')}`,
        'Killing: Container liveness failed liveness probe, will be restarted',
      ]),
    );
    const restartedAt = timeWhen(t, () => containerStatus(t, 'liveness-exec', 'liveness')?.restartCount === 1);
    expect(restartedAt - killedAt).toBeGreaterThanOrEqual(30);
    expect(restartedAt - killedAt).toBeLessThan(31.5);
    const status = containerStatus(t, 'liveness-exec', 'liveness')!;
    expect(status.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(stateOf(status)).toBe('Running');
    expect(t.kubectl('describe pod liveness-exec').stdout).toMatch(
      /^\s+Liveness:\s+exec \[cat \/tmp\/healthy\] delay=5s timeout=1s period=5s #success=1 #failure=3$/m,
    );
  });

  it('uses the defaults: every 10 s, three failures, no initial delay', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'defaults',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    livenessProbe:
      exec:
        command: ['cat', '/tmp/nothing']
`,
      ),
    );
    const startedAt = timeWhen(t, () => stateOf(containerStatus(t, 'defaults', 'app')) === 'Running');
    const killedAt = timeWhen(t, () => occurrences(t, 'defaults', 'Killing') > 0, 60);
    // Ticks every 10 s from when the kubelet took the pod: failures at about 10, 20 and 30 s.
    expect(killedAt - startedAt).toBeGreaterThan(20);
    expect(killedAt - startedAt).toBeLessThan(30.2);
    expect(occurrences(t, 'defaults', 'Unhealthy', 'Liveness probe failed:')).toBe(3);
    const probe = t.pod('defaults')!.spec.containers[0]!.livenessProbe!;
    expect(probe).toMatchObject({ periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 });
  });

  it('failureThreshold counts consecutive failures only', () => {
    const t = new TestCluster();
    // The file comes and goes every 5 s; with periodSeconds 5 no two probes in a row fail.
    t.apply(
      podManifest(
        'flapping',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'while true; do touch /tmp/ok; sleep 5; rm /tmp/ok; sleep 5; done']
    livenessProbe:
      exec:
        command: ['cat', '/tmp/ok']
      periodSeconds: 5
      failureThreshold: 2
`,
      ),
    );
    t.advance(120);
    expect(occurrences(t, 'flapping', 'Unhealthy')).toBeGreaterThanOrEqual(10);
    expect(occurrences(t, 'flapping', 'Killing')).toBe(0);
  });

  it('honours the probe’s own terminationGracePeriodSeconds over the pod’s', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'quick-kill',
        `  terminationGracePeriodSeconds: 120
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
    livenessProbe:
      exec:
        command: ['false']
      periodSeconds: 2
      failureThreshold: 1
      terminationGracePeriodSeconds: 5
`,
      ),
    );
    const killedAt = timeWhen(t, () => occurrences(t, 'quick-kill', 'Killing') > 0, 30);
    const restartedAt = timeWhen(t, () => containerStatus(t, 'quick-kill', 'app')?.restartCount === 1, 30);
    expect(restartedAt - killedAt).toBeGreaterThanOrEqual(5);
    expect(restartedAt - killedAt).toBeLessThan(6.5);
  });

  it('with restartPolicy Never the killed container stays dead and the pod fails', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'once',
        `  restartPolicy: Never
  terminationGracePeriodSeconds: 3
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    livenessProbe:
      exec:
        command: ['false']
      periodSeconds: 2
      failureThreshold: 1
`,
      ),
    );
    timeWhen(t, () => t.pod('once')?.status?.phase === 'Failed', 30);
    expect(eventLines(t, 'once')).toContain('Killing: Container app failed liveness probe');
    expect(stateOf(containerStatus(t, 'once', 'app'))).toBe('Terminated:Error(137)');
    expect(containerStatus(t, 'once', 'app')!.restartCount).toBe(0);
  });

  it('an exec probe running longer than timeoutSeconds fails with the kubelet’s timeout message', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'slow',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    livenessProbe:
      exec:
        command: ['sleep', '3']
      periodSeconds: 10
      timeoutSeconds: 2
  - name: patient
    image: busybox:1.36
    command: ['sleep', '3600']
    livenessProbe:
      exec:
        command: ['sleep', '3']
      periodSeconds: 10
      timeoutSeconds: 5
`,
      ),
    );
    t.advance(60);
    const events = podEvents(t, 'slow').filter((e) => e.reason === 'Unhealthy');
    expect(events.map((e) => [e.container, e.message])).toEqual([
      ['app', 'Liveness probe failed: command timed out: "sleep 3" timed out after 2s'],
    ]);
    expect(occurrences(t, 'slow', 'Killing')).toBe(1);
    // The runtime killed each timed-out probe command: no sleep 3 is left in the container.
    const ps = t.kubectl('exec slow -c app -- ps').stdout;
    expect(ps).not.toContain('sleep 3\n');
  });

  it('reports the timeout when timeoutSeconds has passed, not when the probe started', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'slow',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    readinessProbe:
      exec:
        command: ['sleep', '30']
      initialDelaySeconds: 4
      periodSeconds: 20
      timeoutSeconds: 7
`,
      ),
    );
    const startedAt = timeWhen(t, () => stateOf(containerStatus(t, 'slow', 'app')) === 'Running');
    const failedAt = timeWhen(t, () => occurrences(t, 'slow', 'Unhealthy') > 0, 60);
    // The first tick at or after 4 s runs the probe (ticks every 20 s from the pod's adoption: ~20 s); it fails 7 s later.
    expect(failedAt - startedAt).toBeGreaterThan(7 + 4 - 1.5);
    expect(failedAt - startedAt).toBeLessThan(27.2);
    expect(Math.round((failedAt - 7) * 1000) % 20_000).toBeLessThan(200);
  });
});

describe('readiness probes', () => {
  it('a container is not ready until its first success, which the kubelet probes right after the start', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'ready',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    readinessProbe:
      exec:
        command: ['true']
      periodSeconds: 30
`,
      ),
    );
    const changes = recordChanges(t, readyView, 'ready', 40).filter(
      (c) => c.value !== 'none ready=false started=false',
    );
    expect(changes.map((c) => c.value)).toEqual([
      'Waiting:ContainerCreating ready=false started=false',
      'Running ready=false started=true',
      'Running ready=true started=true',
    ]);
    // Not 30 s later at the next tick: the status update after the start triggers the readiness probe.
    expect(changes[2]!.at - changes[1]!.at).toBeLessThan(1.2);
    const conditions = t.pod('ready')!.status!.conditions!.map((c) => `${c.type}=${c.status}`);
    expect(conditions).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
  });

  it('successThreshold and failureThreshold: ready after 3 successes in a row, unready after 2 failures', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'steady',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'touch /tmp/ready; sleep 40; rm /tmp/ready; sleep 3600']
    readinessProbe:
      exec:
        command: ['cat', '/tmp/ready']
      periodSeconds: 3
      successThreshold: 3
      failureThreshold: 2
`,
      ),
    );
    const changes = recordChanges(t, readyView, 'steady', 60);
    const running = changes.find((c) => c.value === 'Running ready=false started=true')!.at;
    const ready = changes.find((c) => c.value === 'Running ready=true started=true')!.at;
    const unready = changes.filter((c) => c.value === 'Running ready=false started=true')[1]!.at;
    // Probes at the start and at the next two 3 s ticks.
    expect(ready - running).toBeGreaterThan(3);
    expect(ready - running).toBeLessThan(7.2);
    // The file goes at 40 s: two failing ticks, 3 s apart.
    expect(unready - running).toBeGreaterThan(40 + 3);
    expect(unready - running).toBeLessThan(40 + 6.2);
    expect(eventLines(t, 'steady')).toContain(`Unhealthy: Readiness probe failed: ${NO_FILE('/tmp/ready')}`);
    expect(occurrences(t, 'steady', 'Killing')).toBe(0);
    const ready2 = t.pod('steady')!.status!.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready2).toMatchObject({
      status: 'False',
      reason: 'ContainersNotReady',
      message: 'containers with unready status: [app]',
    });
    expect(t.kubectl('get pod steady --no-headers').stdout).toMatch(/^steady\s+0\/1\s+Running\s+0\s/);
  });

  it('initialDelaySeconds holds the first probe back, and the pod stays unready meanwhile', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'delayed',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    readinessProbe:
      exec:
        command: ['true']
      initialDelaySeconds: 15
      periodSeconds: 5
`,
      ),
    );
    const changes = recordChanges(t, readyView, 'delayed', 40);
    const running = changes.find((c) => c.value === 'Running ready=false started=true')!.at;
    const ready = changes.find((c) => c.value === 'Running ready=true started=true')!.at;
    expect(ready - running).toBeGreaterThanOrEqual(15);
    expect(ready - running).toBeLessThan(20.2);
  });
});

describe('startup probes', () => {
  it('hold liveness and readiness back until they succeed, then stop', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'slow-start',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 20; touch /tmp/started; sleep 3600']
    startupProbe:
      exec:
        command: ['cat', '/tmp/started']
      periodSeconds: 5
      failureThreshold: 10
    livenessProbe:
      exec:
        command: ['cat', '/tmp/started']
      periodSeconds: 1
      failureThreshold: 1
    readinessProbe:
      exec:
        command: ['cat', '/tmp/started']
      periodSeconds: 1
`,
      ),
    );
    const changes = recordChanges(t, readyView, 'slow-start', 60);
    const running = changes.find((c) => c.value === 'Running ready=false started=false')!.at;
    // The readiness probe runs as soon as startup succeeded: started and ready come together.
    const started = changes.find((c) => c.value.includes('started=true'))!;
    expect(started.value).toBe('Running ready=true started=true');
    expect(started.at - running).toBeGreaterThanOrEqual(20);
    expect(started.at - running).toBeLessThan(25.2);
    const lines = eventLines(t, 'slow-start');
    expect(lines).toContain(`Unhealthy: Startup probe failed: ${NO_FILE('/tmp/started')}`);
    expect(lines.filter((line) => /Liveness|Readiness/.test(line))).toEqual([]);
    expect(occurrences(t, 'slow-start', 'Unhealthy', 'Startup')).toBeGreaterThanOrEqual(3);
    expect(occurrences(t, 'slow-start', 'Killing')).toBe(0);
  });

  it('a startup probe that never succeeds kills the container after failureThreshold × periodSeconds', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'never-starts',
        `  containers:
  - name: app
    image: nginx:1.25
    startupProbe:
      httpGet:
        path: /healthz
        port: 80
      periodSeconds: 4
      failureThreshold: 5
`,
      ),
    );
    const startedAt = timeWhen(t, () => stateOf(containerStatus(t, 'never-starts', 'app')) === 'Running');
    const killedAt = timeWhen(t, () => occurrences(t, 'never-starts', 'Killing') > 0, 60);
    expect(killedAt - startedAt).toBeGreaterThan(16);
    expect(killedAt - startedAt).toBeLessThan(20.2);
    expect(eventLines(t, 'never-starts')).toEqual(
      expect.arrayContaining([
        'Unhealthy: Startup probe failed: HTTP probe failed with statuscode: 404',
        'Killing: Container app failed startup probe, will be restarted',
      ]),
    );
    expect(occurrences(t, 'never-starts', 'Unhealthy')).toBe(5);
  });
});

describe('probe mechanisms', () => {
  const WEB = (probe: string) => `  containers:
  - name: app
    image: nginx:1.25
    ports:
    - name: http
      containerPort: 80
    livenessProbe:
${probe}
      initialDelaySeconds: 2
      periodSeconds: 3
`;

  function probed(spec: string, seconds = 20): { t: TestCluster; lines: string[]; ip: string } {
    const t = new TestCluster();
    t.apply(podManifest('web', spec));
    t.advance(seconds);
    return { t, lines: eventLines(t, 'web'), ip: t.pod('web')!.status!.podIP! };
  }

  it('httpGet by number and by port name succeeds on nginx', () => {
    for (const port of ['80', 'http']) {
      const { t, lines } = probed(WEB(`      httpGet:\n        path: /\n        port: ${port}`));
      expect(lines.filter((line) => line.startsWith('Unhealthy'))).toEqual([]);
      expect(containerStatus(t, 'web', 'app')!.restartCount).toBe(0);
    }
  });

  it('httpGet: a status of 400 or more fails; a refused connection fails with Go’s dial error', () => {
    const missing = probed(WEB(`      httpGet:\n        path: /missing\n        port: 80`));
    expect(missing.lines).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404');
    const refused = probed(WEB(`      httpGet:\n        path: /healthz\n        port: 8080`));
    expect(refused.lines).toContain(
      `Unhealthy: Liveness probe failed: Get "http://${refused.ip}:8080/healthz": dial tcp ${refused.ip}:8080: connect: connection refused`,
    );
  });

  it('a port name no container port has makes the probe error, which changes nothing', () => {
    const { t, lines } = probed(WEB(`      httpGet:\n        path: /\n        port: web`), 40);
    expect(lines).toContain(
      'Unhealthy: Liveness probe errored and resulted in unknown state: strconv.Atoi: parsing "web": invalid syntax',
    );
    expect(occurrences(t, 'web', 'Killing')).toBe(0);
  });

  it('tcpSocket connects to the port', () => {
    const open = probed(WEB(`      tcpSocket:\n        port: 80`));
    expect(open.lines.filter((line) => line.startsWith('Unhealthy'))).toEqual([]);
    const closed = probed(WEB(`      tcpSocket:\n        port: 81`));
    expect(closed.lines).toContain(
      `Unhealthy: Liveness probe failed: dial tcp ${closed.ip}:81: connect: connection refused`,
    );
    expect(closed.lines).toContain('Killing: Container app failed liveness probe, will be restarted');
  });

  it('grpc answers SERVING on a listening port and times out on a closed one', () => {
    const open = probed(WEB(`      grpc:\n        port: 80`));
    expect(open.lines.filter((line) => line.startsWith('Unhealthy'))).toEqual([]);
    const closed = probed(WEB(`      grpc:\n        port: 9090\n      timeoutSeconds: 2`));
    expect(closed.lines).toContain(
      `Unhealthy: Liveness probe failed: timeout: failed to connect service "${closed.ip}:9090" within 2s: context deadline exceeded`,
    );
  });

  it('an exec probe whose command does not exist errors and is ignored', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'typo',
        `  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    livenessProbe:
      exec:
        command: ['healthcheck']
      periodSeconds: 3
`,
      ),
    );
    t.advance(30);
    const lines = eventLines(t, 'typo').filter((line) => line.startsWith('Unhealthy'));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines[0]).toMatch(
      /^Unhealthy: Liveness probe errored and resulted in unknown state: rpc error: code = Unknown desc = failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "healthcheck": executable file not found in \$PATH: unknown$/,
    );
    expect(occurrences(t, 'typo', 'Killing')).toBe(0);
  });

  it('stops liveness probes of a pod being deleted but keeps probing readiness', () => {
    const t = new TestCluster();
    t.apply(
      podManifest(
        'leaving',
        `  terminationGracePeriodSeconds: 60
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
    livenessProbe:
      exec:
        command: ['cat', '/tmp/nothing']
      periodSeconds: 2
      failureThreshold: 100
    readinessProbe:
      exec:
        command: ['cat', '/tmp/nothing']
      periodSeconds: 2
`,
      ),
    );
    t.advance(10);
    t.kubectl('delete pod leaving --wait=false');
    const liveness = occurrences(t, 'leaving', 'Unhealthy', 'Liveness');
    const readiness = occurrences(t, 'leaving', 'Unhealthy', 'Readiness');
    t.advance(20);
    expect(occurrences(t, 'leaving', 'Unhealthy', 'Liveness')).toBe(liveness);
    expect(occurrences(t, 'leaving', 'Unhealthy', 'Readiness')).toBeGreaterThanOrEqual(readiness + 9);
  });
});
