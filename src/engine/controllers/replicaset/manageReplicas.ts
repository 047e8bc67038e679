/**
 * replica_set.go:manageReplicas: create or delete pods until the active pods the owner controls match
 * spec.replicas, at most 500 per sync (burstReplicas), creating in slow-start batches.
 */
import type { Pod } from '../../api/kinds';
import type { ControllerContext } from '../controller';
import { createPodFromTemplate, requestPodDeletion } from '../podControl';
import { desiredReplicas, type ReplicaKind, type ReplicatedObject } from './replicaKinds';
import type { ManageReplicasError } from './replicaSetStatus';
import { describePodForDeletion, selectPodsToDelete } from './rankPodsForDeletion';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './slowStartBatch';
import { countOf } from './countOf';
import type { ClaimedPods } from './ownedPodsCache';
import type { RelatedPodsCache } from './relatedPodsCache';

/** kube-controller-manager's --concurrent burst: replica_set.go BurstReplicas. */
export const BURST_REPLICAS = 500;

/** Creates or deletes pods for one sync; returns why it failed, if it did. */
export function manageReplicas(
  context: ControllerContext,
  kind: ReplicaKind,
  owner: ReplicatedObject,
  activePods: ClaimedPods,
  related: RelatedPodsCache,
): ManageReplicasError | undefined {
  const wanted = desiredReplicas(owner);
  const diff = activePods.count - wanted;
  if (diff < 0) return createPods(context, kind, owner, activePods.count, Math.min(-diff, BURST_REPLICAS));
  if (diff > 0) return deletePods(context, kind, owner, activePods.list(), Math.min(diff, BURST_REPLICAS), related);
  return undefined;
}

function createPods(
  context: ControllerContext,
  kind: ReplicaKind,
  owner: ReplicatedObject,
  active: number,
  count: number,
): ManageReplicasError | undefined {
  const template = owner.spec.template ?? {};
  const result = slowStartBatch(count, SLOW_START_INITIAL_BATCH_SIZE, () => {
    const created = createPodFromTemplate(context, kind.controller, owner, template, {});
    return created.ok ? undefined : created.error.message;
  });
  const wanted = desiredReplicas(owner);
  const capped = count < wanted - active ? ` (at most ${BURST_REPLICAS} per sync)` : '';
  const batches = `slow-start batch${result.batches.length > 1 ? 'es' : ''} ${result.batches.join(', ')}`;
  let text = `wants ${countOf(wanted, 'pod')}, has ${active} active: created ${result.successes} of ${count}${capped} in ${batches}`;
  if (result.error !== undefined) text += `; a create failed (${result.error}), so the rest wait for the next sync`;
  recordDecision(context, kind, owner, text);
  return result.error === undefined ? undefined : { reason: 'FailedCreate', message: result.error };
}

function deletePods(
  context: ControllerContext,
  kind: ReplicaKind,
  owner: ReplicatedObject,
  activePods: readonly Pod[],
  count: number,
  related: RelatedPodsCache,
): ManageReplicasError | undefined {
  const now = context.runtime.now();
  const victims = selectPodsToDelete(
    activePods,
    () => related.podsOnNodes(kind, owner),
    count,
    now,
    (pod) => related.rankFactsOf(pod),
  );
  let failure: ManageReplicasError | undefined;
  for (const pod of victims) {
    const deleted = requestPodDeletion(context, kind.controller, owner, pod);
    // RealPodControl.DeletePod wraps the apiserver's error.
    if (!deleted.ok) failure ??= { reason: 'FailedDelete', message: `unable to delete pods: ${deleted.error.message}` };
  }
  const order = victims.length < activePods.length ? ', least established first' : '';
  recordDecision(
    context,
    kind,
    owner,
    `wants ${countOf(desiredReplicas(owner), 'pod')}, has ${activePods.length} active: deleted ${victims.length}${order}: ` +
      victims.map((pod) => describePodForDeletion(pod, now)).join(', '),
  );
  return failure;
}

/** Records a decision about `owner` in the decision log. */
export function recordDecision(
  context: ControllerContext,
  kind: ReplicaKind,
  owner: ReplicatedObject,
  text: string,
): void {
  context.decisions.record(
    kind.controller,
    { kind: kind.kind, namespace: owner.metadata.namespace, name: owner.metadata.name ?? '', uid: owner.metadata.uid },
    text,
  );
}
