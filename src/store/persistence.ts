/** The learner's own text kept in localStorage, so a reload or an error never loses it. */

export const STORAGE_KEYS = {
  /** The workspaces: scenarios with the editor's text (see workspaces.ts). */
  workspaces: 'kube-playground:workspaces',
  /** Before workspaces, the editor's text alone: read once to migrate it. */
  legacyEditor: 'kube-playground:editor',
  history: 'kube-playground:terminal-history',
} as const;

/** Reads a stored JSON value; anything missing or unreadable gives `fallback`. */
export function loadStored<T>(key: string, fallback: T, valid: (value: unknown) => value is T): T {
  try {
    const text = globalThis.localStorage?.getItem(key);
    if (text === null || text === undefined) return fallback;
    const value: unknown = JSON.parse(text);
    return valid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** Stores a JSON value; a full or blocked storage is not an error the learner can act on, so it is skipped. */
export function saveStored(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage disabled: the page keeps working with what it has in memory.
  }
}

export const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
