/**
 * Where a claim's data lives for the node side. A hostPath or local volume (every local-path one) is a directory
 * on the node the pod runs on, the same directory a pod's own hostPath volume sees; an NFS volume is the server's
 * export, the same from every node; any other source (a cloud disk, CSI) is the volume itself, attached wherever the
 * pod runs. The data goes when the reclaim policy deletes the volume (the deleter removes the storage, then the
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

export interface PersistentVolume {
  metadata: { name?: string };
  spec: {
    persistentVolumeReclaimPolicy?: string;
    hostPath?: { path: string };
    local?: { path: string };
    nfs?: { server: string; path: string };
    nodeAffinity?: {
      required?: {
        nodeSelectorTerms?: { matchExpressions?: { key: string; operator: string; values?: string[] }[] }[];
      };
    };
  };
  status?: { phase?: string };
}

/** Where a volume's files are: a directory of the node, or storage reached from any node. */
export type VolumeStorage = { kind: 'node-path'; path: string } | { kind: 'network'; key: string };

/** The PersistentVolume a claim is bound to (phase Bound, volume present), if it is. */
export function boundVolumeOf(api: ApiServer, namespace: string, claimName: string): PersistentVolume | undefined {
  const claim = api.find(CLAIMS, namespace, claimName) as unknown as PersistentVolumeClaim | undefined;
  const name = claim?.status?.phase === 'Bound' ? claim.spec.volumeName : undefined;
  return name ? (api.find(VOLUMES, undefined, name) as unknown as PersistentVolume | undefined) : undefined;
}

export function volumeStorage(volume: PersistentVolume): VolumeStorage {
  const nodePath = volume.spec.hostPath?.path ?? volume.spec.local?.path;
  if (nodePath !== undefined) return { kind: 'node-path', path: nodePath };
  const nfs = volume.spec.nfs;
  return { kind: 'network', key: nfs ? `nfs://${nfs.server}${nfs.path}` : `pv/${volume.metadata.name ?? ''}` };
}

/** The nodes a volume's node affinity names (`kubernetes.io/hostname In [...]`, as local volumes carry). */
function affinityNodes(volume: PersistentVolume): string[] {
  return (volume.spec.nodeAffinity?.required?.nodeSelectorTerms ?? []).flatMap((term) =>
    (term.matchExpressions ?? []).flatMap((e) =>
      e.key === 'kubernetes.io/hostname' && e.operator === 'In' ? (e.values ?? []) : [],
    ),
  );
}

/**
 * Calls `drop` for the storage of every PersistentVolume the Delete reclaim policy removes (deleted while Released
 * with policy Delete): a node directory on the nodes its affinity names (all nodes when it names none).
 */
export function watchReclaimedVolumes(
  api: ApiServer,
  drop: (storage: VolumeStorage, nodes: string[] | 'all') => void,
): void {
  api.watch((event, resource) => {
    if (resource !== VOLUMES || event.type !== 'DELETED') return;
    const volume = event.object as unknown as PersistentVolume;
    if (volume.spec.persistentVolumeReclaimPolicy !== 'Delete' || volume.status?.phase !== 'Released') return;
    const nodes = affinityNodes(volume);
    drop(volumeStorage(volume), nodes.length > 0 ? nodes : 'all');
  });
}
