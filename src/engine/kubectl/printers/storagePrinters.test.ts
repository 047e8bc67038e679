import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { DEFAULT_START_TIME, formatTimestamp } from '../../runtime/time';
import { describeStorageClass } from '../describe/describeStorage';
import type { DescribeInput } from '../describe/describeInput';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storagePrinters';

const CREATED = formatTimestamp(DEFAULT_START_TIME);
const LATER = DEFAULT_START_TIME + 90_000;

const STANDARD: KubeObject = {
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name: 'standard',
    creationTimestamp: CREATED,
    annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
  },
  provisioner: 'rancher.io/local-path',
  reclaimPolicy: 'Delete',
  volumeBindingMode: 'WaitForFirstConsumer',
};

describe('storage tables', () => {
  it('prints StorageClasses with the (default) marker and the defaults the API fills in', () => {
    expect(storageClassPrinter.columns.map((c) => c.header)).toEqual([
      'NAME',
      'PROVISIONER',
      'RECLAIMPOLICY',
      'VOLUMEBINDINGMODE',
      'ALLOWVOLUMEEXPANSION',
      'AGE',
    ]);
    expect(storageClassPrinter.row(STANDARD, LATER)).toEqual([
      'standard (default)',
      'rancher.io/local-path',
      'Delete',
      'WaitForFirstConsumer',
      'false',
      '90s',
    ]);
    const nfs = { ...STANDARD, metadata: { name: 'nfs', creationTimestamp: CREATED }, allowVolumeExpansion: true };
    expect(storageClassPrinter.row(nfs, LATER).slice(0, 1)).toEqual(['nfs']);
    expect(storageClassPrinter.row(nfs, LATER)[4]).toBe('true');
  });

  it('prints a Pending claim without volume, capacity or access modes, and a Terminating volume', () => {
    const claim: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default', creationTimestamp: CREATED },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        storageClassName: 'standard',
        volumeMode: 'Filesystem',
      },
      status: { phase: 'Pending' },
    };
    expect(persistentVolumeClaimPrinter.row(claim, LATER)).toEqual([
      'data',
      'Pending',
      '',
      '',
      '',
      'standard',
      '<unset>',
      '90s',
      'Filesystem',
    ]);
    const volume: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv1', creationTimestamp: CREATED, deletionTimestamp: CREATED },
      spec: {
        capacity: { storage: '5Gi' },
        accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Retain',
        claimRef: { namespace: 'default', name: 'data' },
      },
      status: { phase: 'Bound' },
    };
    expect(persistentVolumePrinter.row(volume, LATER)).toEqual([
      'pv1',
      '5Gi',
      'RWO,RWX',
      'Retain',
      'Terminating',
      'default/data',
      '',
      '<unset>',
      '',
      '90s',
      '<unset>',
    ]);
  });

  it('describes a StorageClass as kubectl does', () => {
    const input = { object: STANDARD, events: [], nowMs: LATER } as unknown as DescribeInput;
    expect(describeStorageClass(input)).toBe(
      [
        'Name:                  standard',
        'IsDefaultClass:        Yes',
        'Annotations:           storageclass.kubernetes.io/is-default-class=true',
        'Provisioner:           rancher.io/local-path',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  <unset>',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     WaitForFirstConsumer',
        'Events:                <none>',
        '',
      ].join('\n'),
    );
  });
});
