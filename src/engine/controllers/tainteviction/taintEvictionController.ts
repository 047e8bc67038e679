/**
 * The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go, timed_workers.go): a pod on a node
 * with NoExecute taints it does not all tolerate is deleted at once; one that tolerates them all for a while is
 * deleted when the shortest of those tolerations runs out, counted from when the controller first saw it there
 * (`Marking for deletion Pod ns/name`); a toleration without seconds keeps the pod, and a scheduled deletion whose
 * taints go away is cancelled (`Cancelling deletion of Pod ns/name`). Deleted pods get the DisruptionTarget
 * condition first. On a dead node they stay Terminating: no kubelet is left to finish them.
 */
import type { Node, Pod, Taint, Toleration } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { semanticEqual } from '../../api/semanticEqual';
import type { KubeObject } from '../../api/types';
import { formatTimestamp } from '../../runtime/time';
import { toleratesOne, toleratesTaint } from '../../scheduler/taints';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../controller';

export const TAINT_EVICTION_CONTROLLER_NAME = 'taint-eviction-controller';

const NODES = resolveResourceName('nodes')!;
const PODS = resolveResourceName('pods')!;

/** A deletion waiting for a toleration to run out (a TimedWorker). */
interface ScheduledEviction {
  createdAt: number;
  fireAt: number;
  /** Why, for the decision log. */
  why: string;
}

interface TaintEvictionState {
  /** `namespace/name` → its scheduled deletion. */
  evictions: Record<string, ScheduledEviction>;
}

/** Work-queue keys: a node's NoExecute taints changed, a pod changed, a scheduled deletion is due. */
const KEY = { node: 'node:', pod: 'pod:', evict: 'evict:' } as const;

export const TAINT_EVICTION_CONTROLLER: ControllerDefinition = {
  name: TAINT_EVICTION_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => {
      const object = event.object;
      if (resource === NODES) {
        const unchanged =
          event.type === 'MODIFIED' &&
          previous &&
          semanticEqual(noExecuteTaints(previous as unknown as Node), noExecuteTaints(object as unknown as Node));
        return unchanged ? [] : [KEY.node + object.metadata.name];
      }
      if (resource !== PODS) return [];
      // PodUpdated: only tolerations and the node a pod is bound to matter.
      const pod = object as unknown as Pod;
      const before = previous as unknown as Pod | undefined;
      if (
        event.type === 'MODIFIED' &&
        before &&
        before.spec.nodeName === pod.spec.nodeName &&
        semanticEqual(before.spec.tolerations ?? [], pod.spec.tolerations ?? [])
      )
        return [];
      return [KEY.pod + objectKeyOf(pod.metadata.namespace, pod.metadata.name)];
    },
    sync: (key) => {
      if (key.startsWith(KEY.node)) handleNodeUpdate(context, key.slice(KEY.node.length));
      else if (key.startsWith(KEY.pod)) handlePodUpdate(context, key.slice(KEY.pod.length));
      else if (key.startsWith(KEY.evict)) fireEviction(context, key.slice(KEY.evict.length));
    },
  }),
};

function stateOf(context: ControllerContext): TaintEvictionState {
  return context.state<TaintEvictionState>(() => ({ evictions: {} }));
}

function noExecuteTaints(node: Node): Taint[] {
  return (node.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** handleNodeUpdate: every pod on the node against the node's NoExecute taints. */
function handleNodeUpdate(context: ControllerContext, name: string): void {
  const node = context.api.find(NODES, undefined, name) as Node | undefined;
  if (!node) return;
  const taints = noExecuteTaints(node);
  const pods = (context.api.all(PODS) as Pod[]).filter((p) => p.spec.nodeName === name);
  for (const pod of pods) {
    const key = objectKeyOf(pod.metadata.namespace, pod.metadata.name);
    // All taints removed: every scheduled deletion on the node is cancelled.
    if (taints.length === 0) cancelEviction(context, key);
    else processPodOnNode(context, key, name, pod.spec.tolerations ?? [], taints);
  }
}

/** handlePodUpdate: a pod that is gone loses its scheduled deletion; one on a tainted node is checked. */
function handlePodUpdate(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const pod = context.api.find(PODS, namespace, name) as Pod | undefined;
  if (!pod) {
    cancelEviction(context, key);
    return;
  }
  const nodeName = pod.spec.nodeName;
  const node = nodeName ? (context.api.find(NODES, undefined, nodeName) as Node | undefined) : undefined;
  const taints = node ? noExecuteTaints(node) : [];
  // An untainted (or unknown) node: nothing to do, and nothing is cancelled here.
  if (taints.length === 0) return;
  processPodOnNode(context, key, nodeName!, pod.spec.tolerations ?? [], taints);
}

/** v1helper.GetMatchingTolerations: for each taint the first toleration that tolerates it; undefined if one has none. */
function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): Toleration[] | undefined {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const toleration = tolerations.find((t) => toleratesOne(t, taint));
    if (!toleration) return undefined;
    used.push(toleration);
  }
  return used;
}

/** getMinTolerationTime in ms: the shortest tolerationSeconds (≤ 0 counts as 0); -1 when none has a limit. */
function minTolerationMs(used: readonly Toleration[]): number {
  let min = Infinity;
  for (const toleration of used) {
    const seconds = toleration.tolerationSeconds;
    if (seconds === undefined || seconds === null) continue;
    if (seconds <= 0) return 0;
    min = Math.min(min, seconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

function describeTaint(taint: Taint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/** processPodOnNode: delete now, schedule the deletion, or cancel it. */
function processPodOnNode(
  context: ControllerContext,
  key: string,
  nodeName: string,
  tolerations: readonly Toleration[],
  taints: readonly Taint[],
): void {
  const now = context.runtime.now();
  const used = matchingTolerations(taints, tolerations);
  if (!used) {
    cancelEviction(context, key);
    const untolerated = taints.find((taint) => !toleratesTaint(tolerations, taint))!;
    evictPod(context, key, `node ${nodeName} has the taint ${describeTaint(untolerated)}, which it does not tolerate`);
    return;
  }
  const minMs = minTolerationMs(used);
  if (minMs < 0) {
    cancelEviction(context, key);
    return;
  }
  const evictions = stateOf(context).evictions;
  const scheduled = evictions[key];
  let createdAt = now;
  if (scheduled) {
    createdAt = scheduled.createdAt;
    // processPodOnNode: a deletion scheduled earlier (CreatedAt + min before now + min) comes first and stays.
    if (createdAt < now) return;
    cancelEviction(context, key);
  }
  const why =
    `node ${nodeName} has the taint${taints.length > 1 ? 's' : ''} ${taints.map(describeTaint).join(', ')}, ` +
    `which it tolerates for ${minMs / 1000}s (since ${formatTimestamp(createdAt)})`;
  const fireAt = now + minMs;
  if (fireAt <= now) {
    evictPod(context, key, why);
    return;
  }
  evictions[key] = { createdAt, fireAt, why };
  context.queue.addAfter(KEY.evict + key, fireAt - now);
}

/** A scheduled deletion comes due (a timer that a cancellation or a later schedule may have overtaken). */
function fireEviction(context: ControllerContext, key: string): void {
  const evictions = stateOf(context).evictions;
  const scheduled = evictions[key];
  const now = context.runtime.now();
  if (!scheduled) return;
  if (scheduled.fireAt > now) {
    context.queue.addAfter(KEY.evict + key, scheduled.fireAt - now);
    return;
  }
  delete evictions[key];
  evictPod(context, key, scheduled.why);
}

/** cancelWorkWithEvent: drops a scheduled deletion, with an event when there was one. */
function cancelEviction(context: ControllerContext, key: string): void {
  const evictions = stateOf(context).evictions;
  if (!evictions[key]) return;
  delete evictions[key];
  recordPodEvent(context, key, `Cancelling deletion of Pod ${key}`);
}

/** The pod reference of the controller's events: no uid (taint_eviction.go emitPodDeletionEvent). */
function recordPodEvent(context: ControllerContext, key: string, message: string): void {
  const { namespace, name } = splitObjectKey(key);
  context.events.record({ apiVersion: 'v1', kind: 'Pod', name, namespace }, 'Normal', 'TaintManagerEviction', message, {
    component: TAINT_EVICTION_CONTROLLER_NAME,
  });
}

/** deletePodHandler with addConditionAndDeletePod: the event, the DisruptionTarget condition, the delete. */
function evictPod(context: ControllerContext, key: string, why: string): void {
  recordPodEvent(context, key, `Marking for deletion Pod ${key}`);
  const { namespace, name } = splitObjectKey(key);
  const pod = context.api.find(PODS, namespace, name) as Pod | undefined;
  if (!pod) return;
  const conditions = pod.status?.conditions ?? [];
  const target = conditions.find((c) => c.type === 'DisruptionTarget');
  const wanted = {
    type: 'DisruptionTarget',
    status: 'True',
    lastProbeTime: null as unknown as string,
    lastTransitionTime: target?.status === 'True' ? target.lastTransitionTime : formatTimestamp(context.runtime.now()),
    reason: 'DeletionByTaintManager',
    message: 'Taint manager: deleting due to NoExecute taint',
  };
  // apipod.UpdatePodCondition: a changed condition is replaced where it stands, a new one appended.
  if (!target || !semanticEqual({ ...target, lastProbeTime: null }, wanted)) {
    const updated = target ? conditions.map((c) => (c === target ? wanted : c)) : [...conditions, wanted];
    const status = { ...pod.status, conditions: updated };
    if (!context.api.updateStatus({ ...(pod as unknown as KubeObject), status }).ok) return;
  }
  const deleted = context.api.delete(PODS, namespace, name);
  if (!deleted.ok || pod.metadata.deletionTimestamp) return;
  context.decisions.record(
    TAINT_EVICTION_CONTROLLER_NAME,
    { kind: 'Pod', namespace, name, uid: pod.metadata.uid },
    `deleted the pod: ${why}`,
  );
}
