/**
 * The StorageClass a kind cluster ships (kind: pkg/cluster/internal/create/actions/installstorage): `standard`,
 * marked default, provisioned by rancher.io/local-path (the local-path-provisioner deployment), reclaim policy
 * Delete, and WaitForFirstConsumer binding — a local volume is created on the node the scheduler picked.
 */
import type { ApiServer } from '../../../api/apiServer';
import { IS_DEFAULT_CLASS_ANNOTATION } from '../../../api/storageAdmission';
import { STORAGE_CLASSES } from './volumeTypes';

const DEFAULT_STORAGE_CLASS_NAME = 'standard';
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';

/** Creates the default StorageClass unless a class of that name exists already. */
export function createDefaultStorageClass(api: ApiServer): void {
  if (api.find(STORAGE_CLASSES, undefined, DEFAULT_STORAGE_CLASS_NAME)) return;
  const created = api.create({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: DEFAULT_STORAGE_CLASS_NAME, annotations: { [IS_DEFAULT_CLASS_ANNOTATION]: 'true' } },
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  if (!created.ok) throw new Error(`bootstrap: cannot create storageclass standard: ${created.error.message}`);
}
