/**
 * DaemonSet status (daemon_controller.go: updateDaemonSetStatus, storeDaemonSetStatus): per node that should run a
 * daemon pod, whether it has one (current), whether the oldest is ready, available and updated; pods on nodes that
 * should not run one are misscheduled. `kubectl get ds` prints DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE from
 * these.
 */
import type { Node, Pod } from '../../api/kinds';
import type { ControllerContext } from '../controller';
import { isPodAvailable, isPodReady } from '../podConditions';
import { oldestFirst, podsByNode } from './daemonPods';
import {
  isPodUpdated,
  minReadySecondsOf,
  templateGenerationOf,
  type DaemonSet,
  type DaemonSetStatus,
} from './daemonSetTypes';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';

/** The status the DaemonSet's pods add up to; observedGeneration only when this sync acted on the spec. */
export function computeDaemonSetStatus(
  ds: DaemonSet,
  nodes: readonly Node[],
  pods: readonly Pod[],
  hash: string,
  now: number,
  observeGeneration: boolean,
): DaemonSetStatus {
  const byNode = podsByNode(pods);
  const generation = templateGenerationOf(ds);
  let [desired, current, misscheduled, ready, updated, available] = [0, 0, 0, 0, 0, 0];
  for (const node of nodes) {
    const podsOnNode = byNode.get(node.metadata.name) ?? [];
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (podsOnNode.length > 0) misscheduled++;
      continue;
    }
    desired++;
    const pod = oldestFirst(podsOnNode)[0];
    if (!pod) continue;
    current++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySecondsOf(ds), now)) available++;
    }
    if (isPodUpdated(pod, hash, generation)) updated++;
  }
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
  };
  const observed = observeGeneration ? ds.metadata.generation : ds.status?.observedGeneration;
  if (observed) status.observedGeneration = observed;
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available) status.numberUnavailable = desired - available;
  if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
  return status;
}

/** storeDaemonSetStatus: writes the status unless every count and the observed generation already match. */
export function writeDaemonSetStatus(context: ControllerContext, ds: DaemonSet, status: DaemonSetStatus): boolean {
  const old = ds.status;
  const same =
    old !== undefined &&
    (['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady'] as const).every(
      (field) => old[field] === status[field],
    ) &&
    (['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable', 'observedGeneration'] as const).every(
      (field) => (old[field] ?? 0) === (status[field] ?? 0),
    );
  if (same) return true;
  return context.api.updateStatus({ ...ds, status }).ok;
}
