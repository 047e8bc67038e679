/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set.go): wakes on changes of StatefulSets and
 * of their pods, claims the pods that belong to a set (selector and name both match), adopts orphaned
 * ControllerRevisions, runs one control pass and writes the status.
 */
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { formatLabelSelector, matchesLabels } from '../../api/selectors/labelSelector';
import type { KubeObject, ResourceType, WatchEvent } from '../../api/types';
import { claimObjects } from '../claimObjects';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../controller';
import { CONTROLLER_REVISIONS, listControllerRevisions, sortControllerRevisions } from '../history/controllerHistory';
import { retryFailedSync } from '../history/retryFailedSync';
import { controllerOf } from '../ownerReferences';
import { isMemberOf, isRunningAndReady } from './statefulSetPods';
import { resolveStatefulSetRevisions, truncateHistory } from './statefulSetRevisions';
import { writeStatefulSetStatus } from './statefulSetStatus';
import {
  STATEFUL_SETS,
  STATEFUL_SET_CONTROLLER_NAME,
  decisionSubject,
  minReadySecondsOf,
  replicasOf,
  selectorOf,
  type StatefulSet,
} from './statefulSetTypes';
import { updateStatefulSet } from './updateStatefulSet';

const PODS = resolveResourceName('pods')!;

export const STATEFUL_SET_CONTROLLER: ControllerDefinition = {
  name: STATEFUL_SET_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => keysFor(context, event, resource, previous),
    sync: (key) => syncStatefulSet(context, key),
  }),
};

function findSet(context: ControllerContext, namespace: string | undefined, name: string, uid?: string) {
  const set = context.api.find(STATEFUL_SETS, namespace, name) as StatefulSet | undefined;
  return set && (uid === undefined || set.metadata.uid === uid) ? set : undefined;
}

/** The set a controller reference names, if it is a StatefulSet that still exists with that uid. */
function ownerKey(context: ControllerContext, pod: KubeObject): string | undefined {
  const ref = controllerOf(pod);
  if (ref?.kind !== 'StatefulSet') return undefined;
  const set = findSet(context, pod.metadata.namespace, ref.name, ref.uid);
  return set ? objectKeyOf(pod.metadata.namespace, ref.name) : undefined;
}

/**
 * addPod/updatePod/deletePod: a pod wakes its owner (and a former owner); an orphan wakes every set whose selector
 * matches it. A pod turning ready also schedules a sync for when minReadySeconds have passed.
 */
function keysFor(
  context: ControllerContext,
  event: WatchEvent,
  resource: ResourceType,
  previous?: KubeObject,
): string[] {
  const { namespace, name } = event.object.metadata;
  if (resource === STATEFUL_SETS) return [objectKeyOf(namespace, name ?? '')];
  if (resource !== PODS) return [];
  const pod = event.object as Pod;
  const keys = new Set<string>();
  const owner = ownerKey(context, pod);
  if (owner) {
    keys.add(owner);
    const set = findSet(context, namespace, controllerOf(pod)!.name);
    const becameReady = previous && !isRunningAndReady(previous as Pod) && isRunningAndReady(pod);
    // Enqueued a second after minReadySeconds, against clock skew (stateful_set.go:updatePod).
    if (set && becameReady && minReadySecondsOf(set) > 0)
      context.queue.addAfter(owner, (minReadySecondsOf(set) + 1) * 1000);
  } else if (!controllerOf(pod) && event.type !== 'DELETED' && !pod.metadata.deletionTimestamp) {
    for (const set of context.api.all(STATEFUL_SETS, namespace) as StatefulSet[]) {
      const selector = selectorOf(set);
      if (selector && matchesLabels(selector, pod.metadata.labels))
        keys.add(objectKeyOf(namespace, set.metadata.name ?? ''));
    }
  }
  const formerOwner = previous && ownerKey(context, previous);
  if (formerOwner) keys.add(formerOwner);
  return [...keys];
}

/** syncStatefulSet. */
function syncStatefulSet(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const set = findSet(context, namespace, name);
  if (!set) return;
  const selector = selectorOf(set);
  if (!selector) return;
  const subject = decisionSubject(set);
  const record = (text: string) => context.decisions.record(STATEFUL_SET_CONTROLLER_NAME, subject, text);
  const matches = (object: KubeObject) => matchesLabels(selector, object.metadata.labels);
  claimObjects(context, CONTROLLER_REVISIONS, set, listControllerRevisions(context, set, selector), matches);
  const pods = claimObjects(
    context,
    PODS,
    set,
    context.api.all(PODS, namespace) as Pod[],
    (pod) => matches(pod) && isMemberOf(set, pod),
    (pod, change) =>
      record(
        change === 'adopted'
          ? `adopted orphan pod ${pod.metadata.name}: its name and labels (${formatLabelSelector(selector)}) ` +
              `make it a member of the set`
          : `released pod ${pod.metadata.name}: its name or labels (${formatLabelSelector(selector)}) no longer ` +
              `make it a member of the set`,
      ),
  );
  const revisions = sortControllerRevisions(listControllerRevisions(context, set, selector));
  const resolved = resolveStatefulSetRevisions(context, set, revisions);
  if (!resolved.ok) {
    retryFailedSync(context, STATEFUL_SET_CONTROLLER_NAME, subject, key, resolved.error.message);
    return;
  }
  const now = context.runtime.now();
  const result = updateStatefulSet(context, set, resolved.revisions, pods, now);
  const written = writeStatefulSetStatus(context, set, result.status);
  truncateHistory(context, set, pods, revisions, resolved.revisions);
  if (result.error) {
    retryFailedSync(context, STATEFUL_SET_CONTROLLER_NAME, subject, key, result.error.message);
  } else if (!written) {
    context.queue.add(key);
  }
  // Pods that are ready but not yet available become available with time alone.
  if (minReadySecondsOf(set) > 0 && result.status.availableReplicas !== replicasOf(set))
    context.queue.addAfter(key, minReadySecondsOf(set) * 1000);
}
