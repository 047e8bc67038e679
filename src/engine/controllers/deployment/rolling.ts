/**
 * rolling.go: one step of a RollingUpdate per sync. Grow the new ReplicaSet as far as maxSurge allows; if it
 * grew, stop there. Otherwise shrink old ReplicaSets as far as maxUnavailable allows — first the unavailable pods
 * of old ReplicaSets (cleanupUnhealthyReplicas), then available ones while enough stay available. The next step
 * waits for the ReplicaSet controller and the pods to catch up, because every number is read from status.
 */
import { countOf } from '../replicaset/countOf';
import type { ReplicaSet } from '../replicaset/replicaKinds';
import { cleanupDeployment } from './cleanupDeployment';
import { decideWaiting, scaleReplicaSetAndRecordEvent, type DeploymentRun } from './deploymentRun';
import {
  activeReplicaSets,
  compareByCreation,
  specReplicas,
  sumAvailableReplicas,
  sumSpecReplicas,
} from './deploymentReplicaSets';
import { replicasOf } from './deploymentTypes';
import { describeMaxUnavailable, maxUnavailableOf } from './fenceposts';
import { newReplicaSetSize } from './newReplicaSet';
import { isDeploymentComplete, syncRolloutStatus } from './progress';
import { allReplicaSetsOf, getAllReplicaSetsAndSyncRevision } from './sync';

/** What one reconcile step did: scaled, or why it could not. */
interface Step {
  scaled: boolean;
  waiting?: string;
}

/** rolloutRolling. */
export function rolloutRolling(run: DeploymentRun, replicaSets: readonly ReplicaSet[]): void {
  const sets = getAllReplicaSetsAndSyncRevision(run, replicaSets, true);
  const newRS = sets.newRS!;
  const all = allReplicaSetsOf(sets);

  const up = reconcileNewReplicaSet(run, all, newRS);
  if (up.scaled) return syncRolloutStatus(run, all, newRS);
  const down = reconcileOldReplicaSets(run, all, activeReplicaSets(sets.oldReplicaSets), newRS);
  if (down.scaled) return syncRolloutStatus(run, all, newRS);
  if (down.waiting) decideWaiting(run, `waiting: ${[up.waiting, down.waiting].filter(Boolean).join('; ')}`);

  if (isDeploymentComplete(run.deployment, run.deployment.status ?? {})) cleanupDeployment(run, sets.oldReplicaSets);
  syncRolloutStatus(run, all, newRS);
}

/** reconcileNewReplicaSet: scale the new ReplicaSet toward spec.replicas within maxSurge. */
function reconcileNewReplicaSet(run: DeploymentRun, all: readonly ReplicaSet[], newRS: ReplicaSet): Step {
  const replicas = replicasOf(run.deployment);
  const current = specReplicas(newRS);
  if (current === replicas) return { scaled: false };
  if (current > replicas)
    return scaleReplicaSetAndRecordEvent(run, newRS, replicas, `the Deployment wants only ${replicas}`);
  const size = newReplicaSetSize(run.deployment, all, newRS);
  if (size.replicas === current) return { scaled: false, waiting: size.why };
  return scaleReplicaSetAndRecordEvent(run, newRS, size.replicas, size.why);
}

/**
 * reconcileOldReplicaSets: the scale-down budget is allPods − minAvailable − unavailable new pods, so new pods
 * that are not available yet never let availability drop (rolling.go's worked example: 10 replicas, maxSurge 3,
 * maxUnavailable 2 goes (3,8) → (5,8) and stops there if the new pods never become available).
 */
function reconcileOldReplicaSets(
  run: DeploymentRun,
  all: readonly ReplicaSet[],
  oldActive: ReplicaSet[],
  newRS: ReplicaSet,
): Step {
  const deployment = run.deployment;
  if (sumSpecReplicas(oldActive) === 0) return { scaled: false };
  const allPods = sumSpecReplicas(all);
  const minAvailable = replicasOf(deployment) - maxUnavailableOf(deployment);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  const budget = `${allPods} pods − ${minAvailable} minimum available (${describeMaxUnavailable(deployment)}) − ${newUnavailable} unavailable new = ${maxScaledDown}`;
  if (maxScaledDown <= 0) return { scaled: false, waiting: `old ReplicaSets may not shrink: ${budget}` };

  const cleaned = cleanupUnhealthyReplicas(run, oldActive, maxScaledDown, budget);
  const scaledDown = scaleDownOldReplicaSets(
    run,
    [...cleaned.oldReplicaSets, newRS],
    cleaned.oldReplicaSets,
    minAvailable,
  );
  if (cleaned.count + scaledDown.count > 0) return { scaled: true };
  return { scaled: false, waiting: scaledDown.waiting };
}

/**
 * cleanupUnhealthyReplicas: oldest first, shrink old ReplicaSets by their unavailable pods, within the budget.
 * The ReplicaSet controller then deletes exactly those (not-ready pods go first), so availability does not drop.
 */
function cleanupUnhealthyReplicas(
  run: DeploymentRun,
  oldActive: readonly ReplicaSet[],
  maxCleanup: number,
  budget: string,
): { oldReplicaSets: ReplicaSet[]; count: number } {
  const sorted = [...oldActive].sort(compareByCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (total >= maxCleanup) break;
    const rs = sorted[i]!;
    const size = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const count = Math.min(maxCleanup - total, size - available);
    const result = scaleReplicaSetAndRecordEvent(
      run,
      rs,
      size - count,
      `${countOf(size - available, 'pod')} of ${size} unavailable, within the scale-down budget ${budget}`,
    );
    total += count;
    sorted[i] = result.rs;
  }
  return { oldReplicaSets: sorted, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: oldest first, remove the available pods beyond minAvailable. */
function scaleDownOldReplicaSets(
  run: DeploymentRun,
  all: readonly ReplicaSet[],
  oldReplicaSets: readonly ReplicaSet[],
  minAvailable: number,
): { count: number; waiting?: string } {
  const deployment = run.deployment;
  const available = sumAvailableReplicas(all);
  const floor = `${describeMaxUnavailable(deployment)} keeps at least ${minAvailable} available`;
  if (available <= minAvailable) return { count: 0, waiting: `${floor} and only ${available} are` };
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldReplicaSets].sort(compareByCreation)) {
    if (total >= target) break;
    const size = specReplicas(rs);
    if (size === 0) continue;
    const count = Math.min(size, target - total);
    scaleReplicaSetAndRecordEvent(
      run,
      rs,
      size - count,
      `${floor} and ${available} are, so ${countOf(target, 'old pod')} may go`,
    );
    total += count;
  }
  return { count: total };
}
