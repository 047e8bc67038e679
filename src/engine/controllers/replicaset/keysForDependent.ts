/**
 * The informer handlers a controller registers for the objects it owns (replica_set.go:addPod/updatePod/deletePod,
 * deployment_controller.go:addReplicaSet/updateReplicaSet/deleteReplicaSet): a change wakes the owner named by the
 * controller reference — and the previous owner when that reference changed — while an orphan wakes every owner
 * whose selector matches, so one of them can adopt it.
 */
import type { OwnerReference } from '../../api/kinds';
import type { KubeObject, WatchEvent } from '../../api/types';
import { controllerOf } from '../ownerReferences';

export interface DependentHandlers {
  /** The kind of owner this controller manages (`ReplicaSet`, `Deployment`). */
  ownerKind: string;
  /** The owner's key when the reference names an existing owner with that uid (resolveControllerRef). */
  resolve(namespace: string | undefined, ref: OwnerReference): string | undefined;
  /** Keys of every owner whose selector matches the orphan. */
  orphanOwners(object: KubeObject): string[];
  /**
   * Pods only: an update that finds the object terminating counts as its deletion (its owner may replace it now,
   * and a terminating orphan wakes nobody). A new object that is already terminating always does.
   */
  terminatingIsDeleted: boolean;
}

/** The owner keys to sync after a change of one dependent object. */
export function keysForDependent(
  event: WatchEvent,
  previous: KubeObject | undefined,
  handlers: DependentHandlers,
): string[] {
  const object = event.object;
  const namespace = object.metadata.namespace;
  const ownerKey = (ref: OwnerReference | undefined) =>
    ref && ref.kind === handlers.ownerKind ? handlers.resolve(namespace, ref) : undefined;
  const ref = controllerOf(object);
  if (event.type === 'DELETED') return present([ownerKey(ref)]);
  if (event.type === 'ADDED' || !previous) {
    if (ref || object.metadata.deletionTimestamp) return present([ownerKey(ref)]);
    return handlers.orphanOwners(object);
  }
  const terminating = handlers.terminatingIsDeleted && object.metadata.deletionTimestamp !== undefined;
  if (object.metadata.resourceVersion === previous.metadata.resourceVersion) return [];
  const labelsChanged = !sameJson(object.metadata.labels ?? {}, previous.metadata.labels ?? {});
  const oldRef = controllerOf(previous);
  if (terminating) return present([ownerKey(ref), labelsChanged ? ownerKey(oldRef) : undefined]);
  const refChanged = !sameJson(ref ?? null, oldRef ?? null);
  const keys = refChanged && oldRef ? [ownerKey(oldRef)] : [];
  if (ref) return present([...keys, ownerKey(ref)]);
  return present([...keys, ...(labelsChanged || refChanged ? handlers.orphanOwners(object) : [])]);
}

function present(keys: (string | undefined)[]): string[] {
  return [...new Set(keys.filter((key): key is string => key !== undefined))];
}

/** reflect.DeepEqual on small plain objects (labels, owner references), key order and undefined members aside. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return (JSON.stringify(a) ?? 'undefined') === (JSON.stringify(b) ?? 'undefined');
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  if (keys.length !== Object.keys(right).filter((key) => right[key] !== undefined).length) return false;
  return keys.every((key) => right[key] !== undefined && sameJson(left[key], right[key]));
}
