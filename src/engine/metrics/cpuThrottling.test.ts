import { describe, it, expect } from 'vitest';
import { TestCluster } from '../testing/testCluster';

function cpuPod(name: string, node: string, image: string, args: string, limit?: string): string {
  const resources = limit ? `    resources:\n      limits:\n        cpu: "${limit}"\n` : '';
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  nodeSelector:
    kubernetes.io/hostname: ${node}
  containers:
  - name: ${name}-ctr
    image: ${image}
    args: ${args}
${resources}---
`;
}

describe('CPU, a compressible resource', () => {
  it('holds a container to its CPU limit without killing it, and shares a node between its containers', () => {
    const t = new TestCluster();
    t.apply(
      // The Kubernetes docs' cpu-demo (assign-cpu-resource): two busy goroutines, a limit of one CPU.
      cpuPod('cpu-demo', 'worker1', 'vish/stress', '["-cpus", "2"]', '1') +
        cpuPod('throttled', 'worker1', 'polinux/stress', '["stress", "--cpu", "2"]', '500m') +
        cpuPod('free', 'worker2', 'polinux/stress', '["stress", "--cpu", "2"]') +
        cpuPod('greedy-a', 'worker3', 'polinux/stress', '["stress", "--cpu", "4"]') +
        cpuPod('greedy-b', 'worker3', 'polinux/stress', '["stress", "--cpu", "4"]'),
    );
    t.advance(40);
    expect(t.kubectl('top pods').stdout).toBe(
      'NAME        CPU(cores)   MEMORY(bytes)   \n' +
        'cpu-demo    1000m        5Mi             \n' +
        'free        2000m        5Mi             \n' +
        'greedy-a    2000m        5Mi             \n' +
        'greedy-b    2000m        5Mi             \n' +
        'throttled   500m         5Mi             \n',
    );
    expect(t.kubectl('top nodes').stdout).toBe(
      'NAME      CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \n' +
        'master1   120m         6%       1350Mi          32%         \n' +
        'worker1   1525m        38%      430Mi           5%          \n' +
        'worker2   2025m        50%      425Mi           5%          \n' +
        'worker3   4025m        100%     430Mi           5%          \n',
    );
    // Throttled, starved: never killed.
    t.advance(300);
    expect(t.kubectl('get pods').stdout).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\n' +
        'cpu-demo    1/1     Running   0          5m40s\n' +
        'free        1/1     Running   0          5m40s\n' +
        'greedy-a    1/1     Running   0          5m40s\n' +
        'greedy-b    1/1     Running   0          5m40s\n' +
        'throttled   1/1     Running   0          5m40s\n',
    );
  });
});
