/**
 * A pod's card: status icon, short name, READY and STATUS, and, only once needed, the restart badge, the flash ring
 * and the deletion countdown (fewer elements keep hundreds of cards cheap to lay out and paint).
 */
import { select } from 'd3';
import 'd3-transition';
import type { PodView } from '../../engine/view/clusterViewTypes';
import type { GroupSelection } from './d3Types';
import { GRAPH_METRICS } from './graphMetrics';
import { graceFraction, podAriaLabel, podTooltip, type Translate } from './graphText';
import { podStatusCategory } from './podStatusCategory';
import { shortenName } from './shortenName';
import { drawStatusIcon } from './statusIcons';

const { width: W, height: H } = GRAPH_METRICS.pod;
const NAME_CHARS = 13;
const STATE_CHARS = 16;
const BADGE_AT = `translate(${W - 2},2)`;

/** The parts of a pod card every pod has. */
export function buildPodCard(g: GroupSelection<PodView>): void {
  g.append('title');
  const body = g.append('g').attr('class', 'kp-body');
  body.append('rect').attr('class', 'kp-card').attr('width', W).attr('height', H).attr('rx', 6);
  body
    .append('g')
    .attr('class', 'kp-status-icon')
    .attr('transform', `translate(13,${H / 2})`);
  body.append('text').attr('class', 'kp-pod-name').attr('x', 23).attr('y', 15);
  body.append('text').attr('class', 'kp-pod-state').attr('x', 23).attr('y', 29);
}

/** The card's part of that class, appended by `create` the first time it is needed. */
function part<T>(
  g: GroupSelection<T>,
  className: string,
  create: (body: GroupSelection<T>) => void,
): GroupSelection<T> {
  const body = g.select<SVGGElement>('.kp-body');
  if (body.select(`.${className}`).empty()) create(body);
  return g.select<SVGGElement>(`.${className}`);
}

/** The ring a probe failure flashes (shown while the card has `data-flash`). */
export function ensureFlashRing<T>(g: GroupSelection<T>): void {
  part(g, 'kp-flash-ring', (body) =>
    body
      .append('rect')
      .attr('class', 'kp-flash-ring')
      .attr('x', -4)
      .attr('y', -4)
      .attr('width', W + 8)
      .attr('height', H + 8)
      .attr('rx', 9),
  );
}

function restartBadge(g: GroupSelection<PodView>): GroupSelection<PodView> {
  return part(g, 'kp-restarts', (body) => {
    const badge = body.append('g').attr('class', 'kp-restarts pod-restarts').attr('transform', BADGE_AT);
    badge.append('circle').attr('r', 8);
    badge.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
  });
}

function graceBar(g: GroupSelection<PodView>): GroupSelection<PodView> {
  return part(g, 'kp-grace', (body) => {
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

/** What a card shows; a card is redrawn only when this changes. */
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

/** Sets a text only when it changed: a new text costs a text layout. */
function setText<T>(selection: GroupSelection<T>, selector: string, text: string): void {
  const node = selection.select(selector).node() as Element | null;
  if (node && node.textContent !== text) node.textContent = text;
}

/** Writes the card's attributes (the tooling contract) and texts. */
export function renderPod(g: GroupSelection<PodView>, pod: PodView, t: Translate, now: number): void {
  const category = podStatusCategory(pod);
  const terminating = pod.deletionDeadline !== undefined;
  g.attr('data-kind', 'Pod')
    .attr('data-name', pod.name)
    .attr('data-namespace', pod.namespace)
    .attr('data-uid', pod.uid)
    .attr('data-status', pod.status)
    .attr('data-ready', pod.ready)
    .attr('data-restarts', String(pod.restarts))
    .attr('data-node', pod.node ?? '')
    .attr('data-category', category)
    .attr('data-terminating', terminating ? 'true' : null)
    .attr('role', 'button')
    .attr('tabindex', 0)
    .attr('aria-label', podAriaLabel(pod));
  setText(g, 'title', podTooltip(pod, t, now));
  const icon = g.select<SVGGElement>('.kp-status-icon');
  if (icon.attr('data-icon') !== category) drawStatusIcon(icon, category);
  setText(g, '.kp-pod-name', shortenName(pod.name, NAME_CHARS));
  setText(g, '.kp-pod-state', clip(`${pod.ready} ${pod.status}`, STATE_CHARS));
  if (pod.restarts > 0) {
    const badge = restartBadge(g).attr('display', null);
    setText(badge, 'text', pod.restarts > 99 ? '99+' : String(pod.restarts));
  } else g.select('.kp-restarts').attr('display', 'none');
  if (terminating) graceBar(g).attr('display', null);
  else g.select('.kp-grace').attr('display', 'none');
  renderGrace(g, pod, t, now);
}

/** Moves a terminating pod's countdown (bar and tooltip) to `now`. */
export function renderGrace(g: GroupSelection<PodView>, pod: PodView, t: Translate, now: number): void {
  if (pod.deletionDeadline === undefined) return;
  g.select('.kp-grace-bar').attr('width', (W - 8) * graceFraction(pod, now));
  setText(g, 'title', podTooltip(pod, t, now));
}

/** The restart badge grows and settles back: the container just restarted. */
export function bumpRestartBadge(element: SVGGElement): void {
  select(element)
    .select('.kp-restarts')
    .transition('bump')
    .duration(180)
    .attr('transform', `${BADGE_AT} scale(1.7)`)
    .transition()
    .duration(260)
    .attr('transform', `${BADGE_AT} scale(1)`);
}
