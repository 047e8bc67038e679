import { describe, expect, it } from 'vitest';
import { OneSyncHarness } from '../../job/oneSyncHarness';
import { createDefaultStorageClass } from './defaultStorageClass';
import { LOCAL_PATH_PROVISIONER_CONTROLLER } from './localPathProvisioner';
import { classManifest, claimManifest, nodeManifest } from './storageTestObjects';
import type { PersistentVolume, PersistentVolumeClaim } from './volumeTypes';

const SOURCE = 'rancher.io/local-path_local-path-provisioner-7dc846544d-x8q4m_5f0d3a8e-2c1b-4f7e-9a6d-3b8c1e4f2a90';

/** A claim as the PV controller and the scheduler leave it for the provisioner. */
function handedOver(name: string, spec: Record<string, unknown> = {}, node: string | null = 'worker1') {
  const annotations: Record<string, string> = {
    'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
  };
  if (node) annotations['volume.kubernetes.io/selected-node'] = node;
  const manifest = claimManifest(name, '1Gi', { storageClassName: 'standard', ...spec }) as { metadata: object };
  return { ...manifest, metadata: { ...manifest.metadata, annotations } };
}

function setup() {
  const h = new OneSyncHarness(LOCAL_PATH_PROVISIONER_CONTROLLER);
  createDefaultStorageClass(h.api);
  h.create(nodeManifest('worker1'));
  return h;
}

describe('local-path provisioner', () => {
  it('creates a hostPath volume on the selected node after its helper pod ran', () => {
    const h = setup();
    const claim = h.create<PersistentVolumeClaim>(handedOver('data'));
    expect(h.keysFor('MODIFIED', claim)).toEqual(['default/data']);
    expect(h.sync('default/data')).toEqual([]);
    expect(h.events('data')).toEqual([
      'Normal Provisioning: External provisioner is provisioning volume for claim "default/data"',
    ]);
    expect(h.queuedIn('default/data')).toBe(2_000);
    h.advance(2);
    const name = `pvc-${claim.metadata.uid}`;
    expect(h.sync('default/data')).toEqual([`create persistentvolumes/${name}`]);
    const volume = h.get<PersistentVolume>('persistentvolumes', name, undefined)!;
    expect(volume.metadata.annotations).toEqual({
      'local.path.provisioner/selected-node': 'worker1',
      'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path',
    });
    expect(volume.spec).toEqual({
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '1Gi' },
      claimRef: {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        name: 'data',
        namespace: 'default',
        resourceVersion: claim.metadata.resourceVersion,
        uid: claim.metadata.uid,
      },
      hostPath: { path: `/var/local-path-provisioner/${name}_default_data`, type: 'DirectoryOrCreate' },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['worker1'] }] },
          ],
        },
      },
      persistentVolumeReclaimPolicy: 'Delete',
      storageClassName: 'standard',
      volumeMode: 'Filesystem',
    });
    expect(h.events('data').at(-1)).toBe(`Normal ProvisioningSucceeded: Successfully provisioned volume ${name}`);
    const provisioned = h.all('events').find((e) => e.reason === 'ProvisioningSucceeded') as { source?: unknown };
    expect(provisioned.source).toEqual({ component: SOURCE });
    // Done: a later sync of the claim finds the volume and does nothing.
    expect(h.sync('default/data')).toEqual([]);
  });

  it('waits for the scheduler on a WaitForFirstConsumer class, and ignores other provisioners', () => {
    const h = setup();
    const waiting = h.create<PersistentVolumeClaim>(handedOver('data', {}, null));
    expect(h.sync('default/data')).toEqual([]);
    expect(h.events('data')).toEqual([]);
    const foreign = h.create<PersistentVolumeClaim>({
      ...(claimManifest('nfs', '1Gi') as object),
      metadata: { name: 'nfs', namespace: 'default', annotations: { 'volume.kubernetes.io/storage-provisioner': 'x' } },
    });
    expect(h.keysFor('ADDED', foreign)).toEqual([]);
    expect(h.keysFor('ADDED', waiting)).toEqual(['default/data']);
  });

  it('refuses what a node-local directory cannot be, and retries with back-off', () => {
    const h = setup();
    h.create(handedOver('shared', { accessModes: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany'] }));
    expect(h.sync('default/shared')).toEqual([]);
    expect(h.events('shared')).toEqual([
      'Normal Provisioning: External provisioner is provisioning volume for claim "default/shared"',
      'Warning ProvisioningFailed: failed to provision volume with StorageClass "standard": NodePath only supports ' +
        'ReadWriteOnce and ReadWriteOncePod (1.22+) access modes',
    ]);
    expect(h.queuedIn('default/shared')).toBe(15_000);
    h.advance(15);
    h.sync('default/shared');
    expect(h.queuedIn('default/shared')).toBe(30_000);

    h.create(handedOver('raw', { volumeMode: 'Block' }));
    h.sync('default/raw');
    expect(h.events('raw').at(-1)).toBe(
      'Warning ProvisioningFailed: rancher.io/local-path does not support block volume provisioning',
    );
  });

  it('cannot provision for a class that binds Immediately: no node was chosen', () => {
    const h = setup();
    h.create(classManifest('local-immediate', { provisioner: 'rancher.io/local-path' }));
    h.create(handedOver('now', { storageClassName: 'local-immediate' }, null));
    h.sync('default/now');
    expect(h.events('now').at(-1)).toBe(
      'Warning ProvisioningFailed: failed to provision volume with StorageClass "local-immediate": configuration ' +
        'error, no node was specified',
    );
  });

  it('deletes a Released volume of reclaim policy Delete after its helper pod ran', () => {
    const h = setup();
    const volume = h.create<PersistentVolume>({
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pvc-1', annotations: { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' } },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        hostPath: { path: '/var/local-path-provisioner/pvc-1_default_data' },
        claimRef: { namespace: 'default', name: 'data', uid: 'gone' },
      },
    });
    expect(h.keysFor('MODIFIED', volume)).toEqual([]);
    const released = h.setStatus(volume, { phase: 'Released' });
    expect(h.keysFor('MODIFIED', released)).toEqual(['pvc-1']);
    expect(h.sync('pvc-1')).toEqual([]);
    expect(h.queuedIn('pvc-1')).toBe(2_000);
    h.advance(2);
    expect(h.sync('pvc-1')).toEqual(['delete persistentvolumes/pvc-1']);
  });
});
