import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from './time';

describe('formatTimestamp', () => {
  it('formats to the second, the same within a second and anew for another', () => {
    const t = Date.UTC(2026, 0, 5, 9, 0, 7);
    expect(formatTimestamp(t)).toBe('2026-01-05T09:00:07Z');
    expect(formatTimestamp(t + 999)).toBe('2026-01-05T09:00:07Z');
    expect(formatTimestamp(t + 1000)).toBe('2026-01-05T09:00:08Z');
    expect(formatTimestamp(t - 1)).toBe('2026-01-05T09:00:06Z');
    expect(formatTimestamp(t)).toBe('2026-01-05T09:00:07Z');
  });

  it('round-trips through parseTimestamp', () => {
    const t = Date.UTC(2026, 6, 1, 23, 59, 59);
    expect(parseTimestamp(formatTimestamp(t))).toBe(t);
    expect(parseTimestamp('not a time')).toBeUndefined();
  });
});
