/**
 * syncClaim of the PV controller (pv_controller.go syncUnboundClaim, syncBoundClaim, provisionClaim): an unbound
 * claim is bound to the best matching volume, handed to a provisioner, or left Pending with an event saying why;
 * a bound claim whose volume went away (or went to another claim) is Lost.
 */
import type { Pod } from '../../../api/kinds';
import { resolveResourceName } from '../../../api/resources';
import { claimHasClass, defaultStorageClass } from '../../../api/storageAdmission';
import type { ControllerContext } from '../../controller';
import { bind, PV_CONTROLLER_NAME, recordVolumeEvent, updateClaimStatus, updateClaimStatusWithEvent } from './binding';
import { findBestMatchForClaim, isVolumeBoundToClaim, volumeMismatch } from './volumeMatching';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  storageClassOf,
  claimKeyOf,
  isDelayBinding,
  STORAGE_CLASSES,
  VOLUMES,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type StorageClass,
} from './volumeTypes';

const PODS = resolveResourceName('pods')!;

function classNamed(context: ControllerContext, name: string): StorageClass | undefined {
  return context.api.find(STORAGE_CLASSES, undefined, name) as StorageClass | undefined;
}

function subject(claim: PersistentVolumeClaim) {
  return {
    kind: 'PersistentVolumeClaim',
    namespace: claim.metadata.namespace,
    name: claim.metadata.name ?? '',
    uid: claim.metadata.uid,
  };
}

/** syncClaim: bind-completed tells a claim in its first binding pass from one that was bound before. */
export function syncClaim(context: ControllerContext, claim: PersistentVolumeClaim): void {
  if (claim.metadata.annotations?.[ANN_BIND_COMPLETED] === undefined) syncUnboundClaim(context, claim);
  else syncBoundClaim(context, claim);
}

function syncUnboundClaim(context: ControllerContext, claim: PersistentVolumeClaim): void {
  const volumes = context.api.all(VOLUMES) as PersistentVolume[];
  if (!claim.spec.volumeName) {
    const delayBinding = isDelayBinding(claim, (name) => classNamed(context, name));
    const volume = findBestMatchForClaim(claim, volumes, delayBinding);
    if (volume) {
      const why = isVolumeBoundToClaim(volume, claim)
        ? 'its claimRef names this claim (it was provisioned or reserved for it)'
        : `the smallest Available volume of class "${storageClassOf(claim)}" with room for the request and the ` +
          'access modes asked';
      if (bind(context, volume, claim))
        context.decisions.record(PV_CONTROLLER_NAME, subject(claim), `bound to ${volume.metadata.name}: ${why}`);
      return;
    }
    if (assignDefaultStorageClass(context, claim)) return;
    if (delayBinding && claim.metadata.annotations?.[ANN_SELECTED_NODE] === undefined) {
      emitWaitingForConsumer(context, claim);
    } else if (storageClassOf(claim) !== '') {
      provisionClaim(context, claim);
      return;
    } else {
      recordVolumeEvent(
        context,
        claim,
        'Normal',
        'FailedBinding',
        'no persistent volumes available for this claim and no storage class is set',
      );
    }
    updateClaimStatus(context, claim, 'Pending');
    return;
  }
  // The user asked for a specific volume.
  const volume = volumes.find((v) => v.metadata.name === claim.spec.volumeName);
  if (!volume) {
    updateClaimStatus(context, claim, 'Pending');
    return;
  }
  if (!volume.spec.claimRef) {
    const mismatch = volumeMismatch(volume, claim);
    if (!mismatch) {
      bind(context, volume, claim);
      return;
    }
    recordVolumeEvent(
      context,
      claim,
      'Warning',
      'VolumeMismatch',
      `Cannot bind to requested volume "${volume.metadata.name}": ${mismatch}`,
    );
    updateClaimStatus(context, claim, 'Pending');
    return;
  }
  if (isVolumeBoundToClaim(volume, claim)) {
    bind(context, volume, claim);
    return;
  }
  recordVolumeEvent(
    context,
    claim,
    'Warning',
    'FailedBinding',
    `volume "${volume.metadata.name}" already bound to a different claim.`,
  );
  if (claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER] === undefined) updateClaimStatus(context, claim, 'Pending');
}

function syncBoundClaim(context: ControllerContext, claim: PersistentVolumeClaim): void {
  if (!claim.spec.volumeName) {
    updateClaimStatusWithEvent(
      context,
      claim,
      'Lost',
      'ClaimLost',
      'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!',
    );
    return;
  }
  const volume = context.api.find(VOLUMES, undefined, claim.spec.volumeName) as PersistentVolume | undefined;
  if (!volume) {
    updateClaimStatusWithEvent(
      context,
      claim,
      'Lost',
      'ClaimLost',
      'Bound claim has lost its PersistentVolume. Data on the volume is lost!',
    );
  } else if (!volume.spec.claimRef || volume.spec.claimRef.uid === claim.metadata.uid) {
    // Bound (or the volume's side of the binding got lost): bind again, a no-op when all is well.
    bind(context, volume, claim);
  } else {
    updateClaimStatusWithEvent(
      context,
      claim,
      'Lost',
      'ClaimMisbound',
      'Two claims are bound to the same volume, this one is bound incorrectly',
    );
  }
}

/**
 * assignDefaultStorageClass (retroactive default class): a claim created before any class was marked default
 * gets the default once one exists. Returns whether the claim was updated (its update event syncs it again).
 */
function assignDefaultStorageClass(context: ControllerContext, claim: PersistentVolumeClaim): boolean {
  if (claimHasClass(claim)) return false;
  const fallback = defaultStorageClass(context.api.all(STORAGE_CLASSES));
  if (!fallback) return false;
  return context.api.update({ ...claim, spec: { ...claim.spec, storageClassName: fallback.metadata.name } }).ok;
}

/**
 * emitEventForUnboundDelayBindingClaim: WaitForFirstConsumer while no pod uses the claim, WaitForPodScheduled
 * naming the pods that use it but wait for the scheduler.
 */
function emitWaitingForConsumer(context: ControllerContext, claim: PersistentVolumeClaim): void {
  const pods = (context.api.all(PODS, claim.metadata.namespace) as Pod[])
    .filter((pod) => !pod.spec.nodeName && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed')
    .filter((pod) => (pod.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claim.metadata.name))
    .map((pod) => pod.metadata.name)
    .sort();
  if (pods.length === 0) {
    recordVolumeEvent(
      context,
      claim,
      'Normal',
      'WaitForFirstConsumer',
      'waiting for first consumer to be created before binding',
    );
  } else {
    const which = pods.length > 1 ? `pods ${pods.join(',')}` : `pod ${pods[0]}`;
    recordVolumeEvent(context, claim, 'Normal', 'WaitForPodScheduled', `waiting for ${which} to be scheduled`);
  }
}

/**
 * provisionClaim: the class must exist; in-tree plugins (`kubernetes.io/...`) are not simulated, so such a class
 * cannot provision; any other provisioner is external — the claim is annotated with its name and waits for it.
 */
function provisionClaim(context: ControllerContext, claim: PersistentVolumeClaim): void {
  const className = storageClassOf(claim);
  const storageClass = classNamed(context, className);
  if (!storageClass) {
    recordVolumeEvent(
      context,
      claim,
      'Warning',
      'ProvisioningFailed',
      `storageclass.storage.k8s.io "${className}" not found`,
    );
    return;
  }
  const provisioner = storageClass.provisioner;
  if (provisioner.startsWith('kubernetes.io/')) {
    recordVolumeEvent(context, claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`);
    return;
  }
  let current = claim;
  const annotations = claim.metadata.annotations ?? {};
  if (
    annotations[ANN_STORAGE_PROVISIONER] !== provisioner ||
    annotations[ANN_BETA_STORAGE_PROVISIONER] !== provisioner
  ) {
    const written = context.api.update({
      ...claim,
      metadata: {
        ...claim.metadata,
        annotations: {
          ...annotations,
          [ANN_BETA_STORAGE_PROVISIONER]: provisioner,
          [ANN_STORAGE_PROVISIONER]: provisioner,
        },
      },
    });
    if (!written.ok) return;
    current = written.value as PersistentVolumeClaim;
    context.decisions.record(
      PV_CONTROLLER_NAME,
      subject(claim),
      `no existing volume fits ${claimKeyOf(claim)}: asked class ${className}'s provisioner ${provisioner} to create one`,
    );
  }
  recordVolumeEvent(
    context,
    current,
    'Normal',
    'ExternalProvisioning',
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the ` +
      'system administrator. If volume creation is delayed, please verify that the provisioner is running and ' +
      'correctly registered.',
  );
}
