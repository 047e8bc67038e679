/**
 * The PersistentVolume controller of kube-controller-manager (pkg/controller/volume/persistentvolume,
 * pv_controller_base.go): one queue for claims (`namespace/name`) and volumes (`name`). A deleted claim wakes its
 * volume (to be released), a deleted volume its claim (to be lost). Claims still Pending are synced again every
 * resync period (`--pvclaimbinder-sync-period`, 15 s), which is when a new matching volume gets noticed and why
 * the waiting events repeat.
 */
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../../controller';
import { PV_CONTROLLER_NAME } from './binding';
import { syncClaim } from './claimSync';
import { syncVolume } from './volumeSync';
import { CLAIMS, VOLUMES, type PersistentVolume, type PersistentVolumeClaim } from './volumeTypes';

/** The binder's resync period (kube-controller-manager --pvclaimbinder-sync-period). */
const PV_RESYNC_PERIOD_MS = 15_000;

export const PERSISTENT_VOLUME_CONTROLLER: ControllerDefinition = {
  name: PV_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource) => {
      if (resource === CLAIMS) {
        const claim = event.object as PersistentVolumeClaim;
        if (event.type !== 'DELETED') return [objectKeyOf(claim.metadata.namespace, claim.metadata.name ?? '')];
        return claim.spec.volumeName ? [claim.spec.volumeName] : [];
      }
      if (resource === VOLUMES) {
        const volume = event.object as PersistentVolume;
        if (event.type !== 'DELETED') return [volume.metadata.name ?? ''];
        const ref = volume.spec.claimRef;
        return ref ? [objectKeyOf(ref.namespace, ref.name ?? '')] : [];
      }
      return [];
    },
    sync: (key) => syncKey(context, key),
  }),
};

function syncKey(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  if (namespace === undefined) {
    const volume = context.api.find(VOLUMES, undefined, name) as PersistentVolume | undefined;
    if (volume) syncVolume(context, volume);
    return;
  }
  const claim = context.api.find(CLAIMS, namespace, name) as PersistentVolumeClaim | undefined;
  if (!claim) return;
  syncClaim(context, claim);
  const after = context.api.find(CLAIMS, namespace, name) as PersistentVolumeClaim | undefined;
  if (after?.status?.phase === 'Pending') context.queue.addAfter(key, PV_RESYNC_PERIOD_MS);
}
