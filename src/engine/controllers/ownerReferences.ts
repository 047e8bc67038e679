/** Controller references between objects (apimachinery meta/v1 NewControllerRef, GetControllerOf). */
import type { OwnerReference } from '../api/kinds';
import type { KubeObject } from '../api/types';

/** The ownerReference a controller puts on what it creates: controller and blockOwnerDeletion both true. */
export function controllerRefTo(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** The object's managing controller, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/** Whether `owner` is the managing controller of `object`. */
export function isControlledBy(object: KubeObject, owner: KubeObject): boolean {
  return controllerOf(object)?.uid === owner.metadata.uid;
}
