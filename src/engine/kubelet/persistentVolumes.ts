/**
 * Where a claim's data lives for the node side: the kubelet mounts the PersistentVolume a bound claim names, and
 * the volume's data is removed when its reclaim policy deletes it (the deleter removes the storage, then the
 * object), not when an administrator deletes a retained volume, whose storage stays.
 */
import type { ApiServer } from '../api/apiServer';
import { resolveResourceName } from '../api/resources';

const CLAIMS = resolveResourceName('persistentvolumeclaims')!;
const VOLUMES = resolveResourceName('persistentvolumes')!;

interface PersistentVolumeClaim {
  spec: { volumeName?: string };
  status?: { phase?: string };
}

interface PersistentVolume {
  metadata: { name?: string };
  spec: { persistentVolumeReclaimPolicy?: string };
  status?: { phase?: string };
}

/** The PersistentVolume a claim is bound to (phase Bound, volume present), if it is. */
export function boundVolumeOf(api: ApiServer, namespace: string, claimName: string): string | undefined {
  const claim = api.find(CLAIMS, namespace, claimName) as unknown as PersistentVolumeClaim | undefined;
  const name = claim?.status?.phase === 'Bound' ? claim.spec.volumeName : undefined;
  return name && api.find(VOLUMES, undefined, name) ? name : undefined;
}

/**
 * Calls `dropData(pvName)` for every PersistentVolume the Delete reclaim policy removes (deleted while Released
 * with policy Delete), so the node side can forget its data.
 */
export function watchReclaimedVolumes(api: ApiServer, dropData: (pvName: string) => void): void {
  api.watch((event, resource) => {
    if (resource !== VOLUMES || event.type !== 'DELETED') return;
    const volume = event.object as unknown as PersistentVolume;
    if (volume.spec.persistentVolumeReclaimPolicy === 'Delete' && volume.status?.phase === 'Released')
      dropData(volume.metadata.name ?? '');
  });
}
