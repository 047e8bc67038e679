import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { REPLICA_SET_CONTROLLER, REPLICATION_CONTROLLER } from './replicaController';
import { REPLICA_SETS, type ReplicaSet, type ReplicationController } from './replicaKinds';
import { SyncHarness } from './syncTestKit';

const PODS = resolveResourceName('pods')!;

function replicaSet(replicas: number, extra: { minReadySeconds?: number; serviceAccountName?: string } = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      ...(extra.minReadySeconds ? { minReadySeconds: extra.minReadySeconds } : {}),
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web', tier: 'front' } },
        spec: {
          containers: [{ name: 'app', image: 'nginx' }],
          ...(extra.serviceAccountName ? { serviceAccountName: extra.serviceAccountName } : {}),
        },
      },
    },
  };
}

function setup(replicas: number, extra?: Parameters<typeof replicaSet>[1]) {
  const h = new SyncHarness(REPLICA_SET_CONTROLLER);
  const rs = h.create<ReplicaSet>(replicaSet(replicas, extra));
  return { h, rs };
}

const podNames = (pods: Pod[]) => pods.map((p) => p.metadata.name);

describe('ReplicaSet controller: creating pods', () => {
  it('creates the missing pods in slow-start batches, with the template labels and a controller reference', () => {
    const { h, rs } = setup(5);
    const actions = h.sync('default/web');
    const pods = h.pods();
    expect(pods).toHaveLength(5);
    const created = actions.slice(0, 5).map((action) => action.replace('ADDED pods/', ''));
    expect([...created].sort()).toEqual(podNames(pods));
    expect(actions.slice(5)).toEqual(['MODIFIED replicasets/web']);
    expect(h.events('web')).toEqual(created.map((n) => `Normal SuccessfulCreate: Created pod: ${n}`));
    expect(h.decisionsAbout('ReplicaSet', 'web')).toEqual([
      'wants 5 pods, has 0 active: created 5 of 5 in slow-start batches 1, 2, 2',
    ]);
    const pod = pods[0]!;
    expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(pod.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: rs.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    // Status counts the pods seen before this sync created any.
    expect(h.get<ReplicaSet>('rs', 'web')!.status).toEqual({ replicas: 0, observedGeneration: 1 });
  });

  it('reports the new pods on the next sync and then has nothing to do', () => {
    const { h } = setup(2);
    h.sync('default/web');
    expect(h.sync('default/web')).toEqual(['MODIFIED replicasets/web']);
    expect(h.get<ReplicaSet>('rs', 'web')!.status).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 2,
      observedGeneration: 1,
    });
    expect(h.sync('default/web')).toEqual([]);
  });

  it('creates at most 500 pods per sync', () => {
    const { h } = setup(501);
    h.sync('default/web');
    expect(h.pods()).toHaveLength(500);
    expect(h.decisionsAbout('ReplicaSet', 'web')).toEqual([
      'wants 501 pods, has 0 active: created 500 of 500 (at most 500 per sync) in slow-start batches 1, 2, 4, 8, 16, 32, 64, 128, 245',
    ]);
    h.sync('default/web');
    expect(h.pods()).toHaveLength(501);
  });

  it('does not count terminating pods and replaces them at once', () => {
    const { h, rs } = setup(1);
    h.createPod('web-old', { labels: { app: 'web' }, owner: rs, nodeName: 'node1', readyFor: 60 });
    h.api.delete(PODS, 'default', 'web-old');
    const actions = h.sync('default/web');
    const fresh = h.pods().find((p) => p.metadata.name !== 'web-old')!;
    expect(actions).toEqual([`ADDED pods/${fresh.metadata.name}`, 'MODIFIED replicasets/web']);
    expect(h.pod('web-old').metadata.deletionTimestamp).toBeDefined();
  });
});

describe('ReplicaSet controller: deleting pods', () => {
  it('deletes unscheduled and not-ready pods first and records why', () => {
    const { h, rs } = setup(2);
    h.createPod('web-ready-old', { labels: { app: 'web' }, owner: rs, nodeName: 'node1', readyFor: 100 });
    h.createPod('web-not-ready', { labels: { app: 'web' }, owner: rs, nodeName: 'node1', phase: 'Running' });
    h.createPod('web-unscheduled', { labels: { app: 'web' }, owner: rs });
    h.createPod('web-ready-new', { labels: { app: 'web' }, owner: rs, nodeName: 'node2', readyFor: 10 });
    const actions = h.sync('default/web');
    // An unscheduled pod is deleted without grace (written, then removed); a scheduled one starts terminating.
    expect(actions).toEqual([
      'MODIFIED pods/web-unscheduled',
      'DELETED pods/web-unscheduled',
      'MODIFIED pods/web-not-ready',
      'MODIFIED replicasets/web',
    ]);
    expect(h.events('web')).toEqual([
      'Normal SuccessfulDelete: Deleted pod: web-unscheduled',
      'Normal SuccessfulDelete: Deleted pod: web-not-ready',
    ]);
    expect(h.decisionsAbout('ReplicaSet', 'web')).toEqual([
      'wants 2 pods, has 4 active: deleted 2, least established first: web-unscheduled (unscheduled, Pending, not ready), ' +
        'web-not-ready (Running, not ready)',
    ]);
    expect(h.get<ReplicaSet>('rs', 'web')!.status).toEqual({
      replicas: 4,
      readyReplicas: 2,
      availableReplicas: 2,
      observedGeneration: 1,
    });
  });
});

describe('ReplicaSet controller: adoption and release', () => {
  it('adopts a matching orphan, ignores pods of other owners, and deletes the surplus', () => {
    const { h, rs } = setup(1);
    h.createPod('orphan', { labels: { app: 'web', tier: 'front' }, nodeName: 'node1', readyFor: 30 });
    const other = h.create<ReplicaSet>({ ...replicaSet(1), metadata: { name: 'other' } });
    h.createPod('theirs', { labels: { app: 'web' }, owner: other, nodeName: 'node1', readyFor: 30 });
    h.createPod('stranger', { labels: { app: 'db' }, nodeName: 'node1', readyFor: 30 });
    expect(h.sync('default/web')).toEqual(['MODIFIED pods/orphan', 'MODIFIED replicasets/web']);
    expect(h.pod('orphan').metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: rs.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(h.decisionsAbout('ReplicaSet', 'web')).toEqual([
      'adopted orphan pod orphan: its labels match selector app=web',
    ]);
    expect(h.get<ReplicaSet>('rs', 'web')!.status).toEqual({
      replicas: 1,
      fullyLabeledReplicas: 1,
      readyReplicas: 1,
      availableReplicas: 1,
      observedGeneration: 1,
    });
  });

  it('releases a pod whose labels no longer match and creates a replacement', () => {
    const { h, rs } = setup(1);
    h.createPod('relabelled', { labels: { app: 'debug' }, owner: rs, nodeName: 'node1', readyFor: 30 });
    const actions = h.sync('default/web');
    const replacement = h.pods().find((p) => p.metadata.name !== 'relabelled')!;
    expect(actions).toEqual([
      'MODIFIED pods/relabelled',
      `ADDED pods/${replacement.metadata.name}`,
      'MODIFIED replicasets/web',
    ]);
    expect(h.pod('relabelled').metadata.ownerReferences).toBeUndefined();
    expect(h.decisionsAbout('ReplicaSet', 'web')).toEqual([
      'released pod relabelled: its labels no longer match selector app=web',
      'wants 1 pod, has 0 active: created 1 of 1 in slow-start batch 1',
    ]);
  });

  it('neither adopts nor creates while the ReplicaSet is being deleted', () => {
    const h = new SyncHarness(REPLICA_SET_CONTROLLER);
    h.create({ ...replicaSet(2), metadata: { name: 'web', finalizers: ['example.com/hold'] } });
    h.api.delete(REPLICA_SETS, 'default', 'web');
    h.createPod('orphan', { labels: { app: 'web' }, nodeName: 'node1', readyFor: 30 });
    expect(h.sync('default/web')).toEqual(['MODIFIED replicasets/web']);
    expect(h.pods()).toHaveLength(1);
  });
});

describe('ReplicaSet controller: status', () => {
  it('counts availability after minReadySeconds and requeues when the next pod becomes available', () => {
    const { h, rs } = setup(2, { minReadySeconds: 10 });
    h.createPod('web-a', { labels: { app: 'web', tier: 'front' }, owner: rs, nodeName: 'node1', readyFor: 30 });
    h.createPod('web-b', { labels: { app: 'web', tier: 'front' }, owner: rs, nodeName: 'node1', readyFor: 4 });
    h.sync('default/web');
    expect(h.get<ReplicaSet>('rs', 'web')!.status).toEqual({
      replicas: 2,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 1,
      observedGeneration: 1,
    });
    // web-b turned ready 4 s ago: available 10 s after that, checked a second later.
    expect(h.queuedIn('default/web')).toBe(7000);
    h.advance(7);
    h.sync('default/web');
    expect(h.get<ReplicaSet>('rs', 'web')!.status?.availableReplicas).toBe(2);
  });

  it('sets ReplicaFailure while pods cannot be created, backs off, and clears it once they can', () => {
    const { h } = setup(3, { serviceAccountName: 'robot' });
    h.sync('default/web');
    const error =
      /^pods (".*" )?is forbidden: error looking up service account default\/robot: serviceaccount "robot" not found$/;
    const events = h.events('web');
    // The first batch (one pod) fails, so the other two are not attempted.
    expect(events).toHaveLength(1);
    expect(events[0]!.replace('Warning FailedCreate: Error creating: ', '')).toMatch(error);
    const condition = h.get<ReplicaSet>('rs', 'web')!.status!.conditions![0]!;
    expect(condition).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
    expect(condition.message).toMatch(error);
    expect(h.queuedIn('default/web')).toBe(5);

    h.advance(10);
    h.sync('default/web');
    // Failing for 10 s: the next retry waits as long (the doubling backoff, without a counter).
    expect(h.queuedIn('default/web')).toBe(10_000);
    expect(h.get<ReplicaSet>('rs', 'web')!.status!.conditions).toEqual([condition]);

    h.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });
    h.sync('default/web');
    expect(h.pods()).toHaveLength(3);
    expect(h.get<ReplicaSet>('rs', 'web')!.status).toEqual({ replicas: 0, observedGeneration: 1 });
  });
});

describe('ReplicaSet controller: watch events', () => {
  it('maps pods to their controller, and orphans to every ReplicaSet that selects them', () => {
    const { h, rs } = setup(1);
    const owned = h.createPod('owned', { labels: { app: 'web' }, owner: rs });
    const orphan = h.createPod('orphan', { labels: { app: 'web' } });
    const stranger = h.createPod('stranger', { labels: { app: 'db' } });
    const keys = (object: Pod, type: 'ADDED' | 'DELETED' = 'ADDED') => h.controller.keysFor({ type, object }, PODS);
    expect(keys(owned)).toEqual(['default/web']);
    expect(keys(orphan)).toEqual(['default/web']);
    expect(keys(orphan, 'DELETED')).toEqual([]);
    expect(keys(stranger)).toEqual([]);
    expect(h.controller.keysFor({ type: 'MODIFIED', object: rs }, REPLICA_SETS)).toEqual(['default/web']);
  });
});

describe('ReplicationController manager', () => {
  it('keeps the replicas of a selector map, with its own event source and owner kind', () => {
    const h = new SyncHarness(REPLICATION_CONTROLLER);
    const rc = h.create<ReplicationController>({
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'nginx' },
      spec: {
        replicas: 2,
        selector: { app: 'nginx' },
        template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      },
    });
    h.createPod('stray', { labels: { app: 'nginx', extra: 'yes' }, nodeName: 'node1', readyFor: 30 });
    h.sync('default/nginx');
    const pods = h.pods();
    expect(pods).toHaveLength(2);
    const created = pods.find((p) => p.metadata.name !== 'stray')!;
    expect(h.events('nginx')).toEqual([`Normal SuccessfulCreate: Created pod: ${created.metadata.name}`]);
    expect(created.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        name: 'nginx',
        uid: rc.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(h.decisionsAbout('ReplicationController', 'nginx')).toEqual([
      'adopted orphan pod stray: its labels match selector app=nginx',
      'wants 2 pods, has 1 active: created 1 of 1 in slow-start batch 1',
    ]);
    const event = h.api.all(resolveResourceName('events')!, 'default')[0] as { source?: { component?: string } };
    expect(event.source).toEqual({ component: 'replication-controller' });
  });
});
