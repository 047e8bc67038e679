import { describe, expect, it } from 'vitest';
import { addToHistory, browseHistory, HISTORY_LIMIT } from './commandHistory';
import { applyFrame, type EngineMirror } from './frames';

const clock = { now: 2, start: 0, horizon: 2, playing: true, speed: 1, stepsDone: 1 };

describe('applyFrame', () => {
  it('keeps what a frame leaves out and replaces what it carries', () => {
    const view = { time: 1, nodes: [], workloads: [], pods: [], services: [] };
    const steps = [{ at: 5, run: 'kubectl get pods' }];
    const mirror: EngineMirror = { view, events: [], decisions: [], steps };
    const next = applyFrame(mirror, { clock, steps: [...steps, { at: 9, run: 'kubectl get nodes' }] });
    expect(next).toEqual({
      clock,
      view,
      events: [],
      decisions: [],
      steps: [...steps, { at: 9, run: 'kubectl get nodes' }],
    });
  });
});

describe('command history', () => {
  it('skips blanks and immediate repeats, and keeps the newest entries', () => {
    let history = addToHistory([], 'kubectl get pods');
    history = addToHistory(history, 'kubectl get pods');
    history = addToHistory(history, '   ');
    expect(history).toEqual(['kubectl get pods']);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) history = addToHistory(history, `echo ${i}`);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history.at(-1)).toBe(`echo ${HISTORY_LIMIT + 4}`);
  });

  it('walks back and forth, returning to the draft', () => {
    const history = ['a', 'b'];
    let state = browseHistory(history, 2, -1, 'dra');
    expect(state).toEqual({ position: 1, text: 'b' });
    state = browseHistory(history, state.position, -1, 'dra');
    state = browseHistory(history, state.position, -1, 'dra');
    expect(state).toEqual({ position: 0, text: 'a' });
    state = browseHistory(history, state.position, 1, 'dra');
    state = browseHistory(history, state.position, 1, 'dra');
    expect(state).toEqual({ position: 2, text: 'dra' });
  });
});
