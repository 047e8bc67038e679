import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultShape } from '../engine/cluster/shape';
import type { Scenario } from '../engine/scenario/scenario';
import { STARTER_MANIFEST } from './editorSlice';
import { STORAGE_KEYS } from './persistence';
import { createPlaygroundStore } from './playgroundStore';
import { inProcessEngines, memoryStorage } from './testing/inProcessEngine';
import { blankScenario, keepWorkspaces, loadWorkspaces, saveWorkspaces, type Workspace } from './workspaces';

async function connectedStore(storage = memoryStorage(), hash = '') {
  const store = createPlaygroundStore();
  const engines = inProcessEngines();
  await store.getState().connect(engines.factory);
  await store.getState().openInitial(hash, storage);
  return { store, engines, storage };
}

const podNames = (store: ReturnType<typeof createPlaygroundStore>) =>
  store.getState().view?.pods.map((pod) => pod.name) ?? [];

const linkScenario: Scenario = {
  seed: 4,
  cluster: defaultShape(2),
  steps: [{ at: 1_000, run: 'kubectl create deployment web --image=nginx:1.27 --replicas=2' }],
  clock: 60_000,
  editor: 'kind: ConfigMap\n',
  view: { selected: 'Deployment/default/web' },
};

describe('scenarios in the page', () => {
  // Messages show as their keys.
  beforeAll(() => i18next.init({ lng: 'cimode' }));

  it('a first visit opens a fresh cluster with the starter manifest, playing', async () => {
    const { store } = await connectedStore();
    expect(store.getState().editorText).toBe(STARTER_MANIFEST);
    expect(store.getState().clock).toMatchObject({ playing: true, stepsDone: 0 });
    expect(store.getState().workspaces.map((workspace) => workspace.origin)).toEqual([{ kind: 'blank' }]);
  });

  it('a reload restores the workspace: what was done, the clock, the editor text', async () => {
    const { store, storage } = await connectedStore();
    await store.getState().runScript('kubectl create deployment web --image=nginx:1.27 --replicas=2');
    await store.getState().runScript('sleep 30');
    store.getState().setEditorText('my own text\n');
    store.getState().saveWorkspace();
    const before = store.getState();

    const reloaded = await connectedStore(storage);
    const after = reloaded.store.getState();
    expect(after.clock!.now).toBe(before.clock!.now);
    expect(after.steps).toEqual(before.steps);
    expect(after.editorText).toBe('my own text\n');
    expect(podNames(reloaded.store)).toEqual(podNames(store));
    expect(podNames(reloaded.store)).toHaveLength(2);
  });

  it('a share link opens the same moment, paused, with the selection, and the terminal shows what was done', async () => {
    const { store } = await connectedStore();
    await store.getState().openScenario(linkScenario, { kind: 'link' });
    const fragment = await store.getState().shareFragment();

    const other = await connectedStore(memoryStorage(), `#${fragment}`);
    const opened = other.store.getState();
    expect(opened.clock).toMatchObject({ now: store.getState().clock!.now, playing: false });
    expect(podNames(other.store)).toEqual(podNames(store));
    expect(opened.selected).toMatchObject({ kind: 'Deployment', namespace: 'default', name: 'web' });
    expect(opened.editorText).toBe('kind: ConfigMap\n');
    expect(opened.lines.map((line) => line.text)).toEqual([
      'scenario.openedLink',
      '$ kubectl create deployment web --image=nginx:1.27 --replicas=2',
      'deployment.apps/web created',
    ]);
  });

  it('a broken link says why and leaves the learner’s workspace as it was', async () => {
    const { store, storage } = await connectedStore();
    store.getState().setEditorText('keep me\n');
    store.getState().saveWorkspace();

    const other = await connectedStore(storage, '#s1.bm90IGEgbGluaw');
    expect(other.store.getState().scenarioMessage).toEqual({ tone: 'error', text: 'scenario.badLink' });
    expect(other.store.getState().editorText).toBe('keep me\n');
    expect(other.store.getState().workspaces).toHaveLength(1);
  });

  it('a broken link pasted into the address bar later only says so: the open workspace keeps what was done', async () => {
    const { store } = await connectedStore();
    await store.getState().runScript('kubectl create namespace late');
    store.getState().setEditorText('typed just now\n');
    const lines = store.getState().lines.length;
    await store.getState().openInitial('#s1.AAAA', memoryStorage());
    expect(store.getState().scenarioMessage).toEqual({ tone: 'error', text: 'scenario.badLink' });
    expect(store.getState().steps.map((step) => step.run)).toEqual(['kubectl create namespace late']);
    expect(store.getState().editorText).toBe('typed just now\n');
    expect(store.getState().lines).toHaveLength(lines);
  });

  it('Reset returns to the start of what was opened and keeps the workspace as it was among the recent ones', async () => {
    const { store } = await connectedStore();
    await store.getState().openScenario(linkScenario, { kind: 'link' });
    await store.getState().runScript('kubectl scale deployment web --replicas=5');
    store.getState().setEditorText('changed\n');
    await store.getState().reset();

    const [current, previous] = store.getState().workspaces;
    expect(store.getState().steps).toEqual(linkScenario.steps);
    expect(store.getState().editorText).toBe('kind: ConfigMap\n');
    expect(store.getState().clock!.now - store.getState().clock!.start).toBe(60_000);
    expect(current!.base).toEqual(linkScenario);
    expect(previous!.scenario.editor).toBe('changed\n');
    expect(previous!.scenario.steps.map((step) => step.run)).toContain('kubectl scale deployment web --replicas=5');

    await store.getState().restoreWorkspace(previous!.id);
    expect(store.getState().editorText).toBe('changed\n');
    expect(store.getState().steps).toHaveLength(2);
  });

  it('an example opens at its start, playing, with its manifests in the editor', async () => {
    const { store } = await connectedStore(memoryStorage(), '#example=S002-liveness-exec');
    const state = store.getState();
    expect(state.workspaces[0]!.origin).toEqual({ kind: 'example', id: 'S002-liveness-exec' });
    expect(state.clock).toMatchObject({ playing: true, speed: 5, stepsDone: 0 });
    expect(state.clock!.now).toBe(state.clock!.start);
    expect(state.steps.length).toBeGreaterThan(3);
    expect(state.editorText).toContain('name: liveness-exec');
  });

  it('an unknown example says so and opens the workspace instead', async () => {
    const { store } = await connectedStore(memoryStorage(), '#example=S999-nothing');
    expect(store.getState().scenarioMessage).toEqual({ tone: 'error', text: 'scenario.noExample' });
    expect(store.getState().workspaces[0]!.origin).toEqual({ kind: 'blank' });
  });

  it('a crashed worker is replaced: the new one opens the scenario as it stood, and the page says so', async () => {
    const { store, engines } = await connectedStore();
    await store.getState().runScript('kubectl create deployment web --image=nginx --replicas=2');
    await store.getState().runScript('kubectl scale deployment web --replicas=3');
    const before = store.getState().clock!.now;

    engines.crash('out of memory');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engines.started).toHaveLength(2);
    expect(engines.started[0]!.terminated).toBe(true);
    expect(store.getState().steps.map((step) => step.run)).toEqual([
      'kubectl create deployment web --image=nginx --replicas=2',
      'kubectl scale deployment web --replicas=3',
    ]);
    expect(store.getState().clock).toMatchObject({ now: before, playing: true });
    expect(store.getState().notice).toBe('out of memory');
    // A fresh screen: each command shows once, replayed by the new worker.
    const commands = store
      .getState()
      .lines.filter((line) => line.kind === 'input')
      .map((line) => line.text);
    expect(commands).toEqual([
      '$ kubectl create deployment web --image=nginx --replicas=2',
      '$ kubectl scale deployment web --replicas=3',
    ]);
  });
});

describe('workspaces in storage', () => {
  it('migrate the editor text an earlier version kept on its own', () => {
    const storage = memoryStorage({ [STORAGE_KEYS.legacyEditor]: JSON.stringify('apiVersion: v1\nkind: Pod\n') });
    const [migrated] = loadWorkspaces(storage, STARTER_MANIFEST);
    expect(migrated!.scenario.editor).toBe('apiVersion: v1\nkind: Pod\n');
    expect(migrated!.scenario.steps).toEqual([]);
  });

  it('leave out entries that no longer read, one by one, and copy unreadable storage aside before it is replaced', () => {
    const document = { apiVersion: 'kubeplay/v1', kind: 'Scenario' };
    const storage = memoryStorage({
      [STORAGE_KEYS.workspaces]: JSON.stringify({
        version: 1,
        workspaces: [
          { id: 'a', savedAt: 1, origin: { kind: 'blank' }, scenario: { ...document, seed: -1 } },
          null,
          { id: 'c', savedAt: 3, origin: { kind: 'from-the-future' }, scenario: document },
          { id: 'd', savedAt: 4, scenario: document },
          { id: 'b', savedAt: 2, origin: { kind: 'blank' }, scenario: { ...document, clock: 3 } },
        ],
      }),
    });
    const read = loadWorkspaces(storage, STARTER_MANIFEST);
    expect(read.map((workspace) => [workspace.id, workspace.scenario.clock])).toEqual([['b', 3_000]]);
    const unreadable = memoryStorage({ [STORAGE_KEYS.workspaces]: '{"version":2}' });
    expect(loadWorkspaces(unreadable, STARTER_MANIFEST)).toEqual([]);
    expect(unreadable.getItem(`${STORAGE_KEYS.workspaces}-unreadable`)).toBe('{"version":2}');
  });

  it('keep six, dropping an example left untouched before the learner’s own work', () => {
    const blank = blankScenario('');
    const own = (id: string): Workspace => ({
      id,
      savedAt: 0,
      origin: { kind: 'blank' },
      base: blank,
      scenario: { ...blank, editor: id },
    });
    const example: Workspace = {
      id: 'ex',
      savedAt: 0,
      origin: { kind: 'example', id: 'S000-pod' },
      base: blank,
      scenario: blank,
    };
    const kept = keepWorkspaces([own('now'), own('1'), example, own('2'), own('3'), own('4'), own('5')]);
    expect(kept.map((workspace) => workspace.id)).toEqual(['now', '1', '2', '3', '4', '5']);
  });

  it('drop the oldest when storage is full, and say whether the open one was saved', () => {
    const blank = blankScenario('x'.repeat(100));
    const workspaces = ['a', 'b', 'c'].map((id): Workspace => ({
      id,
      savedAt: 0,
      origin: { kind: 'blank' },
      base: blank,
      scenario: blank,
    }));
    const small = memoryStorage();
    const setItem = small.setItem.bind(small);
    small.setItem = (key, value) => {
      if (value.length > 600) throw new DOMException('full', 'QuotaExceededError');
      setItem(key, value);
    };
    expect(saveWorkspaces(small, workspaces)).toBe(true);
    expect(loadWorkspaces(small, STARTER_MANIFEST).map((workspace) => workspace.id)).toEqual(['a', 'b']);
    const none = memoryStorage();
    none.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(saveWorkspaces(none, workspaces)).toBe(false);
  });
});
