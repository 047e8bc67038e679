/**
 * The pods each ReplicaSet (or ReplicationController) controls, with the counts its sync needs, kept in step with
 * the API server's pod changes like an informer's indexer: a sync of a 1,000-replica owner reads its counts
 * instead of walking and matching every pod. Derived from the store only: an owner's entry is built from the
 * stored pods on first use (so also after a restore) and rebuilt when the owner's selector or template labels
 * change; each change re-reads the pod from the store, so the order watchers hear of nested writes does not matter.
 */
import type { ApiServer } from '../../api/apiServer';
import type { Pod } from '../../api/kinds';
import { controllerUidOf } from '../../api/ownerIndex';
import { resolveResourceName } from '../../api/resources';
import { matchesLabels, type LabelSelector } from '../../api/selectors/labelSelector';
import type { KubeObject } from '../../api/types';
import { isPodActive, isPodReady } from '../podConditions';

const PODS = resolveResourceName('pods')!;

/** What an owner's sync sees of its pods: how many are active, and (when needed) which, in list order. */
export interface ClaimedPods {
  readonly count: number;
  /** The active pods, as `api.all` orders them. */
  list(): readonly Pod[];
}

/** Counts over the claimed pods, for the owner's status. */
export interface ClaimedCounts {
  fullyLabeled: number;
  ready: number;
}

/** The owner's view of its pods: the selector it claims by and the labels its template gives. */
export interface ClaimBasis {
  selector: LabelSelector;
  /** The template labels as a selector; undefined when they are not valid labels (nothing counts as labeled). */
  templateLabels: LabelSelector | undefined;
}

interface PodFacts {
  pod: Pod;
  active: boolean;
  matches: boolean;
  fullyLabeled: boolean;
  ready: boolean;
}

interface OwnerEntry {
  namespace: string;
  basis: ClaimBasis;
  /** JSON of the basis, to tell when the owner's selector or template labels changed. */
  basisKey: string;
  /** Bucket key → facts of every pod the owner controls in its namespace, active or not. */
  pods: Map<string, PodFacts>;
  active: number;
  /** Active pods whose labels no longer match the selector (claiming would release them). */
  activeNotMatching: number;
  activeFullyLabeled: number;
  activeReady: number;
  /** The keys of `pods` sorted, until a pod comes or goes. */
  sortedKeys?: string[];
  /** The active pods in key order, until the entry changes. */
  listed?: Pod[];
}

export class OwnedPodsCache {
  /** Owner uid → its entry. */
  private readonly entries = new Map<string, OwnerEntry>();
  /** Pod bucket key → uid of the owner whose entry holds it. */
  private readonly holders = new Map<string, string>();

  constructor(private readonly api: ApiServer) {
    api.watch((event, resource) => {
      if (resource === PODS) this.refresh(event.object);
    });
  }

  /**
   * The owner's claimed pods when claiming would change nothing: it is not being deleted, none of its active pods
   * has stopped matching its selector, and no orphan in its namespace is there to adopt. Undefined otherwise (the
   * caller then claims the full way).
   */
  claimedWithoutChanges(owner: KubeObject, basis: ClaimBasis): (ClaimedPods & ClaimedCounts) | undefined {
    const uid = owner.metadata.uid;
    if (uid === undefined || owner.metadata.deletionTimestamp !== undefined) return undefined;
    const entry = this.entryFor(uid, owner.metadata.namespace ?? '', basis);
    if (entry.activeNotMatching > 0 || this.hasAdoptableOrphan(entry)) return undefined;
    return {
      count: entry.active,
      fullyLabeled: entry.activeFullyLabeled,
      ready: entry.activeReady,
      list: () => (entry.listed ??= activePodsInKeyOrder(entry)),
    };
  }

  private hasAdoptableOrphan(entry: OwnerEntry): boolean {
    for (const pod of this.api.controlledBy(PODS, entry.namespace, undefined) as Pod[])
      if (isPodActive(pod) && matchesLabels(entry.basis.selector, pod.metadata.labels)) return true;
    return false;
  }

  private entryFor(uid: string, namespace: string, basis: ClaimBasis): OwnerEntry {
    const basisKey = JSON.stringify([basis.selector, basis.templateLabels ?? null]);
    const existing = this.entries.get(uid);
    if (existing && existing.basisKey === basisKey && existing.namespace === namespace) return existing;
    if (existing) this.dropEntry(uid, existing);
    const entry: OwnerEntry = {
      namespace,
      basis,
      basisKey,
      pods: new Map(),
      active: 0,
      activeNotMatching: 0,
      activeFullyLabeled: 0,
      activeReady: 0,
    };
    this.entries.set(uid, entry);
    for (const pod of this.api.controlledBy(PODS, namespace, uid) as Pod[])
      this.setPod(uid, entry, `${namespace}/${pod.metadata.name}`, pod);
    return entry;
  }

  private dropEntry(uid: string, entry: OwnerEntry): void {
    for (const key of entry.pods.keys()) this.holders.delete(key);
    this.entries.delete(uid);
  }

  /** A pod changed: move it to the entry of the owner that controls it now, with fresh facts. */
  private refresh(changed: KubeObject): void {
    const namespace = changed.metadata.namespace ?? '';
    const name = changed.metadata.name ?? '';
    const key = `${namespace}/${name}`;
    const current = this.api.find(PODS, namespace, name) as Pod | undefined;
    const uid = current ? controllerUidOf(current) : undefined;
    const holder = this.holders.get(key);
    if (holder !== undefined && holder !== uid) {
      const entry = this.entries.get(holder);
      if (entry) this.removePod(holder, entry, key);
      this.holders.delete(key);
    }
    if (!current || uid === undefined) return;
    const entry = this.entries.get(uid);
    if (entry && entry.namespace === namespace) this.setPod(uid, entry, key, current);
  }

  private setPod(uid: string, entry: OwnerEntry, key: string, pod: Pod): void {
    const previous = entry.pods.get(key);
    if (previous?.pod === pod) return;
    if (previous) count(entry, previous, -1);
    const basis = entry.basis;
    const facts: PodFacts = {
      pod,
      active: isPodActive(pod),
      matches: matchesLabels(basis.selector, pod.metadata.labels),
      fullyLabeled: basis.templateLabels !== undefined && matchesLabels(basis.templateLabels, pod.metadata.labels),
      ready: isPodReady(pod),
    };
    entry.pods.set(key, facts);
    count(entry, facts, 1);
    this.holders.set(key, uid);
    if (!previous) delete entry.sortedKeys;
    delete entry.listed;
  }

  private removePod(uid: string, entry: OwnerEntry, key: string): void {
    const previous = entry.pods.get(key);
    if (!previous) return;
    count(entry, previous, -1);
    entry.pods.delete(key);
    delete entry.sortedKeys;
    delete entry.listed;
    // An owner left with no pods costs nothing to rebuild: forget it, so deleted owners leave nothing behind.
    if (entry.pods.size === 0) this.entries.delete(uid);
  }
}

function count(entry: OwnerEntry, facts: PodFacts, sign: 1 | -1): void {
  if (!facts.active) return;
  entry.active += sign;
  if (!facts.matches) entry.activeNotMatching += sign;
  if (facts.fullyLabeled) entry.activeFullyLabeled += sign;
  if (facts.ready) entry.activeReady += sign;
}

function activePodsInKeyOrder(entry: OwnerEntry): Pod[] {
  const keys = (entry.sortedKeys ??= [...entry.pods.keys()].sort());
  const pods: Pod[] = [];
  for (const key of keys) {
    const facts = entry.pods.get(key)!;
    if (facts.active) pods.push(facts.pod);
  }
  return pods;
}
