import { describe, expect, it } from 'vitest';
import { ApiServer } from './apiServer';
import { resolveResourceName } from './resources';
import { parseLabelSelector, matchesLabels } from './selectors/labelSelector';
import type { KubeObject } from './types';
import { seedRandom } from '../runtime/random';

const PODS = resolveResourceName('pods')!;
const CONFIGMAPS = resolveResourceName('configmaps')!;
const NODES = resolveResourceName('nodes')!;
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const OWNERS = ['u1', 'u2', 'u3'];

function setup() {
  const api = new ApiServer(ApiServer.initialState(), () => T0, seedRandom(1));
  for (const name of ['default', 'other', 'a-b'])
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return api;
}

function ref(uid: string, controller: boolean) {
  return { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, controller };
}

function names(objects: KubeObject[]): string[] {
  return objects.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
}

function withoutOwners(metadata: KubeObject['metadata']): KubeObject['metadata'] {
  const { ownerReferences: _owners, ...rest } = metadata;
  return rest;
}

/** A deterministic pseudo-random walk of creates, label and owner changes, and deletes. */
function randomWalk(api: ApiServer, steps: number, check: (round: number) => void): void {
  let seed = 7;
  const next = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
  for (let round = 0; round < steps; round++) {
    const namespace = ['default', 'other', 'a-b'][next(3)]!;
    const name = `p${next(12)}`;
    const existing = api.find(PODS, namespace, name);
    if (existing && next(4) === 0) {
      expect(api.delete(PODS, namespace, name, { gracePeriodSeconds: 0 }).ok).toBe(true);
    } else {
      const owners = next(3) === 0 ? [] : [ref(OWNERS[next(3)]!, next(3) !== 0), ref(OWNERS[next(3)]!, false)];
      const labels = next(2) === 0 ? { app: 'web', tier: ['a', 'b'][next(2)]! } : { app: ['web', 'db'][next(2)]! };
      const object = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace, labels, ...(owners.length > 0 ? { ownerReferences: owners } : {}) },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      };
      const written = existing
        ? api.update({
            ...existing,
            metadata: {
              ...withoutOwners(existing.metadata),
              labels,
              ...(owners.length > 0 ? { ownerReferences: owners } : {}),
            },
          })
        : api.create(object);
      if (!written.ok) throw new Error(written.error.message);
    }
    check(round);
  }
}

describe('ApiServer lookups by owner', () => {
  it('ownedBy and controlledBy give what filtering every object gives, through creates, updates and deletes', () => {
    const api = setup();
    const controllerUid = (o: KubeObject) => o.metadata.ownerReferences?.find((r) => r.controller === true)?.uid;
    randomWalk(api, 300, (round) => {
      // Asking late builds the index from what is stored; afterwards every write keeps it in step.
      if (round < 40) return;
      for (const namespace of ['default', 'other', 'a-b', undefined]) {
        for (const uid of OWNERS) {
          const all = api.all(PODS, namespace);
          const owned = all.filter((o) => o.metadata.ownerReferences?.some((r) => r.uid === uid));
          expect(names(api.ownedBy(PODS, namespace, uid))).toEqual(names(owned));
          const controlled = all.filter((o) => controllerUid(o) === uid);
          expect(names(api.controlledBy(PODS, namespace, uid))).toEqual(names(controlled));
        }
        const orphans = api.all(PODS, namespace).filter((o) => controllerUid(o) === undefined);
        expect(names(api.controlledBy(PODS, namespace, undefined))).toEqual(names(orphans));
      }
    });
  });

  it('selectedBy gives what matching every object gives, narrowing through a required label value', () => {
    const api = setup();
    const selectors = ['app=web', 'app=web,tier=a', 'tier in (b)', 'app!=web', 'tier', 'app=none'].map((text) => {
      const parsed = parseLabelSelector(text);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.selector;
    });
    randomWalk(api, 300, (round) => {
      if (round < 25) return;
      for (const namespace of ['default', 'a-b', undefined]) {
        for (const selector of selectors) {
          const expected = api.all(PODS, namespace).filter((o) => matchesLabels(selector, o.metadata.labels));
          expect(names(api.selectedBy(PODS, namespace, selector))).toEqual(names(expected));
        }
      }
    });
  });

  it('findByUid finds the stored object with that uid, and nothing once it is gone', () => {
    const api = setup();
    const created = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' }, data: { a: '1' } });
    if (!created.ok) throw new Error(created.error.message);
    const uid = created.value.metadata.uid!;
    expect(api.findByUid(CONFIGMAPS, uid)?.metadata.name).toBe('one');
    const updated = api.update({ ...created.value, data: { a: '2' } });
    expect(updated.ok).toBe(true);
    expect((api.findByUid(CONFIGMAPS, uid) as { data?: Record<string, string> }).data).toEqual({ a: '2' });
    api.delete(CONFIGMAPS, 'default', 'one');
    expect(api.findByUid(CONFIGMAPS, uid)).toBeUndefined();
    const again = api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'one' }, data: {} });
    if (!again.ok) throw new Error(again.error.message);
    expect(api.findByUid(CONFIGMAPS, uid)).toBeUndefined();
    expect(api.findByUid(CONFIGMAPS, again.value.metadata.uid!)?.metadata.name).toBe('one');
  });

  it('resourceRevision moves with the changes of its resource only', () => {
    const api = setup();
    const pods = api.resourceRevision(PODS);
    const nodes = api.resourceRevision(NODES);
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
    expect(api.resourceRevision(PODS)).toBe(pods);
    api.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'a', image: 'x' }] },
    });
    const afterCreate = api.resourceRevision(PODS);
    expect(afterCreate).toBeGreaterThan(pods);
    api.delete(PODS, 'default', 'p', { gracePeriodSeconds: 0 });
    expect(api.resourceRevision(PODS)).toBeGreaterThan(afterCreate);
    expect(api.resourceRevision(NODES)).toBe(nodes);
  });
});
