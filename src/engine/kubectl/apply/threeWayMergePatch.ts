/**
 * The strategic-merge patch `kubectl apply` sends (`AM:pkg/util/strategicpatch/patch.go:CreateThreeWayMergePatch`):
 * additions and changes from live → new config, plus deletions of what the last applied config had and the new
 * one drops. Lists of objects with a merge key (containers by name, ports by containerPort, ...) are diffed
 * element by element; other lists are replaced whole.
 */

type JsonMap = Record<string, unknown>;

const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// patchMergeKey struct tags of k8s.io/api for the lists kubectl merges element-wise.
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  env: 'name',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  taints: 'key',
};

/** Container ports merge by `containerPort`, Service ports by `port`. */
function mergeKeyFor(field: string, path: readonly string[]): string | undefined {
  if (field === 'ports') return path.some((p) => p.endsWith('ontainers')) ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
}

function diffMaps(original: JsonMap, modified: JsonMap, path: readonly string[], options: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  for (const [key, modValue] of Object.entries(modified)) {
    const origValue = original[key];
    if (!(key in original)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modValue;
      continue;
    }
    if (isMap(origValue) && isMap(modValue)) {
      const sub = diffMaps(origValue, modValue, [...path, key], options);
      if (Object.keys(sub).length > 0) patch[key] = sub;
      continue;
    }
    const mergeKey = mergeKeyFor(key, path);
    if (mergeKey && Array.isArray(origValue) && Array.isArray(modValue)) {
      diffMergingList(patch, key, mergeKey, origValue, modValue, [...path, key], options);
      continue;
    }
    if (!options.ignoreChangesAndAdditions && !deepEqual(origValue, modValue)) patch[key] = modValue;
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!(key in modified)) patch[key] = null;
  }
  return patch;
}

function diffMergingList(
  patch: JsonMap,
  key: string,
  mergeKey: string,
  original: unknown[],
  modified: unknown[],
  path: readonly string[],
  options: DiffOptions,
): void {
  const keyOf = (item: unknown) => (isMap(item) ? item[mergeKey] : undefined);
  const entries: unknown[] = [];
  for (const item of modified) {
    const match = original.find((o) => deepEqual(keyOf(o), keyOf(item)));
    if (match === undefined) {
      if (!options.ignoreChangesAndAdditions) entries.push(item);
    } else if (isMap(match) && isMap(item)) {
      const sub = diffMaps(match, item, path, options);
      if (Object.keys(sub).length > 0) entries.push({ [mergeKey]: item[mergeKey], ...sub });
    }
  }
  if (!options.ignoreDeletions) {
    for (const item of original) {
      if (!modified.some((m) => deepEqual(keyOf(m), keyOf(item))))
        entries.push({ [mergeKey]: keyOf(item), $patch: 'delete' });
    }
  }
  if (entries.length === 0) return;
  patch[key] = entries;
  // The order the new config wants, which the server keeps (`$setElementOrder`).
  patch[`$setElementOrder/${key}`] = modified.map((item) => ({ [mergeKey]: keyOf(item) }));
}

/** Merges the deletions patch into the changes patch: maps recursively, merge-key lists element by element. */
function mergePatches(a: JsonMap, b: JsonMap, path: readonly string[]): JsonMap {
  const result: JsonMap = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = result[key];
    const mergeKey = mergeKeyFor(key, path);
    if (isMap(existing) && isMap(value)) result[key] = mergePatches(existing, value, [...path, key]);
    else if (mergeKey && Array.isArray(existing) && Array.isArray(value)) {
      const merged = [...existing];
      for (const item of value) {
        const index = merged.findIndex((e) => isMap(e) && isMap(item) && deepEqual(e[mergeKey], item[mergeKey]));
        const found = merged[index];
        if (index >= 0 && isMap(found) && isMap(item)) merged[index] = mergePatches(found, item, [...path, key]);
        else merged.push(item);
      }
      result[key] = merged;
    } else result[key] = value;
  }
  return result;
}

/**
 * The patch turning `current` (live) into what `modified` (the new config) asks for, deleting fields that
 * `original` (last applied) had and `modified` dropped. An empty object means nothing to change.
 */
export function createThreeWayMergePatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap): JsonMap {
  const delta = diffMaps(current, modified, [], { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = diffMaps(original ?? {}, modified, [], { ignoreDeletions: false, ignoreChangesAndAdditions: true });
  return mergePatches(deletions, delta, []);
}

/**
 * `CreateTwoWayMergePatch`: the strategic-merge patch turning `original` into `modified`, deletions included, as
 * `kubectl set` computes it from an object before and after its change.
 */
export function createTwoWayMergePatch(original: JsonMap, modified: JsonMap): JsonMap {
  return diffMaps(original, modified, [], { ignoreDeletions: false, ignoreChangesAndAdditions: false });
}
