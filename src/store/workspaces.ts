/**
 * The learner's workspaces in localStorage: the one they are in and the last few before it (opening a link, an
 * example or a file, or resetting, starts a new one and keeps the old). Each holds the scenario as it stands and
 * the one it was opened from, as the plain data a scenario file writes, checked again when read.
 */
import { defaultShape } from '../engine/cluster/shape';
import type { Scenario } from '../engine/scenario/scenario';
import { checkScenario, scenarioDocument } from '../engine/scenario/scenarioDocument';
import { STORAGE_KEYS } from './persistence';

/** Workspaces kept, the current one included. */
export const KEEP_WORKSPACES = 6;

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

/** What storage holds: scenarios as their documents (seconds, defaults left out). */
interface StoredWorkspace {
  id: string;
  savedAt: number;
  origin: ScenarioOrigin;
  base: Record<string, unknown>;
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

/** Newest first. Entries that no longer read as scenarios are left out, never thrown at the learner. */
export function loadWorkspaces(storage: Storage | undefined, starterText: string): Workspace[] {
  const text = read(storage, STORAGE_KEYS.workspaces);
  if (text === undefined) return migrateLegacy(storage, starterText);
  try {
    const stored = JSON.parse(text) as StoredWorkspaces;
    if (stored.version !== 1 || !Array.isArray(stored.workspaces)) return [];
    return stored.workspaces.flatMap((entry) => {
      const base = checkScenario(entry.base);
      const scenario = checkScenario(entry.scenario);
      if (!base.ok || !scenario.ok || typeof entry.id !== 'string') return [];
      return [
        {
          id: entry.id,
          savedAt: entry.savedAt,
          origin: entry.origin,
          base: base.scenario,
          scenario: scenario.scenario,
        },
      ];
    });
  } catch {
    return [];
  }
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

/** Saves `current` first, then the others newest first, up to the limit; the legacy key goes once saved. */
export function saveWorkspaces(storage: Storage | undefined, workspaces: Workspace[]): void {
  const stored: StoredWorkspaces = {
    version: 1,
    workspaces: workspaces.slice(0, KEEP_WORKSPACES).map((workspace) => ({
      id: workspace.id,
      savedAt: workspace.savedAt,
      origin: workspace.origin,
      base: scenarioDocument(workspace.base),
      scenario: scenarioDocument(workspace.scenario),
    })),
  };
  try {
    storage?.setItem(STORAGE_KEYS.workspaces, JSON.stringify(stored));
    storage?.removeItem(STORAGE_KEYS.legacyEditor);
  } catch {
    // Quota exceeded or storage disabled: the page keeps working with what it has in memory.
  }
}

function read(storage: Storage | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}
