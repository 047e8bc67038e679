/**
 * Objects of one resource by label (`key=value`), so a selector that requires a label value looks at the objects
 * carrying it instead of every object: derived from the stored objects, built on first use and kept in step by
 * every write, so nothing here is part of the snapshot.
 */
import { lowerBound } from './ownerIndex';
import type { LabelSelector } from './selectors/labelSelector';
import type { KubeObject } from './types';

/** `key`, NUL, `value` → bucket keys (`namespace/name`) of the objects with that label, sorted. */
export type LabelIndex = Map<string, string[]>;

function labelKey(key: string, value: string): string {
  return `${key}\0${value}`;
}

/** Indexes every object of a bucket. */
export function buildLabelIndex(bucket: Record<string, KubeObject>): LabelIndex {
  const index: LabelIndex = new Map();
  for (const key of Object.keys(bucket).sort()) {
    for (const [name, value] of Object.entries(bucket[key]!.metadata.labels ?? {})) {
      const group = labelKey(name, value);
      let list = index.get(group);
      if (!list) index.set(group, (list = []));
      list.push(key);
    }
  }
  return index;
}

/** Moves `key` in the index from the labels of `previous` (if it existed) to those of `next` (if it stays). */
export function reindexLabels(
  index: LabelIndex,
  key: string,
  previous: KubeObject | undefined,
  next: KubeObject | undefined,
): void {
  const before = previous?.metadata.labels ?? {};
  const after = next?.metadata.labels ?? {};
  if (before === after) return;
  for (const [name, value] of Object.entries(before))
    if (after[name] !== value || !next) removeKey(index, labelKey(name, value), key);
  for (const [name, value] of Object.entries(after))
    if (before[name] !== value || !previous) insertKey(index, labelKey(name, value), key);
}

/**
 * The keys of the only objects that can match `selector`: the shortest list among its requirements of one label
 * value (`key=value`, `key in (value)`). Undefined when it has none, and every object is a candidate.
 */
export function labelCandidates(index: LabelIndex, selector: LabelSelector): readonly string[] | undefined {
  let best: readonly string[] | undefined;
  for (const requirement of selector.requirements) {
    const { operator, values } = requirement;
    if (values.length !== 1 || (operator !== '=' && operator !== '==' && operator !== 'in')) continue;
    const list = index.get(labelKey(requirement.key, values[0]!)) ?? [];
    if (!best || list.length < best.length) best = list;
  }
  return best;
}

function insertKey(index: LabelIndex, group: string, key: string): void {
  let list = index.get(group);
  if (!list) index.set(group, (list = []));
  const at = lowerBound(list, key);
  if (list[at] !== key) list.splice(at, 0, key);
}

function removeKey(index: LabelIndex, group: string, key: string): void {
  const list = index.get(group);
  if (!list) return;
  const at = lowerBound(list, key);
  if (list[at] !== key) return;
  list.splice(at, 1);
  if (list.length === 0) index.delete(group);
}
