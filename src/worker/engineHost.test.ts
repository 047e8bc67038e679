import { describe, expect, it } from 'vitest';
import { EngineHost, PICTURE_MS, TICK_MS, type HostTimers } from './engineHost';
import { defaultShape } from '../engine/cluster/shape';
import type { Scenario } from '../engine/scenario/scenario';
import { momentFrom } from '../engine/scenario/scenarioMoment';
import type { EngineFrame } from './protocol';
import { buildClusterView } from '../engine/view/buildClusterView';

/** Timers the test moves by hand: `elapse(ms)` runs whatever falls due. */
function manualTimers() {
  let now = 0;
  let pending: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const timers: HostTimers = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = nextId++;
      pending.push({ at: now + ms, run, id });
      return id;
    },
    clearTimeout: (handle) => {
      pending = pending.filter((timer) => timer.id !== handle);
    },
  };
  const elapse = (ms: number) => {
    const end = now + ms;
    for (;;) {
      pending.sort((a, b) => a.at - b.at);
      const due = pending[0];
      if (!due || due.at > end) break;
      pending.shift();
      now = due.at;
      due.run();
    }
    now = end;
  };
  return { timers, elapse };
}

function hostWithFrames() {
  const { timers, elapse } = manualTimers();
  const host = new EngineHost(timers);
  const frames: EngineFrame[] = [];
  host.subscribe((frame) => frames.push(frame));
  host.open(EMPTY);
  return { host, frames, elapse };
}

const EMPTY: Scenario = { seed: 1, cluster: defaultShape(3), steps: [], clock: 0 };

/** The scenario the page would share at the host's current moment. */
function scenarioOf(frames: EngineFrame[]): Scenario {
  const steps = frames.filter((frame) => frame.steps).at(-1)?.steps ?? [];
  const { now, start, horizon, stepsDone } = frames.at(-1)!.clock;
  return { ...EMPTY, ...momentFrom(steps, stepsDone, now - start, horizon - start) };
}

const podNames = (frame: EngineFrame | undefined) => frame?.view?.pods.map((pod) => pod.name) ?? [];

describe('EngineHost', () => {
  it('lets cluster time follow real time at the chosen speed while playing', () => {
    const { host, frames, elapse } = hostWithFrames();
    const start = frames.at(-1)!.clock.now;
    host.setSpeed(10);
    host.play();
    elapse(1000);
    host.pause();
    const last = frames.at(-1)!.clock;
    expect(last).toMatchObject({ playing: false, speed: 10 });
    expect(last.now - start).toBe(10_000);
    elapse(1000);
    expect(frames.at(-1)!.clock.now).toBe(last.now);
  });

  it('sends the picture only when it changed, and at most every PICTURE_MS while playing', () => {
    const { host, frames, elapse } = hostWithFrames();
    expect(frames.at(-1)!.view?.nodes.map((node) => node.name)).toEqual(['master1', 'worker1', 'worker2', 'worker3']);
    host.run('kubectl create deployment web --image=nginx --replicas=2');
    expect(podNames(frames.at(-1))).toEqual([]);
    const before = frames.length;
    host.play();
    elapse(2000);
    expect(podNames(frames.filter((frame) => frame.view).at(-1))).toHaveLength(2);
    const ticks = frames.slice(before);
    expect(ticks.length).toBeGreaterThanOrEqual(Math.floor(2000 / TICK_MS) - 1);
    const pictures = ticks.filter((frame) => frame.view);
    expect(pictures.length).toBeGreaterThan(0);
    expect(pictures.length).toBeLessThanOrEqual(Math.ceil(2000 / PICTURE_MS));
  });

  it('records what ran, so a new host opens the same moment with the same picture (a share, the crash restart)', () => {
    const { host, frames, elapse } = hostWithFrames();
    host.run('kubectl create deployment web --image=nginx --replicas=3');
    host.setSpeed(30);
    host.play();
    elapse(1000);
    const outcome = host.run('kubectl scale deployment web --replicas=2');
    expect(outcome.ok).toBe(true);
    elapse(1000);
    host.pause();
    const original = buildClusterView(host.current().cluster);
    expect(original.pods).toHaveLength(2);
    const replayed = hostWithFrames();
    replayed.host.open(scenarioOf(frames));
    expect(replayed.frames.at(-1)!.view).toEqual(original);
    expect(replayed.frames.at(-1)!.clock.now).toBe(frames.at(-1)!.clock.now);
    // The terminal of the one who opens it shows what was done, with its output.
    expect(replayed.frames.flatMap((frame) => frame.replayed ?? []).map((run) => run.results[0]!.stdout)).toEqual([
      'deployment.apps/web created\n',
      'deployment.apps/web scaled\n',
    ]);
  });

  it('steps to the next change of a pod', () => {
    const { host, frames } = hostWithFrames();
    host.run('kubectl run solo --image=nginx');
    const statuses = [frames.at(-1)!.view!.pods[0]!.status];
    for (let i = 0; i < 10 && statuses.at(-1) !== 'Running'; i++) {
      const before = frames.at(-1)!.clock.now;
      host.step();
      expect(frames.at(-1)!.clock.now).toBeGreaterThan(before);
      statuses.push(frames.at(-1)!.view?.pods[0]!.status ?? statuses.at(-1)!);
    }
    expect(statuses).toContain('ContainerCreating');
    expect(statuses.at(-1)).toBe('Running');
  });

  it('goes back in time and shows the cluster as it was', () => {
    const { host, frames, elapse } = hostWithFrames();
    const start = frames.at(-1)!.clock.start;
    host.setSpeed(5);
    host.play();
    elapse(1000);
    host.pause();
    host.run('kubectl run solo --image=nginx');
    host.play();
    elapse(11_000);
    host.pause();
    const end = frames.at(-1)!.clock.now;
    expect(end).toBe(start + 60_100);
    expect(podNames(frames.filter((frame) => frame.view).at(-1))).toEqual(['solo']);
    host.seek(start + 1_000);
    expect(frames.at(-1)!.clock).toMatchObject({ now: start + 1_000, horizon: end });
    expect(podNames(frames.at(-1))).toEqual([]);
    expect(frames.filter((frame) => frame.steps).at(-1)!.steps).toEqual([
      { at: 5_000, run: 'kubectl run solo --image=nginx' },
    ]);
    host.seek(end);
    expect(podNames(frames.at(-1))).toEqual(['solo']);
  });

  it('opens a scenario paused or playing at its speed, and replays its future steps as the clock reaches them', () => {
    const { host, frames, elapse } = hostWithFrames();
    host.open({
      ...EMPTY,
      steps: [{ at: 3_000, run: 'kubectl create namespace team' }],
      view: { playing: true, speed: 2 },
    });
    expect(frames.at(-1)!.clock).toMatchObject({ playing: true, speed: 2, stepsDone: 0 });
    // One millisecond past the last step: the end of the timeline shows it done.
    expect(frames.at(-1)!.clock.horizon - frames.at(-1)!.clock.start).toBe(3_001);
    elapse(2_000);
    host.pause();
    const ran = frames.flatMap((frame) => frame.replayed ?? []);
    expect(ran).toEqual([
      {
        script: 'kubectl create namespace team',
        results: [
          expect.objectContaining({ command: 'kubectl create namespace team', stdout: 'namespace/team created\n' }),
        ],
      },
    ]);
    expect(frames.at(-1)!.clock.stepsDone).toBe(1);
  });

  it('sends the steps again when a new branch replaces one: the page never keeps an undone step', () => {
    const { host, frames } = hostWithFrames();
    host.run('kubectl create namespace a');
    host.run('sleep 5');
    host.run('kubectl create namespace b');
    host.seek(frames.at(-1)!.clock.start + 2_000);
    host.run('kubectl create namespace zzz');
    const steps = frames.filter((frame) => frame.steps).at(-1)!.steps!;
    expect(steps.map((step) => step.run)).toEqual([
      'kubectl create namespace a',
      'sleep 5',
      'kubectl create namespace zzz',
    ]);
  });

  it('shows a scenario’s steps in the terminal once, also when a seek jumps over them', () => {
    const { host, frames } = hostWithFrames();
    host.open({
      ...EMPTY,
      steps: [
        { at: 1_000, run: 'kubectl create namespace one' },
        { at: 2_000, run: 'kubectl create namespace two' },
      ],
    });
    const start = frames.at(-1)!.clock.start;
    host.seek(start + 5_000);
    host.seek(start);
    host.seek(start + 5_000);
    const shown = frames.flatMap((frame) => frame.replayed ?? []).map((run) => run.script);
    expect(shown).toEqual(['kubectl create namespace one', 'kubectl create namespace two']);
  });

  it('reports a script it cannot parse without recording it', () => {
    const { host } = hostWithFrames();
    expect(host.run('cat <<EOF | kubectl apply -f -\nkind: Pod')).toEqual({
      ok: false,
      error: "here-document at line 1 delimited by end-of-file (wanted `EOF')",
      line: 1,
    });
  });
});
