/**
 * Tables of PersistentVolumes, PersistentVolumeClaims and StorageClasses (`K:pkg/printers/internalversion/printers.go`).
 */
import type { IPersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import type { IStorageClass } from 'kubernetes-models/storage.k8s.io/v1/StorageClass';
import { isDefaultClass } from '../../api/storageAdmission';
import { translateTimestampSince } from '../format/duration';
import { quantityString } from './cellFormats';
import { defineColumns, type TablePrinter } from './tablePrinter';

const STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
const MODE_ABBREVIATIONS: readonly [string, string][] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

/** `GetAccessModesAsString`: `RWO,ROX,RWX,RWOP` in that order, each once. */
export function accessModesString(modes: readonly string[] | undefined): string {
  return MODE_ABBREVIATIONS.filter(([mode]) => (modes ?? []).includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** `GetPersistentVolumeClass` / `GetPersistentVolumeClaimClass`: the beta annotation wins over the field. */
export function storageClassOf(object: {
  metadata?: { annotations?: Record<string, string> };
  spec?: { storageClassName?: string };
}): string {
  return object.metadata?.annotations?.[STORAGE_CLASS_ANNOTATION] ?? object.spec?.storageClassName ?? '';
}

/** `printPersistentVolume`; VOLUMEMODE is the only wide column. */
export const persistentVolumePrinter: TablePrinter = {
  columns: defineColumns(
    'NAME|CAPACITY|ACCESS MODES|RECLAIM POLICY|STATUS|CLAIM|STORAGECLASS|VOLUMEATTRIBUTESCLASS|REASON|AGE|VOLUMEMODE*',
  ),
  row: (object, nowMs) => {
    const pv = object as unknown as IPersistentVolume;
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
    return [
      object.metadata.name ?? '',
      quantityString(pv.spec?.capacity?.storage),
      accessModesString(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      object.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      claim,
      storageClassOf(pv),
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

/** `printPersistentVolumeClaim`: capacity and access modes only once bound to a volume. */
export const persistentVolumeClaimPrinter: TablePrinter = {
  columns: defineColumns('NAME|STATUS|VOLUME|CAPACITY|ACCESS MODES|STORAGECLASS|VOLUMEATTRIBUTESCLASS|AGE|VOLUMEMODE*'),
  row: (object, nowMs) => {
    const pvc = object as unknown as IPersistentVolumeClaim;
    const bound = Boolean(pvc.spec?.volumeName);
    return [
      object.metadata.name ?? '',
      object.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? quantityString(pvc.status?.capacity?.storage) : '',
      bound ? accessModesString(pvc.status?.accessModes) : '',
      storageClassOf(pvc),
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

/**
 * `printStorageClass`: the name marked `(default)` when the class carries the default annotation (each such class
 * is marked), and the reclaim policy, binding mode and expansion the API defaults.
 */
export const storageClassPrinter: TablePrinter = {
  columns: defineColumns('NAME|PROVISIONER|RECLAIMPOLICY|VOLUMEBINDINGMODE|ALLOWVOLUMEEXPANSION|AGE'),
  row: (object, nowMs) => {
    const sc = object as unknown as IStorageClass;
    return [
      `${object.metadata.name ?? ''}${isDefaultClass(object) ? ' (default)' : ''}`,
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      String(sc.allowVolumeExpansion ?? false),
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
    ];
  },
};
