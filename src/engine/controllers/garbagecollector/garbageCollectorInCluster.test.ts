import { describe, expect, it } from 'vitest';
import { resolveResourceName } from '../../api/resources';
import type { PropagationPolicy } from '../../api/types';
import { formatTimestamp } from '../../runtime/time';
import { TestCluster } from '../../testing/testCluster';

const REPLICA_SETS = resolveResourceName('replicasets.apps')!;
const DEPLOYMENTS = resolveResourceName('deployments.apps')!;

/** Seed 000's ReplicaSet, verbatim (S000-gc). */
const MY_REPSET = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: my-repset
spec:
  replicas: 3
  selector:
    matchLabels:
      pod-is-for: garbage-collection-example
  template:
    metadata:
      labels:
        pod-is-for: garbage-collection-example
    spec:
      containers:
        - name: app
          image: app:1.0.0
          imagePullPolicy: Never
`;

/** The seed's `curl -X DELETE … -d '{"propagationPolicy":…}'` through `kubectl proxy`. */
function deleteReplicaSet(c: TestCluster, policy: PropagationPolicy): void {
  const deleted = c.cluster.api.delete(REPLICA_SETS, 'default', 'my-repset', { propagationPolicy: policy });
  if (!deleted.ok) throw new Error(deleted.error.message);
}

function started(): TestCluster {
  const c = new TestCluster();
  c.apply(MY_REPSET);
  c.waitFor(() => c.pods().filter((p) => p.status?.phase === 'Running').length === 3);
  return c;
}

describe('garbage collection in a cluster (S000-gc)', () => {
  it('shows the ReplicaSet as each pod’s owner', () => {
    const c = started();
    const rs = c.cluster.api.find(REPLICA_SETS, 'default', 'my-repset')!;
    expect(c.kubectl('get pods -o jsonpath={.items[0].metadata.ownerReferences}').stdout).toBe(
      `[{"apiVersion":"apps/v1","blockOwnerDeletion":true,"controller":true,"kind":"ReplicaSet","name":"my-repset","uid":"${rs.metadata.uid}"}]`,
    );
  });

  it('Background: the ReplicaSet goes at once, its pods right after', () => {
    const c = started();
    deleteReplicaSet(c, 'Background');
    expect(c.cluster.api.find(REPLICA_SETS, 'default', 'my-repset')).toBeUndefined();
    expect(c.pods().map((p) => p.metadata.deletionTimestamp)).toEqual([undefined, undefined, undefined]);
    c.advance(0.1);
    expect(c.pods().every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    c.waitFor(() => c.pods().length === 0, 40);
  });

  it('Foreground: the ReplicaSet stays, marked, until its pods are gone', () => {
    const c = started();
    deleteReplicaSet(c, 'Foreground');
    const marked = () => c.cluster.api.find(REPLICA_SETS, 'default', 'my-repset');
    expect(marked()?.metadata).toMatchObject({
      deletionTimestamp: formatTimestamp(c.cluster.now()),
      finalizers: ['foregroundDeletion'],
    });
    expect(c.kubectl('get rs').stdout.split('\n')[1]).toMatch(/^my-repset +3 +3 +3 /);
    c.advance(0.1);
    expect(c.pods().every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    expect(marked()).toBeDefined();
    c.waitFor(() => c.pods().length === 0, 40);
    c.advance(0.1);
    expect(marked()).toBeUndefined();
  });

  it('Orphan: the ReplicaSet goes, its pods keep running without an owner, and a new one adopts them', () => {
    const c = started();
    const names = c.pods().map((p) => p.metadata.name);
    deleteReplicaSet(c, 'Orphan');
    c.advance(1);
    expect(c.cluster.api.find(REPLICA_SETS, 'default', 'my-repset')).toBeUndefined();
    expect(c.pods().map((p) => [p.metadata.name, p.status?.phase, p.metadata.ownerReferences])).toEqual(
      names.map((name) => [name, 'Running', undefined]),
    );
    c.apply(MY_REPSET);
    c.advance(1);
    const rs = c.cluster.api.find(REPLICA_SETS, 'default', 'my-repset')!;
    expect(c.pods().map((p) => [p.metadata.name, p.metadata.ownerReferences?.[0]?.uid])).toEqual(
      names.map((name) => [name, rs.metadata.uid]),
    );
  });

  it('kubectl delete --cascade=orphan leaves the pods as well', () => {
    const c = started();
    expect(c.kubectl('delete rs my-repset --cascade=orphan').stdout).toBe(
      'replicaset.apps "my-repset" deleted from default namespace\n',
    );
    c.advance(1);
    expect(c.pods().filter((p) => p.status?.phase === 'Running')).toHaveLength(3);
  });

  it('deletes a pod whose owner never existed', () => {
    const c = new TestCluster();
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: stray
  ownerReferences:
    - apiVersion: apps/v1
      kind: ReplicaSet
      name: ghost
      uid: 6f1d2c3e-0000-4000-8000-000000000000
spec:
  containers:
    - name: app
      image: nginx
`);
    // Deleted before the scheduler bound it, so with no grace period.
    c.advance(0.1);
    expect(c.pod('stray')).toBeUndefined();
    expect(c.cluster.decisions.about('Pod', 'default', 'stray').map((d) => d.text)).toEqual([
      'deleted it (propagation Background): its owner ReplicaSet ghost no longer exists',
    ]);
  });

  it('deletes a Deployment in the foreground from the bottom up: pods, then the ReplicaSet, then the Deployment', () => {
    const c = new TestCluster();
    c.kubectl('create deployment web --image=nginx --replicas=2');
    c.waitFor(() => c.pods().filter((p) => p.status?.phase === 'Running').length === 2);
    c.cluster.api.delete(DEPLOYMENTS, 'default', 'web', { propagationPolicy: 'Foreground' });
    c.waitFor(() => c.cluster.api.find(DEPLOYMENTS, 'default', 'web') === undefined, 60);
    const gc = c.cluster.decisions.state.entries.filter((d) => d.controller === 'garbage-collector-controller');
    const order = gc.map((d) => `${d.object.kind} ${d.text.split(':')[0]}`);
    const rs = gc.find((d) => d.object.kind === 'ReplicaSet')!.object.name;
    expect(order).toEqual([
      'Deployment foreground deletion waits for 1 dependent(s) with blockOwnerDeletion',
      'ReplicaSet deleted it (propagation Foreground)',
      'ReplicaSet foreground deletion waits for 2 dependent(s) with blockOwnerDeletion',
      'Pod deleted it (propagation Background)',
      'Pod deleted it (propagation Background)',
      'ReplicaSet no dependent blocks its deletion any more',
      'Deployment no dependent blocks its deletion any more',
    ]);
    expect(gc[1]!.text).toBe(
      'deleted it (propagation Foreground): its owner Deployment web is being deleted in the foreground and it has dependents',
    );
    expect(c.cluster.api.find(REPLICA_SETS, 'default', rs)).toBeUndefined();
    expect(c.pods()).toEqual([]);
  });
});
