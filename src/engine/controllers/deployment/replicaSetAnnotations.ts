/**
 * The annotations a Deployment keeps on its ReplicaSets and itself (deployment_util.go:SetNewReplicaSetAnnotations,
 * copyDeploymentAnnotationsToReplicaSet, SetDeploymentAnnotationsTo, SetReplicasAnnotations, SetDeploymentRevision):
 * revision numbers and their history, the desired and max replica counts proportional scaling reads, and the
 * Deployment's own annotations (so `kubernetes.io/change-cause` reaches `rollout history`).
 */
import type { ReplicaSet } from '../replicaset/replicaKinds';
import {
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  MAX_REVISION_HISTORY_LENGTH,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
  replicasOf,
  type Deployment,
} from './deploymentTypes';
import { maxSurgeOf } from './fenceposts';

/** annotationsToSkip: never copied between a Deployment and its ReplicaSets. */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
]);

/** copyDeploymentAnnotationsToReplicaSet: true when an annotation was added or changed. */
function copyDeploymentAnnotations(deployment: Deployment, rs: ReplicaSet): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [key, value] of Object.entries(deployment.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(key) || annotations[key] === value) continue;
    annotations[key] = value;
    changed = true;
  }
  return changed;
}

/** strconv.ParseInt of a revision; undefined for anything else. */
function parseRevision(value: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : undefined;
}

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's annotations, raises the revision to `newRevision` when it
 * is lower (a rollback to an old ReplicaSet: its previous number goes to revision-history, which stays within
 * 2000 characters by dropping the oldest entries), and on a ReplicaSet about to be created (`exists` false) sets
 * the replica annotations. Returns whether anything changed.
 */
export function setNewReplicaSetAnnotations(
  deployment: Deployment,
  rs: ReplicaSet,
  newRevision: number,
  exists: boolean,
): boolean {
  let changed = copyDeploymentAnnotations(deployment, rs);
  const annotations = (rs.metadata.annotations ??= {});
  const hadRevision = REVISION_ANNOTATION in annotations;
  const oldText = annotations[REVISION_ANNOTATION] ?? '';
  const oldRevision = oldText === '' ? 0 : parseRevision(oldText);
  if (oldRevision === undefined) return false;
  if (oldRevision < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (hadRevision) appendRevisionHistory(annotations, oldText);
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(deployment), replicasOf(deployment) + maxSurgeOf(deployment)))
    changed = true;
  return changed;
}

function appendRevisionHistory(annotations: Record<string, string>, oldRevision: string): void {
  const history = annotations[REVISION_HISTORY_ANNOTATION] ?? '';
  if (history === '') {
    annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  const entries = history.split(',');
  let length = history.length + oldRevision.length + 1;
  let start = 0;
  while (length > MAX_REVISION_HISTORY_LENGTH && start < entries.length) {
    length -= entries[start]!.length + 1;
    start++;
  }
  if (length <= MAX_REVISION_HISTORY_LENGTH)
    annotations[REVISION_HISTORY_ANNOTATION] = [...entries.slice(start), oldRevision].join(',');
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; true when either changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let changed = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

/** ReplicasAnnotationsNeedUpdate. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = rs.metadata.annotations ?? {};
  return (
    annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || annotations[MAX_REPLICAS_ANNOTATION] !== String(max)
  );
}

/** An integer annotation (strconv.Atoi); undefined when missing or not a number. */
export function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const value = rs.metadata.annotations?.[key];
  return value !== undefined && /^[+-]?[0-9]+$/.test(value) ? Number(value) : undefined;
}

/** SetDeploymentRevision: true when the Deployment's revision annotation changed. */
export function setDeploymentRevision(deployment: Deployment, revision: string): boolean {
  const annotations = (deployment.metadata.annotations ??= {});
  if (annotations[REVISION_ANNOTATION] === revision) return false;
  annotations[REVISION_ANNOTATION] = revision;
  return true;
}

/**
 * SetDeploymentAnnotationsTo (a rollback): the Deployment keeps only its skipped annotations and takes the
 * ReplicaSet's others, so the change-cause of the revision rolled back to comes back with it.
 */
export function setDeploymentAnnotationsTo(deployment: Deployment, rs: ReplicaSet): void {
  const kept = Object.entries(deployment.metadata.annotations ?? {}).filter(([key]) => ANNOTATIONS_TO_SKIP.has(key));
  const taken = Object.entries(rs.metadata.annotations ?? {}).filter(([key]) => !ANNOTATIONS_TO_SKIP.has(key));
  deployment.metadata.annotations = Object.fromEntries([...kept, ...taken]);
}
