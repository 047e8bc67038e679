/**
 * Rollout progress (progress.go:syncRolloutStatus, requeueStuckDeployment; deployment_util.go:DeploymentComplete,
 * DeploymentProgressing, DeploymentTimedOut): the Progressing condition says whether the rollout moved lately,
 * finished, or has not moved for progressDeadlineSeconds; ReplicaFailure carries a ReplicaSet's failure up.
 */
import { parseTimestamp } from '../../runtime/time';
import type { ReplicaSet } from '../replicaset/replicaKinds';
import {
  getDeploymentCondition,
  newDeploymentCondition,
  removeDeploymentCondition,
  replicaSetToDeploymentCondition,
  setDeploymentCondition,
} from './deploymentConditions';
import { decide, nowOf, writeDeploymentStatus, type DeploymentRun } from './deploymentRun';
import { calculateDeploymentStatus, isDeploymentStatusCurrent } from './deploymentStatus';
import {
  PROGRESSING,
  REASON,
  REPLICA_FAILURE,
  hasProgressDeadline,
  replicasOf,
  type Deployment,
  type DeploymentCondition,
  type DeploymentStatus,
} from './deploymentTypes';

/** DeploymentComplete: every replica updated and available, no old pods left, the latest generation observed. */
export function isDeploymentComplete(deployment: Deployment, status: DeploymentStatus): boolean {
  const replicas = replicasOf(deployment);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (deployment.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available pods than the status shows. */
function isDeploymentProgressing(deployment: Deployment, status: DeploymentStatus): boolean {
  const old = deployment.status ?? {};
  const oldReplicasBefore = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const oldReplicasNow = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (
    (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    oldReplicasNow < oldReplicasBefore ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** When the Progressing condition's deadline passes: lastUpdateTime + progressDeadlineSeconds. */
function progressDeadline(deployment: Deployment, condition: DeploymentCondition): number | undefined {
  const from = parseTimestamp(condition.lastUpdateTime);
  const seconds = deployment.spec.progressDeadlineSeconds;
  return from === undefined || seconds === undefined ? undefined : from + seconds * 1000;
}

/** DeploymentTimedOut: no progress reported for progressDeadlineSeconds (a finished rollout never times out). */
function isDeploymentTimedOut(deployment: Deployment, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(deployment)) return false;
  const condition = getDeploymentCondition(status, PROGRESSING);
  if (!condition || condition.reason === REASON.newReplicaSetAvailable) return false;
  if (condition.reason === REASON.timedOut) return true;
  const deadline = progressDeadline(deployment, condition);
  return deadline !== undefined && deadline < now;
}

/** syncRolloutStatus: status with the Progressing and ReplicaFailure conditions; written when it changed. */
export function syncRolloutStatus(
  run: DeploymentRun,
  replicaSets: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
): void {
  const deployment = run.deployment;
  const now = nowOf(run);
  const status = calculateDeploymentStatus(replicaSets, newRS, deployment, now);
  if (!hasProgressDeadline(deployment)) removeDeploymentCondition(status, PROGRESSING);
  const current = getDeploymentCondition(deployment.status, PROGRESSING);
  // A resync after the rollout finished: no progress to estimate.
  const finished =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === REASON.newReplicaSetAvailable;
  if (hasProgressDeadline(deployment) && !finished) updateProgressing(run, status, current, newRS, now);

  const failure = replicaFailures(replicaSets, newRS)[0];
  if (failure) setDeploymentCondition(status, failure);
  else removeDeploymentCondition(status, REPLICA_FAILURE);

  if (isDeploymentStatusCurrent(deployment, status)) {
    requeueStuckDeployment(run, status, now);
    return;
  }
  run.deployment.status = status;
  writeDeploymentStatus(run);
}

function updateProgressing(
  run: DeploymentRun,
  status: DeploymentStatus,
  current: DeploymentCondition | undefined,
  newRS: ReplicaSet | undefined,
  now: number,
): void {
  const deployment = run.deployment;
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${deployment.metadata.name}"`;
  if (isDeploymentComplete(deployment, status)) {
    const condition = newDeploymentCondition(
      PROGRESSING,
      'True',
      REASON.newReplicaSetAvailable,
      `${subject} has successfully progressed.`,
      now,
    );
    if (current?.reason !== REASON.newReplicaSetAvailable)
      decide(run, `rollout complete: all ${replicasOf(deployment)} replicas are updated and available`);
    setDeploymentCondition(status, condition);
  } else if (isDeploymentProgressing(deployment, status)) {
    // Progress refreshes lastUpdateTime (the deadline clock) even when the reason stays ReplicaSetUpdated.
    const condition = newDeploymentCondition(
      PROGRESSING,
      'True',
      REASON.replicaSetUpdated,
      `${subject} is progressing.`,
      now,
    );
    if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
    removeDeploymentCondition(status, PROGRESSING);
    setDeploymentCondition(status, condition);
  } else if (isDeploymentTimedOut(deployment, status, now)) {
    const condition = newDeploymentCondition(
      PROGRESSING,
      'False',
      REASON.timedOut,
      `${subject} has timed out progressing.`,
      now,
    );
    if (current?.reason !== REASON.timedOut)
      decide(
        run,
        `no progress for progressDeadlineSeconds ${deployment.spec.progressDeadlineSeconds} since ` +
          `${current?.lastUpdateTime}: Progressing is now False (ProgressDeadlineExceeded); the rollout keeps trying`,
      );
    setDeploymentCondition(status, condition);
  }
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions, else any ReplicaSet's. */
function replicaFailures(replicaSets: readonly ReplicaSet[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const failuresOf = (rs: ReplicaSet) =>
    (rs.status?.conditions ?? []).filter((c) => c.type === REPLICA_FAILURE).map(replicaSetToDeploymentCondition);
  const fromNew = newRS ? failuresOf(newRS) : [];
  return fromNew.length > 0 ? fromNew : replicaSets.flatMap(failuresOf);
}

/**
 * requeueStuckDeployment: a rollout that shows no progress gets no event when its deadline passes, so sync again
 * then (plus a second against clock skew, as Kubernetes does).
 */
function requeueStuckDeployment(run: DeploymentRun, status: DeploymentStatus, now: number): void {
  const deployment = run.deployment;
  const current = getDeploymentCondition(deployment.status, PROGRESSING);
  if (!hasProgressDeadline(deployment) || !current) return;
  if (isDeploymentComplete(deployment, status) || current.reason === REASON.timedOut) return;
  const deadline = progressDeadline(deployment, current);
  if (deadline === undefined) return;
  run.context.queue.addAfter(run.key, Math.max(0, deadline - now) + 1000);
}
