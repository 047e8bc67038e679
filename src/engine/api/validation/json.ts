/** Narrowing helpers for reading decoded objects, whose fields were type-checked by the decoder. */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

/** The objects of a list (anything else yields an empty list). */
export function asList(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter((item): item is JsonObject => asObject(item) !== undefined) : [];
}

/** A list of any items. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
