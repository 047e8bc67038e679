import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../api/kinds';
import { resolveResourceName } from '../../../api/resources';
import { OneSyncHarness } from '../../job/oneSyncHarness';
import { PV_PROTECTION_CONTROLLER, PVC_PROTECTION_CONTROLLER } from './storageProtection';
import { claimManifest, podManifest, volumeManifest } from './storageTestObjects';
import type { PersistentVolume } from './volumeTypes';

const CLAIMS = resolveResourceName('persistentvolumeclaims')!;
const VOLUMES = resolveResourceName('persistentvolumes')!;

describe('pvc-protection-controller', () => {
  it('keeps a claim a scheduled, running pod uses; lets it go once the pod is gone', () => {
    const h = new OneSyncHarness(PVC_PROTECTION_CONTROLLER);
    h.create(claimManifest('data', '1Gi'));
    const pod = h.create<Pod>(podManifest('app', ['data']));
    h.api.bind('default', 'app', 'worker1');
    h.api.delete(CLAIMS, 'default', 'data');
    const terminating = h.get('persistentvolumeclaims', 'data')!;
    expect(terminating.metadata.deletionTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(h.keysFor('MODIFIED', terminating)).toEqual(['default/data']);
    expect(h.sync('default/data')).toEqual([]);

    h.api.delete(resolveResourceName('pods')!, 'default', 'app', { gracePeriodSeconds: 0 });
    expect(h.keysFor('DELETED', pod)).toEqual(['default/data']);
    expect(h.sync('default/data')).toEqual(['update persistentvolumeclaims/data']);
    expect(h.get('persistentvolumeclaims', 'data')).toBeUndefined();
  });

  it('does not wait for a pod that never got a node', () => {
    const h = new OneSyncHarness(PVC_PROTECTION_CONTROLLER);
    h.create(claimManifest('data', '1Gi'));
    h.create<Pod>(podManifest('pending', ['data']));
    h.api.delete(CLAIMS, 'default', 'data');
    expect(h.sync('default/data')).toEqual(['update persistentvolumeclaims/data']);
  });
});

describe('pv-protection-controller', () => {
  it('keeps a Bound volume and lets any other one go', () => {
    const h = new OneSyncHarness(PV_PROTECTION_CONTROLLER);
    const volume = h.create<PersistentVolume>(volumeManifest('pv1', '1Gi'));
    h.setStatus(volume, { phase: 'Bound' });
    h.api.delete(VOLUMES, undefined, 'pv1');
    expect(h.sync('pv1')).toEqual([]);
    h.setStatus(volume, { phase: 'Released' });
    expect(h.sync('pv1')).toEqual(['update persistentvolumes/pv1']);
    expect(h.get('persistentvolumes', 'pv1', undefined)).toBeUndefined();
  });
});
