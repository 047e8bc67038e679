import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { startEngineWorker } from './worker/engineClient';
import type { ScriptOutcome } from './worker/protocol';
import './ui/app.css';

declare global {
  interface Window {
    /** For the browser console and automation: runs a `kubeplay script` in this page's engine worker. */
    kubePlayground: { runScript(text: string, seed?: number): Promise<ScriptOutcome> };
  }
}

const engine = startEngineWorker();
window.kubePlayground = { runScript: (text, seed) => engine.runScript(text, { seed }) };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App engine={engine} />
  </StrictMode>,
);
