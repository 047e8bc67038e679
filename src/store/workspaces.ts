/**
 * The learner's workspaces in localStorage: the one they are in and the last few before it (opening a link, an
 * example or a file, or resetting, starts a new one and keeps the old). Each holds the scenario as it stands and
 * the one it was opened from, as the plain data a scenario file writes, checked again when read.
 */
import { defaultShape } from '../engine/cluster/shape';
import { semanticEqual } from '../engine/api/semanticEqual';
import type { Scenario } from '../engine/scenario/scenario';
import { checkScenario, scenarioDocument } from '../engine/scenario/scenarioDocument';
import { STORAGE_KEYS } from './persistence';

/** Workspaces kept, the current one included. */
const KEEP_WORKSPACES = 6;

export type ScenarioOrigin =
  { kind: 'blank' } | { kind: 'example'; id: string } | { kind: 'link' } | { kind: 'file'; name: string };

export interface Workspace {
  id: string;
  /** Real ms since the epoch of the last save. */
  savedAt: number;
  origin: ScenarioOrigin;
  /** What Reset returns to. */
  base: Scenario;
  scenario: Scenario;
}

/** What storage holds: scenarios as their documents (seconds, defaults left out); no base when it is the scenario. */
interface StoredWorkspace {
  id: string;
  savedAt: number;
  origin: ScenarioOrigin;
  base?: Record<string, unknown>;
  scenario: Record<string, unknown>;
}

interface StoredWorkspaces {
  version: 1;
  workspaces: StoredWorkspace[];
}

/** The cluster a first visit starts with: the default one, the starter manifest in the editor. */
export function blankScenario(editor: string): Scenario {
  return { seed: 1, cluster: defaultShape(3), steps: [], clock: 0, editor, view: { playing: true } };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readOrigin(value: unknown): ScenarioOrigin | undefined {
  if (!isRecord(value)) return undefined;
  if (value.kind === 'blank' || value.kind === 'link') return { kind: value.kind };
  if (value.kind === 'example' && typeof value.id === 'string') return { kind: 'example', id: value.id };
  if (value.kind === 'file' && typeof value.name === 'string') return { kind: 'file', name: value.name };
  return undefined;
}

/** One stored entry, or nothing when any part of it no longer reads (a newer build's, a damaged one). */
function readWorkspace(entry: unknown): Workspace[] {
  if (!isRecord(entry) || typeof entry.id !== 'string' || typeof entry.savedAt !== 'number') return [];
  const origin = readOrigin(entry.origin);
  const scenario = checkScenario(entry.scenario);
  const base = entry.base === undefined ? scenario : checkScenario(entry.base);
  if (!origin || !scenario.ok || !base.ok) return [];
  return [{ id: entry.id, savedAt: entry.savedAt, origin, base: base.scenario, scenario: scenario.scenario }];
}

/**
 * Newest first. Entries that no longer read as scenarios are left out, never thrown at the learner; storage this
 * build cannot read at all is first copied aside (`…-unreadable`), so saving over it loses nothing.
 */
export function loadWorkspaces(storage: Storage | undefined, starterText: string): Workspace[] {
  const text = read(storage, STORAGE_KEYS.workspaces);
  if (text === undefined) return migrateLegacy(storage, starterText);
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    stored = undefined;
  }
  if (!isRecord(stored) || stored.version !== 1 || !Array.isArray(stored.workspaces)) {
    write(storage, `${STORAGE_KEYS.workspaces}-unreadable`, text);
    return [];
  }
  return stored.workspaces.flatMap(readWorkspace);
}

/**
 * Before scenarios the page kept only the editor's text (`kube-playground:editor`): it becomes the first workspace,
 * so an earlier visit's text is not lost.
 */
function migrateLegacy(storage: Storage | undefined, starterText: string): Workspace[] {
  const legacy = read(storage, STORAGE_KEYS.legacyEditor);
  if (legacy === undefined) return [];
  let editor: unknown;
  try {
    editor = JSON.parse(legacy);
  } catch {
    return [];
  }
  if (typeof editor !== 'string' || editor === starterText) return [];
  const scenario = blankScenario(editor);
  return [{ id: 'migrated', savedAt: 0, origin: { kind: 'blank' }, base: scenario, scenario }];
}

/**
 * The list cut to the limit: the first (open) one always stays; an example opened and left untouched goes before
 * anything the learner changed.
 */
export function keepWorkspaces(workspaces: Workspace[]): Workspace[] {
  const kept = [...workspaces];
  const untouchedExample = (workspace: Workspace) =>
    workspace.origin.kind === 'example' && semanticEqual(workspace.base, workspace.scenario);
  while (kept.length > KEEP_WORKSPACES) {
    let drop = kept.length - 1;
    while (drop > 0 && !untouchedExample(kept[drop]!)) drop--;
    kept.splice(drop > 0 ? drop : kept.length - 1, 1);
  }
  return kept;
}

/**
 * Saves the workspaces, the open one first. When storage is full the oldest are dropped until it fits; the legacy
 * key goes once saved. Returns whether the open workspace was saved.
 */
export function saveWorkspaces(storage: Storage | undefined, workspaces: Workspace[]): boolean {
  const entries = keepWorkspaces(workspaces).map((workspace): StoredWorkspace => ({
    id: workspace.id,
    savedAt: workspace.savedAt,
    origin: workspace.origin,
    ...(semanticEqual(workspace.base, workspace.scenario) ? {} : { base: scenarioDocument(workspace.base) }),
    scenario: scenarioDocument(workspace.scenario),
  }));
  for (let count = entries.length; count > 0; count--) {
    const stored: StoredWorkspaces = { version: 1, workspaces: entries.slice(0, count) };
    if (write(storage, STORAGE_KEYS.workspaces, JSON.stringify(stored))) {
      remove(storage, STORAGE_KEYS.legacyEditor);
      return true;
    }
  }
  return false;
}

function read(storage: Storage | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** False when storage refused (full, or disabled). */
function write(storage: Storage | undefined, key: string, value: string): boolean {
  try {
    storage?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function remove(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do: the legacy key is only read when no workspaces are stored.
  }
}
