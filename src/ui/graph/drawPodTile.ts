/**
 * A compact pod, for views with many pods: the card's status icon as a tile (so status never rests on colour
 * alone), a restart dot, the flash ring and the terminating fade, and no text: the name and status are in the
 * tooltip and in the label of the pointed-at or selected pod (drawTileOverlay.ts). A tile has no transform of its own:
 * its shapes are placed in the layer's coordinates, so hundreds of tiles paint as one chunk (a transform each would
 * make a paint chunk each, and the browser's layerization costs grow with their number).
 */
import type { PodView } from '../../engine/view/clusterViewTypes';
import type { GroupSelection } from './d3Types';
import { renderPodBasics } from './drawPod';
import { GRAPH_METRICS } from './graphMetrics';
import { podTooltip, type Translate } from './graphText';
import type { LayoutBox } from './layoutTypes';
import type { PodStatusCategory } from './podStatusCategory';
import { drawStatusIcon, type IconPlace } from './statusIcons';
import { ensurePart, setText } from './svgParts';

const S = GRAPH_METRICS.tile.size;
/** The status icons are 12 units wide at scale 1 (cards): a tile's fills it. */
const ICON_SCALE = S / 13;
const DOT_RADIUS = 3.5;

const iconAt = (box: LayoutBox): IconPlace => ({ x: box.x + S / 2, y: box.y + S / 2, scale: ICON_SCALE });

/** The part of a tile every pod has: the tooltip (the icon's shapes are the tile's own children, no group). */
export function buildPodTile(g: GroupSelection<PodView>): void {
  g.append('title');
}

/**
 * Writes a tile at `box`: the contract, the icon and the restart dot. Its tooltip is emptied: building hundreds of
 * tooltips a second in a rollout costs more than drawing the tiles, so it is written when the tile is pointed at or
 * focused (renderTileTooltip).
 */
export function renderPodTile(g: GroupSelection<PodView>, pod: PodView, box: LayoutBox): void {
  renderPodBasics(g, pod, g, iconAt(box));
  setText(g, 'title', '');
  if (pod.restarts > 0) {
    ensurePart(g, 'kp-restarts', (body) =>
      body
        .append('circle')
        .attr('class', 'kp-restarts pod-restarts')
        .attr('r', DOT_RADIUS)
        .attr('data-r', DOT_RADIUS)
        .attr('cx', box.x + S - 1.5)
        .attr('cy', box.y + 1.5),
    ).attr('display', null);
  } else g.select('.kp-restarts').attr('display', 'none');
}

/** Moves a tile's shapes to `box`. */
export function placePodTile(g: GroupSelection<PodView>, box: LayoutBox): void {
  const category = g.attr('data-category') as PodStatusCategory | null;
  if (category) drawStatusIcon(g, category, iconAt(box));
  g.select('.kp-restarts')
    .attr('cx', box.x + S - 1.5)
    .attr('cy', box.y + 1.5);
  g.select('.kp-flash-ring')
    .attr('x', box.x - 4)
    .attr('y', box.y - 4);
}

/** Writes a tile's tooltip as of `now` (virtual ms). */
export function renderTileTooltip(g: GroupSelection<PodView>, pod: PodView, t: Translate, now: number): void {
  setText(g, 'title', podTooltip(pod, t, now));
}
