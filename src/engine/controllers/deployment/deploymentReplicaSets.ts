/**
 * A Deployment's ReplicaSets as the controller sorts and sums them (deployment_util.go:FindNewReplicaSet,
 * FindOldReplicaSets, EqualIgnoreHash, the Get…CountForReplicaSets sums; controller_utils.go sort orders).
 */
import { parseTimestamp } from '../../runtime/time';
import type { ReplicaSet } from '../replicaset/replicaKinds';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, type Deployment } from './deploymentTypes';

/** spec.replicas of a ReplicaSet (defaulted to 1 by the apiserver). */
export function specReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1;
}

/** Sum of spec.replicas: the pods the ReplicaSets are asked for. */
export function sumSpecReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((sum, rs) => sum + specReplicas(rs), 0);
}

/** Sum of status.replicas: the non-terminating pods they have. */
export function sumActualReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((sum, rs) => sum + (rs.status?.replicas ?? 0), 0);
}

/** Sum of status.readyReplicas. */
export function sumReadyReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((sum, rs) => sum + (rs.status?.readyReplicas ?? 0), 0);
}

/** Sum of status.availableReplicas. */
export function sumAvailableReplicas(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((sum, rs) => sum + (rs.status?.availableReplicas ?? 0), 0);
}

/** FilterActiveReplicaSets: those asked for at least one pod. */
export function activeReplicaSets(replicaSets: readonly ReplicaSet[]): ReplicaSet[] {
  return replicaSets.filter((rs) => specReplicas(rs) > 0);
}

/** ReplicaSetsByCreationTimestamp.Less: older first; same second (timestamps have no finer grain), by name. */
export function compareByCreation(a: ReplicaSet, b: ReplicaSet): number {
  const timeA = parseTimestamp(a.metadata.creationTimestamp) ?? 0;
  const timeB = parseTimestamp(b.metadata.creationTimestamp) ?? 0;
  if (timeA !== timeB) return timeA - timeB;
  const nameA = a.metadata.name ?? '';
  const nameB = b.metadata.name ?? '';
  return nameA < nameB ? -1 : nameA > nameB ? 1 : 0;
}

/** The revision annotation as a number; 0 when missing, undefined when it does not parse. */
export function revisionOf(rs: ReplicaSet): number | undefined {
  const value = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (value === undefined) return 0;
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : undefined;
}

/** ReplicaSetsByRevision.Less: lower revision first; unparsable or equal revisions by creation. */
export function compareByRevision(a: ReplicaSet, b: ReplicaSet): number {
  const revisionA = revisionOf(a);
  const revisionB = revisionOf(b);
  if (revisionA === undefined || revisionB === undefined || revisionA === revisionB) return compareByCreation(a, b);
  return revisionA - revisionB;
}

/** MaxRevision: the highest revision among the ReplicaSets (0 for none). */
export function maxRevision(replicaSets: readonly ReplicaSet[]): number {
  return replicaSets.reduce((max, rs) => Math.max(max, revisionOf(rs) ?? 0), 0);
}

/** LastRevision: the second-highest revision, the one `rollout undo` goes back to by default. */
export function lastRevision(replicaSets: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    if (revision >= max) {
      second = max;
      max = revision;
    } else if (revision > second) {
      second = revision;
    }
  }
  return second;
}

/**
 * apiequality.Semantic.DeepEqual on plain JSON: key order does not matter, and a missing field equals an empty
 * map or list (Go cannot tell a nil map from an empty one after a round trip either).
 */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => semanticEqual(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!semanticEqual(left[key], right[key])) return false;
  return true;
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A pod template without its pod-template-hash label (a shallow copy: only the comparison reads it). */
function withoutHash(template: unknown): unknown {
  const original = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = original.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return original;
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...rest } = labels;
  return { ...original, metadata: { ...original.metadata, labels: rest } };
}

/** EqualIgnoreHash: the same pod template apart from the pod-template-hash label. */
export function equalIgnoreHash(templateA: unknown, templateB: unknown): boolean {
  return semanticEqual(withoutHash(templateA), withoutHash(templateB));
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's (more than one can match after
 * upgrades; the oldest is picked deterministically).
 */
export function findNewReplicaSet(deployment: Deployment, replicaSets: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...replicaSets]
    .sort(compareByCreation)
    .find((rs) => equalIgnoreHash(rs.spec.template, deployment.spec.template));
}

/** FindOldReplicaSets' second result: every ReplicaSet but the new one. */
export function findOldReplicaSets(deployment: Deployment, replicaSets: readonly ReplicaSet[]): ReplicaSet[] {
  const newRS = findNewReplicaSet(deployment, replicaSets);
  return replicaSets.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}
