/**
 * syncVolume of the PV controller (pv_controller.go syncVolume, reclaimVolume, deleteVolumeOperation): a volume
 * without a claim is Available; one whose claim is gone is Released and reclaimed by its policy — Retain keeps it
 * (with its claimRef, so nothing else binds it), Delete removes it. Volumes a provisioner created are deleted by
 * that provisioner; the in-tree hostPath deleter only removes paths under /tmp, and the other in-tree deleters
 * (local, nfs, ...) do not exist, so such a volume fails.
 */
import type { ControllerContext } from '../../controller';
import { objectKeyOf } from '../../controller';
import {
  PV_CONTROLLER_NAME,
  recordVolumeEvent,
  unbindVolume,
  updateVolumePhase,
  updateVolumePhaseWithEvent,
} from './binding';
import { volumeModeMismatch } from './volumeMatching';
import { ANN_PROVISIONED_BY, CLAIMS, VOLUMES, type PersistentVolume, type PersistentVolumeClaim } from './volumeTypes';

/** The hostPath deleter's guard (pkg/volume/hostpath/host_path.go): an unanchored `/tmp/.+`. */
const HOST_PATH_DELETABLE = /\/tmp\/.+/;

function subject(volume: PersistentVolume) {
  return { kind: 'PersistentVolume', name: volume.metadata.name ?? '', uid: volume.metadata.uid };
}

/** syncVolume: the volume's phase from its claimRef and the claim it points at. */
export function syncVolume(context: ControllerContext, volume: PersistentVolume): void {
  const ref = volume.spec.claimRef;
  // Unused, or reserved for a claim that has not bound yet (the claim's sync does that).
  if (!ref || !ref.uid) {
    updateVolumePhase(context, volume, 'Available');
    return;
  }
  let claim = context.api.find(CLAIMS, ref.namespace, ref.name ?? '') as PersistentVolumeClaim | undefined;
  // A claim of the same name created after the bound one was deleted is not this volume's claim.
  if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
  if (!claim) {
    const released = releaseVolume(context, volume);
    if (released) reclaimVolume(context, released);
    return;
  }
  if (!claim.spec.volumeName) {
    if (volumeModeMismatch(claim, volume)) {
      recordVolumeEvent(
        context,
        volume,
        'Warning',
        'VolumeMismatch',
        `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata.name}" due to incompatible volumeMode.`,
      );
      recordVolumeEvent(
        context,
        claim,
        'Warning',
        'VolumeMismatch',
        `Cannot bind PersistentVolume "${volume.metadata.name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`,
      );
      return;
    }
    // Half bound (a provisioner or the scheduler wrote the claimRef): the claim's sync finishes it, soon.
    context.queue.add(objectKeyOf(claim.metadata.namespace, claim.metadata.name ?? ''));
    return;
  }
  if (claim.spec.volumeName === volume.metadata.name) {
    updateVolumePhase(context, volume, 'Bound');
    return;
  }
  // The claim went to another volume.
  if (volume.metadata.annotations?.[ANN_PROVISIONED_BY] && volume.spec.persistentVolumeReclaimPolicy === 'Delete') {
    const released = releaseVolume(context, volume);
    if (released) reclaimVolume(context, released);
  } else {
    unbindVolume(context, volume);
  }
}

/** The phase becomes Released, unless it already is (or is Failed, which stays visible while retrying). */
function releaseVolume(context: ControllerContext, volume: PersistentVolume): PersistentVolume | undefined {
  const phase = volume.status?.phase;
  if (phase === 'Released' || phase === 'Failed') return volume;
  const released = updateVolumePhase(context, volume, 'Released');
  if (released)
    context.decisions.record(
      PV_CONTROLLER_NAME,
      subject(volume),
      `its claim ${volume.spec.claimRef?.namespace}/${volume.spec.claimRef?.name} is gone: Released, reclaim policy ` +
        `${volume.spec.persistentVolumeReclaimPolicy ?? 'Retain'}`,
    );
  return released;
}

/** reclaimVolume: Retain keeps the volume (and its data) until an administrator acts; Delete deletes it. */
function reclaimVolume(context: ControllerContext, volume: PersistentVolume): void {
  switch (volume.spec.persistentVolumeReclaimPolicy ?? 'Retain') {
    case 'Retain':
      return;
    case 'Delete':
      deleteVolume(context, volume);
      return;
    case 'Recycle':
      // The recycler pod (an `rm -rf` of the volume) is not simulated.
      updateVolumePhaseWithEvent(
        context,
        volume,
        'Failed',
        'VolumeFailedRecycle',
        'No recycler plugin found for the volume!',
      );
      return;
    default:
      updateVolumePhaseWithEvent(
        context,
        volume,
        'Failed',
        'VolumeUnknownReclaimPolicy',
        'Volume has unrecognized PersistentVolumeReclaimPolicy',
      );
  }
}

/** deleteVolumeOperation with findDeletablePlugin: external provisioners delete their own volumes. */
function deleteVolume(context: ControllerContext, volume: PersistentVolume): void {
  const provisioner = volume.metadata.annotations?.[ANN_PROVISIONED_BY];
  if (provisioner && !provisioner.startsWith('kubernetes.io/')) return;
  const failure = inTreeDeleteFailure(volume);
  if (failure) {
    updateVolumePhaseWithEvent(context, volume, 'Failed', 'VolumeFailedDelete', failure);
    return;
  }
  const name = volume.metadata.name ?? '';
  if (context.api.delete(VOLUMES, undefined, name).ok)
    context.decisions.record(PV_CONTROLLER_NAME, subject(volume), `reclaim policy Delete: deleted ${name}`);
}

/** Why the in-tree deleter for the volume's source cannot delete it, if it cannot. */
function inTreeDeleteFailure(volume: PersistentVolume): string | undefined {
  const hostPath = volume.spec.hostPath?.path;
  if (hostPath === undefined)
    return `error getting deleter volume plugin for volume "${volume.metadata.name}": no deletable volume plugin matched`;
  if (!HOST_PATH_DELETABLE.test(hostPath))
    return `host_path deleter only supports /tmp/.+ but received provided ${hostPath}`;
  return undefined;
}
