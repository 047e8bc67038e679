/**
 * Which nodes a DaemonSet runs on (pkg/controller/daemon/daemon_controller.go: NodeShouldRunDaemonPod, predicates;
 * util/daemonset_util.go: AddOrUpdateDaemonPodTolerations). The controller imagines the pod on each node — the
 * template plus the tolerations every daemon pod gets — and checks nodeName, nodeSelector and required node
 * affinity, and taints. Resources are not checked: a pod that does not fit stays Pending at the scheduler.
 */
import type { Node, Pod, PodSpec, Taint, Toleration } from '../../api/kinds';
import { matchesRequiredNodeAffinity } from '../../scheduler/nodeAffinity';
import { firstUntoleratedTaint, toleratesTaint } from '../../scheduler/taints';
import type { DaemonSet } from './daemonSetTypes';

export interface NodeVerdict {
  /** A daemon pod should be created here if there is none. */
  shouldRun: boolean;
  /** A daemon pod already here may stay. */
  shouldContinueRunning: boolean;
  /** Why not, in a learner's words, when shouldRun is false. */
  reason?: string;
}

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive node problems (no tolerationSeconds, so never evicted for
 * them) and land on cordoned or pressured nodes; network-unavailable only for hostNetwork pods.
 */
export function withDaemonPodTolerations(spec: PodSpec): Toleration[] {
  const added: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (spec.hostNetwork)
    added.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  const tolerations = [...(spec.tolerations ?? [])];
  for (const toleration of added) {
    // AddOrUpdateTolerationInPodSpec: one with the same key, operator, value and effect is replaced in place.
    const same = tolerations.findIndex(
      (t) =>
        (t.key ?? '') === toleration.key &&
        (t.operator ?? '') === toleration.operator &&
        (t.value ?? '') === '' &&
        (t.effect ?? '') === toleration.effect,
    );
    if (same >= 0) tolerations[same] = toleration;
    else tolerations.push(toleration);
  }
  return tolerations;
}

/** `key=value:Effect`, as `kubectl describe node` prints a taint. */
export function formatTaint(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/** NewPod: the would-be daemon pod for `node`. */
function imaginedPod(ds: DaemonSet, node: Node): Pod {
  const spec = ds.spec.template.spec ?? { containers: [] };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: '', namespace: ds.metadata.namespace },
    spec: { ...spec, nodeName: node.metadata.name, tolerations: withDaemonPodTolerations(spec) },
  };
}

/** NodeShouldRunDaemonPod: (shouldRun, shouldContinueRunning) for one node. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): NodeVerdict {
  const templateNode = ds.spec.template.spec?.nodeName;
  if (templateNode && templateNode !== node.metadata.name)
    return { shouldRun: false, shouldContinueRunning: false, reason: `the template's nodeName is ${templateNode}` };
  const pod = imaginedPod(ds, node);
  if (!matchesRequiredNodeAffinity(pod, node))
    return {
      shouldRun: false,
      shouldContinueRunning: false,
      reason: "its labels do not match the template's nodeSelector or required node affinity",
    };
  const taints = node.spec?.taints;
  const untolerated = firstUntoleratedTaint(taints, pod.spec.tolerations);
  if (!untolerated) return { shouldRun: true, shouldContinueRunning: true };
  // A pod already running stays unless a NoExecute taint it does not tolerate evicts it.
  const noExecute = (taints ?? []).find((t) => t.effect === 'NoExecute' && !toleratesTaint(pod.spec.tolerations, t));
  return {
    shouldRun: false,
    shouldContinueRunning: noExecute === undefined,
    reason: `it has the taint ${formatTaint(noExecute ?? untolerated)}, which the pod does not tolerate`,
  };
}
