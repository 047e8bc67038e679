/**
 * StatefulSet status (stateful_set_control.go: computeReplicaStatus, updateStatefulSetStatus; stateful_set_utils.go:
 * completeRollingUpdate, inconsistentStatus): pods counted by readiness and by revision, and a rolling update
 * completed — currentRevision moved to the update revision — once every pod is updated and ready.
 */
import type { Pod } from '../../api/kinds';
import type { ControllerContext } from '../controller';
import { isRunningAndAvailable, isRunningAndReady, isTerminating, revisionOf } from './statefulSetPods';
import {
  STATEFUL_SET_CONTROLLER_NAME,
  decisionSubject,
  type StatefulSet,
  type StatefulSetStatus,
} from './statefulSetTypes';

/** The counts of a status, zero included (they are left out when written). */
export interface ReplicaCounts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/** computeReplicaStatus over the pods that exist; terminating pods count for neither revision. */
export function countReplicas(
  pods: readonly Pod[],
  minReadySeconds: number,
  currentRevision: string,
  updateRevision: string,
  now: number,
): ReplicaCounts {
  const counts: ReplicaCounts = {
    replicas: 0,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
  };
  for (const pod of pods) {
    counts.replicas++;
    if (isRunningAndReady(pod)) {
      counts.readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, now)) counts.availableReplicas++;
    }
    if (isTerminating(pod)) continue;
    if (revisionOf(pod) === currentRevision) counts.currentReplicas++;
    if (revisionOf(pod) === updateRevision) counts.updatedReplicas++;
  }
  return counts;
}

/** The status as Go serializes it: zero ready/current/updated counts left out. */
export function statusOf(
  set: StatefulSet,
  counts: ReplicaCounts,
  currentRevision: string,
  updateRevision: string,
  collisionCount: number,
): StatefulSetStatus {
  const status: StatefulSetStatus = { replicas: counts.replicas, availableReplicas: counts.availableReplicas };
  if (set.metadata.generation) status.observedGeneration = set.metadata.generation;
  if (counts.readyReplicas) status.readyReplicas = counts.readyReplicas;
  if (counts.currentReplicas) status.currentReplicas = counts.currentReplicas;
  if (counts.updatedReplicas) status.updatedReplicas = counts.updatedReplicas;
  if (currentRevision) status.currentRevision = currentRevision;
  if (updateRevision) status.updateRevision = updateRevision;
  status.collisionCount = collisionCount;
  return status;
}

/**
 * completeRollingUpdate: with RollingUpdate, once every pod is updated and ready the update revision becomes the
 * current one.
 */
function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): boolean {
  const updated = status.updatedReplicas ?? 0;
  if (set.spec.updateStrategy?.type !== 'RollingUpdate') return false;
  if (updated !== status.replicas || (status.readyReplicas ?? 0) !== status.replicas) return false;
  const changed = status.currentRevision !== status.updateRevision;
  if (updated) status.currentReplicas = updated;
  else delete status.currentReplicas;
  if (status.updateRevision) status.currentRevision = status.updateRevision;
  return changed;
}

/** inconsistentStatus: a newer generation or any count or revision differs. */
function isStatusCurrent(set: StatefulSet, status: StatefulSetStatus): boolean {
  const old = set.status;
  if (!old) return false;
  return (
    (status.observedGeneration ?? 0) <= (old.observedGeneration ?? 0) &&
    status.replicas === old.replicas &&
    (status.currentReplicas ?? 0) === (old.currentReplicas ?? 0) &&
    (status.readyReplicas ?? 0) === (old.readyReplicas ?? 0) &&
    (status.updatedReplicas ?? 0) === (old.updatedReplicas ?? 0) &&
    status.currentRevision === old.currentRevision &&
    status.availableReplicas === old.availableReplicas &&
    status.updateRevision === old.updateRevision
  );
}

/** updateStatefulSetStatus: completes a finished rolling update, then writes the status if it changed. */
export function writeStatefulSetStatus(
  context: ControllerContext,
  set: StatefulSet,
  status: StatefulSetStatus,
): boolean {
  if (completeRollingUpdate(set, status)) {
    const revision = status.updateRevision ?? '';
    const pods =
      status.replicas === 1
        ? `the 1 pod runs revision ${revision} and is ready`
        : `all ${status.replicas} pods run revision ${revision} and are ready`;
    context.decisions.record(
      STATEFUL_SET_CONTROLLER_NAME,
      decisionSubject(set),
      status.replicas === 0
        ? `rolling update complete: no pod exists right now, so none runs an older revision and currentRevision ` +
            `becomes ${revision}`
        : `rolling update complete: ${pods}, so currentRevision becomes ${revision}`,
    );
  }
  if (isStatusCurrent(set, status)) return true;
  return context.api.updateStatus({ ...set, status }).ok;
}
