import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { labelSelectorFromSpec, matchesLabels, type LabelSelector } from '../../api/selectors/labelSelector';
import { controllerRefTo } from '../ownerReferences';
import { isPodActive, isPodReady } from '../podConditions';
import { OwnedPodsCache, type ClaimBasis } from './ownedPodsCache';
import { REPLICA_SET_CONTROLLER } from './replicaController';
import type { ReplicaSet } from './replicaKinds';
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

const BASIS: ClaimBasis = { selector: selector({ app: 'web', rs: 'a' }), templateLabels: selector({ tier: 'front' }) };

/** The claimed pods and counts, the way a full sync computes them. */
function expectedClaim(h: SyncHarness, owner: ReplicaSet) {
  const pods = (h.api.all(PODS, 'default') as Pod[]).filter(
    (pod) =>
      isPodActive(pod) && pod.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid),
  );
  return {
    names: pods.map((pod) => pod.metadata.name),
    fullyLabeled: pods.filter((pod) => matchesLabels(BASIS.templateLabels!, pod.metadata.labels)).length,
    ready: pods.filter(isPodReady).length,
  };
}

describe('OwnedPodsCache', () => {
  it('counts the active pods an owner controls as they change, and steps aside when claiming would change something', () => {
    const h = new SyncHarness(REPLICA_SET_CONTROLLER);
    const owner = replicaSet(h, 'a');
    const cache = new OwnedPodsCache(h.api);
    const labels = { app: 'web', rs: 'a', tier: 'front' };
    h.createPod('a-1', { labels, owner, nodeName: 'n1', readyFor: 5 });
    h.createPod('a-0', { labels: { app: 'web', rs: 'a' }, owner, nodeName: 'n2' });
    const claim = () => cache.claimedWithoutChanges(owner, BASIS);
    const summary = () => {
      const claimed = claim();
      return claimed && { names: claimed.list().map((p) => p.metadata.name), ...claimed };
    };
    expect(summary()).toMatchObject({ ...expectedClaim(h, owner), count: 2 });

    // A pod turning ready, another going, a third arriving: each write moves the counts.
    h.setStatus(h.pod('a-0'), {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-05T09:00:00Z' }],
    });
    h.createPod('a-2', { labels, owner, nodeName: 'n1', phase: 'Succeeded' });
    h.createPod('a-3', { labels, owner, nodeName: 'n2' });
    h.api.delete(PODS, 'default', 'a-1', { gracePeriodSeconds: 0 });
    expect(summary()).toMatchObject({ ...expectedClaim(h, owner), count: 2 });

    // A controlled pod that no longer matches would be released; an orphan that matches would be adopted.
    const relabeled = h.api.update({ ...h.pod('a-3'), metadata: { ...h.pod('a-3').metadata, labels: { app: 'db' } } });
    expect(relabeled.ok).toBe(true);
    expect(claim()).toBeUndefined();
    h.api.delete(PODS, 'default', 'a-3', { gracePeriodSeconds: 0 });
    expect(claim()?.count).toBe(1);
    h.createPod('orphan', { labels, nodeName: 'n1' });
    expect(claim()).toBeUndefined();
  });

  it('rebuilds an owner from the stored pods when its selector or template labels are not the ones it counted by', () => {
    const h = new SyncHarness(REPLICA_SET_CONTROLLER);
    const owner = replicaSet(h, 'a');
    const cache = new OwnedPodsCache(h.api);
    h.createPod('a-0', { labels: { app: 'web', rs: 'a' }, owner, readyFor: 1 });
    expect(cache.claimedWithoutChanges(owner, BASIS)).toMatchObject({ count: 1, fullyLabeled: 0, ready: 1 });
    const wider = { selector: selector({ app: 'web' }), templateLabels: selector({ rs: 'a' }) };
    expect(cache.claimedWithoutChanges(owner, wider)).toMatchObject({ count: 1, fullyLabeled: 1, ready: 1 });
  });
});
