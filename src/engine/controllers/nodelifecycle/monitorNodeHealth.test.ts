import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../api/kinds';
import { createNamespace, registerNode } from '../../cluster/bootstrap';
import { workerNode } from '../../cluster/shape';
import { renewNodeLease } from '../../kubelet/nodeLease';
import { formatTimestamp } from '../../runtime/time';
import { OneSyncHarness } from '../job/oneSyncHarness';
import { NODE_HEALTH_MONITOR_KEY } from './monitorNodeHealth';
import { NODE_LIFECYCLE_CONTROLLER } from './nodeConditionTaints';

const T0 = '2026-01-05T09:00:00Z';

/** A harness with registered nodes whose leases were renewed at the start. */
function harness(...names: string[]): OneSyncHarness {
  const h = new OneSyncHarness(NODE_LIFECYCLE_CONTROLLER);
  createNamespace(h.api, 'kube-node-lease');
  names.forEach((name, i) => {
    registerNode(h.api, workerNode(name), i + 1, h.runtime.now());
    renew(h, name);
  });
  return h;
}

function renew(h: OneSyncHarness, name: string): void {
  renewNodeLease(h.api, h.get<Node>('nodes', name, undefined)!, h.runtime.now());
}

/** A running, ready pod bound to a node. */
function readyPod(h: OneSyncHarness, name: string, node: string): Pod {
  const pod = h.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { nodeName: node, containers: [{ name: 'app', image: 'nginx' }] },
  });
  return h.setStatus(pod, {
    phase: 'Running',
    conditions: [
      { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: T0 },
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: T0 },
    ],
  });
}

function node(h: OneSyncHarness, name: string): Node {
  return h.get<Node>('nodes', name, undefined)!;
}

const conditionsOf = (n: Node) =>
  (n.status?.conditions ?? []).map(
    (c) =>
      `${c.type}=${c.status} ${c.reason} "${c.message}" heartbeat ${c.lastHeartbeatTime} since ${c.lastTransitionTime}`,
  );
const taintsOf = (n: Node) => (n.spec?.taints ?? []).map((t) => `${t.key}:${t.effect} ${t.timeAdded ?? ''}`);

/** Runs one monitor pass `seconds` after the last, renewing the leases of `alive` first. */
function pass(h: OneSyncHarness, seconds: number, alive: string[] = []): string[] {
  h.advance(seconds);
  alive.forEach((name) => renew(h, name));
  return h.sync(NODE_HEALTH_MONITOR_KEY);
}

describe('node lifecycle controller: monitorNodeHealth', () => {
  it('leaves nodes whose kubelets renew their leases alone, and runs every 5 s', () => {
    const h = harness('worker1', 'worker2');
    expect(h.queuedIn(NODE_HEALTH_MONITOR_KEY)).toBe(5_000);
    for (let i = 0; i < 12; i++) expect(pass(h, 5, i % 2 ? ['worker1', 'worker2'] : [])).toEqual([]);
    expect(h.queuedIn(NODE_HEALTH_MONITOR_KEY)).toBe(5_000);
  });

  it('marks a silent node Unknown after the 50 s grace period, its pods not Ready, then taints it NoExecute', () => {
    const h = harness('worker1', 'worker2');
    readyPod(h, 'web-1', 'worker1');
    readyPod(h, 'web-2', 'worker2');
    expect(pass(h, 5, ['worker2'])).toEqual([]);
    // Heard of at the first pass (09:00:05): Unknown once more than 50 s have passed since.
    for (let i = 0; i < 10; i++) expect(pass(h, 5, ['worker2'])).toEqual([]);
    expect(pass(h, 5, ['worker2'])).toEqual(['update nodes/worker1/status', 'update pods/web-1/status']);
    expect(conditionsOf(node(h, 'worker1'))).toEqual([
      'MemoryPressure=Unknown NodeStatusUnknown "Kubelet stopped posting node status." heartbeat 2026-01-05T09:00:00Z since 2026-01-05T09:01:00Z',
      'DiskPressure=Unknown NodeStatusUnknown "Kubelet stopped posting node status." heartbeat 2026-01-05T09:00:00Z since 2026-01-05T09:01:00Z',
      'PIDPressure=Unknown NodeStatusUnknown "Kubelet stopped posting node status." heartbeat 2026-01-05T09:00:00Z since 2026-01-05T09:01:00Z',
      'Ready=Unknown NodeStatusUnknown "Kubelet stopped posting node status." heartbeat 2026-01-05T09:00:00Z since 2026-01-05T09:01:00Z',
    ]);
    expect(h.pod('web-1').status?.conditions?.map((c) => `${c.type}=${c.status} ${c.lastTransitionTime}`)).toEqual([
      `ContainersReady=True ${T0}`,
      'Ready=False 2026-01-05T09:01:00Z',
    ]);
    expect(h.events('worker1')).toEqual(['Normal NodeNotReady: Node worker1 status is now: NodeNotReady']);
    expect(h.events('web-1')).toEqual(['Warning NodeNotReady: Node is not ready']);
    expect(h.events('web-2')).toEqual([]);
    expect(h.decisions.about('Node', undefined, 'worker1').map((d) => d.text)).toEqual([
      'no heartbeat from its kubelet for 55s (grace period 50s): set Ready, MemoryPressure, DiskPressure and PIDPressure to Unknown',
    ]);
    // The next pass sees the node observed Unknown: the NoExecute taint, once.
    expect(pass(h, 5, ['worker2'])).toEqual(['update nodes/worker1']);
    expect(taintsOf(node(h, 'worker1'))).toEqual(['node.kubernetes.io/unreachable:NoExecute 2026-01-05T09:01:05Z']);
    expect(h.decisions.about('Node', undefined, 'worker1').at(-1)?.text).toBe(
      'tainted node.kubernetes.io/unreachable:NoExecute: its kubelet is not heard from; pods that do not tolerate ' +
        'the taint are evicted, most tolerate it for 300s',
    );
    expect(pass(h, 5, ['worker2'])).toEqual([]);
    expect(taintsOf(node(h, 'worker2'))).toEqual([]);
  });

  it('removes the NoExecute taint once the node is heard from again', () => {
    const h = harness('worker1', 'worker2');
    for (let i = 0; i < 13; i++) pass(h, 5, ['worker2']);
    expect(taintsOf(node(h, 'worker1'))).toEqual(['node.kubernetes.io/unreachable:NoExecute 2026-01-05T09:01:05Z']);
    // The kubelet comes back: its lease and its Ready condition (what the kubelet writes on start).
    h.advance(1);
    renew(h, 'worker1');
    const back = node(h, 'worker1');
    const now = formatTimestamp(h.runtime.now());
    h.setStatus(back, {
      ...back.status,
      conditions: back.status!.conditions!.map((c) => ({
        ...c,
        status: c.type === 'Ready' ? 'True' : 'False',
        lastHeartbeatTime: now,
        lastTransitionTime: now,
      })),
    });
    expect(pass(h, 4, ['worker2'])).toEqual(['update nodes/worker1']);
    expect(taintsOf(node(h, 'worker1'))).toEqual([]);
    expect(h.events('worker1')).toEqual(['Normal NodeNotReady: Node worker1 status is now: NodeNotReady']);
  });

  it('swaps the unreachable taint for not-ready at once when the kubelet reports Ready=False', () => {
    const h = harness('worker1', 'worker2');
    for (let i = 0; i < 13; i++) pass(h, 5, ['worker2']);
    h.advance(1);
    renew(h, 'worker1');
    const current = node(h, 'worker1');
    const now = formatTimestamp(h.runtime.now());
    h.setStatus(current, {
      ...current.status,
      conditions: current.status!.conditions!.map((c) =>
        c.type === 'Ready'
          ? { ...c, status: 'False', reason: 'KubeletNotReady', lastHeartbeatTime: now, lastTransitionTime: now }
          : c,
      ),
    });
    expect(pass(h, 4, ['worker2'])).toEqual(['update nodes/worker1']);
    expect(taintsOf(node(h, 'worker1'))).toEqual(['node.kubernetes.io/not-ready:NoExecute 2026-01-05T09:01:10Z']);
  });

  it('taints nobody when no node is Ready (full disruption), nor in a small zone mostly not Ready', () => {
    const alone = harness('worker1');
    for (let i = 0; i < 15; i++) pass(alone, 5);
    expect(conditionsOf(node(alone, 'worker1'))[3]).toMatch(/^Ready=Unknown/);
    expect(taintsOf(node(alone, 'worker1'))).toEqual([]);

    const four = harness('worker1', 'worker2', 'worker3', 'worker4');
    for (let i = 0; i < 15; i++) pass(four, 5, ['worker4']);
    // 3 of 4 not Ready (≥ 55 %, more than 2) in a cluster of at most 50 nodes: eviction rate 0.
    expect(['worker1', 'worker2', 'worker3', 'worker4'].map((n) => taintsOf(node(four, n)))).toEqual([[], [], [], []]);
  });

  it('taints one node of a zone every 10 s (--node-eviction-rate 0.1)', () => {
    const h = harness('worker1', 'worker2', 'worker3', 'worker4', 'worker5');
    for (let i = 0; i < 12; i++) pass(h, 5, ['worker3', 'worker4', 'worker5']);
    expect(pass(h, 5, ['worker3', 'worker4', 'worker5'])).toEqual(['update nodes/worker1']);
    expect(pass(h, 5, ['worker3', 'worker4', 'worker5'])).toEqual([]);
    expect(pass(h, 5, ['worker3', 'worker4', 'worker5'])).toEqual(['update nodes/worker2']);
    expect(taintsOf(node(h, 'worker2'))).toEqual(['node.kubernetes.io/unreachable:NoExecute 2026-01-05T09:01:15Z']);
  });

  it('gives a node that never posted a Ready condition the 60 s startup grace period', () => {
    const h = harness('worker2');
    h.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker9' } });
    for (let i = 0; i < 12; i++) expect(pass(h, 5, ['worker2'])).toEqual([]);
    // Observed Unknown from the start: tainted in the same pass.
    expect(pass(h, 5, ['worker2'])).toEqual(['update nodes/worker9/status', 'update nodes/worker9']);
    expect(taintsOf(node(h, 'worker9'))).toEqual(['node.kubernetes.io/unreachable:NoExecute 2026-01-05T09:01:05Z']);
    expect(conditionsOf(node(h, 'worker9'))).toEqual(
      ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map(
        (type) =>
          `${type}=Unknown NodeStatusNeverUpdated "Kubelet never posted node status." heartbeat ${T0} since 2026-01-05T09:01:05Z`,
      ),
    );
  });
});
