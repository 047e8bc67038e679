/**
 * The protection controllers of kube-controller-manager (pkg/controller/volume/pvcprotection, pvprotection):
 * a claim being deleted keeps its `kubernetes.io/pvc-protection` finalizer — and shows Terminating — while a
 * scheduled pod that has not finished still uses it; a volume being deleted keeps `kubernetes.io/pv-protection`
 * while it is Bound.
 */
import type { Pod } from '../../../api/kinds';
import { resolveResourceName } from '../../../api/resources';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../../../api/storageAdmission';
import type { KubeObject } from '../../../api/types';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../../controller';
import { CLAIMS, VOLUMES, type PersistentVolume } from './volumeTypes';

const PODS = resolveResourceName('pods')!;

const isTerminated = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const claimsOf = (pod: Pod) =>
  (pod.spec.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim ? [v.persistentVolumeClaim.claimName] : []));
const protectedBeingDeleted = (object: KubeObject, finalizer: string) =>
  !!object.metadata.deletionTimestamp && (object.metadata.finalizers ?? []).includes(finalizer);

/** Removes the finalizer with an update; a conflict is retried by the watch event that caused it. */
function removeFinalizer(context: ControllerContext, object: KubeObject, finalizer: string): void {
  const finalizers = (object.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  context.api.update({ ...object, metadata: { ...object.metadata, finalizers } });
}

export const PVC_PROTECTION_CONTROLLER: ControllerDefinition = {
  name: 'pvc-protection-controller',
  create: (context) => ({
    keysFor: (event, resource) => {
      if (resource === CLAIMS && protectedBeingDeleted(event.object, PVC_PROTECTION_FINALIZER))
        return [objectKeyOf(event.object.metadata.namespace, event.object.metadata.name ?? '')];
      // A pod that goes away or finishes may release the claims it used.
      if (resource !== PODS) return [];
      const pod = event.object as unknown as Pod;
      if (event.type !== 'DELETED' && !isTerminated(pod)) return [];
      return claimsOf(pod).map((claim) => objectKeyOf(pod.metadata.namespace, claim));
    },
    sync: (key) => {
      const { namespace, name } = splitObjectKey(key);
      const claim = context.api.find(CLAIMS, namespace, name);
      if (!claim || !protectedBeingDeleted(claim, PVC_PROTECTION_FINALIZER)) return;
      const inUse = (context.api.all(PODS, namespace) as Pod[]).some(
        (pod) => !!pod.spec.nodeName && !isTerminated(pod) && claimsOf(pod).includes(name),
      );
      if (!inUse) removeFinalizer(context, claim, PVC_PROTECTION_FINALIZER);
    },
  }),
};

export const PV_PROTECTION_CONTROLLER: ControllerDefinition = {
  name: 'pv-protection-controller',
  create: (context) => ({
    keysFor: (event, resource) =>
      resource === VOLUMES && protectedBeingDeleted(event.object, PV_PROTECTION_FINALIZER)
        ? [event.object.metadata.name ?? '']
        : [],
    sync: (name) => {
      const volume = context.api.find(VOLUMES, undefined, name) as PersistentVolume | undefined;
      if (!volume || !protectedBeingDeleted(volume, PV_PROTECTION_FINALIZER)) return;
      if (volume.status?.phase !== 'Bound') removeFinalizer(context, volume, PV_PROTECTION_FINALIZER);
    },
  }),
};
