/**
 * A pod's card: status icon, short name, READY and STATUS, and, only once needed, the restart badge, the flash ring
 * and the deletion countdown (fewer elements keep cards cheap to lay out and paint). Also what cards and tiles
 * (drawPodTile.ts) share: the tooling contract, the signature, the flash ring and the restart bump.
 */
import { select } from 'd3';
import 'd3-transition';
import type { PodView } from '../../engine/view/clusterViewTypes';
import type { GroupSelection } from './d3Types';
import { GRAPH_METRICS } from './graphMetrics';
import { graceFraction, podAriaLabel, podTooltip, type Translate } from './graphText';
import { podStatusCategory } from './podStatusCategory';
import type { LayoutBox } from './layoutTypes';
import { shortenName } from './shortenName';
import { drawStatusIcon, type IconPlace } from './statusIcons';
import { ensurePart, setText, writeAttributes } from './svgParts';

const { width: W, height: H } = GRAPH_METRICS.pod;
const NAME_CHARS = 13;
const STATE_CHARS = 16;
const BADGE_AT = `translate(${W - 2},2)`;

/** The parts of a pod card every pod has. */
export function buildPodCard(g: GroupSelection<PodView>): void {
  g.append('title');
  const body = g.append('g').attr('class', 'kp-body');
  body.append('rect').attr('class', 'kp-card').attr('width', W).attr('height', H).attr('rx', 6);
  body.append('g').attr('class', 'kp-status-icon');
  body.append('text').attr('class', 'kp-pod-name').attr('x', 23).attr('y', 15);
  body.append('text').attr('class', 'kp-pod-state').attr('x', 23).attr('y', 29);
}

/**
 * The ring a probe failure flashes around the pod's `box` (shown while the pod has `data-flash`), in the pod's own
 * coordinates: from 0,0 for a card, the box's place for a tile.
 */
export function ensureFlashRing<T>(g: GroupSelection<T>, box: LayoutBox): void {
  // Rounded like a card; around a (square) tile, a circle.
  const radius = box.width === box.height ? (box.width + 8) / 2 : 9;
  ensurePart(g, 'kp-flash-ring', (body) =>
    body
      .append('rect')
      .attr('class', 'kp-flash-ring')
      .attr('x', box.x - 4)
      .attr('y', box.y - 4)
      .attr('width', box.width + 8)
      .attr('height', box.height + 8)
      .attr('rx', radius),
  );
}

/** The card's restart badge, a count in a disc: `class="pod-restarts"` is part of the tooling contract. */
function restartBadge(g: GroupSelection<PodView>): GroupSelection<PodView> {
  return ensurePart(g, 'kp-restarts', (body) => {
    const badge = body
      .append('g')
      .attr('class', 'kp-restarts pod-restarts')
      .attr('transform', BADGE_AT)
      .attr('data-at', BADGE_AT);
    badge.append('circle').attr('r', 8);
    badge.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
  });
}

function graceBar(g: GroupSelection<PodView>): GroupSelection<PodView> {
  return ensurePart(g, 'kp-grace', (body) => {
    const grace = body.append('g').attr('class', 'kp-grace');
    grace
      .append('rect')
      .attr('class', 'kp-grace-track')
      .attr('x', 4)
      .attr('y', H - 5)
      .attr('width', W - 8)
      .attr('height', 3);
    grace
      .append('rect')
      .attr('class', 'kp-grace-bar')
      .attr('x', 4)
      .attr('y', H - 5)
      .attr('height', 3);
  });
}

/** What a pod shows (and its contract attributes); a pod is redrawn only when this changes. */
export function podSignature(pod: PodView): string {
  const f = pod.probeFailures;
  return [
    pod.status,
    pod.ready,
    pod.restarts,
    pod.node ?? '',
    pod.podReady,
    pod.deletionDeadline ?? '',
    pod.gracePeriodSeconds ?? '',
    pod.owner?.uid ?? '',
    f.liveness,
    f.readiness,
    f.startup,
  ].join('|');
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Writes the pod's attributes (the tooling contract) and its status icon, `at` in `iconParent`, card or tile alike. */
export function renderPodBasics(
  g: GroupSelection<PodView>,
  pod: PodView,
  iconParent: GroupSelection<PodView>,
  iconAt: IconPlace,
): void {
  const category = podStatusCategory(pod);
  writeAttributes(g.node()!, {
    'data-kind': 'Pod',
    'data-name': pod.name,
    'data-namespace': pod.namespace,
    'data-uid': pod.uid,
    'data-status': pod.status,
    'data-ready': pod.ready,
    'data-restarts': String(pod.restarts),
    'data-node': pod.node ?? '',
    'data-category': category,
    'data-terminating': pod.deletionDeadline !== undefined ? 'true' : null,
    role: 'button',
    tabindex: '0',
    'aria-label': podAriaLabel(pod),
  });
  drawStatusIcon(iconParent, category, iconAt);
}

/** Writes a card: the contract, its texts, the restart badge and the countdown. */
export function renderPodCard(g: GroupSelection<PodView>, pod: PodView, t: Translate, now: number): void {
  renderPodBasics(g, pod, g.select('.kp-status-icon'), { x: 13, y: H / 2, scale: 1 });
  setText(g, 'title', podTooltip(pod, t, now));
  setText(g, '.kp-pod-name', shortenName(pod.name, NAME_CHARS));
  setText(g, '.kp-pod-state', clip(`${pod.ready} ${pod.status}`, STATE_CHARS));
  if (pod.restarts > 0) {
    const badge = restartBadge(g).attr('display', null);
    setText(badge, 'text', pod.restarts > 99 ? '99+' : String(pod.restarts));
  } else g.select('.kp-restarts').attr('display', 'none');
  if (pod.deletionDeadline !== undefined) graceBar(g).attr('display', null);
  else g.select('.kp-grace').attr('display', 'none');
  renderCardGrace(g, pod, t, now);
}

/** Moves a terminating card's countdown (bar and tooltip) to `now`. */
export function renderCardGrace(g: GroupSelection<PodView>, pod: PodView, t: Translate, now: number): void {
  if (pod.deletionDeadline === undefined) return;
  g.select('.kp-grace-bar').attr('width', (W - 8) * graceFraction(pod, now));
  setText(g, 'title', podTooltip(pod, t, now));
}

/** The restart badge (or a tile's dot) grows and settles back: the container just restarted. */
export function bumpRestartBadge(element: SVGGElement): void {
  const badge = select(element).select<SVGElement>('.kp-restarts');
  const at = badge.attr('data-at');
  if (at)
    badge
      .transition('bump')
      .duration(180)
      .attr('transform', `${at} scale(1.7)`)
      .transition()
      .duration(260)
      .attr('transform', at);
  else if (badge.attr('data-r')) {
    const radius = badge.attr('data-r');
    badge
      .transition('bump')
      .duration(180)
      .attr('r', Number(radius) * 1.7)
      .transition()
      .duration(260)
      .attr('r', radius);
  }
}
