import { describe, expect, it } from 'vitest';
import { statusIconShapes } from './statusIcons';

describe('statusIconShapes', () => {
  it('draws each category with its own shapes, not colour alone', () => {
    const at = { x: 0, y: 0, scale: 1 };
    const outline = (category: Parameters<typeof statusIconShapes>[0]) =>
      statusIconShapes(category, at).map((shape) => `${shape.tag}.${shape.className}`);
    expect(outline('ready')).toEqual(['circle.kp-icon-fill']);
    expect(outline('notReady')).toEqual(['circle.kp-icon-ring', 'path.kp-icon-fill']);
    expect(outline('pending')).toEqual(['circle.kp-icon-ring kp-icon-dotted']);
    expect(outline('error')).toEqual(['circle.kp-icon-fill', 'path.kp-icon-mark']);
    expect(outline('completed')).toEqual(['circle.kp-icon-fill', 'path.kp-icon-mark']);
    expect(outline('terminating')).toEqual(['path.kp-icon-fill']);
    expect(outline('unknown')).toEqual(['circle.kp-icon-ring', 'path.kp-icon-question']);
  });

  it('places and scales the shapes in absolute coordinates, for tiles without a transform', () => {
    const at = { x: 100, y: 50, scale: 1.5 };
    expect(statusIconShapes('terminating', at)).toEqual([
      {
        tag: 'path',
        className: 'kp-icon-fill',
        d: 'M93.25,41L106.75,41L100,50L106.75,59L93.25,59L100,50Z',
      },
    ]);
    expect(statusIconShapes('notReady', at)).toEqual([
      { tag: 'circle', className: 'kp-icon-ring', cx: 100, cy: 50, r: 9 },
      { tag: 'path', className: 'kp-icon-fill', d: 'M100,41A9,9 0 0,0 100,59Z' },
    ]);
    expect(statusIconShapes('unknown', { x: 0, y: 0, scale: 1 })[1]).toMatchObject({
      d: 'M-2.2,-1.8A2.2,2.2 0 1,1 0,0.4L0,1.6M0,3.7L0,3.8',
    });
  });
});
