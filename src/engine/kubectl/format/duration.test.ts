import { describe, it, expect } from 'vitest';
import { humanDuration, shortHumanDuration, translateTimestampSince } from './duration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('humanDuration', () => {
  it.each([
    [0, '0s'],
    [999, '0s'],
    [-1999, '0s'],
    [-2000, '<invalid>'],
    [SECOND, '1s'],
    [70 * SECOND, '70s'],
    [119 * SECOND + 999, '119s'],
    [120 * SECOND, '2m'],
    [190 * SECOND, '3m10s'],
    [9 * MINUTE + 59 * SECOND, '9m59s'],
    [10 * MINUTE + 30 * SECOND, '10m'],
    [70 * MINUTE, '70m'],
    [179 * MINUTE, '179m'],
    [3 * HOUR, '3h'],
    [5 * HOUR + 3 * MINUTE, '5h3m'],
    [7 * HOUR + 59 * MINUTE, '7h59m'],
    [8 * HOUR + 30 * MINUTE, '8h'],
    [47 * HOUR, '47h'],
    [48 * HOUR, '2d'],
    [49 * HOUR, '2d1h'],
    [7 * DAY + 23 * HOUR, '7d23h'],
    [(8 * 24 + 2) * HOUR, '8d'],
    [367 * DAY, '367d'],
    [(365 * 2 * 24 + 25) * HOUR, '2y1d'],
    [365 * 3 * DAY, '3y'],
    [(365 * 8 * 24 + 2) * HOUR, '8y'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [500, '0s'],
    [-1500, '0s'],
    [-2500, '<invalid>'],
    [59 * SECOND, '59s'],
    [60 * SECOND, '1m'],
    [59 * MINUTE + 59 * SECOND, '59m'],
    [HOUR, '1h'],
    [23 * HOUR, '23h'],
    [24 * HOUR, '1d'],
    [364 * DAY, '364d'],
    [365 * DAY, '1y'],
    [800 * DAY, '2y'],
  ])('%d ms → %s', (ms, expected) => {
    expect(shortHumanDuration(ms)).toBe(expected);
  });
});

describe('translateTimestampSince', () => {
  const now = Date.parse('2024-05-01T12:00:00Z');
  it.each([
    [undefined, '<unknown>'],
    ['', '<unknown>'],
    ['not a time', '<unknown>'],
    ['2024-05-01T11:59:25Z', '35s'],
    ['2024-05-01T11:56:48Z', '3m12s'],
    ['2024-04-28T09:00:00Z', '3d3h'],
    ['2024-05-01T12:00:01Z', '0s'],
    ['2024-05-01T12:00:05Z', '<invalid>'],
  ])('%j → %s', (timestamp, expected) => {
    expect(translateTimestampSince(timestamp, now)).toBe(expected);
  });
});
