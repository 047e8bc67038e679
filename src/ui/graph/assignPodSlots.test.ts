import { describe, expect, it } from 'vitest';
import { assignPodSlots, type PodSlot } from './assignPodSlots';

const pods = (...uids: string[]) => uids.map((uid) => ({ uid }));
const sat = (region: string, entries: Record<string, number>): Record<string, PodSlot> =>
  Object.fromEntries(Object.entries(entries).map(([uid, slot]) => [uid, { region, slot }]));

describe('assignPodSlots', () => {
  it('follows the order without a previous layout', () => {
    expect(assignPodSlots(pods('a', 'b', 'c'), 'n1', 2, undefined)).toEqual([0, 1, 2]);
  });

  it('keeps the slots of pods that stay and fills holes with new pods in order', () => {
    const before = sat('n1', { a: 0, b: 1, c: 2, d: 3 });
    // b went; e and f arrived (e sorts before c): e takes b's hole, f the next free slot.
    expect(assignPodSlots(pods('a', 'e', 'c', 'd', 'f'), 'n1', 2, before)).toEqual([0, 1, 2, 3, 4]);
    expect(assignPodSlots(pods('a', 'c', 'd'), 'n1', 2, before)).toEqual([0, 2, 3]);
  });

  it('gives a pod that comes from another region a fresh slot', () => {
    expect(assignPodSlots(pods('a', 'x'), 'n1', 2, { ...sat('n1', { a: 1 }), ...sat('lane', { x: 0 }) })).toEqual([
      1, 0,
    ]);
  });

  it('moves pods left far out by many removals back in', () => {
    const before = sat('n1', { a: 0, b: 40, c: 41, d: 7 });
    // Four pods, two columns: slots up to max(4 + 2, 6) stay, the rest take the lowest free ones.
    expect(assignPodSlots(pods('a', 'b', 'c', 'd'), 'n1', 2, before)).toEqual([0, 1, 2, 3]);
    expect(assignPodSlots(pods('a', 'b', 'd'), 'n1', 2, sat('n1', { a: 0, b: 4, d: 5 }))).toEqual([0, 4, 1]);
  });
});
