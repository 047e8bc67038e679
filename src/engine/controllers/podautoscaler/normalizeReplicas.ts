/**
 * From the count the metrics ask for to the count the HPA sets (horizontal.go: normalizeDesiredReplicas and
 * normalizeDesiredReplicasWithBehaviors). Without a behavior: the highest recommendation of the last 5 minutes
 * (scale-down stabilization), then min/max and a scale-up limit of max(2 × current, 4). With one: the stabilization
 * windows of both directions, then min/max and the rate policies over the scale events of their periods.
 */
import type { AutoscalerMemory, TimestampedScaleEvent } from './autoscalerMemory';
import type { HpaBehavior, ScalingRules } from './hpaTypes';

const MAX_INT32 = 2147483647;
const MIN_INT32 = -2147483648;
const SCALE_UP_LIMIT_FACTOR = 2;
const SCALE_UP_LIMIT_MINIMUM = 4;

export interface Normalized {
  replicas: number;
  /** The recommendation after stabilization, before the limits. */
  stabilized: number;
  /** AbleToScale (status True): ScaleUpStabilized, ScaleDownStabilized or ReadyForNewScale. */
  ableToScale: { reason: string; message: string };
  /** ScalingLimited: True when a limit changed the count. */
  limited: { status: 'True' | 'False'; reason: string; message: string };
}

const READY_FOR_NEW_SCALE = { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
const SCALE_DOWN_STABILIZED = {
  reason: 'ScaleDownStabilized',
  message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
};
const SCALE_UP_STABILIZED = {
  reason: 'ScaleUpStabilized',
  message: 'recent recommendations were lower than current one, applying the lowest recent recommendation',
};
const WITHIN_RANGE = { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
const TOO_MANY = {
  reason: 'TooManyReplicas',
  message: 'the desired replica count is more than the maximum replica count',
};
const TOO_FEW = {
  reason: 'TooFewReplicas',
  message: 'the desired replica count is less than the minimum replica count',
};
const SCALE_UP_LIMIT = {
  reason: 'ScaleUpLimit',
  message: 'the desired replica count is increasing faster than the maximum scale rate',
};
const SCALE_DOWN_LIMIT = {
  reason: 'ScaleDownLimit',
  message: 'the desired replica count is decreasing faster than the maximum scale rate',
};

/** recordInitialRecommendation: the first sync remembers the current count as a recommendation. */
export function recordInitialRecommendation(memory: AutoscalerMemory, key: string, current: number, now: number): void {
  memory.recommendations[key] ??= [{ replicas: current, time: now }];
}

/** Stores a recommendation, reusing the (last) slot older than `cutoff` if there is one. */
function storeRecommendation(
  memory: AutoscalerMemory,
  key: string,
  replicas: number,
  now: number,
  oldSlot: number,
): void {
  const list = (memory.recommendations[key] ??= []);
  if (oldSlot >= 0) list[oldSlot] = { replicas, time: now };
  else list.push({ replicas, time: now });
}

/** calculateScaleUpLimit: max(2 × current, 4). */
export function scaleUpLimit(current: number): number {
  return Math.trunc(Math.max(SCALE_UP_LIMIT_FACTOR * current, SCALE_UP_LIMIT_MINIMUM));
}

/** normalizeDesiredReplicas, for HPAs without a behavior. */
export function normalizeDesiredReplicas(
  memory: AutoscalerMemory,
  key: string,
  current: number,
  prenormalized: number,
  minReplicas: number,
  maxReplicas: number,
  stabilizationMs: number,
  now: number,
): Normalized {
  // stabilizeRecommendation: the highest recommendation within the stabilization window
  let stabilized = prenormalized;
  let oldSlot = -1;
  (memory.recommendations[key] ?? []).forEach((rec, i) => {
    if (rec.time < now - stabilizationMs) oldSlot = i;
    else if (rec.replicas > stabilized) stabilized = rec.replicas;
  });
  storeRecommendation(memory, key, prenormalized, now, oldSlot);
  const ableToScale = stabilized !== prenormalized ? SCALE_DOWN_STABILIZED : READY_FOR_NEW_SCALE;

  // convertDesiredReplicasWithRules
  const upLimit = scaleUpLimit(current);
  const maximum = maxReplicas > upLimit ? upLimit : maxReplicas;
  const aboveMaximum = maxReplicas > upLimit ? SCALE_UP_LIMIT : TOO_MANY;
  let replicas = stabilized;
  let limit = WITHIN_RANGE;
  if (stabilized < minReplicas) {
    replicas = minReplicas;
    limit = TOO_FEW;
  } else if (stabilized > maximum) {
    replicas = maximum;
    limit = aboveMaximum;
  }
  return {
    replicas,
    stabilized,
    ableToScale,
    limited: { status: replicas === stabilized ? 'False' : 'True', ...limit },
  };
}

/** getReplicasChangePerPeriod: the changes made less than `periodSeconds` ago. */
function changeInPeriod(periodSeconds: number, events: readonly TimestampedScaleEvent[], now: number): number {
  const cutoff = now - periodSeconds * 1000;
  return events.reduce((sum, e) => (e.time > cutoff ? sum + e.change : sum), 0);
}

/** calculateScaleUpLimitWithScalingRules: the most replicas the scale-up policies allow now. */
export function scaleUpLimitWithRules(
  current: number,
  upEvents: readonly TimestampedScaleEvent[],
  downEvents: readonly TimestampedScaleEvent[],
  rules: ScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? MAX_INT32 : MIN_INT32;
  for (const policy of rules.policies ?? []) {
    const start =
      current -
      changeInPeriod(policy.periodSeconds, upEvents, now) +
      changeInPeriod(policy.periodSeconds, downEvents, now);
    // Percent rounds up, or a small count could never grow.
    const proposed = policy.type === 'Pods' ? start + policy.value : Math.ceil(start * (1 + policy.value / 100));
    result = useMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** calculateScaleDownLimitWithBehaviors: the fewest replicas the scale-down policies allow now. */
export function scaleDownLimitWithRules(
  current: number,
  upEvents: readonly TimestampedScaleEvent[],
  downEvents: readonly TimestampedScaleEvent[],
  rules: ScalingRules,
  now: number,
): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? MIN_INT32 : MAX_INT32;
  for (const policy of rules.policies ?? []) {
    const start =
      current -
      changeInPeriod(policy.periodSeconds, upEvents, now) +
      changeInPeriod(policy.periodSeconds, downEvents, now);
    const proposed = policy.type === 'Pods' ? start - policy.value : Math.trunc(start * (1 - policy.value / 100));
    result = useMin ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** normalizeDesiredReplicasWithBehaviors; `defaultDownWindowMs` fills an unset scale-down window length */
export function normalizeDesiredReplicasWithBehaviors(
  memory: AutoscalerMemory,
  key: string,
  behavior: HpaBehavior,
  current: number,
  prenormalized: number,
  minReplicas: number,
  maxReplicas: number,
  defaultDownWindowMs: number,
  now: number,
): Normalized {
  const up = behavior.scaleUp ?? {};
  const down = behavior.scaleDown ?? {};
  // stabilizeRecommendationWithBehaviors: the count stays between the lowest recommendation of the scale-up
  // window and the highest of the scale-down one
  const upCutoff = now - (up.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (down.stabilizationWindowSeconds ?? defaultDownWindowMs / 1000) * 1000;
  let upRecommendation = prenormalized;
  let downRecommendation = prenormalized;
  let oldSlot = -1;
  (memory.recommendations[key] ?? []).forEach((rec, i) => {
    if (rec.time > upCutoff) upRecommendation = Math.min(rec.replicas, upRecommendation);
    if (rec.time > downCutoff) downRecommendation = Math.max(rec.replicas, downRecommendation);
    if (rec.time < upCutoff && rec.time < downCutoff) oldSlot = i;
  });
  let stabilized = current;
  if (stabilized < upRecommendation) stabilized = upRecommendation;
  if (stabilized > downRecommendation) stabilized = downRecommendation;
  storeRecommendation(memory, key, prenormalized, now, oldSlot);
  const stabilizedReason = prenormalized >= current ? SCALE_UP_STABILIZED : SCALE_DOWN_STABILIZED;
  const ableToScale = stabilized !== prenormalized ? stabilizedReason : READY_FOR_NEW_SCALE;

  // convertDesiredReplicasWithBehaviorRate
  const upEvents = memory.scaleUpEvents[key] ?? [];
  const downEvents = memory.scaleDownEvents[key] ?? [];
  let replicas = stabilized;
  let limit = WITHIN_RANGE;
  if (stabilized > current) {
    const rateLimit = Math.max(current, scaleUpLimitWithRules(current, upEvents, downEvents, up, now));
    const maximum = Math.min(maxReplicas, rateLimit);
    if (stabilized > maximum) {
      replicas = maximum;
      limit = maxReplicas > rateLimit ? SCALE_UP_LIMIT : TOO_MANY;
    }
  } else if (stabilized < current) {
    const rateLimit = Math.min(current, scaleDownLimitWithRules(current, upEvents, downEvents, down, now));
    const minimum = Math.max(minReplicas, rateLimit);
    if (stabilized < minimum) {
      replicas = minimum;
      limit = minReplicas < rateLimit ? SCALE_DOWN_LIMIT : TOO_FEW;
    }
  }
  return {
    replicas,
    stabilized,
    ableToScale,
    limited: { status: replicas === stabilized ? 'False' : 'True', ...limit },
  };
}

/** The longest period of a direction's policies. */
function longestPeriod(rules: ScalingRules | undefined): number {
  return Math.max(0, ...(rules?.policies ?? []).map((p) => p.periodSeconds));
}

/**
 * storeScaleEvent: remembers a scale change for the rate policies (HPAs with a behavior only), in the last slot
 * that fell out of every period, else at the end.
 */
export function storeScaleEvent(
  memory: AutoscalerMemory,
  behavior: HpaBehavior | undefined,
  key: string,
  previous: number,
  next: number,
  now: number,
): void {
  if (!behavior) return;
  const upward = next > previous;
  const table = upward ? memory.scaleUpEvents : memory.scaleDownEvents;
  const events = (table[key] ??= []);
  const cutoff = now - longestPeriod(upward ? behavior.scaleUp : behavior.scaleDown) * 1000;
  let slot = -1;
  events.forEach((event, i) => {
    if (event.time < cutoff) event.outdated = true;
    if (event.outdated) slot = i;
  });
  const event = { change: Math.abs(next - previous), time: now, outdated: false };
  if (slot >= 0) events[slot] = event;
  else events.push(event);
}
