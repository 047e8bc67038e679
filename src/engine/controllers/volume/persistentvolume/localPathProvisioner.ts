/**
 * The local-path-provisioner a kind cluster runs (rancher/local-path-provisioner on
 * sigs.k8s.io/sig-storage-lib-external-provisioner): it takes the claims the PV controller annotated with
 * `volume.kubernetes.io/storage-provisioner: rancher.io/local-path` — for a WaitForFirstConsumer class only once the
 * scheduler picked a node — and creates a hostPath volume `pvc-<claim uid>` in /var/local-path-provisioner on that
 * node, pinned to it by node affinity and already pointing at the claim. Its helper pod takes a moment, for
 * provisioning and for deleting a Released volume of reclaim policy Delete. Failed attempts are retried with
 * back-off. No other provisioner runs in the simulated cluster: their claims wait.
 */
import type { Node } from '../../../api/kinds';
import { resolveResourceName } from '../../../api/resources';
import { referenceTo, type EventType } from '../../../events/recorder';
import type { KubeObject } from '../../../api/types';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../../controller';
import { LOCAL_PATH_PROVISIONER } from './defaultStorageClass';
import { claimReference } from './volumeMatching';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  CLAIMS,
  storageClassOf,
  claimKeyOf,
  STORAGE_CLASSES,
  VOLUMES,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
} from './volumeTypes';

const LOCAL_PATH_PROVISIONER_NAME = 'local-path-provisioner';
/**
 * The provisioner's identity, the source of its events: `<provisioner>_<pod>_<uuid>` as the library builds it,
 * for the one replica of the local-path-provisioner Deployment in `local-path-storage`.
 */
const LOCAL_PATH_PROVISIONER_IDENTITY =
  'rancher.io/local-path_local-path-provisioner-7dc846544d-x8q4m_5f0d3a8e-2c1b-4f7e-9a6d-3b8c1e4f2a90';
/** How long the helper pod that creates (or removes) the volume's directory takes. */
const HELPER_POD_MS = 2_000;
/** The directory local-path-provisioner uses on every node in kind (its config.json nodePathMap default). */
const LOCAL_PATH_ROOT = '/var/local-path-provisioner';
/** The library's retry after a failed attempt (ItemExponentialFailureRateLimiter(15s, 1000s)): doubling from 15 s. */
const FAILURE_BACKOFF_MS = 15_000;
const FAILURE_BACKOFF_MAX_MS = 1_000_000;
/** The library's failedProvisionThreshold: after this many failures of one claim it stops trying. */
const FAILED_PROVISION_THRESHOLD = 15;
/** Access modes a node-local directory can serve. */
const NODE_LOCAL_ACCESS_MODES = ['ReadWriteOnce', 'ReadWriteOncePod'];
const HOSTNAME_LABEL = 'kubernetes.io/hostname';
const ANN_LOCAL_PATH_SELECTED_NODE = 'local.path.provisioner/selected-node';

const NODES = resolveResourceName('nodes')!;

/** What the provisioner keeps between syncs, by claim (`namespace/name`) and by volume name. */
interface ProvisionerState {
  /** A helper pod is creating the claim's directory until this virtual time. */
  provisioning: Record<string, number>;
  /** Failed attempts so far, for the back-off. */
  failures: Record<string, number>;
  /** A helper pod is removing the volume's directory until this virtual time. */
  deleting: Record<string, number>;
}

const initialState = (): ProvisionerState => ({ provisioning: {}, failures: {}, deleting: {} });

function wantsUs(claim: PersistentVolumeClaim): boolean {
  const annotations = claim.metadata.annotations ?? {};
  return (annotations[ANN_STORAGE_PROVISIONER] ?? annotations[ANN_BETA_STORAGE_PROVISIONER]) === LOCAL_PATH_PROVISIONER;
}

function isOurReleasedVolume(volume: PersistentVolume): boolean {
  return (
    volume.metadata.annotations?.[ANN_PROVISIONED_BY] === LOCAL_PATH_PROVISIONER &&
    volume.status?.phase === 'Released' &&
    volume.spec.persistentVolumeReclaimPolicy === 'Delete'
  );
}

export const LOCAL_PATH_PROVISIONER_CONTROLLER: ControllerDefinition = {
  name: LOCAL_PATH_PROVISIONER_NAME,
  create: (context) => ({
    keysFor: (event, resource) => {
      // A claim gone: its sync forgets what was kept for it.
      if (event.type === 'DELETED')
        return resource === CLAIMS
          ? [objectKeyOf(event.object.metadata.namespace, event.object.metadata.name ?? '')]
          : [];
      if (resource === CLAIMS) {
        const claim = event.object as PersistentVolumeClaim;
        return wantsUs(claim) && !claim.spec.volumeName
          ? [objectKeyOf(claim.metadata.namespace, claim.metadata.name ?? '')]
          : [];
      }
      if (resource === VOLUMES && isOurReleasedVolume(event.object as PersistentVolume))
        return [event.object.metadata.name ?? ''];
      return [];
    },
    sync: (key) => {
      const { namespace, name } = splitObjectKey(key);
      if (namespace === undefined) syncVolume(context, name);
      else syncClaim(context, namespace, name);
    },
  }),
};

function record(context: ControllerContext, object: KubeObject, type: EventType, reason: string, message: string) {
  context.events.record(referenceTo(object), type, reason, message, { component: LOCAL_PATH_PROVISIONER_IDENTITY });
}

/** shouldProvision: ours, unbound, and for WaitForFirstConsumer with the scheduler's node. */
function shouldProvision(claim: PersistentVolumeClaim, storageClass: StorageClass | undefined): boolean {
  if (claim.spec.volumeName || !wantsUs(claim) || !storageClass) return false;
  if (storageClass.volumeBindingMode !== 'WaitForFirstConsumer') return true;
  return !!claim.metadata.annotations?.[ANN_SELECTED_NODE];
}

function syncClaim(context: ControllerContext, namespace: string, name: string): void {
  const state = context.state(initialState);
  const claim = context.api.find(CLAIMS, namespace, name) as PersistentVolumeClaim | undefined;
  const uid = claim?.metadata.uid ?? '';
  const storageClass = claim && (context.api.find(STORAGE_CLASSES, undefined, storageClassOf(claim)) as StorageClass);
  const key = objectKeyOf(namespace, name);
  if (!claim || !shouldProvision(claim, storageClass) || context.api.find(VOLUMES, undefined, `pvc-${uid}`)) {
    delete state.provisioning[key];
    delete state.failures[key];
    return;
  }
  const until = state.provisioning[key];
  if (until !== undefined) {
    if (context.runtime.now() < until) context.queue.addAfter(key, until - context.runtime.now());
    else finishProvisioning(context, claim, storageClass!);
    return;
  }
  if ((state.failures[key] ?? 0) >= FAILED_PROVISION_THRESHOLD) return;
  record(
    context,
    claim,
    'Normal',
    'Provisioning',
    `External provisioner is provisioning volume for claim "${claimKeyOf(claim)}"`,
  );
  const failure = provisioningFailure(context, claim, storageClass!);
  if (failure) {
    record(context, claim, 'Warning', 'ProvisioningFailed', failure);
    const failures = (state.failures[key] = (state.failures[key] ?? 0) + 1);
    context.queue.addAfter(key, Math.min(FAILURE_BACKOFF_MAX_MS, FAILURE_BACKOFF_MS * 2 ** (failures - 1)));
    return;
  }
  state.provisioning[key] = context.runtime.now() + HELPER_POD_MS;
  context.queue.addAfter(key, HELPER_POD_MS);
}

/** The checks of the library and of LocalPathProvisioner.Provision, in their order; the event text if one fails. */
function provisioningFailure(
  context: ControllerContext,
  claim: PersistentVolumeClaim,
  storageClass: StorageClass,
): string | undefined {
  if (claim.spec.volumeMode === 'Block') return `${LOCAL_PATH_PROVISIONER} does not support block volume provisioning`;
  const failed = (reason: string) =>
    `failed to provision volume with StorageClass "${storageClass.metadata.name}": ${reason}`;
  if (claim.spec.selector) return failed('claim.Spec.Selector is not supported');
  if ((claim.spec.accessModes ?? []).some((mode) => !NODE_LOCAL_ACCESS_MODES.includes(mode)))
    return failed('NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes');
  const nodeName = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  if (!nodeName) return failed('configuration error, no node was specified');
  if (!context.api.find(NODES, undefined, nodeName)) return `failed to get target node: nodes "${nodeName}" not found`;
  return undefined;
}

/** The helper pod is done: the volume object, pointing at the claim (the PV controller completes the binding). */
function finishProvisioning(
  context: ControllerContext,
  claim: PersistentVolumeClaim,
  storageClass: StorageClass,
): void {
  const state = context.state(initialState);
  const uid = claim.metadata.uid ?? '';
  const nodeName = claim.metadata.annotations?.[ANN_SELECTED_NODE] ?? '';
  const node = context.api.find(NODES, undefined, nodeName) as Node | undefined;
  const volumeName = `pvc-${uid}`;
  const created = context.api.create({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name: volumeName,
      annotations: { [ANN_LOCAL_PATH_SELECTED_NODE]: nodeName, [ANN_PROVISIONED_BY]: LOCAL_PATH_PROVISIONER },
    },
    spec: {
      accessModes: claim.spec.accessModes,
      capacity: { storage: claim.spec.resources?.requests?.storage ?? '0' },
      claimRef: claimReference(claim),
      hostPath: {
        path: `${LOCAL_PATH_ROOT}/${volumeName}_${claim.metadata.namespace}_${claim.metadata.name}`,
        type: 'DirectoryOrCreate',
      },
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: HOSTNAME_LABEL, operator: 'In', values: [node?.metadata.labels?.[HOSTNAME_LABEL] ?? nodeName] },
              ],
            },
          ],
        },
      },
      persistentVolumeReclaimPolicy: storageClass.reclaimPolicy ?? 'Delete',
      storageClassName: storageClassOf(claim),
      volumeMode: 'Filesystem',
    },
  });
  delete state.provisioning[claimKeyOf(claim)];
  if (!created.ok) {
    record(context, claim, 'Warning', 'ProvisioningFailed', `failed to create PV object: ${created.error.message}`);
    return;
  }
  delete state.failures[claimKeyOf(claim)];
  record(context, claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volumeName}`);
  context.decisions.record(
    LOCAL_PATH_PROVISIONER_NAME,
    { kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name ?? '', uid },
    `created ${volumeName} (${claim.spec.resources?.requests?.storage ?? '0'}) as a directory on ${nodeName}, ` +
      `the node the scheduler chose; the volume is pinned to that node (after ${HELPER_POD_MS / 1000} s)`,
  );
}

/** shouldDelete, then Delete with its helper pod, then the volume object goes. */
function syncVolume(context: ControllerContext, name: string): void {
  const state = context.state(initialState);
  const volume = context.api.find(VOLUMES, undefined, name) as PersistentVolume | undefined;
  if (!volume || !isOurReleasedVolume(volume)) {
    delete state.deleting[name];
    return;
  }
  const until = state.deleting[name];
  if (until === undefined) {
    state.deleting[name] = context.runtime.now() + HELPER_POD_MS;
    context.queue.addAfter(name, HELPER_POD_MS);
    return;
  }
  if (context.runtime.now() < until) {
    context.queue.addAfter(name, until - context.runtime.now());
    return;
  }
  delete state.deleting[name];
  if (context.api.delete(VOLUMES, undefined, name).ok)
    context.decisions.record(
      LOCAL_PATH_PROVISIONER_NAME,
      { kind: 'PersistentVolume', name, uid: volume.metadata.uid },
      `reclaim policy Delete: removed ${volume.spec.hostPath?.path ?? 'its directory'} and deleted the volume`,
    );
}
