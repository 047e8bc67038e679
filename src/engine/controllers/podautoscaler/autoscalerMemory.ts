/**
 * What the HPA controller remembers between syncs (horizontal.go: recommendations, scaleUpEvents, scaleDownEvents):
 * the unstabilized recommendations of the last window and, for HPAs with a behavior, the recent scale changes.
 * kube-controller-manager keeps them in memory; the simulator keeps them in the controller's state, so a snapshot
 * carries them.
 */
export interface TimestampedRecommendation {
  replicas: number;
  /** Virtual ms. */
  time: number;
}

export interface TimestampedScaleEvent {
  /** Replicas added (scale-up events) or removed (scale-down events). */
  change: number;
  time: number;
  /** No longer inside any policy's period: the slot may be reused. */
  outdated: boolean;
}

/** Keyed by the HPA's `namespace/name`. */
export interface AutoscalerMemory {
  recommendations: Record<string, TimestampedRecommendation[]>;
  scaleUpEvents: Record<string, TimestampedScaleEvent[]>;
  scaleDownEvents: Record<string, TimestampedScaleEvent[]>;
}

export function initialAutoscalerMemory(): AutoscalerMemory {
  return { recommendations: {}, scaleUpEvents: {}, scaleDownEvents: {} };
}

/** reconcileKey on a deleted HPA: forget it. */
export function forgetAutoscaler(memory: AutoscalerMemory, key: string): void {
  delete memory.recommendations[key];
  delete memory.scaleUpEvents[key];
  delete memory.scaleDownEvents[key];
}
