/**
 * The PV controller's writes (pkg/controller/volume/persistentvolume/pv_controller.go): the two-sided binding —
 * the volume's claimRef first, then its phase, then the claim's volumeName and annotations, then its status —
 * and the status updates with their events. Each step may fail (a conflict); the next sync finishes the job.
 */
import type { KubeObject } from '../../../api/types';
import { referenceTo, type EventType } from '../../../events/recorder';
import { formatTimestamp } from '../../../runtime/time';
import { semanticEqual } from '../../../api/semanticEqual';
import type { ControllerContext } from '../../controller';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  type PersistentVolume,
  type PersistentVolumeClaim,
} from './volumeTypes';
import { volumeBoundToClaim } from './volumeMatching';

export const PV_CONTROLLER_NAME = 'persistentvolume-controller';

type ClaimPhase = NonNullable<NonNullable<PersistentVolumeClaim['status']>['phase']>;
type VolumePhase = NonNullable<NonNullable<PersistentVolume['status']>['phase']>;

/** An event from the persistentvolume-controller about a claim or a volume. */
export function recordVolumeEvent(
  context: ControllerContext,
  object: KubeObject,
  type: EventType,
  reason: string,
  message: string,
): void {
  context.events.record(referenceTo(object), type, reason, message, { component: PV_CONTROLLER_NAME });
}

/**
 * updateClaimStatus: the phase, and the access modes and capacity of `volume` (cleared without one); capacity is
 * copied only when the claim becomes bound. Returns the claim as stored, or undefined if the write failed.
 */
export function updateClaimStatus(
  context: ControllerContext,
  claim: PersistentVolumeClaim,
  phase: ClaimPhase,
  volume?: PersistentVolume,
): PersistentVolumeClaim | undefined {
  const status = { ...(claim.status ?? {}) };
  status.phase = phase;
  if (!volume) {
    delete status.accessModes;
    delete status.capacity;
  } else {
    status.accessModes = volume.spec.accessModes;
    if (claim.status?.phase !== phase) status.capacity = volume.spec.capacity;
  }
  // No request at all when nothing changes, as the controller compares before it writes.
  if (semanticEqual(status, claim.status ?? {})) return claim;
  const written = context.api.updateStatus({ ...claim, status });
  return written.ok ? (written.value as PersistentVolumeClaim) : undefined;
}

/** updateClaimStatusWithEvent: the status and its event, only when the phase actually changes. */
export function updateClaimStatusWithEvent(
  context: ControllerContext,
  claim: PersistentVolumeClaim,
  phase: ClaimPhase,
  reason: string,
  message: string,
): void {
  if (claim.status?.phase === phase) return;
  const updated = updateClaimStatus(context, claim, phase);
  if (updated) recordVolumeEvent(context, updated, 'Warning', reason, message);
}

/**
 * updateVolumePhase: a new phase and its message; the API server's status strategy stamps lastPhaseTransitionTime
 * (pkg/registry/core/persistentvolume/strategy.go), done here since this is the only writer of PV phases.
 */
export function updateVolumePhase(
  context: ControllerContext,
  volume: PersistentVolume,
  phase: VolumePhase,
  message = '',
): PersistentVolume | undefined {
  if (volume.status?.phase === phase) return volume;
  const status: NonNullable<PersistentVolume['status']> = {
    ...(volume.status ?? {}),
    phase,
    lastPhaseTransitionTime: formatTimestamp(context.runtime.now()),
  };
  if (message) status.message = message;
  else delete status.message;
  const written = context.api.updateStatus({ ...volume, status });
  return written.ok ? (written.value as PersistentVolume) : undefined;
}

/** updateVolumePhaseWithEvent: the phase and a Warning event, only when the phase changes. */
export function updateVolumePhaseWithEvent(
  context: ControllerContext,
  volume: PersistentVolume,
  phase: VolumePhase,
  reason: string,
  message: string,
): void {
  if (volume.status?.phase === phase) return;
  const updated = updateVolumePhase(context, volume, phase, message);
  if (updated) recordVolumeEvent(context, updated, 'Warning', reason, message);
}

/** bindClaimToVolume: volumeName plus bound-by-controller (if the controller chose) and bind-completed. */
function bindClaimToVolume(
  context: ControllerContext,
  claim: PersistentVolumeClaim,
  volume: PersistentVolume,
): PersistentVolumeClaim | undefined {
  const name = volume.metadata.name ?? '';
  const annotations = { ...claim.metadata.annotations };
  let dirty = false;
  const next = { ...claim, spec: { ...claim.spec } };
  if (claim.spec.volumeName !== name) {
    next.spec.volumeName = name;
    annotations[ANN_BOUND_BY_CONTROLLER] ??= 'yes';
    dirty = true;
  }
  if (annotations[ANN_BIND_COMPLETED] === undefined) {
    annotations[ANN_BIND_COMPLETED] = 'yes';
    dirty = true;
  }
  if (!dirty) return claim;
  const written = context.api.update({ ...next, metadata: { ...claim.metadata, annotations } });
  return written.ok ? (written.value as PersistentVolumeClaim) : undefined;
}

/** bind: both objects become Bound, the volume first. Returns false when a write failed (the next sync retries). */
export function bind(context: ControllerContext, volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  let current: PersistentVolume | undefined = volume;
  const pointed = volumeBoundToClaim(volume, claim);
  if (pointed) {
    const written = context.api.update(pointed);
    current = written.ok ? (written.value as PersistentVolume) : undefined;
  }
  current = current && updateVolumePhase(context, current, 'Bound');
  if (!current) return false;
  const bound = bindClaimToVolume(context, claim, current);
  return !!bound && !!updateClaimStatus(context, bound, 'Bound', current);
}

/**
 * unbindVolume: a binding the controller made is undone (claimRef and bound-by-controller removed); a user's
 * pre-binding only loses the claim's uid. The volume is Available again.
 */
export function unbindVolume(context: ControllerContext, volume: PersistentVolume): void {
  const next = structuredClone(volume);
  if (volume.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] !== undefined) {
    delete next.spec.claimRef;
    delete next.metadata.annotations![ANN_BOUND_BY_CONTROLLER];
    if (Object.keys(next.metadata.annotations!).length === 0) delete next.metadata.annotations;
  } else if (next.spec.claimRef) {
    delete next.spec.claimRef.uid;
  }
  const written = context.api.update(next);
  if (written.ok) updateVolumePhase(context, written.value as PersistentVolume, 'Available');
}
