import { describe, expect, it } from 'vitest';
import type { ClusterView, NodeView, PodView, ServiceView, WorkloadView } from '../../engine/view/clusterViewTypes';
import { layoutCluster } from './layoutCluster';
import { UNSCHEDULED_LANE, type GraphLayout } from './layoutTypes';

function node(name: string, roles: string[] = []): NodeView {
  return {
    name,
    uid: `node-${name}`,
    roles,
    ready: 'True',
    status: 'Ready',
    unschedulable: false,
    taints: [],
    pressures: [],
  };
}

function workload(kind: WorkloadView['kind'], name: string, extra: Partial<WorkloadView> = {}): WorkloadView {
  return { kind, namespace: 'default', name, uid: `${kind}-${name}`, desired: 1, current: 1, ready: 1, ...extra };
}

const ownerRef = (w: WorkloadView) => ({ kind: w.kind, namespace: w.namespace, name: w.name, uid: w.uid });

function pod(name: string, extra: Partial<PodView> = {}): PodView {
  return {
    namespace: 'default',
    name,
    uid: `pod-${name}`,
    status: 'Running',
    ready: '1/1',
    restarts: 0,
    phase: 'Running',
    podReady: true,
    created: 0,
    containers: [],
    probeFailures: { liveness: 0, readiness: 0, startup: 0 },
    ...extra,
  };
}

function service(name: string, endpoints: ServiceView['endpoints']): ServiceView {
  return { namespace: 'default', name, uid: `svc-${name}`, type: 'ClusterIP', clusterIP: '10.96.0.10', endpoints };
}

const NODES = [node('worker2'), node('master1', ['control-plane']), node('worker1'), node('worker3')];

function clusterView(parts: Partial<ClusterView>): ClusterView {
  return { time: 0, nodes: NODES, workloads: [], pods: [], services: [], ...parts };
}

const box = (layout: GraphLayout, uid: string) => {
  const found = layout.boxes[uid];
  if (!found) throw new Error(`no box for ${uid}`);
  return found;
};

describe('layoutCluster', () => {
  it('puts the control plane first, the workers by name, then the unscheduled lane, side by side', () => {
    const layout = layoutCluster(clusterView({}), { width: 1200 });
    // The control plane and the lane are one pod column wide (124 + 2×8 padding); the workers share the rest:
    // 1200 - 2×12 margin - 2×(140 + 12 gap) - 2×12 gaps = 848, 282 each, two columns of 130.
    expect(layout.regions).toEqual([
      { uid: 'node-master1', x: 12, y: 12, width: 140, height: 104, columns: 1 },
      { uid: 'node-worker1', x: 164, y: 12, width: 282, height: 104, columns: 2 },
      { uid: 'node-worker2', x: 458, y: 12, width: 282, height: 104, columns: 2 },
      { uid: 'node-worker3', x: 752, y: 12, width: 282, height: 104, columns: 2 },
      { uid: UNSCHEDULED_LANE, x: 1046, y: 12, width: 140, height: 104, columns: 1 },
    ]);
    expect([layout.width, layout.height]).toEqual([1200, 128]);
    expect(layout.edges).toEqual([]);
  });

  it("fills a node's grid row by row: pods of one owner together, a StatefulSet's by ordinal", () => {
    const sts = workload('StatefulSet', 'web');
    const rs = workload('ReplicaSet', 'api-5d9f');
    const on = (name: string, extra: Partial<PodView> = {}) => pod(name, { node: 'worker1', ...extra });
    const view = clusterView({
      workloads: [rs, sts],
      pods: [
        on('web-10', { owner: ownerRef(sts), ordinal: 10 }),
        on('web-2', { owner: ownerRef(sts), ordinal: 2 }),
        on('api-5d9f-zz', { owner: ownerRef(rs) }),
        on('api-5d9f-aa', { owner: ownerRef(rs) }),
        on('bare'),
      ],
    });
    const layout = layoutCluster(view, { width: 1200 });
    const region = layout.regions[1]!;
    expect(region.uid).toBe('node-worker1');
    const slot = (name: string) => [box(layout, `pod-${name}`).x - region.x, box(layout, `pod-${name}`).y - region.y];
    // Padding 8 and a 50 header; columns 130 apart, rows 44 apart.
    expect(['bare', 'api-5d9f-aa', 'api-5d9f-zz', 'web-2', 'web-10'].map(slot)).toEqual([
      [8, 58],
      [138, 58],
      [8, 102],
      [138, 102],
      [8, 146],
    ]);
    expect(region.height).toBe(8 + 50 + 3 * 44 - 6 + 8);
    expect(box(layout, 'pod-bare')).toMatchObject({ width: 124, height: 38 });
  });

  it('puts pods no node holds in the lane', () => {
    const view = clusterView({
      pods: [
        pod('pending', { status: 'Pending' }),
        pod('lost', { node: 'worker9' }),
        pod('placed', { node: 'worker3' }),
      ],
    });
    const layout = layoutCluster(view, { width: 1200 });
    const lane = layout.regions.find((r) => r.uid === UNSCHEDULED_LANE)!;
    expect(box(layout, 'pod-lost')).toMatchObject({ x: lane.x + 8, y: lane.y + 58 });
    expect(box(layout, 'pod-pending')).toMatchObject({ x: lane.x + 8, y: lane.y + 102 });
    expect(box(layout, 'pod-placed')).toMatchObject({ x: 752 + 8, y: lane.y + 58 });
  });

  it('draws workloads in tiers above the nodes: a Deployment over its ReplicaSets, newest revision right', () => {
    const deploy = workload('Deployment', 'web', { revision: '10' });
    const rs = (name: string, revision: string) => workload('ReplicaSet', name, { revision, owner: ownerRef(deploy) });
    const cron = workload('CronJob', 'tick');
    const job = workload('Job', 'tick-29000', { owner: ownerRef(cron) });
    const sts = workload('StatefulSet', 'db');
    const view = clusterView({
      workloads: [deploy, rs('web-aaa', '10'), rs('web-bbb', '9'), rs('web-ccc', '2'), cron, job, sts],
    });
    const layout = layoutCluster(view, { width: 1200 });
    // Family web: three ReplicaSets of 172 with 14 between = 544 wide, the Deployment centred over them.
    expect(box(layout, 'Deployment-web')).toEqual({ x: 12 + (544 - 172) / 2, y: 12, width: 172, height: 54 });
    expect(['ReplicaSet-web-ccc', 'ReplicaSet-web-bbb', 'ReplicaSet-web-aaa'].map((uid) => box(layout, uid))).toEqual([
      { x: 12, y: 100, width: 172, height: 54 },
      { x: 198, y: 100, width: 172, height: 54 },
      { x: 384, y: 100, width: 172, height: 54 },
    ]);
    // Then the CronJob over its Job, then the StatefulSet on the lower tier, families 30 apart.
    expect(box(layout, 'CronJob-tick')).toMatchObject({ x: 586, y: 12 });
    expect(box(layout, 'Job-tick-29000')).toMatchObject({ x: 586, y: 100 });
    expect(box(layout, 'StatefulSet-db')).toMatchObject({ x: 788, y: 100 });
    expect(layout.regions[0]!.y).toBe(100 + 54 + 44);
    expect(layout.edges.map((e) => e.id)).toEqual([
      'owner:Deployment-web>ReplicaSet-web-aaa',
      'owner:Deployment-web>ReplicaSet-web-bbb',
      'owner:Deployment-web>ReplicaSet-web-ccc',
      'owner:CronJob-tick>Job-tick-29000',
    ]);
    expect(layout.edges[2]).toEqual({
      id: 'owner:Deployment-web>ReplicaSet-web-ccc',
      kind: 'owner',
      from: 'Deployment-web',
      to: 'ReplicaSet-web-ccc',
      toPod: false,
      x1: 198 + 86,
      y1: 12 + 54,
      x2: 12 + 86,
      y2: 100,
    });
  });

  it('wraps workload families that do not fit, and grows the width for one that never fits', () => {
    const families = ['a', 'b', 'c', 'd'].map((name) => workload('StatefulSet', name));
    const layout = layoutCluster(clusterView({ workloads: families }), { width: 480 });
    expect(families.map((w) => [box(layout, w.uid).x, box(layout, w.uid).y])).toEqual([
      [12, 12],
      [214, 12],
      [12, 100],
      [214, 100],
    ]);
    const deploy = workload('Deployment', 'wide');
    const owned = ['x', 'y', 'z'].map((name, i) =>
      workload('ReplicaSet', name, { revision: String(i + 1), owner: ownerRef(deploy) }),
    );
    expect(layoutCluster(clusterView({ workloads: [deploy, ...owned] }), { width: 480 }).width).toBe(12 + 544 + 12);
  });

  it('puts Services in their own row on top, with an edge to each endpoint pod, ready or not', () => {
    const view = clusterView({
      pods: [pod('a', { node: 'worker1' }), pod('b', { node: 'worker2' })],
      services: [
        service('web', [
          { podUid: 'pod-a', ip: '10.244.1.2', ready: true },
          { podUid: 'pod-b', ip: '10.244.2.2', ready: false },
          { podUid: 'pod-b', ip: '10.244.2.2', ready: true },
          { podUid: 'pod-gone', ip: '10.244.3.9', ready: true },
          { ip: '192.168.56.10', ready: true },
        ]),
        service('db', []),
      ],
    });
    const layout = layoutCluster(view, { width: 1200 });
    expect(box(layout, 'svc-web')).toEqual({ x: 12, y: 12, width: 172, height: 54 });
    expect(box(layout, 'svc-db')).toEqual({ x: 198, y: 12, width: 172, height: 54 });
    expect(layout.regions[0]!.y).toBe(12 + 54 + 44);
    expect(layout.edges.map((e) => [e.id, e.kind, e.ready, e.toPod])).toEqual([
      ['endpoint:svc-web>pod-a', 'endpoint', true, true],
      ['endpoint:svc-web>pod-b', 'endpoint', true, true],
    ]);
    expect(layout.edges[0]).toMatchObject({ x1: 12 + 86, y1: 66, x2: 164 + 8 + 62, y2: 110 + 58 });
  });

  it('is stable: the same view gives the same layout, and a pod added at the end of a node moves nothing else', () => {
    const rs = workload('ReplicaSet', 'web-1');
    const pods = ['web-1-a', 'web-1-b', 'web-1-c'].map((name) => pod(name, { node: 'worker1', owner: ownerRef(rs) }));
    const pending = pod('queued', { status: 'Pending' });
    const before = layoutCluster(clusterView({ workloads: [rs], pods: [...pods, pending] }), { width: 1000 });
    expect(layoutCluster(clusterView({ workloads: [rs], pods: [...pods, pending] }), { width: 1000 })).toEqual(before);

    const added = pod('web-1-d', { node: 'worker1', owner: ownerRef(rs) });
    const after = layoutCluster(clusterView({ workloads: [rs], pods: [...pods, added] }), { width: 1000 });
    for (const uid of [...pods.map((p) => p.uid), rs.uid, 'node-master1', 'node-worker2', UNSCHEDULED_LANE])
      expect(after.boxes[uid], uid).toEqual(before.boxes[uid]);
    // worker1 has one column here: its region grows by a row.
    expect(box(after, 'node-worker1')).toEqual({
      ...box(before, 'node-worker1'),
      height: box(before, 'node-worker1').height + 44,
    });
    expect(after.boxes[pending.uid]).toBeUndefined();
    expect(box(after, added.uid)).toMatchObject({
      x: box(after, 'pod-web-1-c').x,
      y: box(after, 'pod-web-1-c').y + 44,
    });
  });

  it('keeps pods in their slots given the previous layout: a replacement takes the hole', () => {
    const on = (name: string) => pod(name, { node: 'worker1' });
    const first = layoutCluster(clusterView({ pods: ['a', 'b', 'c', 'd'].map(on) }), { width: 1200 });
    const next = clusterView({ pods: ['a', 'c', 'd', 'e'].map(on) });
    const kept = layoutCluster(next, { width: 1200, previous: first });
    for (const name of ['a', 'c', 'd']) expect(box(kept, `pod-${name}`), name).toEqual(box(first, `pod-${name}`));
    expect(box(kept, 'pod-e')).toEqual(box(first, 'pod-b'));
    expect(kept.slots['pod-e']).toEqual({ region: 'node-worker1', slot: 1 });
    // Without it the grid follows the order: c moves into b's place.
    expect(box(layoutCluster(next, { width: 1200 }), 'pod-c')).toEqual(box(first, 'pod-b'));
  });

  it('gives a lone control-plane node the whole width', () => {
    const layout = layoutCluster(clusterView({ nodes: [node('solo', ['control-plane'])] }), { width: 800 });
    expect(layout.regions.map((r) => [r.uid, r.x, r.width, r.columns])).toEqual([
      ['node-solo', 12, 624, 4],
      [UNSCHEDULED_LANE, 648, 140, 1],
    ]);
  });

  it('wraps node regions that do not fit side by side', () => {
    const nodes = ['w1', 'w2', 'w3', 'w4', 'w5'].map((name) => node(name));
    const layout = layoutCluster(clusterView({ nodes }), { width: 480 });
    // Narrowest region: one column, 140 wide.
    expect(layout.regions.map((r) => [r.x, r.y, r.width])).toEqual([
      [12, 12, 140],
      [164, 12, 140],
      [316, 12, 140],
      [12, 128, 140],
      [164, 128, 140],
      [316, 128, 140],
    ]);
    expect(layout.height).toBe(128 + 104 + 12);
  });
});
