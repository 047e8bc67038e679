/** Workload and Service boxes: kind, name and counts, in three lines. */
import type { ServiceView, WorkloadView } from '../../engine/view/clusterViewTypes';
import type { GroupSelection } from './d3Types';
import { GRAPH_METRICS } from './graphMetrics';
import { serviceAriaLabel, serviceTooltip, workloadAriaLabel, workloadTooltip, type Translate } from './graphText';
import { shortenName } from './shortenName';

const NAME_CHARS = 19;

/** The parts of a box that never change. */
function buildBox<T>(g: GroupSelection<T>, width: number, height: number): void {
  g.append('title');
  const body = g.append('g').attr('class', 'kp-body');
  body.append('rect').attr('class', 'kp-card').attr('width', width).attr('height', height).attr('rx', 7);
  body.append('text').attr('class', 'kp-box-kind').attr('x', 9).attr('y', 14);
  body
    .append('text')
    .attr('class', 'kp-box-note')
    .attr('x', width - 9)
    .attr('y', 14)
    .attr('text-anchor', 'end');
  body.append('text').attr('class', 'kp-box-name').attr('x', 9).attr('y', 31);
  body
    .append('text')
    .attr('class', 'kp-box-counts')
    .attr('x', 9)
    .attr('y', height - 8);
}

/** A workload's box, before its first render. */
export const buildWorkloadBox = (g: GroupSelection<WorkloadView>) =>
  buildBox(g, GRAPH_METRICS.workload.width, GRAPH_METRICS.workload.height);
/** A Service's box, before its first render. */
export const buildServiceBox = (g: GroupSelection<ServiceView>) =>
  buildBox(g, GRAPH_METRICS.service.width, GRAPH_METRICS.service.height);

/** What a workload box shows; it is redrawn only when this changes. */
export function workloadSignature(w: WorkloadView): string {
  return [
    w.name,
    w.desired,
    w.current,
    w.ready,
    w.succeeded ?? '',
    w.revision ?? '',
    w.detail ?? '',
    w.paused ?? '',
  ].join('|');
}

/** The counts line: `rev N  desired/current/ready` for a ReplicaSet, `succeeded/completions` for a Job… */
function countsLine(w: WorkloadView, t: Translate): string {
  switch (w.kind) {
    case 'ReplicaSet':
      return `${w.revision === undefined ? '' : `${t('workload.revision', { revision: w.revision })}  `}${w.desired}/${w.current}/${w.ready}`;
    case 'Job':
      return `${w.succeeded ?? 0}/${w.desired}  ${w.detail ?? ''}`;
    case 'CronJob':
      return `${w.detail ?? ''}  ${t('workload.activeShort', { count: w.current })}`;
    default:
      return t('workload.readyShort', { ready: w.ready, desired: w.desired });
  }
}

/** Writes a workload box's attributes (the tooling contract) and its three lines. */
export function renderWorkload(g: GroupSelection<WorkloadView>, w: WorkloadView, t: Translate): void {
  const degraded = w.kind !== 'Job' && w.kind !== 'CronJob' && w.ready < w.desired;
  g.attr('data-kind', w.kind)
    .attr('data-name', w.name)
    .attr('data-namespace', w.namespace)
    .attr('data-uid', w.uid)
    .attr('data-degraded', degraded ? 'true' : null)
    .attr('role', 'button')
    .attr('tabindex', 0)
    .attr('aria-label', workloadAriaLabel(w));
  g.select('title').text(workloadTooltip(w, t));
  g.select('.kp-box-kind').text(w.kind);
  const note = w.paused
    ? t(w.kind === 'Deployment' ? 'workload.pausedShort' : 'workload.suspendedShort')
    : w.kind === 'Deployment' && w.revision !== undefined
      ? t('workload.revision', { revision: w.revision })
      : '';
  g.select('.kp-box-note').text(note);
  g.select('.kp-box-name').text(shortenName(w.name, NAME_CHARS));
  g.select('.kp-box-counts').text(countsLine(w, t));
}

/** What a Service box shows; it is redrawn only when this changes. */
export function serviceSignature(s: ServiceView): string {
  return [s.name, s.type, s.clusterIP, ...s.endpoints.map((e) => `${e.ip}:${e.ready}`)].join('|');
}

/** Writes a Service box's attributes and lines: type, name, ready endpoints. */
export function renderService(g: GroupSelection<ServiceView>, s: ServiceView, t: Translate): void {
  const ready = s.endpoints.filter((e) => e.ready).length;
  g.attr('data-kind', 'Service')
    .attr('data-name', s.name)
    .attr('data-namespace', s.namespace)
    .attr('data-uid', s.uid)
    .attr('data-degraded', ready === 0 ? 'true' : null)
    .attr('role', 'button')
    .attr('tabindex', 0)
    .attr('aria-label', serviceAriaLabel(s));
  g.select('title').text(serviceTooltip(s, t));
  g.select('.kp-box-kind').text('Service');
  g.select('.kp-box-note').text(s.type);
  g.select('.kp-box-name').text(shortenName(s.name, NAME_CHARS));
  g.select('.kp-box-counts').text(t('service.endpointsShort', { ready, total: s.endpoints.length }));
}
