/** The page's handle on the engine worker. */
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './protocol';

export type EngineClient = Remote<EngineApi>;

export function startEngineWorker(): EngineClient {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kube-playground-engine',
  });
  return wrap<EngineApi>(worker);
}
