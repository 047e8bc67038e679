/**
 * The VolumeBinding plugin (pkg/scheduler/framework/plugins/volumebinding: volume_binding.go, binder.go). PreFilter:
 * every claim the pod names must exist, not be lost or being deleted, and claims that bind at once must be bound.
 * Filter: a bound claim's volume must be reachable from the node (its node affinity); an unbound
 * WaitForFirstConsumer claim needs an Available volume the node can reach, or a class that can provision there.
 * For the chosen node the plugin then pre-binds the static matches and asks for provisioning (PreBind), and the pod
 * is bound once every claim is.
 */
import type { Node, Pod } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { compareQuantities } from '../api/quantity/quantity';
import {
  findMatchingVolume,
  volumeBoundToClaim,
  volumeFitsNode,
} from '../controllers/volume/persistentvolume/volumeMatching';
import {
  ANN_SELECTED_NODE,
  CLAIMS,
  storageClassOf,
  isClaimFullyBound,
  isDelayBinding,
  NO_PROVISIONER,
  requestedStorage,
  STORAGE_CLASSES,
  VOLUMES,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
} from '../controllers/volume/persistentvolume/volumeTypes';
import type { FilterStatus } from './filters';

/** What the plugin reads: the scheduler's listers. */
export interface VolumeLister {
  find(resource: typeof CLAIMS, namespace: string | undefined, name: string): KubeObject | undefined;
  all(resource: typeof CLAIMS): KubeObject[];
}

/** A pod's claims as PreFilter sorted them (GetPodVolumeClaims). */
export interface PodVolumeClaims {
  bound: PersistentVolumeClaim[];
  /** Unbound claims of a WaitForFirstConsumer class: the scheduler binds or provisions them. */
  delayed: PersistentVolumeClaim[];
}

/** What binding the pod's volumes on one node takes (PodVolumes). */
export interface PodVolumes {
  /** Available volumes to pre-bind to claims. */
  staticBindings: { claim: PersistentVolumeClaim; volume: PersistentVolume }[];
  /** Claims to provision on the node. */
  provisions: PersistentVolumeClaim[];
}

const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
const UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';

/** The claim names of a pod's persistentVolumeClaim volumes, in volume order. */
export function claimNamesOf(pod: Pod): string[] {
  return (pod.spec.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
}

function unresolvable(reasons: string[]): FilterStatus {
  return { plugin: 'VolumeBinding', code: 'UnschedulableAndUnresolvable', reasons };
}

/**
 * PreFilter (podHasPVCs, then GetPodVolumeClaims): undefined for a pod without claims (the plugin is skipped), a
 * rejection standing for every node, or the pod's claims sorted into bound and delayed.
 */
export function preFilterVolumeBinding(
  pod: Pod,
  lister: VolumeLister,
): { claims: PodVolumeClaims } | { status: FilterStatus } | undefined {
  const names = claimNamesOf(pod);
  if (names.length === 0) return undefined;
  const namespace = pod.metadata.namespace;
  const claims: PersistentVolumeClaim[] = [];
  for (const name of names) {
    const claim = lister.find(CLAIMS, namespace, name) as PersistentVolumeClaim | undefined;
    if (!claim) return { status: unresolvable([`persistentvolumeclaim "${name}" not found`]) };
    if (claim.status?.phase === 'Lost')
      return {
        status: unresolvable([
          `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${claim.spec.volumeName ?? ''}"`,
        ]),
      };
    if (claim.metadata.deletionTimestamp)
      return { status: unresolvable([`persistentvolumeclaim "${name}" is being deleted`]) };
    claims.push(claim);
  }
  const classOf = (name: string) => lister.find(STORAGE_CLASSES, undefined, name) as StorageClass | undefined;
  const result: PodVolumeClaims = { bound: [], delayed: [] };
  for (const claim of claims) {
    if (isClaimFullyBound(claim)) result.bound.push(claim);
    // A claim pre-bound to a volume by name binds at once, whatever its class.
    else if (isDelayBinding(claim, classOf) && !claim.spec.volumeName) result.delayed.push(claim);
    else return { status: unresolvable([UNBOUND_IMMEDIATE]) };
  }
  return { claims: result };
}

/** MatchTopologySelectorTerms: no terms allow every node; otherwise some term's label expressions all hold. */
function allowsTopology(storageClass: StorageClass, node: Node): boolean {
  const terms = storageClass.allowedTopologies ?? [];
  if (terms.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((term) =>
    (term.matchLabelExpressions ?? []).every((e) => labels[e.key] !== undefined && e.values.includes(labels[e.key]!)),
  );
}

/**
 * Filter (FindPodVolumes) on one node: the conflict reasons, in the plugin's order, or what binding the pod's
 * volumes there would take.
 */
export function filterVolumeBinding(
  claims: PodVolumeClaims,
  node: Node,
  lister: VolumeLister,
): { status: FilterStatus } | { volumes: PodVolumes } {
  const volumes: PodVolumes = { staticBindings: [], provisions: [] };
  let boundSatisfied = true;
  let boundFound = true;
  let unboundSatisfied = true;
  for (const claim of claims.bound) {
    const volume = lister.find(VOLUMES, undefined, claim.spec.volumeName ?? '') as PersistentVolume | undefined;
    if (!volume) {
      boundFound = false;
      break;
    }
    if (!volumeFitsNode(volume, node)) {
      boundSatisfied = false;
      break;
    }
  }
  const toMatch: PersistentVolumeClaim[] = [];
  for (const claim of claims.delayed) {
    const selected = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    if (selected === undefined) toMatch.push(claim);
    else if (selected === node.metadata.name) volumes.provisions.push(claim);
    else unboundSatisfied = false;
  }
  if (unboundSatisfied && toMatch.length > 0) {
    // The smallest requests first, so they take the smallest volumes.
    toMatch.sort((a, b) => compareQuantities(requestedStorage(a), requestedStorage(b)));
    const chosen = new Set<string>();
    const all = lister.all(VOLUMES) as PersistentVolume[];
    for (const claim of toMatch) {
      const ofClass = all.filter((v) => storageClassOf(v) === storageClassOf(claim));
      const volume = findMatchingVolume(claim, ofClass, node, chosen, true);
      if (volume) {
        chosen.add(volume.metadata.name ?? '');
        volumes.staticBindings.push({ claim, volume });
      } else volumes.provisions.push(claim);
    }
  }
  // checkVolumeProvisions: the class must name a provisioner and allow the node's topology.
  if (unboundSatisfied) {
    unboundSatisfied = volumes.provisions.every((claim) => {
      const storageClass = lister.find(STORAGE_CLASSES, undefined, storageClassOf(claim)) as StorageClass | undefined;
      return (
        !!storageClass &&
        storageClass.provisioner !== '' &&
        storageClass.provisioner !== NO_PROVISIONER &&
        allowsTopology(storageClass, node)
      );
    });
  }
  const reasons: string[] = [];
  if (!boundSatisfied) reasons.push(ERR_REASON_NODE_CONFLICT);
  if (!unboundSatisfied) reasons.push(ERR_REASON_BIND_CONFLICT);
  if (!boundFound) reasons.push(ERR_REASON_PV_NOT_EXIST);
  return reasons.length > 0 ? { status: unresolvable(reasons) } : { volumes };
}

/**
 * bindAPIUpdate (PreBind): static matches get their claimRef, claims to provision the selected node. Returns the
 * objects to write, volumes first.
 */
export function preBindWrites(volumes: PodVolumes, node: string): KubeObject[] {
  const writes: KubeObject[] = [];
  for (const { claim, volume } of volumes.staticBindings) {
    const bound = volumeBoundToClaim(volume, claim);
    if (bound) writes.push(bound);
  }
  for (const claim of volumes.provisions) {
    if (claim.metadata.annotations?.[ANN_SELECTED_NODE] === node) continue;
    writes.push({
      ...claim,
      metadata: { ...claim.metadata, annotations: { ...claim.metadata.annotations, [ANN_SELECTED_NODE]: node } },
    });
  }
  return writes;
}

/**
 * checkBindings, one poll of PreBind: `true` once every claim of the pod is fully bound, `false` to keep waiting,
 * or the error that makes the scheduler give up and retry the pod. `preBound` maps the claims PreBind matched to
 * an existing volume to that volume's name; the others were sent to provisioning.
 */
export function checkBindings(
  pod: Pod,
  node: Node,
  preBound: Readonly<Record<string, string>>,
  lister: VolumeLister,
): boolean | string {
  let allBound = true;
  for (const name of claimNamesOf(pod)) {
    const claim = lister.find(CLAIMS, pod.metadata.namespace, name) as PersistentVolumeClaim | undefined;
    if (!claim) return `failed to check binding: persistentvolumeclaim "${name}" not found`;
    const volumeName = preBound[name] ?? claim.spec.volumeName;
    if (preBound[name] === undefined && !isClaimFullyBound(claim)) {
      // A provisioner that gives up on the node takes the annotation back.
      if (claim.metadata.annotations?.[ANN_SELECTED_NODE] !== node.metadata.name)
        return `provisioning failed for PVC "${name}"`;
    }
    if (volumeName) {
      const volume = lister.find(VOLUMES, undefined, volumeName) as PersistentVolume | undefined;
      if (!volume) {
        if (preBound[name] !== undefined) return `failed to check binding: persistentvolume "${volumeName}" not found`;
      } else {
        if (!volumeFitsNode(volume, node))
          return `pv "${volumeName}" node affinity doesn't match node "${node.metadata.name}": no matching NodeSelectorTerms`;
        if (preBound[name] !== undefined && !volume.spec.claimRef?.uid)
          return `ClaimRef got reset for pv "${volumeName}"`;
      }
    }
    if (!isClaimFullyBound(claim)) allBound = false;
  }
  return allBound;
}
