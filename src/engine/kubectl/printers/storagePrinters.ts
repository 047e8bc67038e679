/** Tables of PersistentVolumes and PersistentVolumeClaims (`K:pkg/printers/internalversion/printers.go`). */
import type { IPersistentVolume } from 'kubernetes-models/v1/PersistentVolume';
import type { IPersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
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
