/**
 * Which volume a claim may bind to, shared by the PV controller (no node) and the scheduler's VolumeBinding plugin
 * (a candidate node): pkg/controller/volume/persistentvolume/index.go (findBestMatchForClaim) and
 * component-helpers/storage/volume/pv_helpers.go (FindMatchingVolume, CheckAccessModes, GetBindVolumeToClaim).
 */
import type { Node } from '../../../api/kinds';
import { labelSelectorFromSpec, matchesLabels } from '../../../api/selectors/labelSelector';
import { compareQuantities } from '../../../api/quantity/quantity';
import { matchesNodeSelectorTerm, type NodeSelectorTerm } from '../../../scheduler/nodeAffinity';
import {
  ANN_BOUND_BY_CONTROLLER,
  storageClassOf,
  requestedStorage,
  volumeCapacity,
  type PersistentVolume,
  type PersistentVolumeClaim,
} from './volumeTypes';

/** The access modes in the order kubectl abbreviates them (GetAccessModesAsString). */
const ACCESS_MODE_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

/** CheckAccessModes: the volume offers every mode the claim asks for. */
function checkAccessModes(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  const offered = volume.spec.accessModes ?? [];
  return (claim.spec.accessModes ?? []).every((mode) => offered.includes(mode));
}

/** CheckVolumeModeMismatches: an unset mode is Filesystem on either side. */
export function volumeModeMismatch(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  return (claim.spec.volumeMode ?? 'Filesystem') !== (volume.spec.volumeMode ?? 'Filesystem');
}

/** IsVolumeBoundToClaim: the claimRef names the claim (and, when it has one, its uid). */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec.claimRef;
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata.uid;
}

/** CheckNodeAffinity: a volume without required node affinity is reachable from every node. */
export function volumeFitsNode(volume: PersistentVolume, node: Node): boolean {
  const required = volume.spec.nodeAffinity?.required;
  if (!required) return true;
  return (required.nodeSelectorTerms as NodeSelectorTerm[]).some((term) => matchesNodeSelectorTerm(node, term));
}

/** The claim's label selector as a predicate on volume labels; a malformed one matches nothing. */
function selectorOf(claim: PersistentVolumeClaim): ((labels: Record<string, string> | undefined) => boolean) | null {
  if (!claim.spec.selector) return null;
  const parsed = labelSelectorFromSpec(claim.spec.selector as Parameters<typeof labelSelectorFromSpec>[0]);
  if ('error' in parsed) return () => false;
  return (labels) => matchesLabels(parsed, labels);
}

/**
 * FindMatchingVolume: a volume pre-bound to the claim (by claimRef) wins outright; otherwise the smallest Available
 * volume that is large enough, of the claim's class, mode and selector. `node` is the scheduler's path: the volume's
 * node affinity must allow it and the access modes must fit. With `delayBinding` (the PV controller for a
 * WaitForFirstConsumer claim) only pre-bound volumes count: the scheduler binds the rest.
 */
export function findMatchingVolume(
  claim: PersistentVolumeClaim,
  volumes: readonly PersistentVolume[],
  node: Node | undefined,
  excluded: ReadonlySet<string>,
  delayBinding: boolean,
): PersistentVolume | undefined {
  const requested = requestedStorage(claim);
  const requestedClass = storageClassOf(claim);
  const selects = selectorOf(claim);
  let smallest: PersistentVolume | undefined;
  for (const volume of volumes) {
    if (excluded.has(volume.metadata.name ?? '')) continue;
    if (volume.spec.claimRef && !isVolumeBoundToClaim(volume, claim)) continue;
    if (compareQuantities(volumeCapacity(volume), requested) < 0) continue;
    if (volumeModeMismatch(claim, volume) || volume.metadata.deletionTimestamp) continue;
    const fitsNode = !node || volumeFitsNode(volume, node);
    // A volume pre-bound to this claim that the node cannot reach means no match at all.
    if (isVolumeBoundToClaim(volume, claim)) return fitsNode ? volume : undefined;
    if (!node && delayBinding) continue;
    if (volume.status?.phase !== 'Available') continue;
    if (selects && !selects(volume.metadata.labels)) continue;
    if (storageClassOf(volume) !== requestedClass || !fitsNode) continue;
    if (node && !checkAccessModes(claim, volume)) continue;
    if (!smallest || compareQuantities(volumeCapacity(smallest), volumeCapacity(volume)) > 0) smallest = volume;
  }
  return smallest;
}

function accessModesKey(modes: readonly string[] | undefined): string {
  return ACCESS_MODE_ORDER.filter((mode) => (modes ?? []).includes(mode)).join(',');
}

/**
 * findBestMatchForClaim (index.go findByClaim): volumes grouped by their exact set of access modes; the groups
 * that offer every requested mode are searched from the fewest modes up, so a claim for RWO gets an RWO volume
 * before a larger-set one, and the first group with a match decides.
 */
export function findBestMatchForClaim(
  claim: PersistentVolumeClaim,
  volumes: readonly PersistentVolume[],
  delayBinding: boolean,
): PersistentVolume | undefined {
  const groups = new Map<string, PersistentVolume[]>();
  for (const volume of volumes) {
    const key = accessModesKey(volume.spec.accessModes);
    groups.set(key, [...(groups.get(key) ?? []), volume]);
  }
  const requested = claim.spec.accessModes ?? [];
  const candidates = [...groups.keys()]
    .filter((key) => requested.every((mode) => key.split(',').includes(mode)))
    .sort((a, b) => a.split(',').length - b.split(',').length || (a < b ? -1 : 1));
  for (const key of candidates) {
    const match = findMatchingVolume(claim, groups.get(key)!, undefined, new Set(), delayBinding);
    if (match) return match;
  }
  return undefined;
}

/**
 * checkVolumeSatisfyClaim, for a claim that names its volume: the reason the volume cannot serve it, if any.
 */
export function volumeMismatch(volume: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  if (volume.metadata.deletionTimestamp) return `the volume is marked for deletion "${volume.metadata.name}"`;
  if (compareQuantities(volumeCapacity(volume), requestedStorage(claim)) < 0) return 'requested PV is too small';
  if (storageClassOf(volume) !== storageClassOf(claim)) return 'storageClassName does not match';
  if (volumeModeMismatch(claim, volume)) return 'incompatible volumeMode';
  if (!checkAccessModes(claim, volume)) return 'incompatible accessMode';
  return undefined;
}

/** reference.GetReference of a claim, the volume's claimRef. */
export function claimReference(claim: PersistentVolumeClaim): NonNullable<PersistentVolume['spec']['claimRef']> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    name: claim.metadata.name,
    namespace: claim.metadata.namespace,
    resourceVersion: claim.metadata.resourceVersion,
    uid: claim.metadata.uid,
  };
}

/**
 * GetBindVolumeToClaim: the volume with its claimRef pointing at the claim (uid included) and, when the binding is
 * the controller's doing, `pv.kubernetes.io/bound-by-controller`; undefined when nothing changes.
 */
export function volumeBoundToClaim(
  volume: PersistentVolume,
  claim: PersistentVolumeClaim,
): PersistentVolume | undefined {
  const byController = !isVolumeBoundToClaim(volume, claim);
  const ref = volume.spec.claimRef;
  const next = structuredClone(volume);
  let dirty = false;
  if (
    !ref ||
    ref.name !== claim.metadata.name ||
    ref.namespace !== claim.metadata.namespace ||
    ref.uid !== claim.metadata.uid
  ) {
    next.spec.claimRef = claimReference(claim);
    dirty = true;
  }
  if (byController && next.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined) {
    next.metadata.annotations = { ...next.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    dirty = true;
  }
  return dirty ? next : undefined;
}
