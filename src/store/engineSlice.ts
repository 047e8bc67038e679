/** The engine mirror: connection, clock, the cluster's picture, Events and decisions; open, play, pause, seek, run. */
import { proxy } from 'comlink';
import type { EngineWorker } from '../worker/engineClient';
import type { EngineFrame, RunOutcome, Scenario } from '../worker/protocol';
import { applyFrame, type EngineMirror } from './frames';
import type { Slice } from './slice';

export type EngineStatus = 'starting' | 'ready' | 'failed';

export interface EngineSlice extends EngineMirror {
  status: EngineStatus;
  error?: string;
  /** A message for the learner about the engine itself (it crashed and was restarted). */
  notice?: string;
  engine?: EngineWorker;
  /** Starts the worker; nothing is open until `openInEngine`. */
  connect(startWorker: (onCrash: (message: string) => void) => EngineWorker): Promise<void>;
  /** Replaces the engine's cluster with the scenario's. */
  openInEngine(scenario: Scenario): Promise<void>;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  stepForward(): void;
  seek(time: number): void;
  /** Runs script text in the engine and records it. */
  runScript(script: string): Promise<RunOutcome>;
  dismissNotice(): void;
}

export const createEngineSlice: Slice<EngineSlice> = (set, get) => {
  const onFrame = (frame: EngineFrame) => {
    set((state) => applyFrame(state, frame));
    if (frame.replayed) get().showReplayed(frame.replayed);
    if (frame.view) get().resolvePendingSelection();
  };
  let factory: ((onCrash: (message: string) => void) => EngineWorker) | undefined;

  const startWorker = async () => {
    const engine = factory!(onCrash);
    set({ engine });
    await engine.client.subscribe(proxy(onFrame));
    return engine;
  };

  /**
   * The worker died: a new one opens the scenario as it stood at the last frame (a command in flight, the likely
   * cause, was never recorded), and the page says so.
   */
  const onCrash = (message: string) => {
    const { engine, clock } = get();
    const scenario = get().currentScenario();
    engine?.terminate();
    set({ notice: message });
    // The new worker replays what was done into a fresh screen.
    get().restartTerminal(message);
    void startWorker()
      .then((next) => next.client.open({ ...scenario, view: { ...scenario.view, playing: clock?.playing ?? false } }))
      .catch((error: Error) => set({ status: 'failed', error: error.message }));
  };

  return {
    status: 'starting',
    events: [],
    decisions: [],
    steps: [],
    async connect(startWorkerWith) {
      // React may mount twice in development; one worker is enough.
      if (factory) return;
      factory = startWorkerWith;
      try {
        await startWorker();
        set({ status: 'ready' });
      } catch (error) {
        set({ status: 'failed', error: (error as Error).message });
      }
    },
    async openInEngine(scenario) {
      await get().engine?.client.open(scenario);
    },
    play: () => void get().engine?.client.play(),
    pause: () => void get().engine?.client.pause(),
    setSpeed: (speed) => void get().engine?.client.setSpeed(speed),
    stepForward: () => void get().engine?.client.step(),
    seek: (time) => void get().engine?.client.seek(time),
    async runScript(script) {
      const engine = get().engine;
      if (!engine) return { ok: false, error: 'the engine is not running', line: 0 };
      return engine.client.run(script);
    },
    dismissNotice: () => set({ notice: undefined }),
  };
};
