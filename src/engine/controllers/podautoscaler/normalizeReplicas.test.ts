import { describe, expect, it } from 'vitest';
import { initialAutoscalerMemory } from './autoscalerMemory';
import type { HpaBehavior } from './hpaTypes';
import {
  normalizeDesiredReplicas,
  normalizeDesiredReplicasWithBehaviors,
  recordInitialRecommendation,
  scaleDownLimitWithRules,
  scaleUpLimitWithRules,
  storeScaleEvent,
} from './normalizeReplicas';

const T = 1_000_000;
const KEY = 'default/web';
const WINDOW = 300_000;
/** What the API server's defaulting gives a behavior with both directions left empty. */
const DEFAULT_BEHAVIOR: HpaBehavior = {
  scaleUp: {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  },
  scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
};

describe('normalizeDesiredReplicas (no behavior)', () => {
  it('holds a scale-down at the highest recommendation of the last 5 minutes', () => {
    const memory = initialAutoscalerMemory();
    recordInitialRecommendation(memory, KEY, 4, T);
    const held = normalizeDesiredReplicas(memory, KEY, 4, 1, 1, 10, WINDOW, T + 15_000);
    expect(held).toEqual({
      replicas: 4,
      stabilized: 4,
      ableToScale: {
        reason: 'ScaleDownStabilized',
        message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
      },
      limited: {
        status: 'False',
        reason: 'DesiredWithinRange',
        message: 'the desired count is within the acceptable range',
      },
    });
    // A recommendation exactly 300 s old still counts (Before(cutoff) is strict); one more second and it is gone.
    expect(normalizeDesiredReplicas(memory, KEY, 4, 1, 1, 10, WINDOW, T + 300_000).replicas).toBe(4);
    const after = normalizeDesiredReplicas(memory, KEY, 4, 1, 1, 10, WINDOW, T + 301_000);
    expect([after.replicas, after.ableToScale.reason]).toEqual([1, 'ReadyForNewScale']);
    // The old sample's slot was reused for the newest recommendation.
    expect(memory.recommendations[KEY]).toEqual([
      { replicas: 1, time: T + 301_000 },
      { replicas: 1, time: T + 15_000 },
      { replicas: 1, time: T + 300_000 },
    ]);
  });

  it('limits a scale-up to max(2 × current, 4), then to maxReplicas, and raises to minReplicas', () => {
    const memory = initialAutoscalerMemory();
    const fast = normalizeDesiredReplicas(memory, KEY, 3, 20, 1, 10, WINDOW, T);
    expect([fast.replicas, fast.limited]).toEqual([
      6,
      {
        status: 'True',
        reason: 'ScaleUpLimit',
        message: 'the desired replica count is increasing faster than the maximum scale rate',
      },
    ]);
    const capped = normalizeDesiredReplicas(initialAutoscalerMemory(), KEY, 6, 20, 1, 10, WINDOW, T);
    expect([capped.replicas, capped.limited.reason]).toEqual([10, 'TooManyReplicas']);
    const low = normalizeDesiredReplicas(initialAutoscalerMemory(), KEY, 3, 1, 2, 10, WINDOW, T);
    expect([low.replicas, low.limited.reason, low.limited.status]).toEqual([2, 'TooFewReplicas', 'True']);
  });
});

describe('normalizeDesiredReplicasWithBehaviors', () => {
  it('applies the default policies: 4 pods or 100% per 15 s up, whichever is more', () => {
    const memory = initialAutoscalerMemory();
    const first = normalizeDesiredReplicasWithBehaviors(memory, KEY, DEFAULT_BEHAVIOR, 2, 20, 1, 30, WINDOW, T);
    expect([first.replicas, first.limited.reason]).toEqual([6, 'ScaleUpLimit']);
    storeScaleEvent(memory, DEFAULT_BEHAVIOR, KEY, 2, 6, T);
    // 10 s later the period still holds the +4: it started at 2, so 6 is all it allows.
    const soon = normalizeDesiredReplicasWithBehaviors(memory, KEY, DEFAULT_BEHAVIOR, 6, 20, 1, 30, WINDOW, T + 10_000);
    expect(soon.replicas).toBe(6);
    // Once the period has passed, 100% of 6 is the larger step.
    const later = normalizeDesiredReplicasWithBehaviors(
      memory,
      KEY,
      DEFAULT_BEHAVIOR,
      6,
      20,
      1,
      30,
      WINDOW,
      T + 16_000,
    );
    expect(later.replicas).toBe(12);
  });

  it('stabilizes a scale-down over the default 300 s window and lets 100% go at once after it', () => {
    const memory = initialAutoscalerMemory();
    recordInitialRecommendation(memory, KEY, 8, T);
    const held = normalizeDesiredReplicasWithBehaviors(memory, KEY, DEFAULT_BEHAVIOR, 8, 1, 1, 10, WINDOW, T + 15_000);
    expect([held.replicas, held.ableToScale.reason]).toEqual([8, 'ScaleDownStabilized']);
    const free = normalizeDesiredReplicasWithBehaviors(memory, KEY, DEFAULT_BEHAVIOR, 8, 1, 1, 10, WINDOW, T + 300_001);
    expect([free.replicas, free.ableToScale.reason, free.limited.reason]).toEqual([
      1,
      'ReadyForNewScale',
      'DesiredWithinRange',
    ]);
  });

  it('holds a scale-up to the lowest recommendation of the scale-up window', () => {
    const behavior: HpaBehavior = {
      ...DEFAULT_BEHAVIOR,
      scaleUp: { ...DEFAULT_BEHAVIOR.scaleUp, stabilizationWindowSeconds: 60 },
    };
    const memory = initialAutoscalerMemory();
    recordInitialRecommendation(memory, KEY, 2, T);
    const held = normalizeDesiredReplicasWithBehaviors(memory, KEY, behavior, 2, 5, 1, 10, WINDOW, T + 15_000);
    expect([held.replicas, held.ableToScale.reason]).toEqual([2, 'ScaleUpStabilized']);
  });

  it('limits a scale-down by a Pods policy', () => {
    const behavior: HpaBehavior = {
      scaleUp: DEFAULT_BEHAVIOR.scaleUp,
      scaleDown: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
      },
    };
    const result = normalizeDesiredReplicasWithBehaviors(
      initialAutoscalerMemory(),
      KEY,
      behavior,
      5,
      1,
      1,
      10,
      WINDOW,
      T,
    );
    expect([result.replicas, result.limited.reason]).toEqual([4, 'ScaleDownLimit']);
  });
});

describe('scale rate policies', () => {
  it('select the largest change (Max), the smallest (Min), or none (Disabled)', () => {
    const rules = DEFAULT_BEHAVIOR.scaleUp!;
    expect(scaleUpLimitWithRules(10, [], [], rules, T)).toBe(20);
    expect(scaleUpLimitWithRules(10, [], [], { ...rules, selectPolicy: 'Min' }, T)).toBe(14);
    expect(scaleUpLimitWithRules(10, [], [], { ...rules, selectPolicy: 'Disabled' }, T)).toBe(10);
    const down = {
      policies: [
        { type: 'Percent', value: 50, periodSeconds: 60 },
        { type: 'Pods', value: 2, periodSeconds: 60 },
      ],
    };
    expect(scaleDownLimitWithRules(9, [], [], down, T)).toBe(4);
    expect(scaleDownLimitWithRules(9, [], [], { ...down, selectPolicy: 'Min' }, T)).toBe(7);
  });

  it('count the changes made within each policy period from where the period started', () => {
    const events = [{ change: 3, time: T - 30_000, outdated: false }];
    const rules = { policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }] };
    // 5 now, 3 of them added 30 s ago: the period started at 2, so 4 is the limit.
    expect(scaleUpLimitWithRules(5, events, [], rules, T)).toBe(4);
  });

  it('store scale events in outdated slots once they fall out of every period, and only with a behavior', () => {
    const memory = initialAutoscalerMemory();
    storeScaleEvent(memory, DEFAULT_BEHAVIOR, KEY, 1, 3, T);
    storeScaleEvent(memory, DEFAULT_BEHAVIOR, KEY, 3, 7, T + 20_000);
    expect(memory.scaleUpEvents[KEY]).toEqual([{ change: 4, time: T + 20_000, outdated: false }]);
    storeScaleEvent(memory, undefined, KEY, 7, 1, T + 30_000);
    expect(memory.scaleDownEvents[KEY]).toBeUndefined();
  });
});
