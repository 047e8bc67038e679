/**
 * Scenarios in the page: what is open (and what Reset returns to), the learner's workspaces, opening links,
 * examples and files, sharing and exporting. The text work (YAML, links, exports) happens in the worker.
 */
import i18next from 'i18next';
import { momentFrom } from '../engine/scenario/scenarioMoment';
import type { Scenario } from '../engine/scenario/scenario';
import { exampleIdIn, isScenarioLink } from '../engine/scenario/scenarioAddress';
import type { ScenarioProblem } from '../engine/scenario/scenarioFile';
import type { ExportFormat } from '../worker/protocol';
import { STARTER_MANIFEST } from './editorSlice';
import { selectedName } from './selectionSlice';
import type { Slice } from './slice';
import {
  blankScenario,
  keepWorkspaces,
  loadWorkspaces,
  saveWorkspaces,
  type ScenarioOrigin,
  type Workspace,
} from './workspaces';

export interface ScenarioMessage {
  tone: 'error' | 'info';
  text: string;
}

export interface ExportedFile {
  name: string;
  text: string;
  type: string;
}

export interface ScenarioSlice {
  /** Newest first; the first is the one open. */
  workspaces: Workspace[];
  scenarioMessage?: ScenarioMessage;
  /** Opens what the page's address asks for (`#s1.…` link, `#example=ID`), else the last workspace, else a blank one. */
  openInitial(hash: string, storage: Storage | undefined): Promise<void>;
  openScenario(scenario: Scenario, origin: ScenarioOrigin): Promise<void>;
  /** Opens a gallery example; false (with a message) when there is no such example. */
  openExample(id: string): Promise<boolean>;
  /** A scenario file's text (or a link pasted into a file) from the file picker or a drop. */
  importScenario(text: string, fileName: string): Promise<void>;
  /** A session script (`.sh`) from the file picker or a drop: its steps at the moments its sleeps give them. */
  importScript(text: string, fileName: string): Promise<void>;
  /** Back to the start of what was opened; the workspace as it was is kept among the recent ones. */
  reset(): Promise<void>;
  restoreWorkspace(id: string): Promise<void>;
  /** The scenario as it stands now: the open one's cluster and seed, what was done, the clock, editor and view. */
  currentScenario(): Scenario;
  /** The share link's fragment (`s1.…`) for the scenario as it stands, paused at this moment. */
  shareFragment(): Promise<string>;
  exportFile(format: FileFormat): Promise<ExportedFile>;
  /** Writes the open workspace as it stands to storage (autosave); nothing while a scenario is being opened. */
  saveWorkspace(): void;
  dismissScenarioMessage(): void;
}

/** Why a link or file cannot be opened, in the page's language; the engine's English detail where it names a field. */
function problemText(read: { problem: ScenarioProblem; error: string; version?: number }): string {
  return i18next.t(`app:scenario.problem.${read.problem}`, { detail: read.error, version: read.version });
}

/** What Export saves: everything but the link, which Share gives. */
export type FileFormat = Exclude<ExportFormat, 'link'>;

const EXPORTS: Record<FileFormat, { suffix: string; type: string }> = {
  file: { suffix: '.kubeplay.yaml', type: 'application/yaml' },
  manifests: { suffix: '.manifests.yaml', type: 'application/yaml' },
  script: { suffix: '.sh', type: 'text/x-shellscript' },
  events: { suffix: '.events.txt', type: 'text/plain' },
};

let workspaceCounter = 0;
const newWorkspaceId = () => `w${Date.now().toString(36)}${(workspaceCounter++).toString(36)}`;

/** What examples open with: playing, fast enough that minutes of a demo take seconds. */
const EXAMPLE_VIEW = { playing: true, speed: 5 };

export const createScenarioSlice: Slice<ScenarioSlice> = (set, get) => {
  let storageInUse: Storage | undefined;
  let loaded = false;
  /** Said once: the browser's storage refused the workspace. */
  let storageFull = false;
  /** Opens under way: while one is, the engine's frames may still show the old scenario, and nothing is saved. */
  let opening = 0;

  /** Opens in the engine and the page: editor, terminal, selection; the workspace list gets it first. */
  const open = async (scenario: Scenario, origin: ScenarioOrigin, base: Scenario, id = newWorkspaceId()) => {
    get().saveWorkspace();
    opening++;
    try {
      const workspace: Workspace = { id, savedAt: Date.now(), origin, base, scenario };
      const others = get().workspaces.filter((entry) => entry.id !== id);
      set({
        workspaces: keepWorkspaces([workspace, ...others]),
        editing: undefined,
        ownText: undefined,
        editorText: scenario.editor ?? '',
        lastApply: undefined,
      });
      get().restartTerminal(openedMessage(scenario, origin));
      get().selectWhenShown(scenario.view?.selected);
      await get().openInEngine(scenario);
    } finally {
      opening--;
    }
    get().saveWorkspace();
  };

  const openedMessage = (scenario: Scenario, origin: ScenarioOrigin) => {
    const title = scenario.title ?? '';
    switch (origin.kind) {
      case 'example':
        return i18next.t('app:scenario.openedExample', { id: origin.id });
      case 'link':
        return i18next.t('app:scenario.openedLink', { title });
      case 'file':
        return i18next.t('app:scenario.openedFile', { name: origin.name });
      case 'blank':
        return i18next.t('app:scenario.openedBlank');
    }
  };

  const fail = (text: string) => set({ scenarioMessage: { tone: 'error', text } });

  return {
    workspaces: [],
    async openInitial(hash, storage) {
      // Read from storage once; later (a link pasted into the address bar) the list in memory is the newest,
      // and a link that cannot be opened leaves the open workspace alone.
      const firstLoad = !loaded;
      if (firstLoad) set({ workspaces: loadWorkspaces(storage, STARTER_MANIFEST) });
      loaded = true;
      storageInUse = storage;
      const example = exampleIdIn(hash);
      if (example) {
        if (await get().openExample(example)) return;
      } else if (isScenarioLink(hash)) {
        const read = await get().engine!.client.readScenario(hash);
        if (read.ok) return open(read.scenario, { kind: 'link' }, read.scenario);
        fail(i18next.t('app:scenario.badLink', { error: problemText(read) }));
      }
      if (!firstLoad) return;
      const current = get().workspaces[0];
      if (current) return open(current.scenario, current.origin, current.base, current.id);
      const blank = blankScenario(STARTER_MANIFEST);
      return open(blank, { kind: 'blank' }, blank);
    },
    openScenario: (scenario, origin) => open(scenario, origin, scenario),
    async openExample(id) {
      const { findExample } = await import('../scenarios/gallery');
      const example = findExample(id);
      if (!example) {
        fail(i18next.t('app:scenario.noExample', { id }));
        return false;
      }
      const client = get().engine!.client;
      const made = await client.scenarioFromScript(example.script, { view: EXAMPLE_VIEW });
      if (!made.ok) {
        fail(made.error);
        return false;
      }
      const editor = await client.exportScenario(made.scenario, 'manifests');
      const scenario = { ...made.scenario, editor };
      await open(scenario, { kind: 'example', id }, scenario);
      return true;
    },
    async importScenario(text, fileName) {
      const read = await get().engine!.client.readScenario(text);
      if (!read.ok) {
        const where = read.line ? ` (${fileName}:${read.line}:${read.column ?? 1})` : ` (${fileName})`;
        return fail(i18next.t('app:scenario.badFile', { error: problemText(read) + where }));
      }
      await open(read.scenario, { kind: 'file', name: fileName }, read.scenario);
    },
    async importScript(text, fileName) {
      const made = await get().engine!.client.scenarioFromScript(text, {});
      if (!made.ok)
        return fail(i18next.t('app:scenario.badFile', { error: `${made.error} (${fileName}:${made.line})` }));
      const scenario = { ...made.scenario, title: made.scenario.title ?? fileName };
      await open(scenario, { kind: 'file', name: fileName }, scenario);
    },
    async reset() {
      const current = get().workspaces[0];
      if (current) await open(current.base, current.origin, current.base);
    },
    async restoreWorkspace(id) {
      const found = get().workspaces.find((entry) => entry.id === id);
      if (found) await open(found.scenario, found.origin, found.base, found.id);
    },
    currentScenario() {
      const { workspaces, clock, steps, selected } = get();
      const opened = workspaces[0]?.scenario ?? blankScenario('');
      const moment = clock
        ? momentFrom(steps, clock.stepsDone, clock.now - clock.start, clock.horizon - clock.start)
        : { steps: opened.steps, clock: opened.clock, end: opened.end ?? 0 };
      const view = {
        ...(selected ? { selected: selectedName(selected) } : {}),
        ...(clock && clock.speed !== 1 ? { speed: clock.speed } : {}),
        ...(clock?.playing ? { playing: true } : {}),
      };
      const editor = get().ownEditorText();
      return {
        ...(opened.title ? { title: opened.title } : {}),
        ...(opened.description ? { description: opened.description } : {}),
        seed: opened.seed,
        cluster: opened.cluster,
        ...moment,
        ...(editor ? { editor } : {}),
        ...(Object.keys(view).length > 0 ? { view } : {}),
      };
    },
    async shareFragment() {
      const scenario = get().currentScenario();
      // Whoever opens the link finds the cluster at this moment, paused.
      const view = { ...scenario.view, playing: false };
      return get().engine!.client.exportScenario({ ...scenario, view }, 'link');
    },
    async exportFile(format) {
      const scenario = get().currentScenario();
      const text = await get().engine!.client.exportScenario(scenario, format);
      const base = (scenario.title ?? 'scenario').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
      const { suffix, type } = EXPORTS[format];
      return { name: `${base}${suffix}`, text, type };
    },
    saveWorkspace() {
      const [current, ...others] = get().workspaces;
      if (!current || !get().clock || opening > 0) return;
      const updated = { ...current, savedAt: Date.now(), scenario: get().currentScenario() };
      set({ workspaces: [updated, ...others] });
      if (!saveWorkspaces(storageInUse, [updated, ...others]) && !storageFull) {
        storageFull = true;
        fail(i18next.t('app:scenario.storageFull'));
      }
    },
    dismissScenarioMessage: () => set({ scenarioMessage: undefined }),
  };
};
