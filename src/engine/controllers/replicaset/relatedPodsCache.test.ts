import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { labelSelectorFromSpec, matchesLabels, type LabelSelector } from '../../api/selectors/labelSelector';
import { controllerRefTo } from '../ownerReferences';
import { countActivePodsOnNodes } from './rankPodsForDeletion';
import { RelatedPodsCache } from './relatedPodsCache';
import { REPLICA_SET_CONTROLLER } from './replicaController';
import { REPLICA_SET_KIND, type ReplicaSet } from './replicaKinds';
import { SyncHarness } from './syncTestKit';

const PODS = resolveResourceName('pods')!;

function selector(labels: Record<string, string>): LabelSelector {
  const parsed = labelSelectorFromSpec({ matchLabels: labels });
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed;
}

function replicaSet(h: SyncHarness, name: string, owner?: ReplicaSet): ReplicaSet {
  return h.create<ReplicaSet>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, ...(owner ? { ownerReferences: [controllerRefTo(owner)] } : {}) },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web', rs: name } },
      template: {
        metadata: { labels: { app: 'web', rs: name, tier: 'front' } },
        spec: { containers: [{ name: 'app', image: 'nginx' }] },
      },
    },
  });
}

describe('RelatedPodsCache', () => {
  it('counts per node the active pods any sibling ReplicaSet selects, kept in step with pod changes', () => {
    const h = new SyncHarness(REPLICA_SET_CONTROLLER);
    const deployment = h.create<ReplicaSet>({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'stands-for-a-deployment' },
    });
    const a = replicaSet(h, 'a', deployment);
    const b = replicaSet(h, 'b', deployment);
    const loner = replicaSet(h, 'c');
    const cache = new RelatedPodsCache(h.api);
    const expected = (selectors: LabelSelector[]) =>
      Object.fromEntries(
        countActivePodsOnNodes(
          (h.api.all(PODS, 'default') as Pod[]).filter((pod) =>
            selectors.some((s) => matchesLabels(s, pod.metadata.labels)),
          ),
        ),
      );
    const siblings = [selector({ app: 'web', rs: 'a' }), selector({ app: 'web', rs: 'b' })];
    h.createPod('a-0', { labels: { app: 'web', rs: 'a' }, owner: a, nodeName: 'n1' });
    h.createPod('b-0', { labels: { app: 'web', rs: 'b' }, owner: b, nodeName: 'n1' });
    h.createPod('stray', { labels: { app: 'web', rs: 'b' }, nodeName: 'n2' });
    expect(Object.fromEntries(cache.podsOnNodes(REPLICA_SET_KIND, a))).toEqual(expected(siblings));
    expect(Object.fromEntries(cache.podsOnNodes(REPLICA_SET_KIND, a))).toEqual({ n1: 2, n2: 1 });

    h.createPod('b-1', { labels: { app: 'web', rs: 'b' }, owner: b });
    h.createPod('a-done', { labels: { app: 'web', rs: 'a' }, owner: a, nodeName: 'n2', phase: 'Failed' });
    h.api.delete(PODS, 'default', 'stray', { gracePeriodSeconds: 0 });
    expect(Object.fromEntries(cache.podsOnNodes(REPLICA_SET_KIND, b))).toEqual({ n1: 2, '': 1 });
    expect(Object.fromEntries(cache.podsOnNodes(REPLICA_SET_KIND, b))).toEqual(expected(siblings));

    // Without a controller, a ReplicaSet is its own only sibling.
    h.createPod('c-0', { labels: { app: 'web', rs: 'c' }, owner: loner, nodeName: 'n3' });
    expect(Object.fromEntries(cache.podsOnNodes(REPLICA_SET_KIND, loner))).toEqual({ n3: 1 });
  });
});
