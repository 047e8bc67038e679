/**
 * PersistentVolumes, PersistentVolumeClaims and StorageClasses as the storage controllers and the scheduler read
 * them, and the annotations they write (component-helpers/storage/volume/pv_helpers.go, helpers.go).
 */
import type { IPersistentVolumeSpec } from 'kubernetes-models/v1/PersistentVolumeSpec';
import type { IPersistentVolumeStatus } from 'kubernetes-models/v1/PersistentVolumeStatus';
import type { IPersistentVolumeClaimSpec } from 'kubernetes-models/v1/PersistentVolumeClaimSpec';
import type { IPersistentVolumeClaimStatus } from 'kubernetes-models/v1/PersistentVolumeClaimStatus';
import type { IStorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import type { KubeObject } from '../../../api/types';
import { BETA_STORAGE_CLASS_ANNOTATION } from '../../../api/storageAdmission';
import { resolveResourceName } from '../../../api/resources';
import { newQuantity, type Quantity } from '../../../api/quantity/quantity';
import { quantityOf } from '../../../api/quota/resourceAmounts';

export type PersistentVolume = KubeObject & { spec: IPersistentVolumeSpec; status?: IPersistentVolumeStatus };
export type PersistentVolumeClaim = KubeObject & {
  spec: IPersistentVolumeClaimSpec;
  status?: IPersistentVolumeClaimStatus;
};
export type StorageClass = KubeObject & Omit<IStorageClass, 'apiVersion' | 'kind' | 'metadata'>;

export const VOLUMES = resolveResourceName('persistentvolumes')!;
export const CLAIMS = resolveResourceName('persistentvolumeclaims')!;
export const STORAGE_CLASSES = resolveResourceName('storageclasses.storage.k8s.io')!;

/** On claims: the binding lifecycle has been through its first pass (the value does not matter). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** On claims and volumes: the controller, not the user, made the binding. */
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** On dynamically provisioned volumes: who provisioned it. */
export const ANN_PROVISIONED_BY = 'pv.kubernetes.io/provisioned-by';
/** On claims the scheduler wants provisioned: the node it picked. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** On claims waiting for a provisioner: which one (the beta key is still written beside it). */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
/** A class with this provisioner cannot provision (local volumes created by hand). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';

/**
 * GetPersistentVolumeClaimClass / GetPersistentVolumeClass (the same rule for both): the beta annotation, then
 * `storageClassName`, else "".
 */
export function storageClassOf(object: PersistentVolumeClaim | PersistentVolume): string {
  return object.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] ?? object.spec.storageClassName ?? '';
}

/** A missing or malformed quantity counts as zero. */
const ZERO = newQuantity(0, 'DecimalSI');

/** What the claim asks for: `spec.resources.requests.storage`. */
export function requestedStorage(claim: PersistentVolumeClaim): Quantity {
  return quantityOf(claim.spec.resources?.requests?.storage) ?? ZERO;
}

/** What the volume offers: `spec.capacity.storage`. */
export function volumeCapacity(volume: PersistentVolume): Quantity {
  return quantityOf(volume.spec.capacity?.storage) ?? ZERO;
}

/** `namespace/name` of a claim, as the controller and its events name it (claimToClaimKey). */
export function claimKeyOf(claim: KubeObject): string {
  return `${claim.metadata.namespace ?? ''}/${claim.metadata.name ?? ''}`;
}

/** IsDelayBindingMode: the claim's class exists and binds WaitForFirstConsumer (a missing class binds at once). */
export function isDelayBinding(claim: PersistentVolumeClaim, classOf: (name: string) => StorageClass | undefined) {
  const name = storageClassOf(claim);
  return name !== '' && classOf(name)?.volumeBindingMode === 'WaitForFirstConsumer';
}

/** isPVCFullyBound: the claim names its volume and the controller finished the binding. */
export function isClaimFullyBound(claim: PersistentVolumeClaim): boolean {
  return !!claim.spec.volumeName && claim.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined;
}
