import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { controlPlaneNode, defaultShape, workerNode, type ClusterShape } from '../cluster/shape';
import { resolveResourceName } from '../api/resources';
import type { Event } from '../api/kinds';

const EVENTS = resolveResourceName('events')!;
const PODS = resolveResourceName('pods')!;

function podYaml(name: string, options: { cpu?: string; extra?: string; labels?: string } = {}): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: web${options.labels ?? ''}}
spec:
${options.extra ?? ''}  containers:
  - name: app
    image: nginx:1.27
${options.cpu ? `    resources: {requests: {cpu: "${options.cpu}"}}\n` : ''}`;
}

function nodeOf(t: TestCluster, name: string): string | undefined {
  return t.pod(name)?.spec.nodeName;
}

function schedulerEvents(t: TestCluster, name: string): Event[] {
  return (t.cluster.api.all(EVENTS, 'default') as Event[]).filter(
    (e) => e.involvedObject.name === name && e.reportingComponent === 'default-scheduler',
  );
}

const BRIEF_MESSAGE =
  '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
  'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';

describe('Scheduler: binding and FailedScheduling', () => {
  it('binds within 30 ms and records Scheduled from default-scheduler', () => {
    const t = new TestCluster({ seed: 1 });
    t.apply(podYaml('web'));
    t.cluster.advance(30);
    expect(nodeOf(t, 'web')).toMatch(/^worker[123]$/);
    expect(schedulerEvents(t, 'web')).toMatchObject([
      {
        type: 'Normal',
        reason: 'Scheduled',
        action: 'Binding',
        message: `Successfully assigned default/web to ${nodeOf(t, 'web')}`,
        reportingComponent: 'default-scheduler',
        reportingInstance: 'default-scheduler-master1',
      },
    ]);
  });

  it('fills the workers, then reports the next pod exactly as kube-scheduler 1.34 does', () => {
    const t = new TestCluster({ seed: 1 });
    for (const name of ['a', 'b', 'c', 'd']) t.apply(podYaml(name, { cpu: '3' }));
    t.advance(1);
    expect(['a', 'b', 'c'].map((n) => nodeOf(t, n)).sort()).toEqual(['worker1', 'worker2', 'worker3']);
    expect(nodeOf(t, 'd')).toBeUndefined();
    expect(t.events('d')).toEqual([`FailedScheduling: ${BRIEF_MESSAGE}`]);
    expect(t.pod('d')?.status?.conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: BRIEF_MESSAGE,
        lastProbeTime: null,
        lastTransitionTime: '2026-01-05T09:00:00Z',
      },
    ]);
    expect(t.kubectl('get pod d').stdout).toMatch(/^d\s+0\/1\s+Pending\s+0\s+1s$/m);
  });

  it('leaves a pod with spec.nodeName to its kubelet, even on a tainted, cordoned node', () => {
    const t = new TestCluster({ seed: 1 });
    t.kubectl('cordon master1');
    t.apply(podYaml('pinned', { extra: '  nodeName: master1\n' }));
    t.advance(5);
    expect(nodeOf(t, 'pinned')).toBe('master1');
    expect(schedulerEvents(t, 'pinned')).toEqual([]);
    expect(t.pod('pinned')?.status?.phase).toBe('Running');
  });

  it('does not schedule a gated pod until its gates are removed', () => {
    const t = new TestCluster({ seed: 1 });
    t.apply(podYaml('gated', { extra: '  schedulingGates: [{name: example.com/wait}]\n' }));
    t.advance(10);
    expect(t.kubectl('get pod gated').stdout).toMatch(/^gated\s+0\/1\s+SchedulingGated\s+0\s+10s$/m);
    expect(schedulerEvents(t, 'gated')).toEqual([]);
    const removed = t.cluster.api.patch(PODS, 'default', 'gated', 'json', [
      { op: 'remove', path: '/spec/schedulingGates' },
    ]);
    expect(removed.ok).toBe(true);
    t.cluster.advance(30);
    expect(nodeOf(t, 'gated')).toMatch(/^worker/);
  });
});

describe('Scheduler: retries', () => {
  it('retries a pending pod when a worker is uncordoned', () => {
    const t = new TestCluster({ seed: 1 });
    for (const w of ['worker1', 'worker2', 'worker3']) t.kubectl(`cordon ${w}`);
    t.apply(podYaml('web'));
    t.advance(3);
    expect(t.events('web')).toEqual([
      'FailedScheduling: 0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) were unschedulable. ' +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    ]);
    t.kubectl('uncordon worker2');
    t.cluster.advance(30);
    expect(nodeOf(t, 'web')).toBe('worker2');
  });

  it('retries when a taint is removed, when a node joins and when a pod frees resources', () => {
    const t = new TestCluster({ seed: 2, shape: { nodes: [controlPlaneNode('master1'), workerNode('worker1')] } });
    t.kubectl('taint nodes worker1 dedicated=db:NoSchedule');
    t.apply(podYaml('a'));
    t.advance(2);
    expect(nodeOf(t, 'a')).toBeUndefined();
    t.kubectl('taint nodes worker1 dedicated-');
    t.cluster.advance(30);
    expect(nodeOf(t, 'a')).toBe('worker1');

    t.apply(podYaml('big', { cpu: '3500m' }));
    t.apply(podYaml('big2', { cpu: '3500m' }));
    t.advance(2);
    expect([nodeOf(t, 'big'), nodeOf(t, 'big2')]).toEqual(['worker1', undefined]);
    t.cluster.addNode(workerNode('worker2'));
    t.cluster.advance(30);
    expect(nodeOf(t, 'big2')).toBe('worker2');

    t.apply(podYaml('big3', { cpu: '3500m' }));
    t.advance(2);
    expect(nodeOf(t, 'big3')).toBeUndefined();
    t.kubectl('delete pod big --wait=false');
    t.advance(35);
    expect(nodeOf(t, 'big3')).toBe('worker1');
  });

  it('does not retry for an unrelated change, then retries after 5 minutes and counts the repeat as a series', () => {
    const t = new TestCluster({ seed: 1 });
    t.apply(podYaml('huge', { cpu: '64' }));
    t.advance(2);
    t.kubectl('label node worker1 disk=ssd');
    t.advance(60);
    expect(schedulerEvents(t, 'huge')).toHaveLength(1);
    // First retry after >5 minutes (on the 30 s flush tick): the pod changed (its condition), so a new event.
    t.advance(300);
    expect(schedulerEvents(t, 'huge')).toHaveLength(2);
    // The next retry is the same event again: a series with count 2.
    t.advance(330);
    const events = schedulerEvents(t, 'huge');
    expect(events).toHaveLength(2);
    expect(events.map((e) => e.series?.count)).toEqual([undefined, 2]);
    expect(t.kubectl('describe pod huge').stdout).toMatch(
      /^\s+Warning\s+FailedScheduling\s+\d+s \(x2 over 6m\d+s\)\s+default-scheduler\s+0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role\.kubernetes\.io\/control-plane: \}, 3 Insufficient cpu\. preemption: 0\/4 nodes are available: 4 Preemption is not helpful for scheduling\.$/m,
    );
  });
});

describe('Scheduler: placement', () => {
  it('follows nodeSelector and node affinity', () => {
    const shape: ClusterShape = defaultShape();
    shape.nodes[2]!.labels = { disk: 'ssd' };
    const t = new TestCluster({ seed: 3, shape });
    t.apply(podYaml('ssd', { extra: '  nodeSelector: {disk: ssd}\n' }));
    t.apply(
      podYaml('not-ssd', {
        extra:
          '  affinity:\n    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions: [{key: disk, operator: DoesNotExist}, {key: kubernetes.io/hostname, operator: NotIn, values: [worker1]}]\n',
      }),
    );
    t.advance(1);
    expect(nodeOf(t, 'ssd')).toBe('worker2');
    expect(nodeOf(t, 'not-ssd')).toBe('worker3');
  });

  it('keeps a host port to one pod per node', () => {
    const t = new TestCluster({ seed: 1, shape: { nodes: [controlPlaneNode('master1'), workerNode('worker1')] } });
    const withPort = (name: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    ports: [{containerPort: 80, hostPort: 8080}]\n`;
    t.apply(withPort('first'));
    t.apply(withPort('second'));
    t.advance(1);
    expect(nodeOf(t, 'first')).toBe('worker1');
    expect(t.events('second')).toEqual([
      "FailedScheduling: 0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. " +
        'preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.',
    ]);
  });

  it('lets a pod tolerating the control-plane taint land on the master', () => {
    const t = new TestCluster({ seed: 1, shape: { nodes: [controlPlaneNode('master1')] } });
    t.apply(
      podYaml('tolerant', {
        extra: '  tolerations: [{key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}]\n',
      }),
    );
    t.advance(1);
    expect(nodeOf(t, 'tolerant')).toBe('master1');
  });

  it('spreads the pods a Service selects across the workers', () => {
    const t = new TestCluster({ seed: 5 });
    t.apply(
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n',
    );
    for (let i = 0; i < 6; i++) {
      t.apply(podYaml(`web-${i}`));
      t.cluster.advance(100);
    }
    const counts: Record<string, number> = {};
    for (let i = 0; i < 6; i++) counts[nodeOf(t, `web-${i}`)!] = (counts[nodeOf(t, `web-${i}`)!] ?? 0) + 1;
    expect(counts).toEqual({ worker1: 2, worker2: 2, worker3: 2 });
  });

  it('breaks ties with the seeded random source: the same seed places pods the same way', () => {
    const placement = (seed: number) => {
      const t = new TestCluster({ seed });
      t.apply(podYaml('web'));
      t.cluster.advance(30);
      return nodeOf(t, 'web');
    };
    const bySeed = [1, 2, 3, 4, 5, 6, 7, 8].map(placement);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(placement)).toEqual(bySeed);
    expect(new Set(bySeed)).toEqual(new Set(['worker1', 'worker2', 'worker3']));
  });
});
