/**
 * Queueing hints (SchedulerQueueingHints, GA in 1.34): a pod parked as unschedulable goes back to the queue only
 * when a cluster event may help one of the plugins that rejected it (each plugin's EventsToRegister and
 * QueueingHintFn, e.g. tainttoleration.isSchedulableAfterNodeChange). A pod no plugin rejected (no nodes at all)
 * goes back on any event.
 */
import type { Node, Pod, Taint } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { nodeAllocatable, podRequests } from '../resources/podResources';
import { matchesRequiredNodeAffinity } from './nodeAffinity';
import { firstUntoleratedTaint, toleratesTaint } from './taints';
import { hostPortsOf, portsConflict } from './nodeInfo';
import { claimNamesOf } from './volumeBinding';

export type ClusterEvent =
  | { kind: 'NodeAdd'; node: Node }
  | { kind: 'NodeUpdate'; old: Node; node: Node }
  | { kind: 'AssignedPodDelete'; pod: Pod }
  | { kind: 'UnscheduledPodUpdate'; old: Pod; pod: Pod }
  | { kind: 'ClaimAddOrUpdate'; claim: KubeObject }
  | { kind: 'VolumeAddOrUpdate' }
  | { kind: 'StorageClassAdd' }
  | { kind: 'StorageClassUpdate'; old: KubeObject; storageClass: KubeObject };

const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

function schedulable(pod: Pod, node: Node): boolean {
  return !node.spec?.unschedulable || toleratesTaint(pod.spec.tolerations, UNSCHEDULABLE_TAINT);
}

/** isFit on an empty node: the pod's requests fit the node's allocatable. */
function fitsEmptyNode(pod: Pod, node: Node): boolean {
  const request = podRequests(pod);
  const allocatable = nodeAllocatable(node);
  return allocatable.pods >= 1 && request.cpu <= allocatable.cpu && request.memory <= allocatable.memory;
}

function allocatableIncreased(pod: Pod, old: Node, node: Node): boolean {
  const request = podRequests(pod);
  const before = nodeAllocatable(old);
  const after = nodeAllocatable(node);
  return (
    after.pods > before.pods ||
    (request.cpu > 0 && after.cpu > before.cpu) ||
    (request.memory > 0 && after.memory > before.memory)
  );
}

function sameTolerations(a: Pod, b: Pod): boolean {
  return JSON.stringify(a.spec.tolerations ?? []) === JSON.stringify(b.spec.tolerations ?? []);
}

/** One plugin's hint for one event: whether the event may make the pod schedulable. */
function pluginHint(plugin: string, pod: Pod, event: ClusterEvent): boolean {
  switch (plugin) {
    case 'NodeUnschedulable':
      if (event.kind === 'NodeAdd') return schedulable(pod, event.node);
      if (event.kind === 'NodeUpdate') return !schedulable(pod, event.old) && schedulable(pod, event.node);
      if (event.kind === 'UnscheduledPodUpdate') return !sameTolerations(event.old, event.pod);
      return false;
    case 'TaintToleration': {
      if (event.kind === 'UnscheduledPodUpdate') return !sameTolerations(event.old, event.pod);
      if (event.kind !== 'NodeAdd' && event.kind !== 'NodeUpdate') return false;
      const was =
        event.kind === 'NodeUpdate' ? firstUntoleratedTaint(event.old.spec?.taints, pod.spec.tolerations) : true;
      return was !== undefined && firstUntoleratedTaint(event.node.spec?.taints, pod.spec.tolerations) === undefined;
    }
    case 'NodeAffinity':
      if (event.kind === 'NodeAdd') return matchesRequiredNodeAffinity(pod, event.node);
      if (event.kind === 'NodeUpdate')
        return !matchesRequiredNodeAffinity(pod, event.old) && matchesRequiredNodeAffinity(pod, event.node);
      return false;
    case 'NodePorts':
      if (event.kind === 'NodeAdd') return true;
      if (event.kind === 'AssignedPodDelete') {
        const freed = hostPortsOf(event.pod);
        return hostPortsOf(pod).some((wanted) => freed.some((used) => portsConflict(wanted, used)));
      }
      return false;
    case 'NodeResourcesFit':
      if (event.kind === 'AssignedPodDelete') return true;
      if (event.kind === 'NodeAdd') return fitsEmptyNode(pod, event.node);
      if (event.kind === 'NodeUpdate')
        return fitsEmptyNode(pod, event.node) && allocatableIncreased(pod, event.old, event.node);
      return false;
    case 'VolumeBinding':
      return volumeBindingHint(pod, event);
    default:
      return false;
  }
}

/**
 * VolumeBinding's EventsToRegister: any node added or relabelled, any volume added or changed, a change to one of
 * the pod's claims (isSchedulableAfterPersistentVolumeClaimChange), a new class or new allowedTopologies.
 */
function volumeBindingHint(pod: Pod, event: ClusterEvent): boolean {
  switch (event.kind) {
    case 'NodeAdd':
    case 'VolumeAddOrUpdate':
    case 'StorageClassAdd':
      return true;
    case 'NodeUpdate':
      return JSON.stringify(event.old.metadata.labels ?? {}) !== JSON.stringify(event.node.metadata.labels ?? {});
    case 'ClaimAddOrUpdate':
      return (
        event.claim.metadata.namespace === pod.metadata.namespace &&
        claimNamesOf(pod).includes(event.claim.metadata.name ?? '')
      );
    case 'StorageClassUpdate':
      return (
        JSON.stringify(event.old.allowedTopologies ?? null) !==
        JSON.stringify(event.storageClass.allowedTopologies ?? null)
      );
    default:
      return false;
  }
}

/** isPodWorthRequeuing: any rejecting plugin says the event may help (or none rejected it). */
export function isWorthRequeuing(pod: Pod, rejectedBy: readonly string[], event: ClusterEvent): boolean {
  if (rejectedBy.length === 0) return true;
  return rejectedBy.some((plugin) => pluginHint(plugin, pod, event));
}
