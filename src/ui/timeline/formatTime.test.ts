import { describe, expect, it } from 'vitest';
import { formatClusterTime, formatElapsed } from './formatTime';

describe('time formats', () => {
  it('shows the cluster clock in UTC', () => {
    expect(formatClusterTime(Date.UTC(2026, 0, 5, 9, 0, 7, 450))).toBe('2026-01-05 09:00:07 UTC');
  });
  it('shows elapsed time compactly', () => {
    expect(formatElapsed(42_900)).toBe('+42s');
    expect(formatElapsed(65_000)).toBe('+1m05s');
    expect(formatElapsed(3_720_000)).toBe('+1h02m');
    expect(formatElapsed(-5)).toBe('+0s');
  });
});
