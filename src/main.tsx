import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isScenarioAddress } from './engine/scenario/scenarioAddress';
import { startAutosave } from './store/autosave';
import { usePlayground } from './store/playgroundStore';
import { App } from './ui/App';
import { initI18n } from './ui/i18n/i18n';
import { startEngineWorker } from './worker/engineClient';
import type { ScriptOutcome } from './worker/protocol';
import './ui/app.css';

declare global {
  interface Window {
    /** For the browser console and automation: runs a `kubeplay script` in this page's engine worker. */
    kubePlayground: { runScript(text: string, seed?: number): Promise<ScriptOutcome> };
  }
}

window.kubePlayground = {
  async runScript(text, seed) {
    const engine = usePlayground.getState().engine;
    if (!engine) throw new Error('the engine is not running yet');
    return engine.client.runScript(text, { seed });
  },
};

/**
 * Opens what the address asks for (a share link, `#example=ID`), or else the last workspace. The fragment is taken
 * out of the address once open: a reload then brings back the workspace with what the learner did since.
 */
async function openFromAddress() {
  const hash = location.hash;
  // Out of the address first: should opening fail or take long, a reload still brings the workspace back.
  if (isScenarioAddress(hash)) history.replaceState(null, '', location.pathname + location.search);
  await usePlayground.getState().openInitial(hash, localStorage);
}

// The engine starts before React renders, so the worker boots while the page draws its frame.
void usePlayground
  .getState()
  .connect(startEngineWorker)
  .then(openFromAddress)
  .then(() => startAutosave(usePlayground, window));
// A link pasted into this tab's address bar changes only the fragment: open it without a reload.
window.addEventListener('hashchange', () => {
  if (isScenarioAddress(location.hash)) void openFromAddress();
});
initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
