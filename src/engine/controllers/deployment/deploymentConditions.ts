/** Deployment conditions (deployment_util.go:NewDeploymentCondition, SetDeploymentCondition and friends). */
import { formatTimestamp } from '../../runtime/time';
import type { ReplicaCondition } from '../replicaset/replicaKinds';
import type { DeploymentCondition, DeploymentStatus } from './deploymentTypes';

/** A condition stamped now (both lastUpdateTime and lastTransitionTime). */
export function newDeploymentCondition(
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  now: number,
): DeploymentCondition {
  const stamp = formatTimestamp(now);
  return { type, status, lastUpdateTime: stamp, lastTransitionTime: stamp, reason, message };
}

/** GetDeploymentCondition: the condition of a type, if present. */
export function getDeploymentCondition(
  status: DeploymentStatus | undefined,
  type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/**
 * SetDeploymentCondition: nothing changes when a condition of the type with the same status and reason exists
 * (its message and times stay); otherwise it replaces it at the end of the list, keeping lastTransitionTime when
 * only the reason changed.
 */
export function setDeploymentCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getDeploymentCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

/** RemoveDeploymentCondition (an empty list is left out, as `omitempty` does). */
export function removeDeploymentCondition(status: DeploymentStatus, type: string): void {
  const remaining = (status.conditions ?? []).filter((c) => c.type !== type);
  if (remaining.length > 0) status.conditions = remaining;
  else delete status.conditions;
}

/** ReplicaSetToDeploymentCondition: a ReplicaSet's failure raised to its Deployment. */
export function replicaSetToDeploymentCondition(condition: ReplicaCondition): DeploymentCondition {
  const result: DeploymentCondition = { type: condition.type, status: condition.status };
  if (condition.lastTransitionTime) {
    result.lastUpdateTime = condition.lastTransitionTime;
    result.lastTransitionTime = condition.lastTransitionTime;
  }
  if (condition.reason) result.reason = condition.reason;
  if (condition.message) result.message = condition.message;
  return result;
}
