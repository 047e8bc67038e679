import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { OneSyncHarness } from '../job/oneSyncHarness';
import { controllerRefTo } from '../ownerReferences';
import { GARBAGE_COLLECTOR } from './garbageCollector';

const REPLICA_SETS = resolveResourceName('replicasets.apps')!;

function replicaSet(h: OneSyncHarness, name: string, owner?: KubeObject): KubeObject {
  return h.create({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', ...(owner ? { ownerReferences: [controllerRefTo(owner)] } : {}) },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  });
}

function pod(h: OneSyncHarness, name: string, owners: KubeObject[], blocking = true): Pod {
  return h.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ownerReferences: owners.map((o) => ({
        ...controllerRefTo(o),
        controller: owners.length === 1,
        blockOwnerDeletion: blocking,
      })),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }], nodeName: 'worker1' },
  });
}

describe('garbage collector: what wakes it', () => {
  it('wakes the dependents of a deleted owner, and an object whose owner is missing', () => {
    const h = new OneSyncHarness(GARBAGE_COLLECTOR);
    const rs = replicaSet(h, 'web');
    const web = pod(h, 'web-1', [rs]);
    expect(h.keysFor('MODIFIED', web, web)).toEqual([]);
    h.api.delete(REPLICA_SETS, 'default', 'web');
    expect(h.keysFor('DELETED', rs)).toEqual(['pods:default/web-1']);
    expect(h.keysFor('MODIFIED', web, web)).toEqual(['pods:default/web-1']);
  });

  it('wakes an owner deleted in the foreground together with its dependents', () => {
    const h = new OneSyncHarness(GARBAGE_COLLECTOR);
    const rs = replicaSet(h, 'web');
    pod(h, 'web-1', [rs]);
    const deleting = h.api.delete(REPLICA_SETS, 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(deleting.ok && deleting.value.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(h.keysFor('MODIFIED', deleting.ok ? deleting.value : rs, rs)).toEqual([
      'replicasets.apps:default/web',
      'pods:default/web-1',
    ]);
  });
});

describe('garbage collector: one sync', () => {
  it('deletes an object whose only owner is gone (Background unless it asks otherwise)', () => {
    const h = new OneSyncHarness(GARBAGE_COLLECTOR);
    const rs = replicaSet(h, 'web');
    const web = pod(h, 'web-1', [rs]);
    h.api.delete(REPLICA_SETS, 'default', 'web');
    expect(h.sync('pods:default/web-1')).toEqual(['delete pods/web-1 (Background)']);
    expect(h.find<Pod>(web)?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(h.decisionsAbout('Pod', 'web-1')).toEqual([
      'deleted it (propagation Background): its owner ReplicaSet web no longer exists',
    ]);
    // Being deleted already: nothing more to do.
    expect(h.sync('pods:default/web-1')).toEqual([]);
  });

  it('only drops the reference to a gone owner while another owner remains', () => {
    const h = new OneSyncHarness(GARBAGE_COLLECTOR);
    const a = replicaSet(h, 'a');
    const b = replicaSet(h, 'b');
    const shared = pod(h, 'shared', [a, b]);
    h.api.delete(REPLICA_SETS, 'default', 'a');
    expect(h.sync('pods:default/shared')).toEqual(['update pods/shared']);
    expect(h.find<Pod>(shared)?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
    expect(h.decisionsAbout('Pod', 'shared')).toEqual([
      'removed its ownerReferences to ReplicaSet a: ReplicaSet b still owns it',
    ]);
  });

  it('in a foreground deletion deletes dependents, in the foreground when they have their own', () => {
    const h = new OneSyncHarness(GARBAGE_COLLECTOR);
    const deployment = h.create<KubeObject>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    });
    const rs = replicaSet(h, 'web-5d8f', deployment);
    pod(h, 'web-5d8f-1', [rs]);
    h.api.delete(resolveResourceName('deployments.apps')!, 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(h.sync('deployments.apps:default/web')).toEqual([]);
    expect(h.decisionsAbout('Deployment', 'web')).toEqual([
      'foreground deletion waits for 1 dependent(s) with blockOwnerDeletion: ReplicaSet web-5d8f',
    ]);
    expect(h.queuedIn('replicasets.apps:default/web-5d8f')).toBe(20);
    expect(h.sync('replicasets.apps:default/web-5d8f')).toEqual(['delete replicasets/web-5d8f (Foreground)']);
    expect(h.sync('replicasets.apps:default/web-5d8f')).toEqual([]);
    expect(h.sync('pods:default/web-5d8f-1')).toEqual(['delete pods/web-5d8f-1 (Background)']);
  });

  it('removes the foregroundDeletion finalizer once no dependent blocks it, which deletes the owner', () => {
    const h = new OneSyncHarness(GARBAGE_COLLECTOR);
    const rs = replicaSet(h, 'web');
    pod(h, 'loose', [rs], false);
    h.api.delete(REPLICA_SETS, 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(h.sync('replicasets.apps:default/web')).toEqual(['update replicasets/web']);
    expect(h.find(rs)).toBeUndefined();
  });

  it('orphans: removes the owner from every dependent, then the orphan finalizer', () => {
    const h = new OneSyncHarness(GARBAGE_COLLECTOR);
    const rs = replicaSet(h, 'web');
    const one = pod(h, 'web-1', [rs]);
    const two = pod(h, 'web-2', [rs]);
    h.api.delete(REPLICA_SETS, 'default', 'web', { propagationPolicy: 'Orphan' });
    expect(h.sync('replicasets.apps:default/web')).toEqual([
      'update pods/web-1',
      'update pods/web-2',
      'update replicasets/web',
    ]);
    expect(h.find(rs)).toBeUndefined();
    expect([h.find<Pod>(one), h.find<Pod>(two)].map((p) => p?.metadata.ownerReferences)).toEqual([
      undefined,
      undefined,
    ]);
    expect(h.decisionsAbout('ReplicaSet', 'web')).toEqual([
      'orphaned 2 dependent(s) (removed their ownerReference to it), then removed the orphan finalizer',
    ]);
  });
});
