/**
 * The pod status icon: a shape per category, so status never rests on colour alone (filled circle ready, half circle
 * running but not ready, dotted ring on the way up, cross failing, check completed, hourglass terminating, ? unknown).
 */
import type { GroupSelection } from './d3Types';
import type { PodStatusCategory } from './podStatusCategory';

const R = 6;

/** Replaces the icon inside `g` (centred on 0,0) with the category's. */
export function drawStatusIcon<T>(g: GroupSelection<T>, category: PodStatusCategory): void {
  g.selectAll('*').remove();
  g.attr('data-icon', category);
  switch (category) {
    case 'ready':
      g.append('circle').attr('r', R).attr('class', 'kp-icon-fill');
      break;
    case 'notReady':
      g.append('circle').attr('r', R).attr('class', 'kp-icon-ring');
      g.append('path').attr('d', `M0,${-R}A${R},${R} 0 0,0 0,${R}Z`).attr('class', 'kp-icon-fill');
      break;
    case 'pending':
      g.append('circle').attr('r', R).attr('class', 'kp-icon-ring kp-icon-dotted');
      break;
    case 'error':
      g.append('circle').attr('r', R).attr('class', 'kp-icon-fill');
      g.append('path').attr('d', 'M-3,-3L3,3M3,-3L-3,3').attr('class', 'kp-icon-mark');
      break;
    case 'completed':
      g.append('circle').attr('r', R).attr('class', 'kp-icon-fill');
      g.append('path').attr('d', 'M-3.2,0.2L-1,2.6L3.4,-2.4').attr('class', 'kp-icon-mark');
      break;
    case 'terminating':
      g.append('path').attr('d', 'M-4.5,-6H4.5L0,0L4.5,6H-4.5L0,0Z').attr('class', 'kp-icon-fill');
      break;
    case 'unknown':
      g.append('circle').attr('r', R).attr('class', 'kp-icon-ring');
      g.append('text').attr('class', 'kp-icon-text').attr('text-anchor', 'middle').attr('dy', '0.35em').text('?');
      break;
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
