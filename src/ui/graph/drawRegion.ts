/**
 * Node regions and the unscheduled lane. A cordoned node is hatched, a node that is not Ready greyed with a dashed
 * border and a warning icon, a tainted node carries a flag with its taint count.
 */
import type { NodeView } from '../../engine/view/clusterViewTypes';
import type { GroupSelection } from './d3Types';
import { nodeAriaLabel, nodeTooltip, type Translate } from './graphText';
import type { RegionLayout } from './layoutTypes';
import { shortenName } from './shortenName';
import { drawTaintIcon, drawWarningIcon } from './statusIcons';

/** A lane at least this wide has its title on one line. */
const WIDE_LANE = 240;

/** A region as drawn: its box, and its node (none for the lane). */
export interface RegionDatum {
  region: RegionLayout;
  node?: NodeView;
  podCount: number;
}

/** The parts of a region that never change; `hatchId` is the id of the cordon pattern in the graph's defs. */
export function buildRegion(g: GroupSelection<RegionDatum>, hatchId: string): void {
  g.append('title');
  g.append('rect').attr('class', 'kp-region-bg').attr('rx', 10);
  g.append('rect').attr('class', 'kp-region-hatch').attr('rx', 10).attr('fill', `url(#${hatchId})`);
  g.append('text').attr('class', 'kp-region-name').attr('x', 12).attr('y', 21);
  g.append('text').attr('class', 'kp-region-sub').attr('x', 12).attr('y', 39);
  const icons = g.append('g').attr('class', 'kp-region-icons');
  drawWarningIcon(icons.append('g').attr('class', 'kp-region-warning'));
  const taint = icons.append('g').attr('class', 'kp-region-taint');
  drawTaintIcon(taint);
  taint.append('text').attr('class', 'kp-region-taint-count').attr('x', 8).attr('dy', '0.35em');
}

/** What a region shows; it is redrawn only when this changes (its size included). */
export function regionSignature({ region, node, podCount }: RegionDatum): string {
  if (!node) return `lane|${region.width}|${region.height}|${podCount}`;
  return [
    region.width,
    region.height,
    node.name,
    node.status,
    node.roles.join(','),
    node.taints.join(','),
    node.pressures.join(','),
  ].join('|');
}

/** Writes a node region's attributes (the tooling contract), header and markers, or the lane's title and count. */
export function renderRegion(g: GroupSelection<RegionDatum>, datum: RegionDatum, t: Translate): void {
  const { region, node, podCount } = datum;
  g.selectAll('.kp-region-bg, .kp-region-hatch').attr('width', region.width).attr('height', region.height);
  g.select('.kp-region-icons').attr('transform', `translate(${region.width - 16},18)`);
  if (!node) {
    g.classed('kp-lane', true);
    g.select('title').text(t('lane.hint'));
    // A lane one card wide breaks `Pending / unscheduled` after the slash; a wide one keeps it on one line.
    const title = t('lane.title');
    const [first, ...rest] = title.split('/');
    if (region.width >= WIDE_LANE || rest.length === 0) {
      g.select('.kp-region-name').text(`${title} (${podCount})`);
      g.select('.kp-region-sub').text('');
    } else {
      g.select('.kp-region-name').text(`${first!.trim()} /`);
      g.select('.kp-region-sub').text(`${rest.join('/').trim()} (${podCount})`);
    }
    g.selectAll('.kp-region-hatch, .kp-region-icons').attr('display', 'none');
    return;
  }
  const notReady = node.ready !== 'True';
  g.attr('data-kind', 'Node')
    .attr('data-name', node.name)
    .attr('data-namespace', '')
    .attr('data-uid', node.uid)
    .attr('data-status', node.status)
    .attr('data-not-ready', notReady ? 'true' : null)
    .attr('data-cordoned', node.unschedulable ? 'true' : null)
    .attr('role', 'button')
    .attr('tabindex', 0)
    .attr('aria-label', nodeAriaLabel(node));
  g.select('title').text(nodeTooltip(node, t));
  g.select('.kp-region-name').text(shortenName(node.name, Math.max(8, Math.floor(region.width / 9) - 3)));
  const roles = node.roles.length > 0 ? node.roles.join(',') : t('node.noRole');
  const sub = [roles, node.status, ...node.pressures].join(' · ');
  // About 5.5 units a character at 11px; the tooltip has it all.
  const fits = Math.floor((region.width - 24) / 5.5);
  g.select('.kp-region-sub').text(sub.length <= fits ? sub : `${sub.slice(0, fits - 1)}…`);
  g.select('.kp-region-hatch').attr('display', node.unschedulable ? null : 'none');
  g.select('.kp-region-warning').attr('display', notReady ? null : 'none');
  // The unschedulable taint comes with the cordon, which the hatching shows already.
  const taints = node.taints.filter((taint) => !taint.startsWith('node.kubernetes.io/unschedulable'));
  g.select('.kp-region-taint')
    .attr('display', taints.length > 0 ? null : 'none')
    .attr('transform', notReady ? 'translate(-26,0)' : null);
  g.select('.kp-region-taint-count').text(taints.length > 1 ? String(taints.length) : '');
}
