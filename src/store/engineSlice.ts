/** The engine mirror: connection, clock, the cluster's picture, Events and decisions; play, pause, seek, run. */
import { proxy } from 'comlink';
import type { EngineWorker } from '../worker/engineClient';
import type { EngineFrame, RecordedStep, RunOutcome } from '../worker/protocol';
import { applyFrame, type EngineMirror } from './frames';
import type { Slice } from './slice';

export type EngineStatus = 'starting' | 'ready' | 'failed';

export interface EngineSlice extends EngineMirror {
  status: EngineStatus;
  error?: string;
  /** A message for the learner about the engine itself (it crashed and was restarted). */
  notice?: string;
  engine?: EngineWorker;
  /** What the learner did, as recorded by the engine: replayed after a crash. */
  steps: RecordedStep[];
  connect(startWorker: (onCrash: (message: string) => void) => EngineWorker, seed?: number): Promise<void>;
  play(): void;
  pause(): void;
  setSpeed(speed: number): void;
  stepForward(): void;
  seek(time: number): void;
  /** Runs script text in the engine and records it. */
  runScript(script: string): Promise<RunOutcome>;
  /** Keeps the recorded steps after a command the engine ran another way (a watch). */
  noteSteps(steps: RecordedStep[]): void;
  dismissNotice(): void;
}

export const createEngineSlice: Slice<EngineSlice> = (set, get) => {
  const onFrame = (frame: EngineFrame) => set((state) => applyFrame(state, frame));
  let seed = 1;
  let factory: ((onCrash: (message: string) => void) => EngineWorker) | undefined;

  const startEngine = async (steps: RecordedStep[], wasPlaying: boolean) => {
    const engine = factory!(onCrash);
    set({ engine });
    await engine.client.subscribe(proxy(onFrame));
    await engine.client.start({ seed, steps });
    if (wasPlaying) await engine.client.play();
  };

  /**
   * The worker died: a new one replays what the learner did up to the last command that finished (a command in
   * flight, the likely cause, was never recorded here), and the page says so.
   */
  const onCrash = (message: string) => {
    const { engine, steps, clock } = get();
    engine?.terminate();
    set({ notice: message });
    void startEngine(steps, clock?.playing ?? false).catch((error: Error) =>
      set({ status: 'failed', error: error.message }),
    );
  };

  return {
    status: 'starting',
    events: [],
    decisions: [],
    stepTimes: [],
    steps: [],
    async connect(startWorker, startSeed = 1) {
      // React may mount twice in development; one worker is enough.
      if (factory) return;
      factory = startWorker;
      seed = startSeed;
      try {
        await startEngine([], true);
        set({ status: 'ready' });
      } catch (error) {
        set({ status: 'failed', error: (error as Error).message });
      }
    },
    play: () => void get().engine?.client.play(),
    pause: () => void get().engine?.client.pause(),
    setSpeed: (speed) => void get().engine?.client.setSpeed(speed),
    stepForward: () => void get().engine?.client.step(),
    seek: (time) => void get().engine?.client.seek(time),
    async runScript(script) {
      const engine = get().engine;
      if (!engine) return { ok: false, error: 'the engine is not running', line: 0 };
      const outcome = await engine.client.run(script);
      if (outcome.ok) set({ steps: outcome.steps });
      return outcome;
    },
    noteSteps: (steps) => set({ steps }),
    dismissNotice: () => set({ notice: undefined }),
  };
};
