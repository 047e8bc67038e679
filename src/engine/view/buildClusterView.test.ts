import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { buildClusterView, clusterViewRevision } from './buildClusterView';
import type { ClusterView, PodView } from './clusterViewTypes';

const view = (t: TestCluster): ClusterView => buildClusterView(t.cluster);
const podNamed = (v: ClusterView, name: string): PodView => {
  const pod = v.pods.find((p) => p.name === name);
  if (!pod) throw new Error(`no pod ${name} in ${v.pods.map((p) => p.name).join(', ')}`);
  return pod;
};

/** The manifest a seed demo script pipes into `kubectl apply -f -`. */
function demoManifest(id: string): string {
  const script = fs.readFileSync(new URL(`../../scenarios/examples/${id}.sh`, import.meta.url), 'utf8');
  const match = /cat <<EOF \| kubectl apply -f -\n([\s\S]*?)\nEOF\n/.exec(script);
  if (!match) throw new Error(`no manifest in ${id}`);
  return `${match[1]}\n`;
}

const WEB_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

describe('buildClusterView', () => {
  it('shows a Deployment of 3 as Deployment → ReplicaSet → 3 running pods on workers', () => {
    const t = new TestCluster();
    t.apply(WEB_DEPLOYMENT);
    t.advance(30);
    const v = view(t);
    const deployment = v.workloads.find((w) => w.kind === 'Deployment')!;
    const replicaSet = v.workloads.find((w) => w.kind === 'ReplicaSet')!;
    expect(deployment).toMatchObject({ name: 'web', namespace: 'default', desired: 3, current: 3, ready: 3 });
    expect(deployment.revision).toBe('1');
    expect(deployment.owner).toBeUndefined();
    expect(replicaSet).toMatchObject({ desired: 3, current: 3, ready: 3, revision: '1' });
    expect(replicaSet.name).toMatch(/^web-[a-z0-9]+$/);
    expect(replicaSet.owner).toEqual({ kind: 'Deployment', namespace: 'default', name: 'web', uid: deployment.uid });
    expect(v.workloads.map((w) => w.kind)).toEqual(['Deployment', 'ReplicaSet']);

    expect(v.pods).toHaveLength(3);
    for (const pod of v.pods) {
      expect(pod.name.startsWith(`${replicaSet.name}-`)).toBe(true);
      expect(pod).toMatchObject({ status: 'Running', ready: '1/1', restarts: 0, phase: 'Running', podReady: true });
      expect(pod.owner).toEqual({
        kind: 'ReplicaSet',
        namespace: 'default',
        name: replicaSet.name,
        uid: replicaSet.uid,
      });
      expect(pod.node).toMatch(/^worker[123]$/);
      expect(pod.containers).toEqual([{ name: 'nginx', init: false, state: 'running', ready: true, restartCount: 0 }]);
      expect(pod.probeFailures).toEqual({ liveness: 0, readiness: 0, startup: 0 });
      expect(pod.ordinal).toBeUndefined();
      expect(pod.deletionDeadline).toBeUndefined();
    }
    expect(v.pods.map((p) => p.name)).toEqual(v.pods.map((p) => p.name).sort());
    expect(v.time).toBe(t.cluster.now());
  });

  it('shows kubectl STATUS before the pods run', () => {
    const t = new TestCluster();
    t.apply(WEB_DEPLOYMENT);
    t.advance(0.2);
    const v = view(t);
    expect(v.pods.map((p) => [p.status, p.ready])).toEqual([
      ['ContainerCreating', '0/1'],
      ['ContainerCreating', '0/1'],
      ['ContainerCreating', '0/1'],
    ]);
    expect(v.pods[0]!.containers[0]).toEqual({
      name: 'nginx',
      init: false,
      state: 'waiting',
      reason: 'ContainerCreating',
      ready: false,
      restartCount: 0,
    });
  });

  it('gives StatefulSet pods their ordinals', () => {
    const t = new TestCluster();
    t.apply(`apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`);
    t.advance(60);
    const v = view(t);
    expect(v.workloads).toMatchObject([{ kind: 'StatefulSet', name: 'web', desired: 3, current: 3, ready: 3 }]);
    expect(v.pods.map((p) => [p.name, p.ordinal, p.owner?.kind, p.status])).toEqual([
      ['web-0', 0, 'StatefulSet', 'Running'],
      ['web-1', 1, 'StatefulSet', 'Running'],
      ['web-2', 2, 'StatefulSet', 'Running'],
    ]);
  });

  it('counts the liveness failures of S002-liveness-exec and its restart', () => {
    const t = new TestCluster();
    t.apply(demoManifest('S002-liveness-exec'));
    t.advance(30);
    expect(podNamed(view(t), 'liveness-exec')).toMatchObject({
      status: 'Running',
      restarts: 0,
      probeFailures: { liveness: 0, readiness: 0, startup: 0 },
    });
    t.waitFor(() => podNamed(view(t), 'liveness-exec').probeFailures.liveness === 1, 20);
    const first = podNamed(view(t), 'liveness-exec').probeFailures;
    expect(first.lastAt).toBeLessThanOrEqual(t.cluster.now());
    expect(first.lastAt).toBeGreaterThan(t.cluster.now() - 2000);
    t.waitFor(() => podNamed(view(t), 'liveness-exec').restarts === 1, 60);
    const pod = podNamed(view(t), 'liveness-exec');
    expect(pod.probeFailures).toMatchObject({ liveness: 3, readiness: 0, startup: 0 });
    expect(pod.probeFailures.lastAt).toBeGreaterThan(first.lastAt!);
    expect(pod).toMatchObject({ status: 'Running', ready: '1/1', restarts: 1 });
    expect(pod.containers).toEqual([{ name: 'liveness', init: false, state: 'running', ready: true, restartCount: 1 }]);
  });

  it("lists a Service's endpoints, ready and not ready, by pod", () => {
    const t = new TestCluster();
    const pod = (name: string, probe: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
${probe}`;
    t.apply(pod('good', ''));
    t.apply(
      pod(
        'bad',
        `    readinessProbe:
      exec:
        command: [cat, /tmp/ready]
      periodSeconds: 5
`,
      ),
    );
    t.kubectl('expose pod good --name=web --port=80 --selector=app=web');
    t.advance(30);
    const v = view(t);
    const good = podNamed(v, 'good');
    const bad = podNamed(v, 'bad');
    expect(bad).toMatchObject({ status: 'Running', ready: '0/1', podReady: false });
    expect(bad.probeFailures.readiness).toBeGreaterThan(2);
    expect(bad.probeFailures.liveness).toBe(0);
    expect(v.services).toHaveLength(1);
    const service = v.services[0]!;
    expect(service).toMatchObject({ namespace: 'default', name: 'web', type: 'ClusterIP' });
    expect(service.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(service.endpoints.map((e) => [e.podUid, e.ready])).toEqual([
      [good.uid, true],
      [bad.uid, false],
    ]);
  });

  it('leaves out the cluster’s own Services', () => {
    expect(view(new TestCluster()).services).toEqual([]);
  });

  it('shows nodes with roles, kubectl STATUS, cordon and taints', () => {
    const t = new TestCluster();
    expect(t.kubectl('cordon worker1').exitCode).toBe(0);
    // The node lifecycle controller adds the unschedulable taint.
    t.advance(1);
    const v = view(t);
    expect(v.nodes.map((n) => [n.name, n.roles, n.ready, n.status, n.unschedulable])).toEqual([
      ['master1', ['control-plane'], 'True', 'Ready', false],
      ['worker1', [], 'True', 'Ready,SchedulingDisabled', true],
      ['worker2', [], 'True', 'Ready', false],
      ['worker3', [], 'True', 'Ready', false],
    ]);
    expect(v.nodes[0]!.taints).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    expect(v.nodes[1]!.taints).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    expect(v.nodes.map((n) => n.pressures)).toEqual([[], [], [], []]);
  });

  it('shows a failed node NotReady once the node controller marks it', () => {
    const t = new TestCluster();
    t.cluster.failNode('worker2');
    t.advance(60);
    const worker2 = view(t).nodes.find((n) => n.name === 'worker2')!;
    expect([worker2.ready, worker2.status]).toEqual(['Unknown', 'NotReady']);
  });

  it('marks a deleted pod Terminating with its grace deadline', () => {
    const t = new TestCluster();
    t.apply(`apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
  terminationGracePeriodSeconds: 20
  containers:
  - name: sh
    image: busybox:1.36
    command: [sh, -c, 'sleep 3600']
`);
    t.advance(20);
    t.kubectl('delete pod sleeper --wait=false');
    const deletedAt = t.cluster.now();
    const pod = podNamed(view(t), 'sleeper');
    expect(pod.status).toBe('Terminating');
    expect(pod.gracePeriodSeconds).toBe(20);
    expect(pod.deletionDeadline).toBe(Math.floor(deletedAt / 1000) * 1000 + 20_000);
  });

  it('shows Jobs and CronJobs with their counts and schedule', () => {
    const t = new TestCluster();
    t.apply(`apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      completions: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: hello
            image: busybox:1.36
            command: [sh, -c, 'date; sleep 5']
`);
    t.waitFor(() => view(t).workloads.some((w) => w.kind === 'Job'), 120);
    t.advance(5);
    const running = view(t);
    const cronJob = running.workloads.find((w) => w.kind === 'CronJob')!;
    const job = running.workloads.find((w) => w.kind === 'Job')!;
    expect(cronJob).toMatchObject({ name: 'hello', detail: '*/1 * * * *', current: 1, succeeded: 1 });
    expect(job.owner).toEqual({ kind: 'CronJob', namespace: 'default', name: 'hello', uid: cronJob.uid });
    expect(job).toMatchObject({ desired: 2, current: 1, succeeded: 0, detail: 'Running' });
    t.waitFor(() => view(t).workloads.find((w) => w.uid === job.uid)?.detail === 'Complete', 60);
    const done = view(t).workloads.find((w) => w.uid === job.uid)!;
    expect(done).toMatchObject({ desired: 2, current: 0, succeeded: 2 });
    expect(
      view(t)
        .pods.filter((p) => p.owner?.uid === job.uid)
        .map((p) => [p.status, p.ready]),
    ).toEqual([
      ['Completed', '0/1'],
      ['Completed', '0/1'],
    ]);
  });
});

describe('clusterViewRevision', () => {
  it('stays while nothing shown changes and moves when something does', () => {
    const t = new TestCluster();
    t.apply(WEB_DEPLOYMENT);
    t.advance(60);
    const settled = clusterViewRevision(t.cluster);
    t.advance(30);
    expect(clusterViewRevision(t.cluster)).toBe(settled);
    t.kubectl('scale deployment web --replicas=4');
    const scaled = clusterViewRevision(t.cluster);
    expect(scaled).toBeGreaterThan(settled);
    t.advance(1);
    const started = clusterViewRevision(t.cluster);
    expect(started).toBeGreaterThan(scaled);
    t.kubectl('cordon worker3');
    expect(clusterViewRevision(t.cluster)).toBeGreaterThan(started);
  });
});
