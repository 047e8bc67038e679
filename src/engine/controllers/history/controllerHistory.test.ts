import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { STATEFUL_SET_CONTROLLER } from '../statefulset/statefulSetController';
import {
  CONTROLLER_REVISIONS,
  createControllerRevision,
  equalRevision,
  newControllerRevision,
  nextRevisionNumber,
  sortControllerRevisions,
  templateOfRevision,
  templatePatch,
  type ControllerRevision,
} from './controllerHistory';
import { controllerRevisionName, hashControllerRevision } from './revisionHash';
import { SyncHarness } from './syncHarness';

const TEMPLATE = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };

function parent(harness: SyncHarness): KubeObject {
  return harness.create({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: { selector: { matchLabels: { app: 'web' } }, serviceName: 'web', template: TEMPLATE },
  });
}

function revision(name: string, number: number, created: string): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, creationTimestamp: created },
    revision: number,
  };
}

describe('revision hashes and names', () => {
  it('hashes the data and the collision count into the name alphabet', () => {
    const data = templatePatch(TEMPLATE);
    expect(hashControllerRevision(data, 0)).toBe('5f4b46c5cc');
    expect(hashControllerRevision(data, 1)).toBe('5f4b46c5cb');
    expect(hashControllerRevision(data)).toBe('7745cb8cc5');
    expect(hashControllerRevision(data, 0)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });

  it('does not depend on the order fields were written in', () => {
    const reordered = { spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'web' } } };
    expect(hashControllerRevision(templatePatch(reordered), 0)).toBe(
      hashControllerRevision(templatePatch(TEMPLATE), 0),
    );
  });

  it('cuts long name prefixes to 223 characters', () => {
    expect(controllerRevisionName('web', 'abc')).toBe('web-abc');
    expect(controllerRevisionName('x'.repeat(300), 'abc')).toBe(`${'x'.repeat(223)}-abc`);
  });
});

describe('revision data', () => {
  it('stores a patch replacing the template and gives the template back', () => {
    const data = templatePatch(TEMPLATE);
    expect(data).toEqual({ spec: { template: { ...TEMPLATE, $patch: 'replace' } } });
    expect(templateOfRevision({ ...revision('r', 1, ''), data })).toEqual(TEMPLATE);
  });

  it('compares revisions by their data', () => {
    const a = { ...revision('a', 1, ''), data: templatePatch(TEMPLATE) };
    const b = { ...revision('b', 2, ''), data: templatePatch(structuredClone(TEMPLATE)) };
    const c = { ...revision('c', 3, ''), data: templatePatch({ ...TEMPLATE, spec: { containers: [] } }) };
    expect([equalRevision(a, b), equalRevision(a, c), equalRevision(undefined, undefined)]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('sorts by revision number, then creation time, then name', () => {
    const sorted = sortControllerRevisions([
      revision('c', 2, '2026-01-05T09:00:00Z'),
      revision('b', 1, '2026-01-05T09:00:05Z'),
      revision('a', 1, '2026-01-05T09:00:05Z'),
      revision('d', 1, '2026-01-05T09:00:01Z'),
    ]);
    expect(sorted.map((r) => r.metadata.name)).toEqual(['d', 'a', 'b', 'c']);
    expect(nextRevisionNumber(sorted)).toBe(3);
    expect(nextRevisionNumber([])).toBe(1);
  });
});

describe('createControllerRevision', () => {
  it('creates the revision named by its hash, owned by the parent', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    const set = parent(harness);
    const created = createControllerRevision(
      harness.context,
      set,
      newControllerRevision(set, { app: 'web' }, templatePatch(TEMPLATE), 1, 0),
      0,
    );
    expect(created.ok && created.revision.metadata.name).toBe('web-5f4b46c5cc');
    expect(created.ok && created.revision.metadata.labels).toEqual({
      app: 'web',
      'controller.kubernetes.io/hash': '5f4b46c5cc',
    });
    expect(created.ok && created.revision.metadata.ownerReferences?.[0]?.uid).toBe(set.metadata.uid);
  });

  it('returns the existing revision when the same data is already stored under the name', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    const set = parent(harness);
    const wanted = newControllerRevision(set, { app: 'web' }, templatePatch(TEMPLATE), 1, 0);
    createControllerRevision(harness.context, set, wanted, 0);
    const again = createControllerRevision(harness.context, set, wanted, 0);
    expect(again.ok && [again.revision.metadata.name, again.collisionCount]).toEqual(['web-5f4b46c5cc', 0]);
    expect(harness.names(CONTROLLER_REVISIONS.plural)).toEqual(['web-5f4b46c5cc']);
  });

  it('bumps the collision count when another template holds the name', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    const set = parent(harness);
    // A revision with other data squatting on the name the template hashes to.
    harness.create({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'web-5f4b46c5cc' },
      data: { other: true },
      revision: 1,
    });
    const wanted = newControllerRevision(set, { app: 'web' }, templatePatch(TEMPLATE), 2, 0);
    const created = createControllerRevision(harness.context, set, wanted, 0);
    expect(created.ok && [created.revision.metadata.name, created.collisionCount]).toEqual(['web-5f4b46c5cb', 1]);
  });
});
