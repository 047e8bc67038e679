/**
 * sync.go: the parts of a Deployment sync shared by every path — finding the new and old ReplicaSets (syncing the
 * revision), the scaling sync that runs for replica changes and paused Deployments, the status-only sync of a
 * Deployment being deleted, and the paused/resumed Progressing condition.
 */
import { countOf } from '../replicaset/countOf';
import { REPLICA_SETS, type ReplicaSet } from '../replicaset/replicaKinds';
import { cleanupDeployment } from './cleanupDeployment';
import { getDeploymentCondition, newDeploymentCondition, setDeploymentCondition } from './deploymentConditions';
import { decide, nowOf, writeDeploymentStatus, type DeploymentRun } from './deploymentRun';
import { activeReplicaSets, findOldReplicaSets } from './deploymentReplicaSets';
import { syncDeploymentStatus } from './deploymentStatus';
import { DESIRED_REPLICAS_ANNOTATION, PROGRESSING, REASON, hasProgressDeadline, replicasOf } from './deploymentTypes';
import { getNewReplicaSet } from './newReplicaSet';
import { intAnnotation } from './replicaSetAnnotations';
import { scaleReplicaSets } from './scaleReplicaSets';

export interface DeploymentReplicaSets {
  newRS: ReplicaSet | undefined;
  oldReplicaSets: ReplicaSet[];
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked and missing) and all the old ones.
 * The claimed ReplicaSets are read again first: an earlier step of the same sync may have updated one, and
 * Kubernetes' informer would have it by the time its next step writes (the simulator's API is its cache).
 */
export function getAllReplicaSetsAndSyncRevision(
  run: DeploymentRun,
  claimed: readonly ReplicaSet[],
  create: boolean,
): DeploymentReplicaSets {
  const replicaSets = claimed.flatMap((rs) => {
    const current = run.context.api.find(REPLICA_SETS, rs.metadata.namespace, rs.metadata.name ?? '');
    return current?.metadata.uid === rs.metadata.uid ? [current as ReplicaSet] : [];
  });
  const oldReplicaSets = findOldReplicaSets(run.deployment, replicaSets);
  const newRS = getNewReplicaSet(run, replicaSets, oldReplicaSets, create);
  return { newRS, oldReplicaSets };
}

/** Every ReplicaSet of the sync, the new one (when there is one) last, as `append(oldRSs, newRS)`. */
export function allReplicaSetsOf({ newRS, oldReplicaSets }: DeploymentReplicaSets): ReplicaSet[] {
  return newRS ? [...oldReplicaSets, newRS] : [...oldReplicaSets];
}

/** sync: proportional scaling and history cleanup, for a scaling event or a paused Deployment. */
export function syncScaling(run: DeploymentRun, replicaSets: readonly ReplicaSet[]): void {
  const sets = getAllReplicaSetsAndSyncRevision(run, replicaSets, false);
  scaleReplicaSets(run, sets.newRS, sets.oldReplicaSets);
  cleanupDeployment(run, sets.oldReplicaSets);
  syncDeploymentStatus(run, allReplicaSetsOf(sets), sets.newRS);
}

/** syncStatusOnly: a Deployment being deleted only reports. */
export function syncStatusOnly(run: DeploymentRun, replicaSets: readonly ReplicaSet[]): void {
  const sets = getAllReplicaSetsAndSyncRevision(run, replicaSets, false);
  syncDeploymentStatus(run, allReplicaSetsOf(sets), sets.newRS);
}

/**
 * checkPausedConditions: Progressing Unknown DeploymentPaused while paused, DeploymentResumed after (which restarts
 * the deadline clock), unless the rollout already timed out.
 */
export function checkPausedConditions(run: DeploymentRun): void {
  const deployment = run.deployment;
  if (!hasProgressDeadline(deployment)) return;
  const condition = getDeploymentCondition(deployment.status, PROGRESSING);
  if (condition?.reason === REASON.timedOut) return;
  const pausedShown = condition?.reason === REASON.paused;
  const paused = deployment.spec.paused === true;
  if (paused === pausedShown) return;
  const next = paused
    ? newDeploymentCondition(PROGRESSING, 'Unknown', REASON.paused, 'Deployment is paused', nowOf(run))
    : newDeploymentCondition(PROGRESSING, 'Unknown', REASON.resumed, 'Deployment is resumed', nowOf(run));
  setDeploymentCondition((deployment.status ??= {}), next);
  decide(
    run,
    paused
      ? 'paused: template changes wait for resume; only scaling and history cleanup run'
      : 'resumed: the rollout continues, and the progress deadline counts from now',
  );
  writeDeploymentStatus(run);
}

/**
 * isScalingEvent: an active ReplicaSet was last sized for a different spec.replicas (its desired-replicas
 * annotation), so the Deployment was scaled rather than changed.
 */
export function isScalingEvent(run: DeploymentRun, replicaSets: readonly ReplicaSet[]): boolean {
  const sets = getAllReplicaSetsAndSyncRevision(run, replicaSets, false);
  const replicas = replicasOf(run.deployment);
  const scaled = activeReplicaSets(allReplicaSetsOf(sets)).find((rs) => {
    const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
    return desired !== undefined && desired !== replicas;
  });
  if (scaled)
    decide(
      run,
      `scaling event: ReplicaSet ${scaled.metadata.name} was sized for ` +
        `${countOf(intAnnotation(scaled, DESIRED_REPLICAS_ANNOTATION) ?? 0, 'replica')}, the Deployment now wants ${replicas}`,
    );
  return scaled !== undefined;
}
