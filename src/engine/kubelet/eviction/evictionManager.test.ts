import { describe, it, expect } from 'vitest';
import { TestCluster } from '../../testing/testCluster';

/** A pod on worker1 whose one vm hog holds `megabytes` of memory for good. */
function stressPod(name: string, megabytes: number, resources = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeSelector:
    kubernetes.io/hostname: worker1
  containers:
  - name: stress
    image: polinux/stress
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "${megabytes}M", "--vm-hang", "0"]
${resources}---
`;
}

/** Three pods of the three QoS classes on worker1: 65.3125Mi, 155.3125Mi and 55.3125Mi in use. */
function threeQosClasses(): TestCluster {
  const t = new TestCluster();
  t.apply(
    stressPod('best-effort', 60) +
      stressPod('burstable', 150, '    resources:\n      requests:\n        memory: 100Mi\n') +
      stressPod('guaranteed', 50, '    resources:\n      limits:\n        memory: 100Mi\n        cpu: 100m\n'),
  );
  t.advance(35);
  return t;
}

const podLines = (t: TestCluster) =>
  t.kubectl(
    'get pods -o custom-columns=NAME:.metadata.name,QOS:.status.qosClass,PHASE:.status.phase,REASON:.status.reason',
  ).stdout;

describe('the eviction manager under memory pressure', () => {
  it('evicts the BestEffort pod, then the Burstable one over its request, and leaves the Guaranteed one', () => {
    const t = threeQosClasses();
    expect(podLines(t)).toBe(
      'NAME          QOS          PHASE     REASON\n' +
        'best-effort   BestEffort   Running   <none>\n' +
        'burstable     Burstable    Running   <none>\n' +
        'guaranteed    Guaranteed   Running   <none>\n',
    );
    expect(t.session.action(['node', 'pressure', 'worker1', '7486Mi']).stdout).toBe(
      'node/worker1: 7486Mi used outside pods; memory.available 10304Ki (the kubelet evicts below 100Mi)\n',
    );
    t.advance(15);
    expect(podLines(t)).toBe(
      'NAME          QOS          PHASE     REASON\n' +
        'best-effort   BestEffort   Failed    Evicted\n' +
        'burstable     Burstable    Failed    Evicted\n' +
        'guaranteed    Guaranteed   Running   <none>\n',
    );
    expect(t.events('best-effort').slice(-2)).toEqual([
      'Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 10304Ki. Container stress was using 66880Ki, request is 0, has larger consumption of memory. ',
      'Killing: Stopping container stress',
    ]);
    expect(t.events('burstable').slice(-2)).toEqual([
      'Evicted: The node was low on resource: memory. Threshold quantity: 100Mi, available: 77184Ki. Container stress was using 159040Ki, request is 100Mi, has larger consumption of memory. ',
      'Killing: Stopping container stress',
    ]);
    expect(
      t.kubectl(
        'get pod best-effort -o jsonpath={.status.conditions[0].type}/{.status.conditions[0].reason}/{.status.conditions[0].lastTransitionTime}',
      ).stdout,
    ).toBe('DisruptionTarget/TerminationByKubelet/2026-01-05T09:00:40Z');
    // The eviction manager acts at once; the node status reports the pressure at its next update.
    expect(t.events('worker1')).toEqual([
      'EvictionThresholdMet: Attempting to reclaim memory',
      'NodeHasInsufficientMemory: Node worker1 status is now: NodeHasInsufficientMemory',
    ]);
    // Once its containers stopped, kubectl shows an evicted pod's container reason (kubernetes#105467).
    expect(t.kubectl('get pods').stdout).toBe(
      'NAME          READY   STATUS    RESTARTS   AGE\n' +
        'best-effort   0/1     Error     0          50s\n' +
        'burstable     0/1     Error     0          50s\n' +
        'guaranteed    1/1     Running   0          50s\n',
    );
  });

  it('reports MemoryPressure on the node until 5 minutes after the threshold was last met', () => {
    const t = threeQosClasses();
    t.session.action(['node', 'pressure', 'worker1', '7486Mi']);
    t.advance(15);
    const describeNode = () => t.kubectl('describe node worker1').stdout.split('\n');
    const pressure = () => describeNode().find((line) => line.startsWith('  MemoryPressure'));
    expect(pressure()).toBe(
      '  MemoryPressure   True    Mon, 05 Jan 2026 09:00:40 +0000   Mon, 05 Jan 2026 09:00:40 +0000   KubeletHasInsufficientMemory   kubelet has insufficient memory available',
    );
    expect(describeNode().find((line) => line.startsWith('Taints:'))).toBe(
      'Taints:             node.kubernetes.io/memory-pressure:NoSchedule',
    );
    expect(t.session.action(['node', 'pressure', 'worker1', '0']).stdout).toBe(
      'node/worker1: memory used outside pods released\n',
    );
    t.advance(290);
    expect(pressure()?.slice(0, 24)).toBe('  MemoryPressure   True ');
    t.advance(10);
    expect(pressure()).toMatch(
      /^ {2}MemoryPressure {3}False {3}.* {3}Mon, 05 Jan 2026 09:05:50 \+0000 {3}KubeletHasSufficientMemory {3}kubelet has sufficient memory available$/,
    );
    expect(t.events('worker1').at(-1)).toBe(
      'NodeHasSufficientMemory: Node worker1 status is now: NodeHasSufficientMemory',
    );
    t.advance(5);
    expect(describeNode().find((line) => line.startsWith('Taints:'))).toBe('Taints:             <none>');
  });
});
