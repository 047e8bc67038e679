/**
 * The default profile's Filter plugins that apply here, in the profile's order (pkg/scheduler/apis/config/v1:
 * NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit; then VolumeBinding, which needs
 * the pod's claims and lives in volumeBinding.ts). The first failing plugin decides a node's status
 * (framework/runtime/framework.go: RunFilterPlugins); reasons are the plugins' exact strings.
 */
import type { Pod, Taint } from '../api/kinds';
import { podRequests } from '../resources/podResources';
import { matchesRequiredNodeAffinity, hasRequiredNodeAffinity } from './nodeAffinity';
import { firstUntoleratedTaint, formatTaintForScheduler, toleratesTaint } from './taints';
import { hostPortsOf, portsConflict, type NodeInfo } from './nodeInfo';

export type PluginName =
  'NodeUnschedulable' | 'TaintToleration' | 'NodeAffinity' | 'NodePorts' | 'NodeResourcesFit' | 'VolumeBinding';

/** Unschedulable: preemption might help; UnschedulableAndUnresolvable: it cannot. */
export type StatusCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus {
  plugin: PluginName;
  code: StatusCode;
  reasons: string[];
}

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** NodeUnschedulable: a cordoned node takes only pods tolerating the unschedulable taint. */
export function filterNodeUnschedulable(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  if (!info.node.spec?.unschedulable || toleratesTaint(pod.spec.tolerations, UNSCHEDULABLE_TAINT)) return undefined;
  return { plugin: 'NodeUnschedulable', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] };
}

/** TaintToleration: the first NoSchedule/NoExecute taint the pod does not tolerate. */
export function filterTaintToleration(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const taint = firstUntoleratedTaint(info.node.spec?.taints, pod.spec.tolerations);
  if (!taint) return undefined;
  return {
    plugin: 'TaintToleration',
    code: 'UnschedulableAndUnresolvable',
    reasons: [`node(s) had untolerated taint ${formatTaintForScheduler(taint)}`],
  };
}

/** NodeAffinity: nodeSelector and required node affinity. */
export function filterNodeAffinity(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  if (!hasRequiredNodeAffinity(pod) || matchesRequiredNodeAffinity(pod, info.node)) return undefined;
  return {
    plugin: 'NodeAffinity',
    code: 'UnschedulableAndUnresolvable',
    reasons: ["node(s) didn't match Pod's node affinity/selector"],
  };
}

/** NodePorts: every wanted host port must be free on the node. */
export function filterNodePorts(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const wanted = hostPortsOf(pod);
  if (!wanted.some((port) => info.usedPorts.some((used) => portsConflict(port, used)))) return undefined;
  return {
    plugin: 'NodePorts',
    code: 'Unschedulable',
    reasons: ["node(s) didn't have free ports for the requested pod ports"],
  };
}

/**
 * NodeResourcesFit (noderesources/fit.go: fitsRequest): pod count, then cpu and memory requests against what the
 * node's pods already request. A request larger than the whole allocatable cannot be helped by preemption.
 */
export function filterNodeResourcesFit(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  const reasons: string[] = [];
  let unresolvable = false;
  if (info.pods.length + 1 > info.allocatable.pods) reasons.push('Too many pods');
  const request = podRequests(pod);
  const check = (resource: 'cpu' | 'memory') => {
    const wanted = request[resource];
    if (wanted <= 0 || wanted <= info.allocatable[resource] - info.requested[resource]) return;
    reasons.push(`Insufficient ${resource}`);
    if (wanted > info.allocatable[resource]) unresolvable = true;
  };
  check('cpu');
  check('memory');
  if (reasons.length === 0) return undefined;
  return { plugin: 'NodeResourcesFit', code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
}

const FILTERS = [
  filterNodeUnschedulable,
  filterTaintToleration,
  filterNodeAffinity,
  filterNodePorts,
  filterNodeResourcesFit,
];

/** RunFilterPlugins: the first failing plugin's status, or undefined when the node fits. */
export function runFilters(pod: Pod, info: NodeInfo): FilterStatus | undefined {
  for (const filter of FILTERS) {
    const status = filter(pod, info);
    if (status) return status;
  }
  return undefined;
}
