import { describe, expect, it } from 'vitest';
import type { EngineClient, EngineWorker } from '../worker/engineClient';
import type { EngineFrame, FrameListener, RecordedStep, StartOptions } from '../worker/protocol';
import { usePlayground } from './playgroundStore';

/** A stand-in for the worker: records what the page asked of it; `crash` fires the page's crash handler. */
function fakeWorkers() {
  const started: { options: StartOptions; terminated: boolean; played: boolean }[] = [];
  let crash: (message: string) => void = () => {};
  let listener: FrameListener = () => {};
  const recorded: RecordedStep[] = [];
  const factory = (onCrash: (message: string) => void): EngineWorker => {
    crash = onCrash;
    const record = { options: {} as StartOptions, terminated: false, played: false };
    started.push(record);
    const client = {
      subscribe: async (frames: FrameListener) => {
        listener = frames;
      },
      start: async (options: StartOptions) => {
        record.options = options;
        listener({ clock: { now: 0, start: 0, horizon: 0, playing: false, speed: 1 } } as EngineFrame);
      },
      play: async () => {
        record.played = true;
        listener({ clock: { now: 0, start: 0, horizon: 0, playing: true, speed: 1 } } as EngineFrame);
      },
      run: async (script: string) => {
        recorded.push({ at: recorded.length * 1000, script });
        return { ok: true, results: [], steps: [...recorded] };
      },
    } as unknown as EngineClient;
    return { client, terminate: () => (record.terminated = true) };
  };
  return { factory, started, crash: (message: string) => crash(message) };
}

describe('the engine slice', () => {
  it('restarts a crashed worker, replays the recorded steps and tells the learner', async () => {
    const workers = fakeWorkers();
    await usePlayground.getState().connect(workers.factory);
    expect(usePlayground.getState().status).toBe('ready');
    expect(workers.started[0]).toMatchObject({ options: { seed: 1, steps: [] }, played: true });
    await usePlayground.getState().runScript('kubectl create deployment web --image=nginx');
    await usePlayground.getState().runScript('kubectl scale deployment web --replicas=2');

    workers.crash('out of memory');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(workers.started).toHaveLength(2);
    expect(workers.started[0]!.terminated).toBe(true);
    expect(workers.started[1]!.options.steps!.map((step) => step.script)).toEqual([
      'kubectl create deployment web --image=nginx',
      'kubectl scale deployment web --replicas=2',
    ]);
    expect(workers.started[1]!.played).toBe(true);
    expect(usePlayground.getState().notice).toBe('out of memory');
    usePlayground.getState().dismissNotice();
    expect(usePlayground.getState().notice).toBeUndefined();
  });
});
