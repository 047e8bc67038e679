/**
 * sync.go:scale, for a change of spec.replicas (or any sync of a paused Deployment): with one active ReplicaSet
 * it simply takes the new size; with a saturated new ReplicaSet the old ones go to 0; in the middle of a rolling
 * update the change is shared among the active ReplicaSets in proportion to their sizes
 * (deployment_util.go:GetProportion, getReplicaSetFraction), so a rollout neither speeds up nor rolls back.
 */
import { countOf } from '../replicaset/countOf';
import type { ReplicaSet } from '../replicaset/replicaKinds';
import { scaleReplicaSet, scaleReplicaSetAndRecordEvent, decide, type DeploymentRun } from './deploymentRun';
import { activeReplicaSets, compareByCreation, specReplicas, sumSpecReplicas } from './deploymentReplicaSets';
import {
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  isRollingUpdate,
  replicasOf,
  type Deployment,
} from './deploymentTypes';
import { describeMaxSurge, maxSurgeOf } from './fenceposts';
import { intAnnotation } from './replicaSetAnnotations';

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active; undefined for several. */
function findActiveOrLatest(
  newRS: ReplicaSet | undefined,
  oldReplicaSets: readonly ReplicaSet[],
): ReplicaSet | undefined {
  const newestFirst = [...oldReplicaSets].sort((a, b) => compareByCreation(b, a));
  const active = activeReplicaSets(newRS ? [...newestFirst, newRS] : newestFirst);
  if (active.length === 1) return active[0];
  if (active.length === 0) return newRS ?? newestFirst[0];
  return undefined;
}

/** IsSaturated: the new ReplicaSet has, wants and has available all the Deployment's replicas. */
function isSaturated(deployment: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const replicas = replicasOf(deployment);
  return (
    specReplicas(rs) === replicas &&
    intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION) === replicas &&
    (rs.status?.availableReplicas ?? 0) === replicas
  );
}

/** scale: brings the ReplicaSets' sizes to spec.replicas without advancing the rollout. */
export function scaleReplicaSets(
  run: DeploymentRun,
  newRS: ReplicaSet | undefined,
  oldReplicaSets: readonly ReplicaSet[],
): void {
  const deployment = run.deployment;
  const replicas = replicasOf(deployment);
  const only = findActiveOrLatest(newRS, oldReplicaSets);
  if (only) {
    scaleReplicaSetAndRecordEvent(run, only, replicas, `the Deployment wants ${countOf(replicas, 'replica')}`);
    return;
  }
  if (isSaturated(deployment, newRS)) {
    for (const old of activeReplicaSets(oldReplicaSets))
      scaleReplicaSetAndRecordEvent(
        run,
        old,
        0,
        `new ReplicaSet ${newRS?.metadata.name} has all ${replicas} available`,
      );
    return;
  }
  if (isRollingUpdate(deployment)) scaleProportionally(run, newRS, oldReplicaSets);
}

function scaleProportionally(
  run: DeploymentRun,
  newRS: ReplicaSet | undefined,
  oldReplicaSets: readonly ReplicaSet[],
): void {
  const deployment = run.deployment;
  const replicas = replicasOf(deployment);
  const active = activeReplicaSets(newRS ? [...oldReplicaSets, newRS] : oldReplicaSets);
  const total = sumSpecReplicas(active);
  const allowed = replicas > 0 ? replicas + maxSurgeOf(deployment) : 0;
  const toAdd = allowed - total;
  // Largest first; equal sizes: newer first when growing, older first when shrinking.
  if (toAdd > 0) active.sort((a, b) => specReplicas(b) - specReplicas(a) || compareByCreation(b, a));
  else if (toAdd < 0) active.sort((a, b) => specReplicas(b) - specReplicas(a) || compareByCreation(a, b));
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : '';

  const sizes = new Map<ReplicaSet, number>();
  const reasons = new Map<ReplicaSet, string>();
  let added = 0;
  for (const rs of active) {
    if (toAdd === 0) {
      sizes.set(rs, specReplicas(rs));
      continue;
    }
    const share = proportionOf(rs, deployment, toAdd, added);
    sizes.set(rs, specReplicas(rs) + share.replicas);
    reasons.set(rs, share.why);
    added += share.replicas;
  }
  const first = active[0];
  if (first && toAdd !== 0) {
    const leftover = toAdd - added;
    sizes.set(first, Math.max(0, (sizes.get(first) ?? 0) + leftover));
    if (leftover !== 0) reasons.set(first, `${reasons.get(first) ?? ''}, plus the leftover ${leftover}`);
  }
  if (toAdd !== 0) {
    const allowance = replicas > 0 ? `${replicas} + ${describeMaxSurge(deployment)} = ${allowed}` : '0 (scaling to 0)';
    decide(
      run,
      `scaling during a rollout: ${allowance} pods allowed, the active ReplicaSets have ${total}, so ` +
        `${toAdd > 0 ? 'add' : 'remove'} ${Math.abs(toAdd)} in proportion to their sizes (largest first): ` +
        active.map((rs) => `${rs.metadata.name} ${reasons.get(rs) ?? ''}`).join('; '),
    );
  }
  for (const rs of active)
    scaleReplicaSet(run, rs, sizes.get(rs) ?? specReplicas(rs), operation, `proportional share of ${rs.metadata.name}`);
}

/**
 * GetProportion: the ReplicaSet's share of `toAdd`, from its size relative to the max-replicas annotation it was
 * last scaled under (or status.replicas when missing), never more than what is left to add (or remove).
 */
function proportionOf(
  rs: ReplicaSet,
  deployment: Deployment,
  toAdd: number,
  added: number,
): { replicas: number; why: string } {
  const size = specReplicas(rs);
  if (size === 0 || toAdd === added) return { replicas: 0, why: `stays at ${size}` };
  const allowed = toAdd - added;
  const fraction = replicaSetFraction(rs, deployment);
  const share = toAdd > 0 ? Math.min(fraction.value, allowed) : Math.max(fraction.value, allowed);
  return { replicas: share, why: `${fraction.why} → ${share >= 0 ? '+' : ''}${share}` };
}

/** getReplicaSetFraction: round(size × (replicas + maxSurge) / annotated max) − size; scaling to 0 removes all. */
function replicaSetFraction(rs: ReplicaSet, deployment: Deployment): { value: number; why: string } {
  const size = specReplicas(rs);
  const replicas = replicasOf(deployment);
  if (replicas === 0) return { value: -size, why: `${size} → 0` };
  const target = replicas + maxSurgeOf(deployment);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? deployment.status?.replicas ?? 0;
  // Never reached in Kubernetes (a ReplicaSet with pods has a size to compare with); keep it at its size.
  if (annotated <= 0) return { value: 0, why: `${size} (no size to compare with)` };
  const exact = (size * target) / annotated;
  // integer.RoundToInt32 rounds half away from zero.
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return {
    value: rounded - size,
    why: `${size} × ${target} / ${annotated} = ${formatFraction(exact)} ≈ ${rounded}`,
  };
}

function formatFraction(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
