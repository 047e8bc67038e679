import { describe, expect, it } from 'vitest';
import type { Node } from '../../api/kinds';
import { defaultShape } from '../../cluster/shape';
import { Session } from '../../session/session';
import { TestCluster } from '../../testing/testCluster';

/** A 3-replica Deployment and a 2-replica StatefulSet on a cluster with two workers. */
const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: redis
        image: redis:7
`;

/** `kubectl get pods -o wide`, header first. */
function pods(t: TestCluster): string[] {
  return t.kubectl('get pods -o wide').stdout.trimEnd().split('\n');
}

/** The expected listing: kubectl lists pods by name, and web pods' random suffixes decide where they sort. */
function listing(header: string, lines: string[]): string[] {
  return [header, ...lines.sort()];
}

function nodeLine(t: TestCluster, name: string): string {
  return t
    .kubectl('get nodes')
    .stdout.split('\n')
    .find((line) => line.startsWith(name))!;
}

function taints(t: TestCluster, name: string): string[] {
  const node = t.cluster.nodes().find((n) => n.metadata.name === name) as Node;
  return (node.spec?.taints ?? []).map((taint) => `${taint.key}:${taint.effect} ${taint.timeAdded}`);
}

/** The web pods on a node, in the order they got their IPs. */
function webPods(t: TestCluster, node: string): string[] {
  const lastOctet = (ip: string | undefined) => Number(ip?.split('.')[3] ?? 0);
  return t
    .pods()
    .filter((p) => p.metadata.name.startsWith('web-') && p.spec.nodeName === node)
    .sort((a, b) => lastOctet(a.status?.podIP) - lastOctet(b.status?.podIP))
    .map((p) => p.metadata.name);
}

const WIDE =
  'NAME                   READY   STATUS    RESTARTS   AGE     IP           NODE      NOMINATED NODE   READINESS GATES';
const WIDE_TERMINATING =
  'NAME                   READY   STATUS        RESTARTS   AGE     IP           NODE      NOMINATED NODE   READINESS GATES';

interface FailedWorker {
  t: TestCluster;
  /** The web pod that was on worker2, the two on worker1, and the one the ReplicaSet made to replace the first. */
  lost: string;
  kept: string[];
  replacement: string;
}

/**
 * worker2 (running db-0 and one web pod) goes down 30 s in, right after a heartbeat; the test stops 400 s in, after
 * its pods were marked for deletion.
 */
function failedWorker(): FailedWorker {
  const t = new TestCluster({ shape: defaultShape(2) });
  t.apply(MANIFEST);
  t.advance(30);
  const [lost] = webPods(t, 'worker2');
  const kept = webPods(t, 'worker1');
  expect([lost, ...kept].map((name) => name!.replace(/-[a-z0-9]{5}$/, ''))).toEqual(Array(3).fill('web-68bf9f694d'));
  expect(pods(t)).toEqual(
    listing(
      'NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE      NOMINATED NODE   READINESS GATES',
      [
        'db-0                   1/1     Running   0          30s   10.244.2.2   worker2   <none>           <none>',
        'db-1                   1/1     Running   0          28s   10.244.1.4   worker1   <none>           <none>',
        `${lost}   1/1     Running   0          30s   10.244.2.3   worker2   <none>           <none>`,
        `${kept[0]}   1/1     Running   0          30s   10.244.1.2   worker1   <none>           <none>`,
        `${kept[1]}   1/1     Running   0          30s   10.244.1.3   worker1   <none>           <none>`,
      ],
    ),
  );
  expect(t.session.action(['node', 'fail', 'worker2']).exitCode).toBe(0);

  // Last lease renewal at 30 s: still Ready 54 s in, NotReady at the first monitor pass more than 50 s later.
  t.advance(54);
  expect(nodeLine(t, 'worker2')).toBe('worker2   Ready    <none>          84s   v1.34.1');
  t.advance(1);
  expect(nodeLine(t, 'worker2')).toBe('worker2   NotReady   <none>          85s   v1.34.1');
  expect(t.events('worker2')).toEqual(['NodeNotReady: Node worker2 status is now: NodeNotReady']);
  // The pods stay Running, 1/1 (their containers' last reported state), but are no longer Ready.
  expect(pods(t).filter((line) => line.startsWith('db-0'))).toEqual([
    'db-0                   1/1     Running   0          85s   10.244.2.2   worker2   <none>           <none>',
  ]);
  expect(t.pod('db-0')?.status?.conditions?.find((c) => c.type === 'Ready')).toEqual({
    type: 'Ready',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime: '2026-01-05T09:01:25Z',
  });
  expect(t.events(lost!).at(-1)).toBe('NodeNotReady: Node is not ready');
  // NoSchedule with the condition, NoExecute from the next pass.
  t.advance(5);
  expect(taints(t, 'worker2')).toEqual([
    'node.kubernetes.io/unreachable:NoSchedule 2026-01-05T09:01:25Z',
    'node.kubernetes.io/unreachable:NoExecute 2026-01-05T09:01:30Z',
  ]);

  // The default 300 s toleration runs out: the pods are marked for deletion and stay Terminating.
  t.advance(300);
  expect(t.pod('db-0')?.metadata.deletionTimestamp).toBeUndefined();
  t.advance(1);
  expect(t.pod('db-0')?.metadata.deletionTimestamp).toBe('2026-01-05T09:07:00Z');
  expect(t.events('db-0').slice(-2)).toEqual([
    'NodeNotReady: Node is not ready',
    'TaintManagerEviction: Marking for deletion Pod default/db-0',
  ]);
  expect(t.pod('db-0')?.status?.conditions?.at(-1)).toEqual({
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: '2026-01-05T09:06:30Z',
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
  });
  // The ReplicaSet replaces its pod at once; the StatefulSet does not replace db-0 while it exists.
  const replacement = webPods(t, 'worker1').find((name) => !kept.includes(name))!;
  expect(pods(t)).toEqual(
    listing(WIDE_TERMINATING, [
      'db-0                   1/1     Terminating   0          6m31s   10.244.2.2   worker2   <none>           <none>',
      'db-1                   1/1     Running       0          6m29s   10.244.1.4   worker1   <none>           <none>',
      `${lost}   1/1     Terminating   0          6m31s   10.244.2.3   worker2   <none>           <none>`,
      `${kept[0]}   1/1     Running       0          6m31s   10.244.1.2   worker1   <none>           <none>`,
      `${kept[1]}   1/1     Running       0          6m31s   10.244.1.3   worker1   <none>           <none>`,
      `${replacement}   1/1     Running       0          1s      10.244.1.5   worker1   <none>           <none>`,
    ]),
  );
  t.advance(9);
  expect(pods(t).filter((line) => line.startsWith('db-'))).toEqual([
    'db-0                   1/1     Terminating   0          6m40s   10.244.2.2   worker2   <none>           <none>',
    'db-1                   1/1     Running       0          6m38s   10.244.1.4   worker1   <none>           <none>',
  ]);
  return { t, lost: lost!, kept, replacement };
}

describe('a node fails (kubelet heartbeats, node lifecycle, taint eviction, pod GC)', () => {
  it('goes on exactly the same from a snapshot taken while the node is down and its evictions are scheduled', () => {
    const t = new TestCluster({ shape: defaultShape(2) });
    t.apply(MANIFEST);
    t.advance(30);
    t.session.action(['node', 'fail', 'worker2']);
    t.advance(200);
    const restored = Session.restore(JSON.parse(JSON.stringify(t.cluster.snapshot())), { kubectlStartupMs: 0 });
    for (const session of [t.session, restored]) {
      session.advance(200_000);
      session.action(['node', 'recover', 'worker2']);
      session.advance(10_000);
    }
    expect(restored.kubectl('get pods -o wide').stdout).toBe(t.kubectl('get pods -o wide').stdout);
    expect(restored.cluster.snapshot()).toEqual(t.cluster.snapshot());
  });

  it('with the out-of-service taint, pod GC deletes the stuck pods and the StatefulSet recreates db-0 elsewhere', () => {
    const { t, lost, kept, replacement } = failedWorker();
    expect(t.kubectl('cordon worker2').stdout).toBe('node/worker2 cordoned\n');
    expect(nodeLine(t, 'worker2')).toBe('worker2   NotReady,SchedulingDisabled   <none>          6m40s   v1.34.1');
    expect(t.kubectl('taint node worker2 node.kubernetes.io/out-of-service=nodeshutdown:NoExecute').stdout).toBe(
      'node/worker2 tainted\n',
    );
    // The next pod GC pass (every 20 s) force-deletes the terminating pods of the not-Ready, out-of-service node.
    t.advance(19);
    expect(t.pod('db-0')?.metadata.deletionTimestamp).toBe('2026-01-05T09:07:00Z');
    t.advance(1);
    expect([t.pod('db-0'), t.pod(lost)]).toEqual([undefined, undefined]);
    t.advance(3);
    expect(pods(t)).toEqual(
      listing(
        'NAME                   READY   STATUS    RESTARTS   AGE    IP           NODE      NOMINATED NODE   READINESS GATES',
        [
          'db-0                   1/1     Running   0          3s     10.244.1.6   worker1   <none>           <none>',
          'db-1                   1/1     Running   0          7m1s   10.244.1.4   worker1   <none>           <none>',
          `${kept[0]}   1/1     Running   0          7m3s   10.244.1.2   worker1   <none>           <none>`,
          `${kept[1]}   1/1     Running   0          7m3s   10.244.1.3   worker1   <none>           <none>`,
          `${replacement}   1/1     Running   0          33s    10.244.1.5   worker1   <none>           <none>`,
        ],
      ),
    );
    expect(nodeLine(t, 'worker2')).toBe('worker2   NotReady,SchedulingDisabled   <none>          7m3s   v1.34.1');
  });

  it('when the node recovers, it is Ready again, its NoExecute taint goes and the terminating pods vanish', () => {
    const { t, lost, kept, replacement } = failedWorker();
    expect(t.session.action(['node', 'recover', 'worker2']).exitCode).toBe(0);
    expect(nodeLine(t, 'worker2')).toBe('worker2   Ready    <none>          6m40s   v1.34.1');
    // The restarted kubelet finishes the deletions: the StatefulSet then recreates db-0, here on worker2 again.
    t.advance(1);
    expect(t.pod(lost)).toBeUndefined();
    expect(t.pod('db-0')?.metadata.deletionTimestamp).toBeUndefined();
    t.advance(4);
    expect(taints(t, 'worker2')).toEqual([]);
    // The deletions already happened: nothing is left to cancel.
    expect(t.events('db-0').filter((e) => e.startsWith('TaintManagerEviction'))).toEqual([
      'TaintManagerEviction: Marking for deletion Pod default/db-0',
    ]);
    t.advance(5);
    expect(pods(t)).toEqual(
      listing(WIDE, [
        'db-0                   1/1     Running   0          10s     10.244.2.4   worker2   <none>           <none>',
        'db-1                   1/1     Running   0          6m48s   10.244.1.4   worker1   <none>           <none>',
        `${kept[0]}   1/1     Running   0          6m50s   10.244.1.2   worker1   <none>           <none>`,
        `${kept[1]}   1/1     Running   0          6m50s   10.244.1.3   worker1   <none>           <none>`,
        `${replacement}   1/1     Running   0          20s     10.244.1.5   worker1   <none>           <none>`,
      ]),
    );
  });

  it('when the node is removed, pod GC deletes its pods after the 40 s quarantine and db-0 comes back elsewhere', () => {
    const { t, lost, kept, replacement } = failedWorker();
    expect(t.session.action(['node', 'remove', 'worker2']).exitCode).toBe(0);
    expect(t.kubectl('get nodes').stdout).toBe(
      'NAME      STATUS   ROLES           AGE     VERSION\n' +
        'master1   Ready    control-plane   6m40s   v1.34.1\n' +
        'worker1   Ready    <none>          6m40s   v1.34.1\n',
    );
    // First seen orphaned at the pass 420 s in, force-deleted at the pass 40 s later.
    t.advance(59);
    expect(t.pod('db-0')?.metadata.deletionTimestamp).toBe('2026-01-05T09:07:00Z');
    t.advance(1);
    expect([t.pod('db-0'), t.pod(lost)]).toEqual([undefined, undefined]);
    t.advance(1);
    expect(pods(t)).toEqual(
      listing(WIDE, [
        'db-0                   1/1     Running   0          1s      10.244.1.6   worker1   <none>           <none>',
        'db-1                   1/1     Running   0          7m39s   10.244.1.4   worker1   <none>           <none>',
        `${kept[0]}   1/1     Running   0          7m41s   10.244.1.2   worker1   <none>           <none>`,
        `${kept[1]}   1/1     Running   0          7m41s   10.244.1.3   worker1   <none>           <none>`,
        `${replacement}   1/1     Running   0          71s     10.244.1.5   worker1   <none>           <none>`,
      ]),
    );
  });
});
