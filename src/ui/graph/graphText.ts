/**
 * What the graph says about each object: the accessible name (always English, `Pod web-0, Running, 1/1 ready`, which
 * tools rely on) and the tooltip that explains the state in plain words (translated, graph.json).
 */
import type { NodeView, PodView, ServiceView, WorkloadView } from '../../engine/view/clusterViewTypes';
import { podStatusCategory } from './podStatusCategory';

/** A translation function over the `graph` namespace (i18next's `t` from `useTranslation('graph')`). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Pod STATUS values with their own explanation (graph.json `podStatus.*`). */
const EXPLAINED_STATUSES = new Set([
  'Pending',
  'ContainerCreating',
  'PodInitializing',
  'CrashLoopBackOff',
  'ErrImagePull',
  'ImagePullBackOff',
  'Error',
  'OOMKilled',
  'Completed',
  'Unknown',
  'Evicted',
]);

/** `Pod web-0, Running, 1/1 ready`: kubectl's STATUS and READY. */
export function podAriaLabel(pod: PodView): string {
  return `Pod ${pod.name}, ${pod.status}, ${pod.ready} ready`;
}

/** `Node worker1, Ready,SchedulingDisabled`. */
export function nodeAriaLabel(node: NodeView): string {
  return `Node ${node.name}, ${node.status}`;
}

/** `Deployment web, 3/3 ready`; a Job counts successes, a CronJob its active Jobs. */
export function workloadAriaLabel(w: WorkloadView): string {
  if (w.kind === 'Job') return `Job ${w.name}, ${w.succeeded ?? 0}/${w.desired} succeeded`;
  if (w.kind === 'CronJob') return `CronJob ${w.name}, ${w.detail ?? ''}, ${w.current} active`;
  return `${w.kind} ${w.name}, ${w.ready}/${w.desired} ready`;
}

/** `Service web, 2/3 endpoints ready`. */
export function serviceAriaLabel(s: ServiceView): string {
  const ready = s.endpoints.filter((e) => e.ready).length;
  return `Service ${s.name}, ${ready}/${s.endpoints.length} endpoints ready`;
}

/** The grace period a pod gets when it names none (terminationGracePeriodSeconds' default). */
const DEFAULT_GRACE_SECONDS = 30;

/** The share of its grace period a terminating pod has left at `now` (virtual ms), for the countdown bar. */
export function graceFraction(pod: PodView, now: number): number {
  if (pod.deletionDeadline === undefined) return 0;
  const total = (pod.gracePeriodSeconds ?? DEFAULT_GRACE_SECONDS) * 1000;
  if (total <= 0) return 0;
  return Math.min(1, Math.max(0, (pod.deletionDeadline - now) / total));
}

/** Seconds of grace a terminating pod has left at `now` (virtual ms). */
function graceSecondsLeft(pod: PodView, now: number): number {
  return pod.deletionDeadline === undefined ? 0 : Math.max(0, Math.ceil((pod.deletionDeadline - now) / 1000));
}

/** The plain-language reason behind kubectl's STATUS. */
export function explainPodStatus(pod: PodView, t: Translate, now: number): string {
  const { status } = pod;
  switch (podStatusCategory(pod)) {
    case 'terminating':
      return t('podStatus.Terminating', { seconds: graceSecondsLeft(pod, now) });
    case 'ready':
      return t('podStatus.Running');
    case 'notReady':
      return t('podStatus.NotReady');
    default:
  }
  if (status === 'Pending' && pod.node === undefined) return t('podStatus.Unscheduled');
  if (EXPLAINED_STATUSES.has(status)) return t(`podStatus.${status}`);
  if (/^Init:\d+\/\d+$/.test(status)) return t('podStatus.Initializing');
  if (status.startsWith('Init:')) return t('podStatus.InitFailed', { status });
  if (status.startsWith('ExitCode:') || status.startsWith('Signal:')) return t('podStatus.Error');
  return podStatusCategory(pod) === 'pending' ? t('podStatus.Pending') : t('podStatus.Other', { status });
}

/** A pod's tooltip: summary, the status explained, its node, owner and probe failures. */
export function podTooltip(pod: PodView, t: Translate, now: number): string {
  const lines = [
    `Pod ${pod.namespace}/${pod.name}`,
    t('pod.summary', { status: pod.status, ready: pod.ready, restarts: pod.restarts }),
    explainPodStatus(pod, t, now),
    pod.node === undefined ? t('pod.noNode') : t('pod.node', { node: pod.node }),
  ];
  if (pod.owner) lines.push(t('pod.owner', { kind: pod.owner.kind, name: pod.owner.name }));
  const failures = pod.probeFailures;
  if (failures.liveness > 0) lines.push(t('pod.livenessFailures', { count: failures.liveness }));
  if (failures.readiness > 0) lines.push(t('pod.readinessFailures', { count: failures.readiness }));
  if (failures.startup > 0) lines.push(t('pod.startupFailures', { count: failures.startup }));
  return lines.join('\n');
}

/** A node's tooltip: readiness, cordon, taints and pressures explained. */
export function nodeTooltip(node: NodeView, t: Translate): string {
  const lines = [
    `Node ${node.name}`,
    t(node.ready === 'True' ? 'node.ready' : 'node.notReady', { status: node.status }),
  ];
  if (node.unschedulable) lines.push(t('node.cordoned'));
  if (node.taints.length > 0) lines.push(t('node.taints', { taints: node.taints.join(', ') }));
  if (node.pressures.length > 0) lines.push(t('node.pressures', { pressures: node.pressures.join(', ') }));
  return lines.join('\n');
}

/** A workload's tooltip: what its kind does, its counts, revision and pause. */
export function workloadTooltip(w: WorkloadView, t: Translate): string {
  const values = { desired: w.desired, current: w.current, ready: w.ready, succeeded: w.succeeded ?? 0 };
  const lines = [
    `${w.kind} ${w.namespace}/${w.name}`,
    t(`workload.explain.${w.kind}`, { ...values, schedule: w.detail ?? '' }),
  ];
  if (w.kind === 'Job') lines.push(t('workload.jobCounts', values));
  else if (w.kind === 'CronJob') lines.push(t('workload.active', { count: w.current }));
  else lines.push(t('workload.counts', values));
  if (w.revision !== undefined) lines.push(t('workload.revisionLine', { revision: w.revision }));
  if (w.paused) lines.push(t(w.kind === 'Deployment' ? 'workload.paused' : 'workload.suspended'));
  return lines.join('\n');
}

/** A Service's tooltip: type, cluster IP and ready endpoints. */
export function serviceTooltip(s: ServiceView, t: Translate): string {
  const ready = s.endpoints.filter((e) => e.ready).length;
  return [
    `Service ${s.namespace}/${s.name} (${s.type}, ${s.clusterIP || 'None'})`,
    t('service.explain', { ready, total: s.endpoints.length }),
  ].join('\n');
}
