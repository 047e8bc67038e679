import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../api/kinds';
import { OneSyncHarness } from '../../job/oneSyncHarness';
import { PERSISTENT_VOLUME_CONTROLLER } from './persistentVolumeController';
import { classManifest, claimManifest, podManifest, volumeManifest } from './storageTestObjects';
import type { PersistentVolume, PersistentVolumeClaim } from './volumeTypes';

const NOW = '2026-01-05T09:00:00Z';
const DEFAULT = { 'storageclass.kubernetes.io/is-default-class': 'true' };

function setup() {
  const h = new OneSyncHarness(PERSISTENT_VOLUME_CONTROLLER);
  const claim = (name: string) => h.get<PersistentVolumeClaim>('persistentvolumeclaims', name)!;
  const volume = (name: string) => h.get<PersistentVolume>('persistentvolumes', name, undefined)!;
  return { h, claim, volume };
}

describe('PV controller: binding a claim to a static volume (index.go findBestMatchForClaim)', () => {
  it('takes the smallest large-enough volume among those with the fewest access modes', () => {
    const { h, claim, volume } = setup();
    h.create(volumeManifest('pv1', '1Gi'));
    h.create(volumeManifest('pv3', '3Gi', { accessModes: ['ReadWriteOnce', 'ReadWriteMany'] }));
    h.create(volumeManifest('pv5', '5Gi'));
    h.create(volumeManifest('pv10', '10Gi'));
    // New volumes are Pending until the controller sees them.
    expect(volume('pv5').status).toEqual({ phase: 'Pending' });
    for (const name of ['pv1', 'pv3', 'pv5', 'pv10'])
      expect(h.sync(name)).toEqual([`update persistentvolumes/${name}/status`]);
    expect(volume('pv5').status).toEqual({ phase: 'Available', lastPhaseTransitionTime: NOW });

    const created = h.create<PersistentVolumeClaim>(claimManifest('data', '2Gi', { storageClassName: '' }));
    // pv3 is smaller, but offers RWX too: the RWO-only group is searched first.
    expect(h.sync('default/data')).toEqual([
      'update persistentvolumes/pv5',
      'update persistentvolumes/pv5/status',
      'update persistentvolumeclaims/data',
      'update persistentvolumeclaims/data/status',
    ]);
    expect(volume('pv5').spec.claimRef).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      name: 'data',
      namespace: 'default',
      resourceVersion: created.metadata.resourceVersion,
      uid: created.metadata.uid,
    });
    expect(volume('pv5').metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(volume('pv5').status?.phase).toBe('Bound');
    expect(claim('data').spec.volumeName).toBe('pv5');
    expect(claim('data').metadata.annotations).toEqual({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    });
    expect(claim('data').status).toEqual({
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: '5Gi' },
    });
    expect(h.decisionsAbout('PersistentVolumeClaim', 'data')).toEqual([
      'bound to pv5: the smallest Available volume of class "" with room for the request and the access modes asked',
    ]);
    // The volume's own sync now only confirms the binding; the claim is not synced again on a timer.
    expect(h.sync('pv5')).toEqual([]);
    expect(h.queuedIn('default/data')).toBeUndefined();
  });

  it('leaves a claim without a class and without a volume Pending, and looks again every 15 s', () => {
    const { h, claim } = setup();
    h.create(volumeManifest('small', '1Gi'));
    h.sync('small');
    h.create(claimManifest('data', '2Gi'));
    expect(h.sync('default/data')).toEqual([]);
    expect(claim('data').status).toEqual({ phase: 'Pending' });
    expect(h.events('data')).toEqual([
      'Normal FailedBinding: no persistent volumes available for this claim and no storage class is set',
    ]);
    expect(h.queuedIn('default/data')).toBe(15_000);
  });

  it('matches the claim selector and the class, and skips volumes bound to someone else', () => {
    const { h, claim } = setup();
    h.create(volumeManifest('fast', '2Gi', { storageClassName: 'ssd' }));
    h.create(volumeManifest('plain', '2Gi'));
    h.create({
      ...(volumeManifest('labelled', '4Gi') as object),
      metadata: { name: 'labelled', labels: { tier: 'db' } },
    });
    for (const name of ['fast', 'plain', 'labelled']) h.sync(name);
    h.create(claimManifest('db', '1Gi', { storageClassName: '', selector: { matchLabels: { tier: 'db' } } }));
    h.sync('default/db');
    expect(claim('db').spec.volumeName).toBe('labelled');
    h.create(claimManifest('other', '1Gi', { storageClassName: '' }));
    h.sync('default/other');
    expect(claim('other').spec.volumeName).toBe('plain');
  });

  it('binds a claim that names its volume, or says why it cannot', () => {
    const { h, claim } = setup();
    h.create(volumeManifest('pv1', '1Gi'));
    h.sync('pv1');
    h.create(claimManifest('big', '2Gi', { storageClassName: '', volumeName: 'pv1' }));
    expect(h.sync('default/big')).toEqual([]);
    expect(h.events('big')).toEqual([
      'Warning VolumeMismatch: Cannot bind to requested volume "pv1": requested PV is too small',
    ]);
    h.create(claimManifest('fits', '1Gi', { storageClassName: '', volumeName: 'pv1' }));
    expect(h.sync('default/fits')).toEqual([
      'update persistentvolumes/pv1',
      'update persistentvolumes/pv1/status',
      'update persistentvolumeclaims/fits',
      'update persistentvolumeclaims/fits/status',
    ]);
    // The user chose the volume: the claim is not marked bound-by-controller, the volume is.
    expect(claim('fits').metadata.annotations).toEqual({ 'pv.kubernetes.io/bind-completed': 'yes' });
    h.create(claimManifest('late', '1Gi', { storageClassName: '', volumeName: 'pv1' }));
    h.sync('default/late');
    expect(h.events('late')).toEqual(['Warning FailedBinding: volume "pv1" already bound to a different claim.']);
  });
});

describe('PV controller: claims of a StorageClass', () => {
  it('waits for a consumer when the class binds WaitForFirstConsumer, then names the unscheduled pod', () => {
    const { h } = setup();
    h.create(
      classManifest('standard', { volumeBindingMode: 'WaitForFirstConsumer', provisioner: 'rancher.io/local-path' }),
    );
    h.create(claimManifest('data', '1Gi', { storageClassName: 'standard' }));
    expect(h.sync('default/data')).toEqual([]);
    h.create<Pod>(podManifest('app', ['data']));
    h.create<Pod>(podManifest('app2', ['data']));
    h.sync('default/data');
    expect(h.events('data')).toEqual([
      'Normal WaitForFirstConsumer: waiting for first consumer to be created before binding',
      'Normal WaitForPodScheduled: waiting for pods app,app2 to be scheduled',
    ]);
  });

  it('hands a claim with a selected node to the external provisioner', () => {
    const { h, claim } = setup();
    h.create(
      classManifest('standard', { volumeBindingMode: 'WaitForFirstConsumer', provisioner: 'rancher.io/local-path' }),
    );
    h.create({
      ...(claimManifest('data', '1Gi', { storageClassName: 'standard' }) as object),
      metadata: {
        name: 'data',
        namespace: 'default',
        annotations: { 'volume.kubernetes.io/selected-node': 'worker1' },
      },
    });
    expect(h.sync('default/data')).toEqual(['update persistentvolumeclaims/data']);
    expect(claim('data').metadata.annotations).toEqual({
      'volume.beta.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
      'volume.kubernetes.io/selected-node': 'worker1',
      'volume.kubernetes.io/storage-provisioner': 'rancher.io/local-path',
    });
    // Annotated once; the event comes with every sync until a volume appears.
    expect(h.sync('default/data')).toEqual([]);
    const message =
      "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually " +
      'by the system administrator. If volume creation is delayed, please verify that the provisioner is running ' +
      'and correctly registered.';
    expect(h.events('data')).toEqual([`Normal ExternalProvisioning: ${message}`]);
    expect(h.all('events').find((e) => e.reason === 'ExternalProvisioning')?.count).toBe(2);
  });

  it('reports a class that does not exist, and a class that cannot provision', () => {
    const { h } = setup();
    h.create(claimManifest('eureka-data-eureka-0', '1Gi', { storageClassName: 'alicloud-nas' }));
    expect(h.sync('default/eureka-data-eureka-0')).toEqual([]);
    expect(h.events('eureka-data-eureka-0')).toEqual([
      'Warning ProvisioningFailed: storageclass.storage.k8s.io "alicloud-nas" not found',
    ]);
    expect(h.queuedIn('default/eureka-data-eureka-0')).toBe(15_000);
    h.create(classManifest('local', { provisioner: 'kubernetes.io/no-provisioner' }));
    h.create(claimManifest('local-data', '1Gi', { storageClassName: 'local' }));
    h.sync('default/local-data');
    expect(h.events('local-data')).toEqual([
      'Warning ProvisioningFailed: no volume plugin matched name: kubernetes.io/no-provisioner',
    ]);
  });

  it('gives a class-less claim the default class once one exists (retroactive default)', () => {
    const { h, claim } = setup();
    h.create(claimManifest('data', '1Gi'));
    h.sync('default/data');
    expect(claim('data').spec.storageClassName).toBeUndefined();
    h.create(classManifest('standard', { annotations: DEFAULT }));
    expect(h.sync('default/data')).toEqual(['update persistentvolumeclaims/data']);
    expect(claim('data').spec.storageClassName).toBe('standard');
  });
});

describe('PV controller: admission of claims and volumes', () => {
  it('gives a new claim the default class, keeps an explicit "" and adds the protection finalizers', () => {
    const { h, claim, volume } = setup();
    h.create(classManifest('slow', { annotations: DEFAULT }));
    h.advance(1);
    h.create(classManifest('standard', { annotations: DEFAULT }));
    h.create(claimManifest('auto', '1Gi'));
    h.create(claimManifest('none', '1Gi', { storageClassName: '' }));
    h.create(volumeManifest('pv1', '1Gi'));
    // Of two default classes the newer wins (GetDefaultClass).
    expect(claim('auto').spec.storageClassName).toBe('standard');
    expect(claim('none').spec.storageClassName).toBe('');
    expect(claim('auto').metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    expect(volume('pv1').metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);
  });
});

describe('PV controller: releasing and reclaiming (syncVolume, reclaimVolume)', () => {
  function boundPair(policy: string, path = '/mnt/data', annotations?: Record<string, string>) {
    const s = setup();
    s.h.create({
      ...(volumeManifest('pv1', '1Gi', { persistentVolumeReclaimPolicy: policy, hostPath: { path } }) as object),
      metadata: { name: 'pv1', ...(annotations ? { annotations } : {}) },
    });
    s.h.sync('pv1');
    s.h.create(claimManifest('data', '1Gi', { storageClassName: '' }));
    s.h.sync('default/data');
    const deleted = s.h.modify(s.claim('data'), (c) => (c.metadata.finalizers = []));
    s.h.api.delete(s.h.api.resourceFor('v1', 'PersistentVolumeClaim')!, 'default', 'data');
    return { ...s, deleted };
  }

  it('Retain: the volume is Released and keeps its claimRef, so no other claim gets it', () => {
    const { h, volume, deleted } = boundPair('Retain');
    // A deleted claim wakes its volume.
    expect(h.keysFor('DELETED', deleted)).toEqual(['pv1']);
    expect(h.sync('pv1')).toEqual(['update persistentvolumes/pv1/status']);
    expect(volume('pv1').status?.phase).toBe('Released');
    expect(volume('pv1').spec.claimRef?.name).toBe('data');
    expect(h.decisions.about('PersistentVolume', undefined, 'pv1').map((d) => d.text)).toEqual([
      'its claim default/data is gone: Released, reclaim policy Retain',
    ]);
    h.create(claimManifest('again', '1Gi', { storageClassName: '' }));
    h.sync('default/again');
    expect(h.events('again')).toEqual([
      'Normal FailedBinding: no persistent volumes available for this claim and no storage class is set',
    ]);
  });

  it('Delete of a hostPath outside /tmp fails: the in-tree deleter refuses it', () => {
    const { h, volume } = boundPair('Delete');
    expect(h.sync('pv1')).toEqual(['update persistentvolumes/pv1/status', 'update persistentvolumes/pv1/status']);
    expect(volume('pv1').status).toEqual({
      phase: 'Failed',
      message: 'host_path deleter only supports /tmp/.+ but received provided /mnt/data',
      lastPhaseTransitionTime: NOW,
    });
    expect(h.events('pv1')).toEqual([
      'Warning VolumeFailedDelete: host_path deleter only supports /tmp/.+ but received provided /mnt/data',
    ]);
  });

  it('Delete of a hostPath under /tmp deletes the volume', () => {
    const { h, volume } = boundPair('Delete', '/tmp/data');
    expect(h.sync('pv1')).toEqual(['update persistentvolumes/pv1/status', 'delete persistentvolumes/pv1']);
    // The pv-protection finalizer holds it until that controller sees it is not Bound.
    expect(volume('pv1').metadata.deletionTimestamp).toBe(NOW);
  });

  it('Delete of a provisioned volume is left to its external provisioner', () => {
    const { h, volume } = boundPair('Delete', '/var/x', { 'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path' });
    expect(h.sync('pv1')).toEqual(['update persistentvolumes/pv1/status']);
    expect(volume('pv1').status?.phase).toBe('Released');
  });

  it('a bound claim whose volume is deleted is Lost', () => {
    const { h, claim, volume } = setup();
    h.create(volumeManifest('pv1', '1Gi'));
    h.sync('pv1');
    h.create(claimManifest('data', '1Gi', { storageClassName: '' }));
    h.sync('default/data');
    const gone = volume('pv1');
    h.modify(gone, (v) => (v.metadata.finalizers = []));
    h.api.delete(h.api.resourceFor('v1', 'PersistentVolume')!, undefined, 'pv1');
    expect(h.keysFor('DELETED', gone)).toEqual(['default/data']);
    expect(h.sync('default/data')).toEqual(['update persistentvolumeclaims/data/status']);
    expect(claim('data').status).toEqual({ phase: 'Lost' });
    expect(h.events('data')).toEqual([
      'Warning ClaimLost: Bound claim has lost its PersistentVolume. Data on the volume is lost!',
    ]);
  });
});
