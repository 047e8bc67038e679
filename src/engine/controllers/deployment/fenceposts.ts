/**
 * maxSurge and maxUnavailable as the controller resolves them (deployment_util.go:ResolveFenceposts, MaxSurge,
 * MaxUnavailable; apimachinery intstr.GetScaledValueFromIntOrPercent), and the same numbers in words for the
 * decision log ("maxSurge 1 (25% of 3, rounded up)").
 */
import { isRollingUpdate, replicasOf, type Deployment } from './deploymentTypes';
import { scaledValue } from '../intOrPercent';

type IntOrString = number | string | undefined;

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable down; when both come out 0, maxUnavailable is 1 (surge
 * might be blocked by a quota, so the rollout must be able to go down first).
 */
export function resolveFenceposts(maxSurge: IntOrString, maxUnavailable: IntOrString, desired: number): Fenceposts {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  const unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  return { maxSurge: surge, maxUnavailable: surge === 0 && unavailable === 0 ? 1 : unavailable };
}

function fencepostsOf(deployment: Deployment): Fenceposts {
  const rollingUpdate = deployment.spec.strategy?.rollingUpdate;
  return resolveFenceposts(rollingUpdate?.maxSurge, rollingUpdate?.maxUnavailable, replicasOf(deployment));
}

/** MaxSurge: 0 unless RollingUpdate. */
export function maxSurgeOf(deployment: Deployment): number {
  return isRollingUpdate(deployment) ? fencepostsOf(deployment).maxSurge : 0;
}

/** MaxUnavailable: 0 unless RollingUpdate or when replicas is 0; never more than replicas. */
export function maxUnavailableOf(deployment: Deployment): number {
  const replicas = replicasOf(deployment);
  if (!isRollingUpdate(deployment) || replicas === 0) return 0;
  return Math.min(fencepostsOf(deployment).maxUnavailable, replicas);
}

/** "maxSurge 1 (25% of 3, rounded up)". */
export function describeMaxSurge(deployment: Deployment): string {
  const value = maxSurgeOf(deployment);
  if (!isRollingUpdate(deployment)) return 'no surge (Recreate)';
  const raw = deployment.spec.strategy?.rollingUpdate?.maxSurge;
  return typeof raw === 'string'
    ? `maxSurge ${value} (${raw} of ${replicasOf(deployment)}, rounded up)`
    : `maxSurge ${value}`;
}

/** "maxUnavailable 0 (25% of 3, rounded down)". */
export function describeMaxUnavailable(deployment: Deployment): string {
  const value = maxUnavailableOf(deployment);
  if (!isRollingUpdate(deployment)) return 'maxUnavailable 0 (Recreate)';
  const replicas = replicasOf(deployment);
  if (replicas === 0) return 'maxUnavailable 0 (0 replicas)';
  const rollingUpdate = deployment.spec.strategy?.rollingUpdate;
  const resolved = resolveFenceposts(rollingUpdate?.maxSurge, rollingUpdate?.maxUnavailable, replicas);
  const raw = rollingUpdate?.maxUnavailable;
  const unrounded = scaledValue(raw ?? 0, replicas, false);
  if (resolved.maxUnavailable !== unrounded)
    return `maxUnavailable 1 (${raw ?? 0} of ${replicas} and maxSurge both resolve to 0, so 1)`;
  if (value < resolved.maxUnavailable) return `maxUnavailable ${value} (${raw ?? 0}, capped at ${replicas} replicas)`;
  return typeof raw === 'string'
    ? `maxUnavailable ${value} (${raw} of ${replicas}, rounded down)`
    : `maxUnavailable ${value}`;
}
