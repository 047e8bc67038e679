import { describe, expect, it } from 'vitest';
import { nextFloat, nextString, nextUuid, seedRandom } from './random';

describe('seeded random source', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = seedRandom(42);
    const b = seedRandom(42);
    const c = seedRandom(43);
    const draw = (s: ReturnType<typeof seedRandom>) => Array.from({ length: 5 }, () => nextFloat(s));
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(draw(c)).not.toEqual(first);
  });

  it('draws from [0, 1)', () => {
    const state = seedRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const x = nextFloat(state);
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('makes pod-name suffixes from the apiserver alphabet', () => {
    const suffix = nextString(seedRandom(1), 'bcdfghjklmnpqrstvwxz2456789', 5);
    expect(suffix).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('makes version-4 UUIDs', () => {
    expect(nextUuid(seedRandom(3))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
