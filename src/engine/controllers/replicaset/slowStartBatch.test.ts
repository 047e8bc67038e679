import { describe, expect, it } from 'vitest';
import { slowStartBatch } from './slowStartBatch';

describe('slowStartBatch', () => {
  it('runs doubling batches until the count is reached', () => {
    let calls = 0;
    const result = slowStartBatch(10, 1, () => {
      calls++;
      return undefined;
    });
    expect(result).toEqual({ successes: 10, batches: [1, 2, 4, 3] });
    expect(calls).toBe(10);
  });

  it('finishes the failing batch, then skips the rest', () => {
    let calls = 0;
    const result = slowStartBatch(20, 1, () => (++calls === 5 ? 'quota exceeded' : undefined));
    // Batches 1 and 2 succeed; the batch of 4 (calls 4–7) has one failure, and the batches of 8 and 5 never run.
    expect(result).toEqual({ successes: 6, batches: [1, 2, 4], error: 'quota exceeded' });
    expect(calls).toBe(7);
  });

  it('does nothing for a count of 0', () => {
    expect(slowStartBatch(0, 1, () => 'never')).toEqual({ successes: 0, batches: [] });
  });
});
