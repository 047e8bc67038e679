/**
 * The ownership relations the garbage collector works on (garbagecollector/graph.go, graph_builder.go), read from
 * the API server's current objects instead of a cached graph: an object's owners, as its ownerReferences name them,
 * and its dependents, the objects whose ownerReferences name it.
 */
import type { ApiServer } from '../../api/apiServer';
import type { OwnerReference } from '../../api/kinds';
import { RESOURCE_TYPES, findResourceFor, resourceKey } from '../../api/resources';
import type { KubeObject, ResourceType } from '../../api/types';

export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

/** The resources the collector watches: every deletable kind but Events, which never own anything. */
export const COLLECTED_RESOURCES: readonly ResourceType[] = RESOURCE_TYPES.filter(
  (r) => r.kind !== 'Event' && r.verbs.includes('delete') && r.verbs.includes('list'),
);

/** A work-queue key naming one object: `<resource>:<namespace>/<name>`, e.g. `replicasets.apps:default/web-5d8f`. */
export function itemKeyOf(resource: ResourceType, object: KubeObject): string {
  return `${resourceKey(resource)}:${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`;
}

/** The resource, namespace and name an item key names. */
export function parseItemKey(key: string): { resource?: ResourceType; namespace?: string; name: string } {
  const colon = key.indexOf(':');
  const slash = key.indexOf('/', colon);
  const resource = COLLECTED_RESOURCES.find((r) => resourceKey(r) === key.slice(0, colon));
  const namespace = key.slice(colon + 1, slash);
  return { resource, namespace: namespace || undefined, name: key.slice(slash + 1) };
}

/** Whether the object waits for its dependents to go (foreground deletion in progress). */
export function isDeletingDependents(object: KubeObject): boolean {
  return !!object.metadata.deletionTimestamp && (object.metadata.finalizers ?? []).includes(FINALIZER_FOREGROUND);
}

/** An owner as a reference names it, if the kind is served; `object` is undefined when no such owner exists. */
export interface ResolvedOwner {
  resource: ResourceType;
  object?: KubeObject;
}

/**
 * `isDangling`'s lookup: the owner named by `ref`, in the dependent's namespace unless the owner kind is
 * cluster-scoped; an object of that name with another uid does not count. Undefined for a kind the API does not
 * serve (Kubernetes keeps retrying those, so they never make the dependent garbage).
 */
export function resolveOwner(api: ApiServer, dependent: KubeObject, ref: OwnerReference): ResolvedOwner | undefined {
  const resource = findResourceFor(ref.apiVersion, ref.kind);
  if (!resource) return undefined;
  const found = api.find(resource, resource.namespaced ? dependent.metadata.namespace : undefined, ref.name);
  return { resource, object: found && found.metadata.uid === ref.uid ? found : undefined };
}

/** Objects whose ownerReferences name `owner`, with their resources, in discovery then name order. */
export function dependentsOf(api: ApiServer, owner: KubeObject): { resource: ResourceType; object: KubeObject }[] {
  const uid = owner.metadata.uid;
  const namespace = owner.metadata.namespace;
  const found: { resource: ResourceType; object: KubeObject }[] = [];
  if (uid === undefined) return found;
  for (const resource of COLLECTED_RESOURCES) {
    // A namespaced owner can only own objects of its own namespace.
    if (namespace !== undefined && !resource.namespaced) continue;
    for (const object of api.ownedBy(resource, namespace, uid)) found.push({ resource, object });
  }
  return found;
}
