/**
 * What tiles cannot show themselves, drawn once over all of them: a ring around the selected tile, a ring around the
 * one pointed at or focused, and a label naming that pod (else the selected one): a haloed name and `READY STATUS`
 * above its tile. Tools and screen readers skip it; each pod's own label says it all.
 */
import type { PodView } from '../../engine/view/clusterViewTypes';
import type { GroupSelection } from './d3Types';
import type { LayoutBox } from './layoutTypes';
import { setText } from './svgParts';

/** A pod and its tile's box. */
export interface PlacedPod {
  pod: PodView;
  box: LayoutBox;
}

/** Appends the (hidden) rings and label to `layer`. */
export function buildTileOverlay(layer: GroupSelection<unknown>): void {
  layer.attr('aria-hidden', 'true');
  for (const className of ['kp-tile-selected', 'kp-tile-hovered'])
    layer.append('rect').attr('class', `kp-tile-ring ${className}`).attr('rx', 5).attr('display', 'none');
  const label = layer.append('g').attr('class', 'kp-pod-label').attr('display', 'none');
  label.append('text').attr('class', 'kp-pod-label-name').attr('y', -17);
  label.append('text').attr('class', 'kp-pod-label-state').attr('y', -5);
}

function ring(layer: GroupSelection<unknown>, className: string, placed: PlacedPod | undefined): void {
  const rect = layer.select(`.${className}`);
  if (!placed) {
    rect.attr('display', 'none');
    return;
  }
  const { x, y, width, height } = placed.box;
  rect
    .attr('display', null)
    .attr('x', x - 2)
    .attr('y', y - 2)
    .attr('width', width + 4)
    .attr('height', height + 4);
}

/** Marks the `selected` and `hovered` tiles (either may be none) and names the hovered pod, else the selected one. */
export function renderTileOverlay(
  layer: GroupSelection<unknown>,
  selected: PlacedPod | undefined,
  hovered: PlacedPod | undefined,
): void {
  ring(layer, 'kp-tile-selected', selected);
  ring(layer, 'kp-tile-hovered', hovered);
  const named = hovered ?? selected;
  const label = layer.select<SVGGElement>('.kp-pod-label');
  if (!named) {
    label.attr('display', 'none');
    return;
  }
  const { pod, box } = named;
  label.attr('display', null).attr('transform', `translate(${box.x},${box.y})`);
  setText(label, '.kp-pod-label-name', pod.name);
  const restarts = pod.restarts > 0 ? ` · ↻${pod.restarts}` : '';
  setText(label, '.kp-pod-label-state', `${pod.ready} ${pod.status}${restarts}`);
}
