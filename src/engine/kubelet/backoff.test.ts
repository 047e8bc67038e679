import { describe, expect, it } from 'vitest';
import { isInBackoffSince, nextBackoff, type BackoffEntry } from './backoff';

describe('kubelet restart back-off (client-go flowcontrol.Backoff)', () => {
  it('restarts at once after the first exit, then waits 10, 20, 40 … capped at 300 s', () => {
    let entry: BackoffEntry | undefined;
    const gaps: number[] = [];
    let now = 0;
    for (let exit = 0; exit < 9; exit++) {
      // The container runs 1 s and exits; the kubelet restarts as soon as the back-off allows.
      now += 1000;
      const finishedAt = now;
      let restartAt = finishedAt;
      while (isInBackoffSince(entry, finishedAt, restartAt)) restartAt += 1000;
      gaps.push((restartAt - finishedAt) / 1000);
      entry = nextBackoff(entry, restartAt);
      now = restartAt;
    }
    expect(gaps).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('starts over when the container ran for more than 10 minutes', () => {
    const entry = nextBackoff(nextBackoff(undefined, 0), 10_000);
    expect(entry.delayMs).toBe(20_000);
    expect(isInBackoffSince(entry, 10_000 + 601_000, 10_000 + 601_500)).toBe(false);
    expect(nextBackoff(entry, 10_000 + 601_500).delayMs).toBe(10_000);
  });
});
