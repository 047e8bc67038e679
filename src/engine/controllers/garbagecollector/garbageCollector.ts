/**
 * The garbage collector (pkg/controller/garbagecollector/garbagecollector.go): deletes objects whose owners are all
 * gone, and carries out the propagation a delete asked for — Background (owner gone first, dependents after),
 * Foreground (`foregroundDeletion`: dependents first, the owner once no dependent with blockOwnerDeletion is left)
 * and Orphan (`orphan`: dependents lose their ownerReference and stay).
 */
import type { OwnerReference } from '../../api/kinds';
import type { KubeObject, PropagationPolicy, ResourceType, WatchEvent } from '../../api/types';
import type { ControllerContext, ControllerDefinition } from '../controller';
import {
  COLLECTED_RESOURCES,
  FINALIZER_FOREGROUND,
  FINALIZER_ORPHAN,
  dependentsOf,
  isDeletingDependents,
  itemKeyOf,
  parseItemKey,
  resolveOwner,
} from './ownerGraph';
import { cloneJson } from '../../runtime/cloneJson';

export const GARBAGE_COLLECTOR_NAME = 'garbage-collector-controller';

export const GARBAGE_COLLECTOR: ControllerDefinition = {
  name: GARBAGE_COLLECTOR_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => keysFor(context, event, resource, previous),
    sync: (key) => attemptToDeleteItem(context, key),
  }),
};

/**
 * The graph builder's `processTransitions`: a deleted object wakes its dependents and the owners waiting for it;
 * an object being deleted with `orphan` or `foregroundDeletion` wakes itself (and, for foreground, its
 * dependents); an object with a missing owner, or an owner waiting for its dependents, wakes itself and that owner.
 */
function keysFor(
  context: ControllerContext,
  event: WatchEvent,
  resource: ResourceType,
  previous: KubeObject | undefined,
): string[] {
  if (!COLLECTED_RESOURCES.includes(resource)) return [];
  const object = event.object;
  const keys = new Set<string>();
  const dependentKeys = () =>
    dependentsOf(context.api, object).forEach((d) => keys.add(itemKeyOf(d.resource, d.object)));
  if (event.type === 'DELETED') dependentKeys();
  else if (object.metadata.deletionTimestamp) {
    const finalizers = object.metadata.finalizers ?? [];
    if (finalizers.includes(FINALIZER_ORPHAN) || finalizers.includes(FINALIZER_FOREGROUND))
      keys.add(itemKeyOf(resource, object));
    if (finalizers.includes(FINALIZER_FOREGROUND)) dependentKeys();
  }
  const refs = [...(object.metadata.ownerReferences ?? []), ...(previous?.metadata.ownerReferences ?? [])];
  for (const ref of refs) {
    const owner = resolveOwner(context.api, object, ref);
    if (!owner) continue;
    if (owner.object && isDeletingDependents(owner.object)) keys.add(itemKeyOf(owner.resource, owner.object));
    if (event.type !== 'DELETED' && (!owner.object || isDeletingDependents(owner.object)))
      keys.add(itemKeyOf(resource, object));
  }
  return [...keys];
}

/** `attemptToDeleteItem` (and, for an object with the `orphan` finalizer, `attemptToOrphanWorker`). */
function attemptToDeleteItem(context: ControllerContext, key: string): void {
  const { resource, namespace, name } = parseItemKey(key);
  if (!resource) return;
  const item = context.api.find(resource, namespace, name);
  if (!item) return;
  if (item.metadata.deletionTimestamp) {
    const finalizers = item.metadata.finalizers ?? [];
    if (finalizers.includes(FINALIZER_ORPHAN)) orphanDependents(context, resource, item);
    else if (finalizers.includes(FINALIZER_FOREGROUND)) processDeletingDependents(context, resource, item);
    // Otherwise it is on its way out: its dependents are handled once it is gone.
    return;
  }
  const refs = item.metadata.ownerReferences ?? [];
  if (refs.length === 0) return;
  const solid: OwnerReference[] = [];
  const dangling: OwnerReference[] = [];
  const waiting: OwnerReference[] = [];
  for (const ref of refs) {
    const owner = resolveOwner(context.api, item, ref);
    if (!owner) solid.push(ref);
    else if (!owner.object) dangling.push(ref);
    else if (isDeletingDependents(owner.object)) waiting.push(ref);
    else solid.push(ref);
  }
  if (solid.length > 0) {
    if (dangling.length === 0 && waiting.length === 0) return;
    // Drop the references to owners that are gone or waiting, or those owners would wait forever.
    const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
    if (
      updateObject(context, resource, item, (o) =>
        setOwnerReferences(
          o,
          refs.filter((r) => !drop.has(r.uid)),
        ),
      )
    ) {
      explain(
        context,
        resource,
        item,
        `removed its ownerReferences to ${describeRefs([...dangling, ...waiting])}: ${describeRefs(solid)} still owns it`,
      );
    }
    return;
  }
  let policy: PropagationPolicy;
  let why: string;
  if (waiting.length > 0 && dependentsOf(context.api, item).length > 0) {
    // Its own dependents go first too, so its owner's foreground deletion reaches down the whole tree.
    policy = 'Foreground';
    why = `its owner ${describeRefs(waiting)} is being deleted in the foreground and it has dependents`;
  } else {
    const finalizers = item.metadata.finalizers ?? [];
    policy = finalizers.includes(FINALIZER_ORPHAN)
      ? 'Orphan'
      : finalizers.includes(FINALIZER_FOREGROUND)
        ? 'Foreground'
        : 'Background';
    why =
      waiting.length > 0
        ? `its owner ${describeRefs(waiting)} is being deleted in the foreground`
        : `its owner ${describeRefs(dangling)} no longer exists`;
  }
  const deleted = context.api.delete(resource, namespace, name, {
    propagationPolicy: policy,
    preconditionUid: item.metadata.uid,
  });
  if (deleted.ok) explain(context, resource, item, `deleted it (propagation ${policy}): ${why}`);
}

/**
 * `processDeletingDependentsItem`: the owner goes once no dependent blocks it (blockOwnerDeletion), by losing its
 * `foregroundDeletion` finalizer; until then its blocking dependents are deleted.
 */
function processDeletingDependents(context: ControllerContext, resource: ResourceType, owner: KubeObject): void {
  const blocking = dependentsOf(context.api, owner).filter(({ object }) =>
    object.metadata.ownerReferences?.some((ref) => ref.uid === owner.metadata.uid && ref.blockOwnerDeletion === true),
  );
  if (blocking.length === 0) {
    if (removeFinalizer(context, resource, owner, FINALIZER_FOREGROUND))
      explain(
        context,
        resource,
        owner,
        'no dependent blocks its deletion any more: removed the foregroundDeletion finalizer',
      );
    return;
  }
  explain(
    context,
    resource,
    owner,
    `foreground deletion waits for ${blocking.length} dependent(s) with blockOwnerDeletion: ` +
      blocking.map(({ object }) => `${object.kind} ${object.metadata.name}`).join(', '),
  );
  for (const dependent of blocking) {
    if (!isDeletingDependents(dependent.object)) context.queue.add(itemKeyOf(dependent.resource, dependent.object));
  }
}

/** `orphanDependents`, then the `orphan` finalizer removed: the dependents stay, without this owner. */
function orphanDependents(context: ControllerContext, resource: ResourceType, owner: KubeObject): void {
  const uid = owner.metadata.uid;
  const dependents = dependentsOf(context.api, owner);
  for (const { resource: dependentResource, object } of dependents) {
    const refs = (object.metadata.ownerReferences ?? []).filter((ref) => ref.uid !== uid);
    if (!updateObject(context, dependentResource, object, (o) => setOwnerReferences(o, refs))) return;
  }
  if (!removeFinalizer(context, resource, owner, FINALIZER_ORPHAN)) return;
  explain(
    context,
    resource,
    owner,
    `orphaned ${dependents.length} dependent(s) (removed their ownerReference to it), then removed the orphan finalizer`,
  );
}

function setOwnerReferences(object: KubeObject, refs: OwnerReference[]): void {
  if (refs.length > 0) object.metadata.ownerReferences = refs;
  else delete object.metadata.ownerReferences;
}

function removeFinalizer(
  context: ControllerContext,
  resource: ResourceType,
  object: KubeObject,
  finalizer: string,
): boolean {
  return updateObject(context, resource, object, (o) => {
    const rest = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (rest.length > 0) o.metadata.finalizers = rest;
    else delete o.metadata.finalizers;
  });
}

/** Applies `change` to the stored object (same uid) and writes it; true when written or nothing was left to do. */
function updateObject(
  context: ControllerContext,
  resource: ResourceType,
  object: KubeObject,
  change: (object: KubeObject) => void,
): boolean {
  const current = context.api.find(resource, object.metadata.namespace, object.metadata.name ?? '');
  if (!current || current.metadata.uid !== object.metadata.uid) return true;
  const next = cloneJson(current);
  change(next);
  return context.api.update(next).ok;
}

function describeRefs(refs: readonly OwnerReference[]): string {
  return refs.map((ref) => `${ref.kind} ${ref.name}`).join(', ');
}

function explain(context: ControllerContext, resource: ResourceType, object: KubeObject, text: string): void {
  context.decisions.recordUnlessRepeated(
    GARBAGE_COLLECTOR_NAME,
    {
      kind: resource.kind,
      namespace: object.metadata.namespace,
      name: object.metadata.name ?? '',
      uid: object.metadata.uid,
    },
    text,
  );
}
