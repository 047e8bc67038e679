/** Owner and endpoint edges as curves from the source's bottom to the target's top, keyed by edge id. */
import { select, type Selection } from 'd3';
import 'd3-transition';
import type { EdgeLayout } from './layoutTypes';

type EdgeLayer = Selection<SVGGElement, unknown, any, any>;

/** A vertical S-curve: it leaves the source downwards and enters the target from above. */
function edgePath({ x1, y1, x2, y2 }: EdgeLayout): string {
  const middle = (y1 + y2) / 2;
  return `M${x1},${y1}C${x1},${middle} ${x2},${middle} ${x2},${y2}`;
}

function edgeClass(edge: EdgeLayout, active: ReadonlySet<string>): string {
  const classes = ['kp-edge', `kp-edge--${edge.kind}`];
  if (edge.kind === 'endpoint' && !edge.ready) classes.push('kp-edge--not-ready');
  if (active.has(edge.from) || active.has(edge.to)) classes.push('kp-edge--active');
  return classes.join(' ');
}

/**
 * Joins the edges; `drawn` remembers each drawn path and class so only edges that changed are touched. Edges that
 * touch an `active` uid (the selected or hovered object) are emphasised. Moved edges follow their ends over
 * `duration` ms (0: at once).
 */
export function joinEdges(
  layer: EdgeLayer,
  edges: readonly EdgeLayout[],
  drawn: Map<string, { path: string; className: string }>,
  active: ReadonlySet<string>,
  duration: number,
): void {
  const joined = layer.selectAll<SVGPathElement, EdgeLayout>('path.kp-edge').data(edges, (d) => d.id);
  joined
    .exit<EdgeLayout>()
    .each((d) => drawn.delete(d.id))
    .remove();
  const entered = joined
    .enter()
    .append('path')
    .attr('d', edgePath)
    .attr('class', (d) => edgeClass(d, active))
    .each((d) => drawn.set(d.id, { path: edgePath(d), className: edgeClass(d, active) }));
  if (duration > 0) entered.style('opacity', 0).transition('enter').duration(duration).style('opacity', 1);
  joined.each(function (d) {
    const path = edgePath(d);
    const className = edgeClass(d, active);
    const before = drawn.get(d.id);
    if (before?.path === path && before.className === className) return;
    drawn.set(d.id, { path, className });
    const element = select(this);
    if (before?.className !== className) element.attr('class', className);
    if (before?.path === path) return;
    if (duration > 0) element.transition('move').duration(duration).attr('d', path);
    else element.interrupt('move').attr('d', path);
  });
}
