/** Small helpers for defaulting plain JSON objects in place (the callers work on their own deep copy). */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `parent[key]`, created empty when missing. */
export function ensureObject(parent: JsonObject, key: string): JsonObject {
  const current = parent[key];
  if (isJsonObject(current)) return current;
  const created: JsonObject = {};
  parent[key] = created;
  return created;
}

/** The object at `parent[key]`, or undefined. */
export function childObject(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isJsonObject(value) ? value : undefined;
}

/** The objects of the list at `parent[key]` (non-objects skipped). */
export function childObjects(parent: JsonObject | undefined, key: string): JsonObject[] {
  const value = parent?.[key];
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

/** Sets `parent[key]` when it is missing, null or the empty string (Go's zero value for the defaulted fields). */
export function setDefault(parent: JsonObject, key: string, value: unknown): void {
  const current = parent[key];
  if (current === undefined || current === null || current === '') parent[key] = value;
}

/** A copy with object keys sorted at every depth, as kubectl prints objects (it serializes unstructured maps). */
export function sortKeysDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => sortKeysDeep(item)) as T;
  if (!isJsonObject(value)) return value;
  const sorted: JsonObject = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeysDeep(value[key]);
  return sorted as T;
}
