import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster/cluster';
import { TestCluster } from '../testing/testCluster';
import { podManifest } from './kubeletTestKit';

describe('kubelet state in snapshots', () => {
  it('a cluster restored mid-way through probes, pulls, hooks and a graceful stop continues exactly as the original', () => {
    const t = new TestCluster({ seed: 7 });
    t.apply(
      podManifest(
        'busy',
        `  terminationGracePeriodSeconds: 20
  containers:
  - name: probed
    image: busybox:1.36
    command: ['sh', '-c', 'touch /tmp/ok; sleep 12; rm /tmp/ok; sleep 3600']
    livenessProbe:
      exec:
        command: ['sh', '-c', 'sleep 0.5; cat /tmp/ok']
      periodSeconds: 3
      failureThreshold: 2
    lifecycle:
      postStart:
        exec:
          command: ['sleep', '2']
      preStop:
        exec:
          command: ['sleep', '4']
  - name: puller
    image: nginx:no-such-tag
`,
      ),
    );
    t.advance(17.35);
    const original = t.cluster;
    const restored = Cluster.restore(original.snapshot());
    for (let i = 0; i < 60; i++) {
      original.advance(1_000);
      restored.advance(1_000);
      expect(restored.snapshot()).toEqual(original.snapshot());
    }
    // The run went through a liveness kill with preStop and a restart meanwhile.
    expect(t.pod('busy')!.status!.containerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(1);
  });
});
