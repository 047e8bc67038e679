/**
 * Strategic merge patch, the subset Kubernetes' built-in types need: lists of objects merged by their merge key
 * (`patchMergeKey` in the Go types), lists of primitives with `patchStrategy:"merge"`, and the `$patch` directives.
 * Source: k8s.io/apimachinery/pkg/util/strategicpatch/patch.go; merge keys from the struct tags in k8s.io/api.
 */
import { isPlainObject } from './mergePatch';
import { cloneJson } from '../../runtime/cloneJson';

/** Field name → merge key for lists of objects merged element-wise; everything else is replaced. */
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
  schedulingGates: 'name',
  podIPs: 'ip',
  hostIPs: 'ip',
};

/** Merge keys that hold only at one place: NodeStatus.addresses and ServiceAccount.secrets. */
const MERGE_KEYS_AT: Record<string, { path: string; key: string }> = {
  addresses: { path: 'status', key: 'type' },
  secrets: { path: '', key: 'name' },
};

/** Container ports merge by `containerPort`; Service ports (the only other `ports` list) by `port`. */
function mergeKeyFor(field: string, path: string[]): string | undefined {
  if (field === 'ports') return path.some((p) => p.endsWith('ontainers')) ? 'containerPort' : 'port';
  const placed = MERGE_KEYS_AT[field];
  if (placed) return path.join('.') === placed.path ? placed.key : undefined;
  return MERGE_KEYS[field];
}

/** Lists of primitives that merge (set union) instead of being replaced. */
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);

/** Applies a strategic merge patch to a copy of `target`. */
export function applyStrategicMergePatch(target: unknown, patch: unknown): unknown {
  return mergeValue(target, patch, []);
}

function mergeValue(target: unknown, patch: unknown, path: string[]): unknown {
  if (!isPlainObject(patch)) return cloneJson(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    return cloneJson(rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    if (Array.isArray(value)) {
      const mergeKey = mergeKeyFor(key, path);
      const current = result[key];
      if (mergeKey && Array.isArray(current)) result[key] = mergeObjectList(current, value, mergeKey, [...path, key]);
      else if (MERGED_PRIMITIVE_LISTS.has(key) && Array.isArray(current))
        result[key] = [...current, ...value.filter((v) => !current.includes(v))];
      else result[key] = cloneJson(value);
      continue;
    }
    const merged = mergeValue(result[key], value, [...path, key]);
    if (merged === undefined) delete result[key];
    else result[key] = merged;
  }
  for (const [key, value] of Object.entries(patch)) {
    const prefix = '$deleteFromPrimitiveList/';
    if (key.startsWith(prefix) && Array.isArray(value)) {
      const field = key.slice(prefix.length);
      const current = result[field];
      if (Array.isArray(current)) result[field] = current.filter((v) => !value.includes(v));
    }
  }
  return result;
}

function mergeObjectList(current: unknown[], patch: unknown[], mergeKey: string, path: string[]): unknown[] {
  const result = current.map((item) => cloneJson(item));
  for (const item of patch) {
    if (!isPlainObject(item) || !(mergeKey in item)) {
      result.push(cloneJson(item));
      continue;
    }
    const index = result.findIndex((existing) => isPlainObject(existing) && existing[mergeKey] === item[mergeKey]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) result[index] = mergeValue(result[index], item, path);
    else result.push(mergeValue(undefined, item, path));
  }
  return result;
}
