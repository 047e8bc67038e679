/**
 * The DaemonSet controller (pkg/controller/daemon/daemon_controller.go): wakes on changes of DaemonSets, their
 * pods and ControllerRevisions, and of nodes (a node joining, or changing labels or taints so that a DaemonSet's
 * verdict for it changes), then syncs: revisions, per-node pods, the rolling update, history cleanup, status.
 */
import type { Node, Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { matchesLabels } from '../../api/selectors/labelSelector';
import type { KubeObject, ResourceType, WatchEvent } from '../../api/types';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../controller';
import { CONTROLLER_REVISIONS } from '../history/controllerHistory';
import { retryFailedSync } from '../history/retryFailedSync';
import { controllerOf } from '../ownerReferences';
import { isPodReady } from '../podConditions';
import { claimDaemonPods } from './daemonPods';
import { cleanupHistory, constructHistory } from './daemonSetHistory';
import { computeDaemonSetStatus, writeDaemonSetStatus } from './daemonSetStatus';
import {
  DAEMON_SETS,
  DAEMON_SET_CONTROLLER_NAME,
  decisionSubject,
  minReadySecondsOf,
  selectorOf,
  type DaemonSet,
} from './daemonSetTypes';
import { manageDaemonPods } from './manageDaemonPods';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';
import { rollingUpdate } from './rollingUpdate';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;

export const DAEMON_SET_CONTROLLER: ControllerDefinition = {
  name: DAEMON_SET_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => keysFor(context, event, resource, previous),
    sync: (key) => syncDaemonSet(context, key),
  }),
};

function keyOf(ds: DaemonSet): string {
  return objectKeyOf(ds.metadata.namespace, ds.metadata.name ?? '');
}

/** The DaemonSet a controller reference names, if it still exists with that uid. */
function owningDaemonSet(context: ControllerContext, object: KubeObject): DaemonSet | undefined {
  const ref = controllerOf(object);
  if (ref?.kind !== 'DaemonSet') return undefined;
  const ds = context.api.find(DAEMON_SETS, object.metadata.namespace, ref.name) as DaemonSet | undefined;
  return ds?.metadata.uid === ref.uid ? ds : undefined;
}

/** Pods and revisions: their owner (and former owner); an orphan wakes every DaemonSet whose selector matches. */
function ownedObjectKeys(context: ControllerContext, event: WatchEvent, previous?: KubeObject): Set<string> {
  const object = event.object;
  const keys = new Set<string>();
  const owner = owningDaemonSet(context, object);
  if (owner) keys.add(keyOf(owner));
  else if (!controllerOf(object) && event.type !== 'DELETED' && !object.metadata.deletionTimestamp) {
    for (const ds of context.api.all(DAEMON_SETS, object.metadata.namespace) as DaemonSet[]) {
      const selector = selectorOf(ds);
      if (selector && matchesLabels(selector, object.metadata.labels)) keys.add(keyOf(ds));
    }
  }
  const formerOwner = previous && owningDaemonSet(context, previous);
  if (formerOwner) keys.add(keyOf(formerOwner));
  return keys;
}

/**
 * addNode/updateNode: a new node wakes the DaemonSets that should run on it; a node whose labels or taints changed
 * wakes those whose verdict for it changed. A deleted node wakes nobody: pod garbage collection removes its pods.
 */
function nodeKeys(context: ControllerContext, event: WatchEvent, previous?: KubeObject): string[] {
  if (event.type === 'DELETED') return [];
  const node = event.object as Node;
  const before = previous as Node | undefined;
  if (
    event.type === 'MODIFIED' &&
    before &&
    JSON.stringify(before.metadata.labels ?? {}) === JSON.stringify(node.metadata.labels ?? {}) &&
    JSON.stringify(before.spec?.taints ?? []) === JSON.stringify(node.spec?.taints ?? [])
  )
    return [];
  return (context.api.all(DAEMON_SETS) as DaemonSet[])
    .filter((ds) => {
      const now = nodeShouldRunDaemonPod(node, ds);
      if (event.type === 'ADDED' || !before) return now.shouldRun;
      const then = nodeShouldRunDaemonPod(before, ds);
      return now.shouldRun !== then.shouldRun || now.shouldContinueRunning !== then.shouldContinueRunning;
    })
    .map(keyOf);
}

function keysFor(
  context: ControllerContext,
  event: WatchEvent,
  resource: ResourceType,
  previous?: KubeObject,
): string[] {
  if (resource === DAEMON_SETS) return [objectKeyOf(event.object.metadata.namespace, event.object.metadata.name ?? '')];
  if (resource === NODES) return nodeKeys(context, event, previous);
  if (resource !== PODS && resource !== CONTROLLER_REVISIONS) return [];
  const keys = ownedObjectKeys(context, event, previous);
  // updatePod: a pod turning ready becomes available after minReadySeconds, with no change to watch.
  const owner = resource === PODS ? owningDaemonSet(context, event.object) : undefined;
  const becameReady = previous && !isPodReady(previous as Pod) && isPodReady(event.object as Pod);
  if (owner && becameReady && minReadySecondsOf(owner) > 0)
    context.queue.addAfter(keyOf(owner), minReadySecondsOf(owner) * 1000);
  return [...keys];
}

/** syncDaemonSet. */
function syncDaemonSet(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const ds = context.api.find(DAEMON_SETS, namespace, name) as DaemonSet | undefined;
  if (!ds) return;
  const selector = selectorOf(ds);
  // A DaemonSet being deleted is left alone: its history may already be gone, so updated pods cannot be told apart.
  if (!selector || ds.metadata.deletionTimestamp) return;
  const subject = decisionSubject(ds);
  const nodes = context.api.all(NODES) as Node[];
  const now = context.runtime.now();
  let pods = claimDaemonPods(context, ds, selector);
  const history = constructHistory(context, ds, selector, pods);
  if (!history.ok) {
    retryFailedSync(context, DAEMON_SET_CONTROLLER_NAME, subject, key, history.error.message);
    return;
  }
  const { hash, old } = history.value;
  const managed = manageDaemonPods(context, ds, nodes, hash, pods, now);
  let error = managed.error;
  // Pods created or deleted this sync are not observed yet; the rolling update waits for the next sync.
  if (!error && !managed.changed && ds.spec.updateStrategy?.type === 'RollingUpdate')
    error = rollingUpdate(context, ds, nodes, hash, pods, now);
  pods = claimDaemonPods(context, ds, selector);
  if (!error) cleanupHistory(context, ds, old, pods);
  const current = (context.api.find(DAEMON_SETS, namespace, name) as DaemonSet | undefined) ?? ds;
  const status = computeDaemonSetStatus(current, nodes, pods, hash, now, true);
  const written = writeDaemonSetStatus(context, current, status);
  if (error) retryFailedSync(context, DAEMON_SET_CONTROLLER_NAME, subject, key, error.message);
  else if (!written) context.queue.add(key);
  if (managed.requeueAfterMs !== undefined) context.queue.addAfter(key, managed.requeueAfterMs);
  // Resync after minReadySeconds, a last line of defence for pods becoming available.
  if (minReadySecondsOf(ds) > 0 && status.numberReady !== (status.numberAvailable ?? 0))
    context.queue.addAfter(key, minReadySecondsOf(ds) * 1000);
}
