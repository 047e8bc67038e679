import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';
import { resolveResourceName } from '../../api/resources';
import type { Node } from '../../api/kinds';

const NODES = resolveResourceName('nodes')!;

const taintsOf = (t: TestCluster, name: string) =>
  ((t.cluster.api.find(NODES, undefined, name) as Node).spec?.taints ?? []).map(
    (taint) => `${taint.key}:${taint.effect}`,
  );

describe('taint nodes by condition (node_lifecycle_controller.go doNoScheduleTaintingPass)', () => {
  it('taints a node without a network and untaints it once the network is there', () => {
    const t = new TestCluster();
    const condition = (status: string) =>
      `{"status":{"conditions":[{"type":"NetworkUnavailable","status":"${status}","reason":"NoRouteCreated","message":"m"}]}}`;
    expect(t.kubectl(`patch node worker3 --subresource=status -p '${condition('True')}'`).stdout).toBe(
      'node/worker3 patched\n',
    );
    t.advance(1);
    expect(taintsOf(t, 'worker3')).toEqual(['node.kubernetes.io/network-unavailable:NoSchedule']);
    expect(t.cluster.decisions.about('Node', undefined, 'worker3').map((d) => d.text)).toEqual([
      'tainted node.kubernetes.io/network-unavailable:NoSchedule: its condition says it cannot take new pods; only pods that tolerate it are scheduled there',
    ]);
    t.kubectl(`patch node worker3 --subresource=status -p '${condition('False')}'`);
    t.advance(1);
    expect(taintsOf(t, 'worker3')).toEqual([]);
  });

  it('adds the unschedulable taint to a cordoned node and keeps the control plane’s own taint', () => {
    const t = new TestCluster();
    t.kubectl('cordon master1');
    t.advance(1);
    expect(taintsOf(t, 'master1')).toEqual([
      'node-role.kubernetes.io/control-plane:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    t.kubectl('uncordon master1');
    t.advance(1);
    expect(taintsOf(t, 'master1')).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
  });
});
