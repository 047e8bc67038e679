/**
 * Objects of one resource by their owners, the lookup controllers make on every sync (an informer's indexer by
 * owner uid): derived from the stored objects, built on first use and kept in step by every write, so nothing
 * here is part of the snapshot.
 */
import type { KubeObject } from './types';

export interface OwnerIndex {
  /** Owner uid → bucket keys (`namespace/name`) of the objects whose ownerReferences name it, sorted. */
  byOwner: Map<string, string[]>;
  /** Namespace (empty when cluster-scoped) → bucket keys of the objects with no controller reference, sorted. */
  uncontrolled: Map<string, string[]>;
}

/** Indexes every object of a bucket. */
export function buildOwnerIndex(bucket: Record<string, KubeObject>): OwnerIndex {
  const index: OwnerIndex = { byOwner: new Map(), uncontrolled: new Map() };
  for (const key of Object.keys(bucket).sort()) {
    const object = bucket[key]!;
    for (const uid of ownerUids(object)) listFor(index.byOwner, uid).push(key);
    if (!hasController(object)) listFor(index.uncontrolled, namespaceOfKey(key)).push(key);
  }
  return index;
}

/** Moves `key` in the index from what `previous` (if it existed) owned it to what `next` (if it stays) does. */
export function reindexOwners(
  index: OwnerIndex,
  key: string,
  previous: KubeObject | undefined,
  next: KubeObject | undefined,
): void {
  const before = previous ? ownerUids(previous) : [];
  const after = next ? ownerUids(next) : [];
  for (const uid of before) if (!after.includes(uid)) removeKey(index.byOwner, uid, key);
  for (const uid of after) if (!before.includes(uid)) insertKey(index.byOwner, uid, key);
  const wasUncontrolled = previous !== undefined && !hasController(previous);
  const isUncontrolled = next !== undefined && !hasController(next);
  if (wasUncontrolled === isUncontrolled) return;
  if (isUncontrolled) insertKey(index.uncontrolled, namespaceOfKey(key), key);
  else removeKey(index.uncontrolled, namespaceOfKey(key), key);
}

/**
 * Keeps a uid → key map in step with a write of `key` (uids are unique: the server assigns them and updates keep
 * them).
 */
export function reindexUid(
  byUid: Map<string, string>,
  key: string,
  previous: KubeObject | undefined,
  next: KubeObject | undefined,
): void {
  const before = previous?.metadata.uid;
  const after = next?.metadata.uid;
  if (before === after) return;
  if (before !== undefined && byUid.get(before) === key) byUid.delete(before);
  if (after !== undefined) byUid.set(after, key);
}

/** The uid of the object's controller reference, if it has one. */
export function controllerUidOf(object: KubeObject): string | undefined {
  return object.metadata.ownerReferences?.find((ref) => ref.controller === true)?.uid;
}

function hasController(object: KubeObject): boolean {
  return controllerUidOf(object) !== undefined;
}

/** The distinct owner uids, in reference order. */
function ownerUids(object: KubeObject): string[] {
  const refs = object.metadata.ownerReferences;
  if (!refs || refs.length === 0) return [];
  const uids: string[] = [];
  for (const ref of refs) if (!uids.includes(ref.uid)) uids.push(ref.uid);
  return uids;
}

function namespaceOfKey(key: string): string {
  return key.slice(0, key.indexOf('/'));
}

function listFor(map: Map<string, string[]>, group: string): string[] {
  let list = map.get(group);
  if (!list) map.set(group, (list = []));
  return list;
}

/** Where `key` is or would go in the sorted `list` (keys compare as `Array.prototype.sort` orders them). */
export function lowerBound(list: readonly string[], key: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (list[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insertKey(map: Map<string, string[]>, group: string, key: string): void {
  const list = listFor(map, group);
  const at = lowerBound(list, key);
  if (list[at] !== key) list.splice(at, 0, key);
}

function removeKey(map: Map<string, string[]>, group: string, key: string): void {
  const list = map.get(group);
  if (!list) return;
  const at = lowerBound(list, key);
  if (list[at] !== key) return;
  list.splice(at, 1);
  if (list.length === 0) map.delete(group);
}
