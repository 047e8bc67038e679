import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
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

// The engine starts before React renders, so the worker boots while the page draws its frame.
void usePlayground.getState().connect(startEngineWorker);
initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
