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
      { uid: 'node-master1', x: 12, y: 12, width: 140, height: 104, columns: 1, rows: 1 },
      { uid: 'node-worker1', x: 164, y: 12, width: 282, height: 104, columns: 2, rows: 1 },
      { uid: 'node-worker2', x: 458, y: 12, width: 282, height: 104, columns: 2, rows: 1 },
      { uid: 'node-worker3', x: 752, y: 12, width: 282, height: 104, columns: 2, rows: 1 },
      { uid: UNSCHEDULED_LANE, x: 1046, y: 12, width: 140, height: 104, columns: 1, rows: 1 },
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
    // Three of the narrowest (140) fit in 480 - 2×12; the workers share the spare 12, the lane stays narrow.
    expect(layout.regions.map((r) => [r.x, r.y, r.width])).toEqual([
      [12, 12, 144],
      [168, 12, 144],
      [324, 12, 144],
      [12, 128, 146],
      [170, 128, 146],
      [328, 128, 140],
    ]);
    expect(layout.height).toBe(128 + 104 + 12);
  });

  describe('with many pods', () => {
    const WORKERS = ['worker1', 'worker2', 'worker3', 'worker4', 'worker5'];
    const deploy = workload('Deployment', 'roll', { revision: '1', desired: 300 });
    const rs = workload('ReplicaSet', 'roll-abc', { revision: '1', desired: 300, owner: ownerRef(deploy) });
    const rolled = (name: string, worker?: string) =>
      pod(name, { owner: ownerRef(rs), ...(worker === undefined ? { status: 'Pending' } : { node: worker }) });
    /** `count` pods spread over the workers in turn, named `roll-abc-<from + i>`. */
    const spread = (count: number, from = 0) =>
      Array.from({ length: count }, (_, i) => rolled(`roll-abc-${String(from + i).padStart(3, '0')}`, WORKERS[i % 5]));
    const nodes = [node('master1', ['control-plane']), ...WORKERS.map((name) => node(name))];
    const manyView = (pods: PodView[]) => clusterView({ nodes, workloads: [deploy, rs], pods });
    const regionRows = (layout: GraphLayout) =>
      layout.regions.map((r) => [r.uid, r.x, r.y, r.width, r.columns, r.rows]);

    it('draws 300 pods on 5 workers as 16-unit tiles in regions that wrap to fit the width', () => {
      const layout = layoutCluster(manyView(spread(300)), { width: 610 });
      expect(layout.compact).toBe(true);
      // 586 wide inside the margins: the control plane (140) and two workers (172 at least) share the first row,
      // three workers the second, the lane (alone, so it grows) the third. Tiles are 20 apart; 60 pods a worker.
      expect(regionRows(layout)).toEqual([
        ['node-master1', 12, 198, 140, 6, 1],
        ['node-worker1', 164, 198, 211, 9, 7],
        ['node-worker2', 387, 198, 211, 9, 7],
        ['node-worker3', 12, 412, 187, 8, 8],
        ['node-worker4', 211, 412, 187, 8, 8],
        ['node-worker5', 410, 412, 187, 8, 8],
        [UNSCHEDULED_LANE, 12, 646, 586, 28, 1],
      ]);
      expect(box(layout, 'node-worker1').height).toBe(8 + 50 + 7 * 20 - 4 + 8);
      expect([layout.width, layout.height]).toEqual([610, 646 + 82 + 12]);
      const pods = spread(300).map((p) => box(layout, p.uid));
      expect(Math.max(...pods.map((b) => b.x + b.width))).toBeLessThanOrEqual(610 - 12);
      expect(new Set(pods.map((b) => `${b.width}x${b.height}`))).toEqual(new Set(['16x16']));
      // worker1 holds pods 0, 5, 10…: the tenth, 045, is the first of its second row.
      expect(box(layout, 'pod-roll-abc-045')).toEqual({ x: 164 + 8, y: 198 + 58 + 20, width: 16, height: 16 });
    });

    it('keeps every tile in place through a rollout: replacements take the holes, regions keep spare rows', () => {
      const first = layoutCluster(manyView(spread(300)), { width: 610 });
      // The surge: ten new pods on worker1 and twenty waiting in the lane.
      const surge = [...spread(300), ...Array.from({ length: 10 }, (_, i) => rolled(`roll-new-${i}`, 'worker1'))];
      const lanePods = Array.from({ length: 20 }, (_, i) => rolled(`roll-wait-${i}`));
      const surged = layoutCluster(manyView([...surge, ...lanePods]), { width: 610, previous: first });
      // 70 pods in 9 columns need 8 rows: worker1 grows, so the second row of regions moves down by a row.
      const secondRow = new Set(['worker3', 'worker4', 'worker5']);
      for (const p of spread(300)) {
        const before = box(first, p.uid);
        expect(surged.boxes[p.uid], p.name).toEqual({ ...before, y: before.y + (secondRow.has(p.node!) ? 20 : 0) });
      }
      expect(regionRows(surged).slice(1, 4)).toEqual([
        ['node-worker1', 164, 198, 211, 9, 8],
        ['node-worker2', 387, 198, 211, 9, 7],
        ['node-worker3', 12, 432, 187, 8, 8],
      ]);
      expect(box(surged, 'pod-roll-new-0')).toEqual({
        x: 164 + 8 + 6 * 20,
        y: 198 + 58 + 6 * 20,
        width: 16,
        height: 16,
      });
      // The surge pods go again: worker1 needs 7 rows but keeps its 8, so nothing moves.
      const settled = layoutCluster(manyView(spread(300)), { width: 610, previous: surged });
      expect(regionRows(settled)).toEqual(regionRows(surged));
      for (const p of spread(300)) expect(settled.boxes[p.uid], p.name).toEqual(surged.boxes[p.uid]);
      // Scaled down to ten pods a worker, the regions shrink to the two rows they need.
      const few = layoutCluster(manyView(spread(50)), { width: 610, previous: settled });
      expect(few.compact).toBe(true);
      expect(regionRows(few).slice(1, 4)).toEqual([
        ['node-worker1', 164, 198, 211, 9, 2],
        ['node-worker2', 387, 198, 211, 9, 2],
        ['node-worker3', 12, 312, 187, 8, 2],
      ]);
    });

    it('switches to tiles past 60 pods, and back to cards only at 45 or fewer', () => {
      expect(layoutCluster(manyView(spread(60)), { width: 610 }).compact).toBe(false);
      const tiles = layoutCluster(manyView(spread(61)), { width: 610 });
      expect(tiles.compact).toBe(true);
      expect(layoutCluster(manyView(spread(50)), { width: 610 }).compact).toBe(false);
      const still = layoutCluster(manyView(spread(50)), { width: 610, previous: tiles });
      expect(still.compact).toBe(true);
      expect(layoutCluster(manyView(spread(45)), { width: 610, previous: still }).compact).toBe(false);
    });

    it('draws tiles when the regions of cards would be taller than the view', () => {
      const pods = spread(40).map((p) => ({ ...p, node: 'worker1' }));
      const view = clusterView({ nodes: [node('master1', ['control-plane']), node('worker1')], pods });
      const cards = layoutCluster(view, { width: 610 });
      expect(cards.compact).toBe(false);
      // worker1 is 282 wide, two card columns: 20 rows of 44, a region 940 high.
      expect(box(cards, 'node-worker1').height).toBe(8 + 50 + 20 * 44 - 6 + 8);
      expect(layoutCluster(view, { width: 610, height: 940 }).compact).toBe(false);
      const tiles = layoutCluster(view, { width: 610, height: 930 });
      expect(tiles.compact).toBe(true);
      // Back to cards once they would fill 0.8 of the view or less.
      expect(layoutCluster(view, { width: 610, height: 1170, previous: tiles }).compact).toBe(true);
      expect(layoutCluster(view, { width: 610, height: 1175, previous: tiles }).compact).toBe(false);
    });
  });
});
