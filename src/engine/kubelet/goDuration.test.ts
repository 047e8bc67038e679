import { describe, expect, it } from 'vitest';
import { formatGoDuration } from './goDuration';

describe("Go's Duration.String", () => {
  it.each([
    [0, '0s'],
    [523, '523ms'],
    [1000, '1s'],
    [1234, '1.234s'],
    [10_000, '10s'],
    [62_500, '1m2.5s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});
