import { describe, expect, it } from 'vitest';
import { EngineHost, PICTURE_MS, TICK_MS, type HostTimers } from './engineHost';
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
  host.start({ seed: 1 });
  return { host, frames, elapse };
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

  it('records what ran, so a new host replays it to the same picture (the crash restart)', () => {
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
    replayed.host.start({ seed: 1, steps: outcome.ok ? outcome.steps : [], time: frames.at(-1)!.clock.now });
    expect(replayed.frames.at(-1)!.view).toEqual(original);
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
    expect(frames.at(-1)!.stepTimes).toEqual([start + 5_000]);
    host.seek(end);
    expect(podNames(frames.at(-1))).toEqual(['solo']);
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
