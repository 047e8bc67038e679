/**
 * A ReplicaSet's (or ReplicationController's) status from the pods it controls
 * (replica_set_utils.go:calculateStatus, updateReplicaSetStatus).
 */
import type { Pod } from '../../api/kinds';
import { matchesLabels, labelSelectorFromSpec } from '../../api/selectors/labelSelector';
import { formatTimestamp } from '../../runtime/time';
import { isPodAvailable, isPodReady } from '../podConditions';
import type { ReplicaCondition, ReplicaStatus, ReplicatedObject } from './replicaKinds';

export const REPLICA_FAILURE = 'ReplicaFailure';

/** Why manageReplicas failed, for the ReplicaFailure condition. */
export interface ManageReplicasError {
  reason: 'FailedCreate' | 'FailedDelete';
  message: string;
}

/**
 * The new status: counts over `pods` (the active pods the owner controls, as they were before this sync created or
 * deleted any), and a `ReplicaFailure` condition while manageReplicas fails. The condition keeps its first message
 * until a sync succeeds, as in Kubernetes.
 */
export function calculateReplicaStatus(
  owner: ReplicatedObject,
  pods: readonly Pod[],
  failure: ManageReplicasError | undefined,
  now: number,
): ReplicaStatus {
  const templateLabels = labelSelectorFromSpec({ matchLabels: owner.spec.template?.metadata?.labels ?? {} });
  const minReadySeconds = owner.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (!('error' in templateLabels) && matchesLabels(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  let conditions = [...(owner.status?.conditions ?? [])];
  const hasFailure = conditions.some((c) => c.type === REPLICA_FAILURE);
  if (failure && !hasFailure) {
    const condition: ReplicaCondition = {
      type: REPLICA_FAILURE,
      status: 'True',
      lastTransitionTime: formatTimestamp(now),
      reason: failure.reason,
      message: failure.message,
    };
    conditions.push(condition);
  } else if (!failure && hasFailure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }
  const status: ReplicaStatus = { replicas: pods.length };
  if (fullyLabeled > 0) status.fullyLabeledReplicas = fullyLabeled;
  if (ready > 0) status.readyReplicas = ready;
  if (available > 0) status.availableReplicas = available;
  if (owner.status?.observedGeneration) status.observedGeneration = owner.status.observedGeneration;
  if (conditions.length > 0) status.conditions = conditions;
  return status;
}

/** updateReplicaSetStatus's steady-state test: nothing to write when the counts, generation and conditions agree. */
export function isReplicaStatusCurrent(owner: ReplicatedObject, status: ReplicaStatus): boolean {
  const current = owner.status;
  return (
    (current?.replicas ?? 0) === status.replicas &&
    (current?.fullyLabeledReplicas ?? 0) === (status.fullyLabeledReplicas ?? 0) &&
    (current?.readyReplicas ?? 0) === (status.readyReplicas ?? 0) &&
    (current?.availableReplicas ?? 0) === (status.availableReplicas ?? 0) &&
    (owner.metadata.generation ?? 0) === (current?.observedGeneration ?? 0) &&
    JSON.stringify(current?.conditions ?? []) === JSON.stringify(status.conditions ?? [])
  );
}
