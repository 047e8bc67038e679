/**
 * The storage admission plugins every new claim and volume passes through: DefaultStorageClass (a claim created
 * without a class gets the default one; `storageClassName: ""` asks for none) and StorageObjectInUseProtection
 * (the `kubernetes.io/pvc-protection` and `kubernetes.io/pv-protection` finalizers, which the protection
 * controllers remove once nothing uses the object). Sources: plugin/pkg/admission/storage/storageclass/setdefault,
 * plugin/pkg/admission/storage/storageobjectinuseprotection, pkg/volume/util/storageclass.go (GetDefaultClass).
 */
import type { KubeObject } from './types';
import { parseTimestamp } from '../runtime/time';

export const IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
/** The class annotation claims and volumes used before `storageClassName`; it still wins over the field. */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** storageutil.IsDefaultAnnotation: the GA or the beta annotation says "true". */
export function isDefaultClass(storageClass: KubeObject): boolean {
  const annotations = storageClass.metadata.annotations ?? {};
  return (
    annotations[IS_DEFAULT_CLASS_ANNOTATION] === 'true' || annotations[BETA_IS_DEFAULT_CLASS_ANNOTATION] === 'true'
  );
}

/** GetDefaultClass: of the classes marked default, the newest (then the first by name); none when none is marked. */
export function defaultStorageClass(classes: readonly KubeObject[]): KubeObject | undefined {
  const created = (c: KubeObject) => parseTimestamp(c.metadata.creationTimestamp) ?? 0;
  return classes
    .filter(isDefaultClass)
    .sort((a, b) => created(b) - created(a) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1))[0];
}

/** PersistentVolumeClaimHasClass: the beta annotation or the field is set (an empty field counts). */
export function claimHasClass(claim: KubeObject): boolean {
  const spec = claim.spec as { storageClassName?: string } | undefined;
  return (
    claim.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] !== undefined || spec?.storageClassName !== undefined
  );
}

/**
 * Mutates a new PersistentVolumeClaim or PersistentVolume in place: the protection finalizer, and for a claim
 * without a class the default class of `classes` (if any is marked default).
 */
export function admitStorageObject(object: KubeObject, classes: () => readonly KubeObject[]): void {
  const isClaim = object.kind === 'PersistentVolumeClaim';
  if (isClaim && !claimHasClass(object)) {
    const fallback = defaultStorageClass(classes());
    if (fallback) object.spec = { ...(object.spec as object), storageClassName: fallback.metadata.name };
  }
  const finalizer = isClaim ? PVC_PROTECTION_FINALIZER : PV_PROTECTION_FINALIZER;
  const finalizers = object.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) object.metadata.finalizers = [...finalizers, finalizer];
}
