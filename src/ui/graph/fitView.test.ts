import { describe, expect, it } from 'vitest';
import { fitTransform, needsFit } from './fitView';

const view = { width: 600, height: 750 };

describe('fitTransform', () => {
  it('keeps content that fits at scale 1, top left', () => {
    expect(fitTransform({ width: 600, height: 400 }, view)).toEqual({ k: 1, x: 0, y: 0 });
  });

  it('scales taller or wider content down to fit, centred across', () => {
    expect(fitTransform({ width: 600, height: 1000 }, view)).toEqual({ k: 0.75, x: 75, y: 0 });
    expect(fitTransform({ width: 1200, height: 750 }, view)).toEqual({ k: 0.5, x: 0, y: 0 });
  });

  it('never goes below the zoom’s least scale', () => {
    expect(fitTransform({ width: 600, height: 75_000 }, view)).toEqual({ k: 0.1, x: 270, y: 0 });
  });
});

describe('needsFit', () => {
  const identity = { k: 1, x: 0, y: 0 };

  it('refits when the content spills out of the view', () => {
    expect(needsFit(identity, { width: 600, height: 740 }, view)).toBe(false);
    expect(needsFit(identity, { width: 600, height: 760 }, view)).toBe(true);
    expect(needsFit({ k: 0.75, x: 75, y: 0 }, { width: 600, height: 1020 }, view)).toBe(true);
  });

  it('keeps the zoom through a small shrink, refits after a large one', () => {
    const fitted = { k: 0.75, x: 75, y: 0 };
    expect(needsFit(fitted, { width: 600, height: 920 }, view)).toBe(false);
    expect(needsFit(fitted, { width: 600, height: 700 }, view)).toBe(true);
  });

  it('leaves a fit in force alone, even one at the least scale that still spills', () => {
    expect(needsFit({ k: 0.1, x: 270, y: 0 }, { width: 600, height: 75_000 }, view)).toBe(false);
  });
});
