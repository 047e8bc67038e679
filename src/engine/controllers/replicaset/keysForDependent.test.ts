import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { keysForDependent, type DependentHandlers } from './keysForDependent';

const OWNERS: Record<string, string> = { 'uid-a': 'a', 'uid-b': 'b' };

const handlers = (terminatingIsDeleted: boolean): DependentHandlers => ({
  ownerKind: 'ReplicaSet',
  terminatingIsDeleted,
  resolve: (namespace, ref) => (OWNERS[ref.uid] === ref.name ? `${namespace}/${ref.name}` : undefined),
  orphanOwners: (object) => (object.metadata.labels?.app === 'web' ? ['default/a', 'default/b'] : []),
});

interface Shape {
  owner?: string;
  kind?: string;
  labels?: Record<string, string>;
  rv?: string;
  deleting?: boolean;
}

function pod({ owner, kind = 'ReplicaSet', labels = { app: 'web' }, rv = '1', deleting }: Shape): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p',
      namespace: 'default',
      labels,
      resourceVersion: rv,
      ...(deleting ? { deletionTimestamp: '2026-01-05T09:00:00Z' } : {}),
      ...(owner
        ? { ownerReferences: [{ apiVersion: 'apps/v1', kind, name: owner, uid: `uid-${owner}`, controller: true }] }
        : {}),
    },
  };
}

const keys = (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject, previous?: KubeObject, pods = true) =>
  keysForDependent({ type, object }, previous, handlers(pods));

describe('keysForDependent', () => {
  it('wakes the controller named by the reference, if it exists and is of the managed kind', () => {
    expect(keys('ADDED', pod({ owner: 'a' }))).toEqual(['default/a']);
    expect(keys('DELETED', pod({ owner: 'b' }))).toEqual(['default/b']);
    expect(keys('ADDED', pod({ owner: 'a', kind: 'Job' }))).toEqual([]);
    expect(keys('ADDED', pod({ owner: 'gone' }))).toEqual([]);
  });

  it('wakes every matching owner for a new orphan, but nobody for a deleted or terminating one', () => {
    expect(keys('ADDED', pod({}))).toEqual(['default/a', 'default/b']);
    expect(keys('DELETED', pod({}))).toEqual([]);
    expect(keys('ADDED', pod({ deleting: true }))).toEqual([]);
    expect(keys('ADDED', pod({ deleting: true }), undefined, false)).toEqual([]);
  });

  it('wakes owners of an updated orphan only when its labels or controller changed', () => {
    expect(keys('MODIFIED', pod({ rv: '2' }), pod({ rv: '1' }))).toEqual([]);
    expect(keys('MODIFIED', pod({ rv: '2' }), pod({ rv: '1', labels: { app: 'old' } }))).toEqual([
      'default/a',
      'default/b',
    ]);
    expect(keys('MODIFIED', pod({ rv: '1', labels: { app: 'x' } }), pod({ rv: '1' }))).toEqual([]);
  });

  it('wakes the previous owner when the reference changed', () => {
    // Released by a: a syncs, and the orphan's matching owners may adopt it.
    expect(keys('MODIFIED', pod({ rv: '2' }), pod({ rv: '1', owner: 'a' }))).toEqual(['default/a', 'default/b']);
    expect(keys('MODIFIED', pod({ rv: '2', owner: 'b' }), pod({ rv: '1', owner: 'a' }))).toEqual([
      'default/a',
      'default/b',
    ]);
  });

  it('treats a pod that starts terminating as deleted, for its current and (if relabelled) previous owner', () => {
    expect(keys('MODIFIED', pod({ rv: '2', deleting: true }), pod({ rv: '1' }))).toEqual([]);
    // Other dependents (a Deployment's ReplicaSets) are handled like any update.
    expect(
      keys('MODIFIED', pod({ rv: '2', deleting: true, labels: { app: 'web' } }), pod({ rv: '1', labels: {} }), false),
    ).toEqual(['default/a', 'default/b']);
    expect(keys('MODIFIED', pod({ rv: '2', owner: 'a', deleting: true }), pod({ rv: '1', owner: 'a' }))).toEqual([
      'default/a',
    ]);
    expect(
      keys('MODIFIED', pod({ rv: '2', deleting: true }), pod({ rv: '1', owner: 'a', labels: { x: 'y' } })),
    ).toEqual(['default/a']);
  });
});
