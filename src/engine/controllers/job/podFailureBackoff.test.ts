import { describe, expect, it } from 'vitest';
import { backoffDelay, remainingBackoff } from './podFailureBackoff';

describe('pod failure back-off', () => {
  it('doubles from 10 s per failure since the last success and stops at 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n) / 1000)).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
  });

  it('counts from the latest failure', () => {
    expect(remainingBackoff({ failuresAfterLastSuccess: 0 }, 5000)).toBe(0);
    expect(remainingBackoff({ failuresAfterLastSuccess: 2, lastFailureTime: 1000 }, 6000)).toBe(15_000);
    expect(remainingBackoff({ failuresAfterLastSuccess: 1, lastFailureTime: 1000 }, 12_000)).toBe(0);
  });
});
