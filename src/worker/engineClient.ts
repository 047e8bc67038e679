/** The page's handle on the engine worker, and the signal when the worker dies. */
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from './protocol';

export type EngineClient = Remote<EngineApi>;

export interface EngineWorker {
  client: EngineClient;
  terminate(): void;
}

/** Starts the engine worker; `onCrash` is called if it dies (an uncaught error, out of memory). */
export function startEngineWorker(onCrash: (message: string) => void): EngineWorker {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'kube-playground-engine',
  });
  worker.addEventListener('error', (event) => onCrash(event.message || 'the engine worker stopped'));
  return { client: wrap<EngineApi>(worker), terminate: () => worker.terminate() };
}
