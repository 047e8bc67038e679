import { describe, expect, it } from 'vitest';
import { formatCompletedIndexes, generateNameWithIndex, parseCompletedIndexes } from './completionIndexes';

describe('completedIndexes', () => {
  it('writes runs of three or more as ranges, as orderedIntervals.String does', () => {
    expect(formatCompletedIndexes([])).toBe('');
    expect(formatCompletedIndexes([4, 0, 1, 2])).toBe('0-2,4');
    expect(formatCompletedIndexes([1, 3, 4, 5, 7])).toBe('1,3-5,7');
    expect(formatCompletedIndexes([3, 4])).toBe('3,4');
  });

  it('reads them back, ignoring indexes beyond completions and malformed parts', () => {
    expect(parseCompletedIndexes('1,3-5,7', 10)).toEqual([1, 3, 4, 5, 7]);
    expect(parseCompletedIndexes('0-9', 3)).toEqual([0, 1, 2]);
    expect(parseCompletedIndexes('x,2', 5)).toEqual([2]);
    expect(parseCompletedIndexes(undefined, 5)).toEqual([]);
  });

  it('names pods <job>-<index>- and shortens long Job names to keep 63 characters', () => {
    expect(generateNameWithIndex('pi', 3)).toBe('pi-3-');
    const long = 'j'.repeat(60);
    expect(generateNameWithIndex(long, 12)).toBe(`${'j'.repeat(54)}-12-`);
  });
});
