/**
 * The pod status icon: a shape per category, so status never rests on colour alone (filled circle ready, half circle
 * running but not ready, dotted ring on the way up, cross failing, check completed, hourglass terminating, ? unknown).
 */
import type { GroupSelection } from './d3Types';
import type { PodStatusCategory } from './podStatusCategory';

/** Where an icon goes: its centre and its size (1: a radius of 6 units). */
export interface IconPlace {
  x: number;
  y: number;
  scale: number;
}

/** One shape of an icon: a circle (`cx`, `cy`, `r`) or a path (`d`), with its class. */
export type IconShape =
  | { tag: 'circle'; className: string; cx: number; cy: number; r: number }
  | { tag: 'path'; className: string; d: string };

type PathStep = string | [number, number];

/**
 * The shapes of a category's icon centred `at`, in absolute coordinates: points are written relative to the centre
 * at scale 1 (a radius of 6) and placed and scaled here.
 */
export function statusIconShapes(category: PodStatusCategory, at: IconPlace): IconShape[] {
  const round = (n: number) => Math.round(n * 100) / 100;
  const r = round(6 * at.scale);
  const disc = (className: string): IconShape => ({ tag: 'circle', className, cx: at.x, cy: at.y, r });
  const path = (className: string, steps: PathStep[]): IconShape => ({
    tag: 'path',
    className,
    d: steps
      .map((s) => (typeof s === 'string' ? s : `${round(at.x + s[0] * at.scale)},${round(at.y + s[1] * at.scale)}`))
      .join(''),
  });
  const arc = (radius: number, flags: string) => `A${round(radius * at.scale)},${round(radius * at.scale)} ${flags} `;
  switch (category) {
    case 'ready':
      return [disc('kp-icon-fill')];
    case 'notReady':
      return [disc('kp-icon-ring'), path('kp-icon-fill', ['M', [0, -6], arc(6, '0 0,0'), [0, 6], 'Z'])];
    case 'pending':
      return [disc('kp-icon-ring kp-icon-dotted')];
    case 'error':
      return [disc('kp-icon-fill'), path('kp-icon-mark', ['M', [-3, -3], 'L', [3, 3], 'M', [3, -3], 'L', [-3, 3]])];
    case 'completed':
      return [disc('kp-icon-fill'), path('kp-icon-mark', ['M', [-3.2, 0.2], 'L', [-1, 2.6], 'L', [3.4, -2.4]])];
    case 'terminating':
      return [
        path('kp-icon-fill', [
          'M',
          [-4.5, -6],
          'L',
          [4.5, -6],
          'L',
          [0, 0],
          'L',
          [4.5, 6],
          'L',
          [-4.5, 6],
          'L',
          [0, 0],
          'Z',
        ]),
      ];
    case 'unknown':
      // A question mark drawn as a stroke, so no icon needs a text.
      return [
        disc('kp-icon-ring'),
        path('kp-icon-question', [
          'M',
          [-2.2, -1.8],
          arc(2.2, '0 1,1'),
          [0, 0.4],
          'L',
          [0, 1.6],
          'M',
          [0, 3.7],
          'L',
          [0, 3.8],
        ]),
      ];
  }
}

/** The icon each parent shows (`category@x,y,scale`), so an unchanged icon is not drawn again. */
const drawnIcons = new WeakMap<Element, string>();

/**
 * Replaces the icon shapes among `parent`'s children with the category's, centred `at` in `parent`'s coordinates:
 * absolute coordinates, no transform (a transform per icon costs a paint chunk each). The shapes go under a restart
 * badge and a flash ring already there. Does nothing when that icon is there already.
 */
export function drawStatusIcon<T>(parent: GroupSelection<T>, category: PodStatusCategory, at: IconPlace): void {
  const node = parent.node();
  const key = `${category}@${at.x},${at.y},${at.scale}`;
  if (!node || drawnIcons.get(node) === key) return;
  drawnIcons.set(node, key);
  parent.selectAll(':scope > .kp-icon').remove();
  for (const shape of statusIconShapes(category, at)) {
    const element = parent
      .insert(shape.tag, ':scope > .kp-restarts, :scope > .kp-flash-ring')
      .attr('class', `kp-icon ${shape.className}`);
    if (shape.tag === 'circle') element.attr('cx', shape.cx).attr('cy', shape.cy).attr('r', shape.r);
    else element.attr('d', shape.d);
  }
}

/** A warning triangle with `!`, for a node that is not Ready. */
export function drawWarningIcon<T>(g: GroupSelection<T>): void {
  g.append('path').attr('d', 'M0,-7L7.5,6H-7.5Z').attr('class', 'kp-icon-warning');
  g.append('path').attr('d', 'M0,-2.5V1.8M0,3.4V3.9').attr('class', 'kp-icon-warning-mark');
}

/** A small flag, for a tainted node. */
export function drawTaintIcon<T>(g: GroupSelection<T>): void {
  g.append('path').attr('d', 'M-4,7V-7M-4,-6H5L2.5,-2.5L5,1H-4').attr('class', 'kp-icon-taint');
}
