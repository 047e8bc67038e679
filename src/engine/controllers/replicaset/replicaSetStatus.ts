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

/** The pod counts a status reports. */
export interface ReplicaPodCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/**
 * Counts over `pods`, the active pods the owner controls as they were before this sync created or deleted any:
 * those carrying every template label, the ready ones, and those ready for minReadySeconds at `now`.
 */
export function countReplicaPods(owner: ReplicatedObject, pods: readonly Pod[], now: number): ReplicaPodCounts {
  const templateLabels = labelSelectorFromSpec({ matchLabels: owner.spec.template?.metadata?.labels ?? {} });
  const minReadySeconds = owner.spec.minReadySeconds ?? 0;
  const counts: ReplicaPodCounts = { replicas: pods.length, fullyLabeled: 0, ready: 0, available: 0 };
  for (const pod of pods) {
    if (!('error' in templateLabels) && matchesLabels(templateLabels, pod.metadata.labels)) counts.fullyLabeled++;
    if (isPodReady(pod)) {
      counts.ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) counts.available++;
    }
  }
  return counts;
}

/**
 * The new status from the pod counts, with a `ReplicaFailure` condition while manageReplicas fails. The condition
 * keeps its first message until a sync succeeds, as in Kubernetes.
 */
export function calculateReplicaStatus(
  owner: ReplicatedObject,
  counts: ReplicaPodCounts,
  failure: ManageReplicasError | undefined,
  now: number,
): ReplicaStatus {
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
  const status: ReplicaStatus = { replicas: counts.replicas };
  if (counts.fullyLabeled > 0) status.fullyLabeledReplicas = counts.fullyLabeled;
  if (counts.ready > 0) status.readyReplicas = counts.ready;
  if (counts.available > 0) status.availableReplicas = counts.available;
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
