/**
 * Autosave: the open workspace goes to localStorage a moment after anything the learner did changes it (a command,
 * the editor's text, the selection, the clock while paused), at most every few seconds while the clock runs, and
 * at once when the page is hidden or closed.
 */
import type { StoreApi } from 'zustand';
import type { PlaygroundState } from './playgroundStore';

/** Real ms from a change to its save. */
const AUTOSAVE_DELAY_MS = 800;
/** While playing, the clock changes every tick: saved this often. */
const AUTOSAVE_PLAYING_MS = 3_000;

/** Starts saving the store's open workspace for as long as the page lives. */
export function startAutosave(
  store: StoreApi<PlaygroundState>,
  target: { addEventListener(type: 'pagehide' | 'visibilitychange', listener: () => void): void },
) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    store.getState().saveWorkspace();
  };
  store.subscribe((state, previous) => {
    const learnerChanged =
      state.steps !== previous.steps ||
      state.editorText !== previous.editorText ||
      state.selected !== previous.selected ||
      (state.clock?.now !== previous.clock?.now && !state.clock?.playing) ||
      state.clock?.playing !== previous.clock?.playing;
    const clockRan = state.clock?.now !== previous.clock?.now;
    if (timer === undefined && (learnerChanged || clockRan))
      timer = setTimeout(save, learnerChanged ? AUTOSAVE_DELAY_MS : AUTOSAVE_PLAYING_MS);
  });
  target.addEventListener('pagehide', save);
  target.addEventListener('visibilitychange', save);
}
