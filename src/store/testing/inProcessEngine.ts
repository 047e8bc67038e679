/**
 * For store tests: the real engine API in this process instead of a worker, with a clock that moves only when the
 * test says. Each started "worker" is a fresh engine; `crash` calls the page's crash handler as a dying worker would.
 */
import type { EngineClient, EngineWorker } from '../../worker/engineClient';
import { createEngineApi } from '../../worker/engineApi';
import type { HostTimers } from '../../worker/engineHost';

export function inProcessEngines() {
  const started: { terminated: boolean }[] = [];
  let crash: (message: string) => void = () => {};
  const timers: HostTimers = { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} };
  const factory = (onCrash: (message: string) => void): EngineWorker => {
    crash = onCrash;
    const record = { terminated: false };
    started.push(record);
    // Comlink's Remote promises every call; the in-process API answers at once, which awaiting accepts alike.
    const client = createEngineApi(timers) as unknown as EngineClient;
    return { client, terminate: () => (record.terminated = true) };
  };
  return { factory, started, crash: (message: string) => crash(message) };
}

/** A Storage kept in a Map, as localStorage behaves. */
export function memoryStorage(initial: Record<string, string> = {}): Storage {
  const items = new Map(Object.entries(initial));
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}
