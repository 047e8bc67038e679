import { describe, it, expect } from 'vitest';
import { TestCluster } from '../testing/testCluster';

/** The Kubernetes docs' memory-demo-2 (assign-memory-resource): 250M wanted, a 100Mi limit. */
const MEMORY_DEMO_2 = `apiVersion: v1
kind: Pod
metadata:
  name: memory-demo-2
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources:
      requests:
        memory: "50Mi"
      limits:
        memory: "100Mi"
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`;

describe('a container over its memory limit', () => {
  it('is OOM-killed (exit 137, OOMKilled) and restarted with back-off into CrashLoopBackOff', () => {
    const t = new TestCluster();
    t.apply(MEMORY_DEMO_2);
    const status = () => t.kubectl('get pod memory-demo-2').stdout.split('\n')[1];
    t.advance(1.8);
    expect(status()).toBe('memory-demo-2   1/1     Running   0          1s');
    t.advance(0.3);
    expect(status()).toBe('memory-demo-2   0/1     OOMKilled   0          2s');
    t.advance(2);
    expect(status()).toBe('memory-demo-2   0/1     CrashLoopBackOff   1 (1s ago)   4s');
    t.advance(12);
    expect(status()).toBe('memory-demo-2   0/1     CrashLoopBackOff   2 (2s ago)   16s');
    const lastState = t.kubectl(
      'get pod memory-demo-2 -o jsonpath={.status.containerStatuses[0].lastState.terminated.reason},{.status.containerStatuses[0].lastState.terminated.exitCode}',
    );
    expect(lastState.stdout).toBe('OOMKilled,137');
    const describe = t.kubectl('describe pod memory-demo-2').stdout;
    expect(describe).toContain(
      '    State:          Waiting\n' +
        '      Reason:       CrashLoopBackOff\n' +
        '    Last State:     Terminated\n' +
        '      Reason:       OOMKilled\n' +
        '      Exit Code:    137\n',
    );
    expect(describe).toContain('QoS Class:                   Burstable\n');
    // The whole cgroup went at once (memory.oom.group): stress had no time to report its hog.
    expect(t.kubectl('logs memory-demo-2 --previous').stdout).toBe(
      'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n',
    );
  });

  it('runs while within its limit, using what its processes hold (the docs memory-demo)', () => {
    const t = new TestCluster();
    t.apply(
      MEMORY_DEMO_2.replaceAll('memory-demo-2', 'memory-demo')
        .replace('"50Mi"', '"100Mi"')
        .replace('"100Mi"\n    command', '"200Mi"\n    command')
        .replace('250M', '150M'),
    );
    t.advance(40);
    expect(t.kubectl('top pod memory-demo').stdout).toBe(
      'NAME          CPU(cores)   MEMORY(bytes)   \nmemory-demo   0m           155Mi           \n',
    );
    expect(t.kubectl('get pod memory-demo').stdout.split('\n')[1]).toBe(
      'memory-demo   1/1     Running   0          40s',
    );
  });
});
