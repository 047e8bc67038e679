import { describe, expect, it } from 'vitest';
import { arrangeRegions, type RegionRequest } from './arrangeRegions';

const spacing = { margin: 10, gap: 10 };
const region = (uid: string, minWidth: number, grow: RegionRequest['grow']): RegionRequest => ({ uid, minWidth, grow });

describe('arrangeRegions', () => {
  it('shares a row’s spare width among its growing regions, whole units each', () => {
    // 400 - 2×10 = 380; 100 + 100 + 50 and two gaps leave 110: 55 each to a and b.
    const places = arrangeRegions(
      [region('a', 100, 'always'), region('cp', 50, 'never'), region('b', 100, 'always')],
      400,
      spacing,
    );
    expect(places).toEqual([
      { uid: 'a', row: 0, x: 10, width: 155 },
      { uid: 'cp', row: 0, x: 175, width: 50 },
      { uid: 'b', row: 0, x: 235, width: 155 },
    ]);
  });

  it('wraps a region that does not fit, and grows an `alone` region only in a row without `always` ones', () => {
    const requests = [
      region('cp', 100, 'never'),
      region('a', 150, 'always'),
      region('b', 150, 'always'),
      region('lane', 100, 'alone'),
    ];
    expect(arrangeRegions(requests, 400, spacing)).toEqual([
      { uid: 'cp', row: 0, x: 10, width: 100 },
      { uid: 'a', row: 0, x: 120, width: 270 },
      { uid: 'b', row: 1, x: 10, width: 270 },
      { uid: 'lane', row: 1, x: 290, width: 100 },
    ]);
    expect(arrangeRegions(requests.slice(3), 400, spacing)).toEqual([{ uid: 'lane', row: 0, x: 10, width: 380 }]);
  });

  it('gives a region wider than the width a row of its own, at its least width', () => {
    expect(arrangeRegions([region('a', 50, 'never'), region('wide', 500, 'always')], 300, spacing)).toEqual([
      { uid: 'a', row: 0, x: 10, width: 50 },
      { uid: 'wide', row: 1, x: 10, width: 500 },
    ]);
  });
});
