/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go) and the ReplicationController manager that
 * reuses it (pkg/controller/replication): keep the number of active pods an owner controls at spec.replicas,
 * adopting matching orphans and releasing pods whose labels no longer match, and report what it sees in status.
 */
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import {
  formatLabelSelector,
  labelSelectorFromSpec,
  matchesLabels,
  type LabelSelector,
} from '../../api/selectors/labelSelector';
import type { KubeObject, ResourceType, WatchEvent } from '../../api/types';
import { parseTimestamp } from '../../runtime/time';
import { claimCandidates, claimObjects } from '../claimObjects';
import {
  objectKeyOf,
  splitObjectKey,
  type Controller,
  type ControllerContext,
  type ControllerDefinition,
} from '../controller';
import { isPodActive, isPodAvailable, isPodReady, podReadyTime } from '../podConditions';
import { keysForDependent } from './keysForDependent';
import { manageReplicas, recordDecision } from './manageReplicas';
import { REPLICA_SET_KIND, REPLICATION_CONTROLLER_KIND, type ReplicaKind, type ReplicatedObject } from './replicaKinds';
import { OwnedPodsCache } from './ownedPodsCache';
import { RelatedPodsCache } from './relatedPodsCache';
import {
  REPLICA_FAILURE,
  calculateReplicaStatus,
  countReplicaPods,
  isReplicaStatusCurrent,
  type ReplicaPodCounts,
} from './replicaSetStatus';

const PODS = resolveResourceName('pods')!;

/** client-go's default controller rate limiter: per-item backoff from 5 ms, capped at 1000 s. */
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 1000 * 1000;

/** What a controller keeps of the pods, derived from the API server's (see each cache). */
interface ReplicaCaches {
  owned: OwnedPodsCache;
  related: RelatedPodsCache;
}

/** The controller for one of the two kinds. */
export function createReplicaController(kind: ReplicaKind, context: ControllerContext): Controller {
  const caches: ReplicaCaches = { owned: new OwnedPodsCache(context.api), related: new RelatedPodsCache(context.api) };
  return {
    keysFor: (event, resource, previous) => keysFor(context, kind, event, resource, previous),
    sync: (key) => syncReplicas(context, kind, caches, key),
  };
}

/** `replicaset-controller`. */
export const REPLICA_SET_CONTROLLER: ControllerDefinition = {
  name: REPLICA_SET_KIND.controller,
  create: (context) => createReplicaController(REPLICA_SET_KIND, context),
};

/** `replication-controller`: the same code for ReplicationControllers. */
export const REPLICATION_CONTROLLER: ControllerDefinition = {
  name: REPLICATION_CONTROLLER_KIND.controller,
  create: (context) => createReplicaController(REPLICATION_CONTROLLER_KIND, context),
};

/** The event handlers: an owner's own changes, and its pods' (keysForDependent). */
function keysFor(
  context: ControllerContext,
  kind: ReplicaKind,
  event: WatchEvent,
  resource: ResourceType,
  previous: KubeObject | undefined,
): string[] {
  const { namespace, name } = event.object.metadata;
  if (resource === kind.resource) return [objectKeyOf(namespace, name ?? '')];
  if (resource !== PODS) return [];
  return keysForDependent(event, previous, {
    ownerKind: kind.kind,
    terminatingIsDeleted: true,
    resolve: (ns, ref) =>
      context.api.find(kind.resource, ns, ref.name)?.metadata.uid === ref.uid ? objectKeyOf(ns, ref.name) : undefined,
    orphanOwners: (pod) =>
      context.api
        .all(kind.resource, pod.metadata.namespace)
        .filter((owner) => {
          const selector = kind.selectorOf(owner);
          return selector !== undefined && matchesLabels(selector, pod.metadata.labels);
        })
        .map((owner) => objectKeyOf(owner.metadata.namespace, owner.metadata.name ?? '')),
  });
}

/** syncReplicaSet: claim, create or delete, then status; requeue for minReadySeconds and after failures. */
function syncReplicas(context: ControllerContext, kind: ReplicaKind, caches: ReplicaCaches, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const owner = context.api.find(kind.resource, namespace, name) as ReplicatedObject | undefined;
  if (!owner) return;
  const selector = kind.selectorOf(owner);
  if (!selector) return;
  const now = context.runtime.now();
  const templateLabels = labelSelectorFromSpec({ matchLabels: owner.spec.template?.metadata?.labels ?? {} });
  const fast = caches.owned.claimedWithoutChanges(owner, {
    selector,
    templateLabels: 'error' in templateLabels ? undefined : templateLabels,
  });
  const pods = fast ?? claimPods(context, kind, owner, selector);
  const minReadySeconds = owner.spec.minReadySeconds ?? 0;
  // The status counts the pods as they were before this sync created or deleted any; the cache's counts are
  // enough unless availability depends on how long each pod has been ready.
  const listed = fast && minReadySeconds <= 0 ? undefined : pods.list();
  const counts: ReplicaPodCounts =
    fast && !listed
      ? { replicas: fast.count, fullyLabeled: fast.fullyLabeled, ready: fast.ready, available: fast.ready }
      : countReplicaPods(owner, listed ?? pods.list(), now);
  const failure = owner.metadata.deletionTimestamp
    ? undefined
    : manageReplicas(context, kind, owner, pods, caches.related);
  const status = calculateReplicaStatus(owner, counts, failure, now);
  let current: ReplicatedObject = owner;
  if (!isReplicaStatusCurrent(owner, status)) {
    // Save the generation acted on, so a scale to the same count still shows as observed.
    if (owner.metadata.generation) status.observedGeneration = owner.metadata.generation;
    const updated = context.api.updateStatus({ ...owner, status } as KubeObject);
    if (!updated.ok) {
      context.queue.addAfter(key, RETRY_BASE_MS);
      return;
    }
    current = updated.value as ReplicatedObject;
  }
  if (listed && minReadySeconds > 0) requeueForAvailability(context, key, current, listed, now);
  if (failure) context.queue.addAfter(key, retryDelay(owner, now));
}

/**
 * ClaimPods the full way: the pods it controls (so those whose labels changed are released) and the orphans it may
 * adopt, each change recorded as a decision.
 */
function claimPods(context: ControllerContext, kind: ReplicaKind, owner: ReplicatedObject, selector: LabelSelector) {
  const active = (claimCandidates(context.api, PODS, owner) as Pod[]).filter(isPodActive);
  const pods = claimObjects(
    context,
    PODS,
    owner,
    active,
    (pod) => matchesLabels(selector, pod.metadata.labels),
    (pod, change) =>
      recordDecision(
        context,
        kind,
        owner,
        change === 'adopted'
          ? `adopted orphan pod ${pod.metadata.name}: its labels match selector ${formatLabelSelector(selector)}`
          : `released pod ${pod.metadata.name}: its labels no longer match selector ${formatLabelSelector(selector)}`,
      ),
  );
  return { count: pods.length, list: () => pods };
}

/**
 * Pods that are ready but not yet available only become available as time passes, with no change to watch: sync
 * again once the first of them has been ready for minReadySeconds (Kubernetes requeues minReadySeconds + 1 s
 * after a pod turns ready).
 */
function requeueForAvailability(
  context: ControllerContext,
  key: string,
  owner: ReplicatedObject,
  pods: readonly Pod[],
  now: number,
): void {
  const minReadySeconds = owner.spec.minReadySeconds ?? 0;
  let soonest: number | undefined;
  for (const pod of pods) {
    const readySince = podReadyTime(pod);
    if (!isPodReady(pod) || readySince === undefined || isPodAvailable(pod, minReadySeconds, now)) continue;
    const due = readySince + (minReadySeconds + 1) * 1000;
    soonest = soonest === undefined ? due : Math.min(soonest, due);
  }
  if (soonest !== undefined) context.queue.addAfter(key, soonest - now);
}

/**
 * The rate-limited requeue after a failed manageReplicas. Client-go doubles the delay per failure from 5 ms; the
 * simulator keeps no retry counter, so it waits as long as the ReplicaFailure condition has stood, which doubles
 * the same way.
 */
function retryDelay(owner: ReplicatedObject, now: number): number {
  const since = parseTimestamp(owner.status?.conditions?.find((c) => c.type === REPLICA_FAILURE)?.lastTransitionTime);
  const failingFor = since === undefined ? 0 : now - since;
  return Math.min(RETRY_MAX_MS, Math.max(RETRY_BASE_MS, failingFor));
}
