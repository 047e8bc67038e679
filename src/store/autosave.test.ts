import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAutosave } from './autosave';
import { STORAGE_KEYS } from './persistence';
import { createPlaygroundStore } from './playgroundStore';
import { inProcessEngines, memoryStorage } from './testing/inProcessEngine';

afterEach(() => {
  vi.useRealTimers();
});

async function autosavedStore() {
  const store = createPlaygroundStore();
  const storage = memoryStorage();
  await store.getState().connect(inProcessEngines().factory);
  await store.getState().openInitial('', storage);
  store.getState().pause();
  const listeners: Record<string, () => void> = {};
  vi.useFakeTimers();
  startAutosave(store, {
    addEventListener: (type, listener) => {
      listeners[type] = listener;
    },
  });
  const stored = () => storage.getItem(STORAGE_KEYS.workspaces) ?? '';
  return { store, stored, listeners };
}

describe('autosave', () => {
  it('saves the workspace a moment after the learner changes it', async () => {
    const { store, stored } = await autosavedStore();
    await store.getState().runScript('kubectl create namespace saved');
    expect(stored()).not.toContain('create namespace saved');
    vi.advanceTimersByTime(800);
    expect(stored()).toContain('create namespace saved');
  });

  it('saves at once when the page is hidden or closed', async () => {
    const { store, stored, listeners } = await autosavedStore();
    store.getState().setEditorText('typed before closing\n');
    listeners.pagehide!();
    expect(stored()).toContain('typed before closing');
  });
});
