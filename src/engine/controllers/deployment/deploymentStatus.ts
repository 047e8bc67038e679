/**
 * A Deployment's status from its ReplicaSets (sync.go:calculateStatus, syncDeploymentStatus): counts summed over
 * the ReplicaSets, and the Available condition — True once at least replicas − maxUnavailable pods are available.
 */
import type { ReplicaSet } from '../replicaset/replicaKinds';
import { newDeploymentCondition, setDeploymentCondition } from './deploymentConditions';
import { nowOf, writeDeploymentStatus, type DeploymentRun } from './deploymentRun';
import {
  semanticEqual,
  sumActualReplicas,
  sumAvailableReplicas,
  sumReadyReplicas,
  sumSpecReplicas,
} from './deploymentReplicaSets';
import { AVAILABLE, REASON, replicasOf, type Deployment, type DeploymentStatus } from './deploymentTypes';
import { maxUnavailableOf } from './fenceposts';

/** calculateStatus: the status to write, conditions carried over from the current one. */
export function calculateDeploymentStatus(
  replicaSets: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
  deployment: Deployment,
  now: number,
): DeploymentStatus {
  const available = sumAvailableReplicas(replicaSets);
  const counts: Record<string, number | undefined> = {
    observedGeneration: deployment.metadata.generation,
    replicas: sumActualReplicas(replicaSets),
    updatedReplicas: newRS ? sumActualReplicas([newRS]) : 0,
    readyReplicas: sumReadyReplicas(replicaSets),
    availableReplicas: available,
    // More available than asked for (a scale-down in progress) is not negative unavailability.
    unavailableReplicas: Math.max(0, sumSpecReplicas(replicaSets) - available),
  };
  const status: DeploymentStatus = {};
  for (const [field, value] of Object.entries(counts)) if (value) Object.assign(status, { [field]: value });
  const conditions = deployment.status?.conditions ?? [];
  if (conditions.length > 0) status.conditions = structuredClone(conditions);
  if (deployment.status?.collisionCount !== undefined) status.collisionCount = deployment.status.collisionCount;
  const condition =
    available >= replicasOf(deployment) - maxUnavailableOf(deployment)
      ? newDeploymentCondition(
          AVAILABLE,
          'True',
          REASON.minimumReplicasAvailable,
          'Deployment has minimum availability.',
          now,
        )
      : newDeploymentCondition(
          AVAILABLE,
          'False',
          REASON.minimumReplicasUnavailable,
          'Deployment does not have minimum availability.',
          now,
        );
  setDeploymentCondition(status, condition);
  return status;
}

/** Whether `status` is what the Deployment already shows (reflect.DeepEqual on the status). */
export function isDeploymentStatusCurrent(deployment: Deployment, status: DeploymentStatus): boolean {
  return semanticEqual(deployment.status ?? {}, status);
}

/** syncDeploymentStatus: write the calculated status when it differs. */
export function syncDeploymentStatus(
  run: DeploymentRun,
  replicaSets: readonly ReplicaSet[],
  newRS: ReplicaSet | undefined,
): void {
  const status = calculateDeploymentStatus(replicaSets, newRS, run.deployment, nowOf(run));
  if (isDeploymentStatusCurrent(run.deployment, status)) return;
  run.deployment.status = status;
  writeDeploymentStatus(run);
}
