/**
 * getIndirectlyRelatedPods for the scale-down ranking (and each pod's ranking facts), kept in step with the API server's pod changes: the active
 * pods that any of a group of sibling ReplicaSets selects, counted per node. A rollout deletes old pods one sync at
 * a time, each ranking against the same siblings; their counts are kept instead of matching every pod each time.
 * Derived from the store only: a group is built from the stored pods on first use (so also after a restore), and
 * each change re-reads the pod from the store.
 */
import type { ApiServer } from '../../api/apiServer';
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { matchesLabels, type LabelSelector } from '../../api/selectors/labelSelector';
import type { KubeObject } from '../../api/types';
import { controllerOf } from '../ownerReferences';
import { isPodActive } from '../podConditions';
import { podRankFacts, type PodRankFacts } from './rankPodsForDeletion';
import type { ReplicaKind, ReplicatedObject } from './replicaKinds';

const PODS = resolveResourceName('pods')!;
/** Groups kept: the rollouts scaling down at the same time; the least recently used goes first. */
const MAX_GROUPS = 8;

interface SiblingGroup {
  /** JSON of namespace and selectors. */
  key: string;
  namespace: string;
  selectors: LabelSelector[];
  /** Pod bucket key → node (empty when unscheduled) of each active pod some selector matches. */
  members: Map<string, string>;
  /** Node → active selected pods on it. */
  counts: Map<string, number>;
}

export class RelatedPodsCache {
  /** Most recently used first. */
  private readonly groups: SiblingGroup[] = [];
  private readonly rankFacts = new WeakMap<Pod, PodRankFacts>();

  constructor(private readonly api: ApiServer) {
    api.watch((event, resource) => {
      if (resource === PODS && this.groups.length > 0) this.refresh(event.object);
    });
  }

  /**
   * Active pods per node among those selected by every ReplicaSet with the same controller as `owner` (all of a
   * Deployment's ReplicaSets), or by `owner` alone when it has none.
   */
  podsOnNodes(kind: ReplicaKind, owner: ReplicatedObject): ReadonlyMap<string, number> {
    const namespace = owner.metadata.namespace ?? '';
    const ownerRef = controllerOf(owner);
    const siblings = ownerRef ? this.api.controlledBy(kind.resource, namespace, ownerRef.uid) : [owner];
    const selectors: LabelSelector[] = [];
    for (const sibling of siblings) {
      const selector = kind.selectorOf(sibling);
      if (selector) selectors.push(selector);
    }
    return this.groupFor(namespace, selectors).counts;
  }

  private groupFor(namespace: string, selectors: LabelSelector[]): SiblingGroup {
    const key = JSON.stringify([namespace, selectors]);
    const index = this.groups.findIndex((g) => g.key === key);
    const group = index >= 0 ? this.groups.splice(index, 1)[0]! : this.buildGroup(key, namespace, selectors);
    this.groups.unshift(group);
    if (this.groups.length > MAX_GROUPS) this.groups.pop();
    return group;
  }

  private buildGroup(key: string, namespace: string, selectors: LabelSelector[]): SiblingGroup {
    const group: SiblingGroup = { key, namespace, selectors, members: new Map(), counts: new Map() };
    for (const selector of selectors) {
      for (const pod of this.api.selectedBy(PODS, namespace, selector) as Pod[])
        this.place(group, `${namespace}/${pod.metadata.name}`, pod);
    }
    return group;
  }

  /** A pod's ranking facts, read once per stored object (the API server replaces an object on every write). */
  rankFactsOf(pod: Pod): PodRankFacts {
    let facts = this.rankFacts.get(pod);
    if (!facts) this.rankFacts.set(pod, (facts = podRankFacts(pod)));
    return facts;
  }

  private refresh(changed: KubeObject): void {
    const namespace = changed.metadata.namespace ?? '';
    const name = changed.metadata.name ?? '';
    let current: Pod | undefined;
    let looked = false;
    for (const group of this.groups) {
      if (group.namespace !== namespace) continue;
      if (!looked) {
        current = this.api.find(PODS, namespace, name) as Pod | undefined;
        looked = true;
      }
      this.place(group, `${namespace}/${name}`, current);
    }
  }

  /** Counts `pod` (the current object at `key`, if any) where it belongs in the group now. */
  private place(group: SiblingGroup, key: string, pod: Pod | undefined): void {
    const before = group.members.get(key);
    const selected =
      pod !== undefined && isPodActive(pod) && group.selectors.some((s) => matchesLabels(s, pod.metadata.labels));
    const after = selected ? (pod.spec.nodeName ?? '') : undefined;
    if (before === after) return;
    if (before !== undefined) {
      const count = group.counts.get(before)! - 1;
      if (count === 0) group.counts.delete(before);
      else group.counts.set(before, count);
      group.members.delete(key);
    }
    if (after !== undefined) {
      group.counts.set(after, (group.counts.get(after) ?? 0) + 1);
      group.members.set(key, after);
    }
  }
}
