/**
 * The ReplicaSets of a Deployment as kubectl finds them client-side (`KC:pkg/util/deployment/deployment.go:
 * GetAllReplicaSets, FindNewReplicaSet, EqualIgnoreHash`), for describe, rollout history and rollout undo.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { IIoK8sApiCoreV1PodTemplateSpec as PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { ApiClient, KubeObject } from '../../api/types';
import { selectorString } from '../printers/cellFormats';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export interface DeploymentReplicaSets {
  /** The ReplicaSet whose template matches the Deployment's, if any. */
  newReplicaSet: IReplicaSet | undefined;
  /** Every other ReplicaSet the Deployment controls, scaled down ones included. */
  oldReplicaSets: IReplicaSet[];
}

/** Semantic equality of JSON values: an absent value equals an empty object or list (`equality.Semantic`). */
export function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) =>
    v === undefined || v === null || (typeof v === 'object' && Object.keys(v as object).length === 0);
  if (empty(a) && empty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!semanticEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** A copy of a template without the `pod-template-hash` label. */
export function withoutHashLabel(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy = structuredClone(template ?? {}) as PodTemplateSpec;
  if (copy.metadata?.labels) delete copy.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return copy;
}

/** `EqualIgnoreHash`. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticEqual(withoutHashLabel(a), withoutHashLabel(b));
}

/** `deploymentutil.Revision`: the revision annotation as a number, 0 when missing, undefined when malformed. */
export function revisionOf(object: { metadata?: { annotations?: Record<string, string> } }): number | undefined {
  const text = object.metadata?.annotations?.[REVISION_ANNOTATION];
  if (text === undefined) return 0;
  return /^[+-]?\d+$/.test(text) ? Number(text) : undefined;
}

const created = (rs: IReplicaSet) => rs.metadata?.creationTimestamp ?? '';

/** `GetAllReplicaSets`: ReplicaSets matching the selector and controlled by the Deployment, split into new and old. */
export function deploymentReplicaSets(api: ApiClient, deployment: KubeObject): DeploymentReplicaSets {
  const d = deployment as unknown as IDeployment;
  const resource = api.resolveResource('replicasets.apps');
  const listed = resource
    ? api.list(resource, deployment.metadata.namespace, { labelSelector: selectorString(d.spec?.selector) })
    : undefined;
  const owned = (listed?.ok ? listed.value : []).filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === deployment.metadata.uid),
  ) as unknown as IReplicaSet[];
  // FindNewReplicaSet: the oldest matching one (ReplicaSetsByCreationTimestamp, then name).
  const byAge = [...owned].sort(
    (a, b) => created(a).localeCompare(created(b)) || (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
  const newReplicaSet = byAge.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
  return { newReplicaSet, oldReplicaSets: owned.filter((rs) => rs !== newReplicaSet) };
}
