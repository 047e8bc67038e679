/**
 * recreate.go: scale every old ReplicaSet to 0, wait until none of their pods is left running (Terminating pods
 * count as running), then create or scale up the new ReplicaSet to all replicas at once.
 */
import type { Pod } from '../../api/kinds';
import type { ReplicaSet } from '../replicaset/replicaKinds';
import { cleanupDeployment } from './cleanupDeployment';
import { decideWaiting, scaleReplicaSetAndRecordEvent, type DeploymentRun } from './deploymentRun';
import { activeReplicaSets, sumActualReplicas } from './deploymentReplicaSets';
import { replicasOf } from './deploymentTypes';
import { isDeploymentComplete, syncRolloutStatus } from './progress';
import { allReplicaSetsOf, getAllReplicaSetsAndSyncRevision } from './sync';

/** Pods of the Deployment's ReplicaSets, by the uid of the ReplicaSet that controls them (getPodMapForDeployment). */
export type PodsByReplicaSet = Map<string, Pod[]>;

/** rolloutRecreate. */
export function rolloutRecreate(run: DeploymentRun, replicaSets: readonly ReplicaSet[], pods: PodsByReplicaSet): void {
  // No new ReplicaSet yet: it must not start before the old pods are gone.
  let sets = getAllReplicaSetsAndSyncRevision(run, replicaSets, false);
  let all = allReplicaSetsOf(sets);

  let scaledDown = false;
  for (const rs of activeReplicaSets(sets.oldReplicaSets)) {
    const result = scaleReplicaSetAndRecordEvent(run, rs, 0, 'Recreate stops every old pod before starting new ones');
    scaledDown ||= result.scaled;
  }
  if (scaledDown) return syncRolloutStatus(run, all, sets.newRS);

  const running = oldPodsRunning(sets.newRS, sets.oldReplicaSets, pods);
  if (running) {
    decideWaiting(run, `waiting for old pods to stop before starting the new ones: ${running}`);
    return syncRolloutStatus(run, all, sets.newRS);
  }

  if (!sets.newRS) {
    sets = getAllReplicaSetsAndSyncRevision(run, replicaSets, true);
    all = allReplicaSetsOf(sets);
  }
  const newRS = sets.newRS!;
  scaleReplicaSetAndRecordEvent(
    run,
    newRS,
    replicasOf(run.deployment),
    'all old pods are gone, so Recreate starts all',
  );

  if (isDeploymentComplete(run.deployment, run.deployment.status ?? {})) cleanupDeployment(run, sets.oldReplicaSets);
  syncRolloutStatus(run, all, newRS);
}

/**
 * oldPodsRunning: an old ReplicaSet still reports pods, or a pod of one is in any phase but Succeeded or Failed
 * (Terminating pods included). Returns what is still running, or undefined.
 */
function oldPodsRunning(
  newRS: ReplicaSet | undefined,
  oldReplicaSets: readonly ReplicaSet[],
  pods: PodsByReplicaSet,
): string | undefined {
  const reported = sumActualReplicas(oldReplicaSets);
  if (reported > 0) return `old ReplicaSets still report ${reported} pods`;
  for (const [uid, owned] of pods) {
    if (uid === newRS?.metadata.uid) continue;
    const running = owned.find((pod) => pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed');
    if (running)
      return `pod ${running.metadata.name} is still ${running.metadata.deletionTimestamp ? 'terminating' : 'running'}`;
  }
  return undefined;
}
