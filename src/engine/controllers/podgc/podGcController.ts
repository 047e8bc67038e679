/**
 * The pod garbage collector (pkg/controller/podgc/gc_controller.go). Every 20 s it force-deletes (grace period 0),
 * after marking them Failed: terminated pods beyond 12,500 (evicted first, then the oldest); terminating pods on a
 * node that is not Ready and carries the `node.kubernetes.io/out-of-service` taint (non-graceful node shutdown);
 * pods bound to a node that no longer exists, once the node has stayed missing for a 40 s quarantine (with the
 * DisruptionTarget condition `DeletionByPodGC`); and terminating pods never bound to a node.
 */
import type { Node, Pod, PodCondition } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { formatTimestamp, parseTimestamp } from '../../runtime/time';
import type { ControllerContext, ControllerDefinition } from '../controller';

export const POD_GC_CONTROLLER_NAME = 'pod-garbage-collector-controller';
/** The work-queue key of the periodic pass (no object has this key). */
export const POD_GC_KEY = '#gc';
/** gcCheckPeriod. */
const GC_CHECK_PERIOD_MS = 20_000;
/** quarantineTime: how long a node must stay missing before its pods count as orphaned. */
const QUARANTINE_MS = 40_000;
/** --terminated-pod-gc-threshold. */
const TERMINATED_POD_THRESHOLD = 12_500;
const OUT_OF_SERVICE_TAINT = 'node.kubernetes.io/out-of-service';

const NODES = resolveResourceName('nodes')!;
const PODS = resolveResourceName('pods')!;

interface PodGcState {
  /** Missing node → when its quarantine ends (the orphaned_pods_nodes delaying queue). */
  quarantine: Record<string, number>;
}

export const POD_GC_CONTROLLER: ControllerDefinition = {
  name: POD_GC_CONTROLLER_NAME,
  create: (context) => {
    context.queue.addAfter(POD_GC_KEY, GC_CHECK_PERIOD_MS);
    return { keysFor: () => [], sync: () => gc(context) };
  },
};

/** One gc pass over the pods and nodes as listed at its start; queues the next. */
function gc(context: ControllerContext): void {
  const pods = context.api.all(PODS) as Pod[];
  const nodes = context.api.all(NODES) as Node[];
  gcTerminated(context, pods);
  gcTerminating(context, pods, nodes);
  gcOrphaned(context, pods, nodes);
  for (const pod of pods)
    if (pod.metadata.deletionTimestamp && !pod.spec.nodeName)
      markFailedAndDelete(context, pod, 'it is terminating and was never scheduled to a node');
  context.queue.addAfter(POD_GC_KEY, GC_CHECK_PERIOD_MS);
}

function isTerminated(pod: Pod): boolean {
  const phase = pod.status?.phase ?? '';
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

/** byEvictionAndCreationTimestamp: evicted pods first, then the oldest, then by name. */
function byEvictionAndAge(a: Pod, b: Pod): number {
  const evicted = (pod: Pod) => pod.status?.phase === 'Failed' && pod.status.reason === 'Evicted';
  if (evicted(a) !== evicted(b)) return evicted(a) ? -1 : 1;
  const age = (parseTimestamp(a.metadata.creationTimestamp) ?? 0) - (parseTimestamp(b.metadata.creationTimestamp) ?? 0);
  return age || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);
}

function gcTerminated(context: ControllerContext, pods: readonly Pod[]): void {
  const terminated = pods.filter(isTerminated);
  const excess = terminated.length - TERMINATED_POD_THRESHOLD;
  if (excess <= 0) return;
  for (const pod of terminated.sort(byEvictionAndAge).slice(0, excess))
    markFailedAndDelete(context, pod, `there are more than ${TERMINATED_POD_THRESHOLD} terminated pods`);
}

function gcTerminating(context: ControllerContext, pods: readonly Pod[], nodes: readonly Node[]): void {
  const outOfService = new Set(
    nodes
      .filter(
        (node) =>
          !node.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') &&
          (node.spec?.taints ?? []).some((t) => t.key === OUT_OF_SERVICE_TAINT),
      )
      .map((node) => node.metadata.name),
  );
  const terminating = pods.filter((p) => p.metadata.deletionTimestamp && outOfService.has(p.spec.nodeName ?? ''));
  for (const pod of terminating.sort(byEvictionAndAge))
    markFailedAndDelete(
      context,
      pod,
      `it is terminating on node ${pod.spec.nodeName}, which is not Ready and tainted ${OUT_OF_SERVICE_TAINT}`,
    );
}

/** gcOrphaned with discoverDeletedNodes: pods of nodes still missing when their quarantine ends. */
function gcOrphaned(context: ControllerContext, pods: readonly Pod[], nodes: readonly Node[]): void {
  const quarantine = context.state<PodGcState>(() => ({ quarantine: {} })).quarantine;
  const now = context.runtime.now();
  const existing = new Set(nodes.map((node) => node.metadata.name));
  for (const pod of pods) {
    const node = pod.spec.nodeName;
    // AddAfter: a node already waiting keeps the earlier time.
    if (node && !existing.has(node)) quarantine[node] = Math.min(quarantine[node] ?? Infinity, now + QUARANTINE_MS);
  }
  const deleted = new Set<string>();
  for (const [node, readyAt] of Object.entries(quarantine)) {
    if (readyAt > now) continue;
    delete quarantine[node];
    if (!existing.has(node) && !context.api.find(NODES, undefined, node)) deleted.add(node);
  }
  const condition = {
    type: 'DisruptionTarget',
    status: 'True',
    reason: 'DeletionByPodGC',
    message: 'PodGC: node no longer exists',
  };
  for (const pod of pods)
    if (deleted.has(pod.spec.nodeName ?? ''))
      markFailedAndDelete(context, pod, `its node ${pod.spec.nodeName} no longer exists`, condition);
}

/**
 * markFailedAndDeletePodWithCondition: a pod not yet Succeeded or Failed is patched to Failed (with the
 * condition, if any), then deleted with grace period 0.
 */
function markFailedAndDelete(
  context: ControllerContext,
  listed: Pod,
  why: string,
  condition?: Omit<PodCondition, 'lastTransitionTime' | 'lastProbeTime'>,
): void {
  const namespace = listed.metadata.namespace;
  const name = listed.metadata.name;
  const pod = context.api.find(PODS, namespace, name) as Pod | undefined;
  if (!pod || pod.metadata.uid !== listed.metadata.uid) return;
  const phase = pod.status?.phase;
  if (phase !== 'Succeeded' && phase !== 'Failed') {
    const status = { ...pod.status, phase: 'Failed' };
    if (condition) status.conditions = withCondition(status.conditions ?? [], condition, context.runtime.now());
    if (!context.api.updateStatus({ ...(pod as unknown as KubeObject), status }).ok) return;
  }
  const deleted = context.api.delete(PODS, namespace, name, {
    gracePeriodSeconds: 0,
    preconditionUid: pod.metadata.uid,
  });
  if (!deleted.ok) return;
  context.decisions.record(
    POD_GC_CONTROLLER_NAME,
    { kind: 'Pod', namespace, name, uid: pod.metadata.uid },
    `force-deleted the pod: ${why}`,
  );
}

/** apipod.UpdatePodCondition: replaced where it stands (keeping its transition time if the status holds), or appended. */
function withCondition(
  conditions: readonly PodCondition[],
  condition: Omit<PodCondition, 'lastTransitionTime' | 'lastProbeTime'>,
  now: number,
): PodCondition[] {
  const existing = conditions.find((c) => c.type === condition.type);
  const wanted: PodCondition = {
    ...condition,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: existing?.status === condition.status ? existing.lastTransitionTime : formatTimestamp(now),
  };
  return existing ? conditions.map((c) => (c === existing ? wanted : c)) : [...conditions, wanted];
}
