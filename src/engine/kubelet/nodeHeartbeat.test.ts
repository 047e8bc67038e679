import { describe, expect, it } from 'vitest';
import type { Node } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import { TestCluster } from '../testing/testCluster';
import { podManifest } from './kubeletTestKit';

const NODES = resolveResourceName('nodes')!;

function lease(t: TestCluster, node: string): string {
  return t.kubectl(
    `get lease ${node} -n kube-node-lease -o jsonpath={.spec.holderIdentity},{.spec.leaseDurationSeconds},{.spec.renewTime},{.metadata.ownerReferences[0].kind}`,
  ).stdout;
}

function readyHeartbeat(t: TestCluster, node: string): string {
  const object = t.cluster.api.find(NODES, undefined, node) as Node;
  const ready = object.status?.conditions?.find((c) => c.type === 'Ready');
  return `${ready?.status} ${ready?.lastHeartbeatTime}`;
}

/** A cluster with one pod running on worker2. */
function withPod(): TestCluster {
  const t = new TestCluster();
  t.apply(podManifest('web', '  nodeName: worker2\n  containers:\n  - name: nginx\n    image: nginx:1.25\n'));
  t.advance(10);
  return t;
}

const kubeplay = (t: TestCluster, ...args: string[]) => t.session.action(['node', ...args]);

describe('kubelet heartbeats', () => {
  it('renews the node Lease every 10 s and writes an unchanged node status every 5 min', () => {
    const t = new TestCluster();
    expect(lease(t, 'worker1')).toBe('worker1,40,2026-01-05T09:00:00.000000Z,Node');
    t.advance(25);
    expect(lease(t, 'worker1')).toBe('worker1,40,2026-01-05T09:00:20.000000Z,Node');
    t.advance(270);
    expect(readyHeartbeat(t, 'worker1')).toBe('True 2026-01-05T09:00:00Z');
    t.advance(5);
    expect(readyHeartbeat(t, 'worker1')).toBe('True 2026-01-05T09:05:00Z');
    expect(t.kubectl('get nodes').stdout).toContain('worker1   Ready    <none>          5m');
  });

  it('stops when its machine goes down: no heartbeat, no containers, the pods left as they were', () => {
    const t = withPod();
    const before = t.pod('web')!.status;
    expect(Object.values(t.cluster.containers.state.containers).filter((c) => c.node === 'worker2')).toHaveLength(1);
    expect(kubeplay(t, 'fail', 'worker2')).toEqual({
      stdout: 'node/worker2 is down: its kubelet stopped and its containers are gone\n',
      stderr: '',
      exitCode: 0,
    });
    expect(Object.values(t.cluster.containers.state.containers).filter((c) => c.node === 'worker2')).toEqual([]);
    expect(Object.values(t.cluster.kubelet.state.pods)).toEqual([]);
    expect(t.cluster.kubelet.state.nodes?.worker2).toEqual({ down: true, reportedAt: Date.UTC(2026, 0, 5, 9) });
    t.advance(30);
    expect(lease(t, 'worker2')).toBe('worker2,40,2026-01-05T09:00:10.000000Z,Node');
    expect(t.pod('web')!.status).toEqual(before);
    expect(kubeplay(t, 'fail', 'worker2').stderr).toBe('kubeplay: node "worker2" is already down\n');
    expect(kubeplay(t, 'recover', 'worker1').stderr).toBe('kubeplay: node "worker1" is not down\n');
  });

  it('comes back on recover: Starting, the conditions it reports, its pods run again one restart further', () => {
    const t = withPod();
    const ip = t.pod('web')!.status?.podIP;
    kubeplay(t, 'fail', 'worker2');
    t.advance(60);
    expect(readyHeartbeat(t, 'worker2')).toBe('Unknown 2026-01-05T09:00:00Z');
    expect(kubeplay(t, 'recover', 'worker2').stdout).toBe('node/worker2 is up again: its kubelet restarted\n');
    expect(readyHeartbeat(t, 'worker2')).toBe('True 2026-01-05T09:01:10Z');
    expect(lease(t, 'worker2')).toBe('worker2,40,2026-01-05T09:01:10.000000Z,Node');
    expect(t.events('worker2')).toEqual([
      'NodeNotReady: Node worker2 status is now: NodeNotReady',
      'Starting: Starting kubelet.',
      'NodeHasSufficientMemory: Node worker2 status is now: NodeHasSufficientMemory',
      'NodeHasNoDiskPressure: Node worker2 status is now: NodeHasNoDiskPressure',
      'NodeHasSufficientPID: Node worker2 status is now: NodeHasSufficientPID',
      'NodeReady: Node worker2 status is now: NodeReady',
    ]);
    t.advance(5);
    const status = t.pod('web')!.status!;
    expect(status.containerStatuses?.map((c) => `${c.name} ${c.restartCount} ${Object.keys(c.state ?? {})}`)).toEqual([
      'nginx 1 running',
    ]);
    expect(status.startTime).toBe('2026-01-05T09:00:00Z');
    expect(status.podIP).not.toBe(ip);
    expect(t.kubectl('get pod web').stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE\nweb    1/1     Running   1          75s\n',
    );
  });

  it('finishes on recover the deletion of a pod deleted while the machine was down', () => {
    const t = withPod();
    kubeplay(t, 'fail', 'worker2');
    expect(t.kubectl('delete pod web --wait=false').stdout).toBe('pod "web" deleted from default namespace\n');
    t.advance(60);
    expect(t.kubectl('get pod web').stdout).toBe(
      'NAME   READY   STATUS        RESTARTS   AGE\nweb    1/1     Terminating   0          70s\n',
    );
    kubeplay(t, 'recover', 'worker2');
    t.advance(1);
    expect(t.pod('web')).toBeUndefined();
  });

  it('leaves the cluster on remove: the Node goes, its Lease with it, its containers too', () => {
    const t = withPod();
    expect(kubeplay(t, 'remove', 'worker2').stdout).toBe(
      'node/worker2 removed (kubeadm reset on it, then kubectl delete node)\n',
    );
    t.advance(1);
    expect(t.kubectl('get node worker2').stderr).toBe('Error from server (NotFound): nodes "worker2" not found\n');
    expect(t.kubectl('get lease -n kube-node-lease worker2').stderr).toBe(
      'Error from server (NotFound): leases.coordination.k8s.io "worker2" not found\n',
    );
    expect(Object.values(t.cluster.containers.state.containers).filter((c) => c.node === 'worker2')).toEqual([]);
    expect(kubeplay(t, 'recover', 'worker2').stderr).toBe('kubeplay: node "worker2" not found\n');
  });
});
