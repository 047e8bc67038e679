/**
 * The Deployment controller (pkg/controller/deployment/deployment_controller.go:syncDeployment): claims the
 * ReplicaSets its selector matches, then, in this order, reports only (being deleted), keeps the paused condition,
 * scales only (paused), rolls back (legacy annotation), scales proportionally (spec.replicas changed), or takes a
 * Recreate or RollingUpdate step.
 */
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { formatLabelSelector, labelSelectorFromSpec, matchesLabels } from '../../api/selectors/labelSelector';
import type { KubeObject, ResourceType, WatchEvent } from '../../api/types';
import { parseTimestamp } from '../../runtime/time';
import { claimCandidates, claimObjects } from '../claimObjects';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../controller';
import { controllerOf } from '../ownerReferences';
import { keysForDependent } from '../replicaset/keysForDependent';
import { REPLICA_SETS, type ReplicaSet } from '../replicaset/replicaKinds';
import { getDeploymentCondition } from './deploymentConditions';
import { SyncError, decide, decideWaiting, type DeploymentRun } from './deploymentRun';
import { compareByCreation } from './deploymentReplicaSets';
import { DEPLOYMENTS, DEPLOYMENT_CONTROLLER_NAME, PROGRESSING, REASON, type Deployment } from './deploymentTypes';
import { rolloutRecreate, type PodsByReplicaSet } from './recreate';
import { rollback, rollbackRevisionOf } from './rollback';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, isScalingEvent, syncScaling, syncStatusOnly } from './sync';
import { cloneJson } from '../../runtime/cloneJson';

const PODS = resolveResourceName('pods')!;

/** client-go's per-item backoff: 5 ms doubling to 1000 s; the Deployment controller gives up after 15 retries. */
const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 1000 * 1000;
const RETRY_WINDOW_MS = RETRY_BASE_MS * 2 ** 15;
/** Other failures (conflicts) are retried after this; their watch events usually resync the Deployment first. */
const RETRY_OTHER_MS = 1000;

/** `deployment-controller`. */
export const DEPLOYMENT_CONTROLLER: ControllerDefinition = {
  name: DEPLOYMENT_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => keysFor(context, event, resource, previous),
    sync: (key) => syncDeployment(context, key),
  }),
};

/**
 * The event handlers: a Deployment's own changes; its ReplicaSets' (keysForDependent: an orphan ReplicaSet wakes
 * every Deployment that selects it); and, for Recreate, the deletion of its last pod.
 */
function keysFor(
  context: ControllerContext,
  event: WatchEvent,
  resource: ResourceType,
  previous: KubeObject | undefined,
): string[] {
  const { namespace, name } = event.object.metadata;
  if (resource === DEPLOYMENTS) return [objectKeyOf(namespace, name ?? '')];
  if (resource === REPLICA_SETS) {
    return keysForDependent(event, previous, {
      ownerKind: 'Deployment',
      terminatingIsDeleted: false,
      resolve: (ns, ref) => (ownerExists(context, ns, ref.name, ref.uid) ? objectKeyOf(ns, ref.name) : undefined),
      orphanOwners: (rs) =>
        deploymentsSelecting(context, rs.metadata.namespace, rs.metadata.labels).map((d) =>
          objectKeyOf(d.metadata.namespace, d.metadata.name ?? ''),
        ),
    });
  }
  if (resource === PODS && event.type === 'DELETED') return recreateKeysForDeletedPod(context, event.object as Pod);
  return [];
}

function ownerExists(context: ControllerContext, namespace: string | undefined, name: string, uid: string): boolean {
  return context.api.find(DEPLOYMENTS, namespace, name)?.metadata.uid === uid;
}

function deploymentsSelecting(
  context: ControllerContext,
  namespace: string | undefined,
  labels: Record<string, string> | undefined,
): Deployment[] {
  return (context.api.all(DEPLOYMENTS, namespace) as Deployment[]).filter((d) => {
    const selector = labelSelectorFromSpec(d.spec.selector);
    return !('error' in selector) && matchesLabels(selector, labels);
  });
}

/** deletePod: a Recreate Deployment waits for its old pods to be gone, so the last one going wakes it. */
function recreateKeysForDeletedPod(context: ControllerContext, pod: Pod): string[] {
  const namespace = pod.metadata.namespace;
  const rsRef = controllerOf(pod);
  if (rsRef?.kind !== 'ReplicaSet') return [];
  const rs = context.api.find(REPLICA_SETS, namespace, rsRef.name);
  const dRef = rs && rs.metadata.uid === rsRef.uid ? controllerOf(rs) : undefined;
  if (dRef?.kind !== 'Deployment') return [];
  const deployment = context.api.find(DEPLOYMENTS, namespace, dRef.name) as Deployment | undefined;
  if (!deployment || deployment.metadata.uid !== dRef.uid || deployment.spec.strategy?.type !== 'Recreate') return [];
  const owned = new Set(
    context.api
      .all(REPLICA_SETS, namespace)
      .filter((other) => controllerOf(other)?.uid === deployment.metadata.uid)
      .map((other) => other.metadata.uid),
  );
  const remaining = context.api.all(PODS, namespace).some((other) => owned.has(controllerOf(other)?.uid));
  return remaining ? [] : [objectKeyOf(namespace, dRef.name)];
}

/** syncDeployment; a failed API call requeues the Deployment with backoff. */
function syncDeployment(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const stored = context.api.find(DEPLOYMENTS, namespace, name) as Deployment | undefined;
  if (!stored) return;
  const run: DeploymentRun = { context, key, deployment: cloneJson(stored) };
  try {
    reconcileDeployment(run);
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    requeueAfterFailure(run, error);
  }
}

function reconcileDeployment(run: DeploymentRun): void {
  const deployment = run.deployment;
  // An empty selector (SelectingAll) never gets here: apps/v1 validation rejects it, and it is immutable.
  const selector = labelSelectorFromSpec(deployment.spec.selector);
  if ('error' in selector) return;

  const replicaSets = claimObjects(
    run.context,
    REPLICA_SETS,
    deployment,
    claimCandidates(run.context.api, REPLICA_SETS, deployment) as ReplicaSet[],
    (rs) => matchesLabels(selector, rs.metadata.labels),
    (rs, change) =>
      decide(
        run,
        change === 'adopted'
          ? `adopted orphan ReplicaSet ${rs.metadata.name}: its labels match selector ${formatLabelSelector(selector)}`
          : `released ReplicaSet ${rs.metadata.name}: its labels no longer match selector ${formatLabelSelector(selector)}`,
      ),
  ).sort(compareByCreation);

  if (deployment.metadata.deletionTimestamp) return syncStatusOnly(run, replicaSets);
  checkPausedConditions(run);
  if (run.deployment.spec.paused) return syncScaling(run, replicaSets);
  if (rollbackRevisionOf(run.deployment) !== undefined) return rollback(run, replicaSets);
  if (isScalingEvent(run, replicaSets)) return syncScaling(run, replicaSets);
  if (run.deployment.spec.strategy?.type === 'Recreate')
    return rolloutRecreate(run, replicaSets, podsByReplicaSet(run, replicaSets));
  rolloutRolling(run, replicaSets);
}

/** getPodMapForDeployment: the Deployment's selected pods, grouped by the ReplicaSet that controls them. */
function podsByReplicaSet(run: DeploymentRun, replicaSets: readonly ReplicaSet[]): PodsByReplicaSet {
  const map: PodsByReplicaSet = new Map(replicaSets.map((rs) => [rs.metadata.uid ?? '', []]));
  const selector = labelSelectorFromSpec(run.deployment.spec.selector);
  if ('error' in selector) return map;
  for (const pod of run.context.api.all(PODS, run.deployment.metadata.namespace) as Pod[]) {
    if (!matchesLabels(selector, pod.metadata.labels)) continue;
    map.get(controllerOf(pod)?.uid ?? '')?.push(pod);
  }
  return map;
}

/**
 * The rate-limited requeue after an error. Without a retry counter, a failing ReplicaSet create backs off by how
 * long its ReplicaSetCreateError condition has stood (which doubles like client-go's backoff) and stops after the
 * 15 retries' worth of time; other errors are retried after a second.
 */
function requeueAfterFailure(run: DeploymentRun, error: SyncError): void {
  const now = run.context.runtime.now();
  const condition = getDeploymentCondition(run.deployment.status, PROGRESSING);
  const since =
    condition?.reason === REASON.failedReplicaSetCreate ? parseTimestamp(condition.lastUpdateTime) : undefined;
  if (since === undefined) {
    if (!error.explained) decideWaiting(run, `sync failed (${error.message}): retrying`);
    run.context.queue.addAfter(run.key, RETRY_OTHER_MS);
    return;
  }
  const failingFor = now - since;
  if (failingFor > RETRY_WINDOW_MS) {
    decideWaiting(run, `sync failed (${error.message}): gave up after 15 retries until the Deployment changes`);
    return;
  }
  if (!error.explained) decideWaiting(run, `sync failed (${error.message}): retrying with backoff`);
  run.context.queue.addAfter(run.key, Math.min(RETRY_MAX_MS, Math.max(RETRY_BASE_MS, failingFor)));
}
