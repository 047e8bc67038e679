/** HPA conditions (horizontal.go: setConditionInList): set in place, the transition time moving only with the status. */
import { formatTimestamp } from '../../runtime/time';
import type { HorizontalPodAutoscaler, HpaCondition } from './hpaTypes';

export type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';

export interface ConditionValue {
  type: ConditionType;
  status: 'True' | 'False';
  reason: string;
  message: string;
}

/** Sets a condition on the HPA's status, appending it the first time. */
export function setCondition(hpa: HorizontalPodAutoscaler, condition: ConditionValue, now: number): void {
  const status = (hpa.status ??= { desiredReplicas: 0, currentMetrics: null });
  const conditions = (status.conditions ??= []);
  let existing: HpaCondition | undefined = conditions.find((c) => c.type === condition.type);
  if (!existing) {
    existing = { type: condition.type, status: '' };
    conditions.push(existing);
  }
  if (existing.status !== condition.status) existing.lastTransitionTime = formatTimestamp(now);
  existing.status = condition.status;
  existing.reason = condition.reason;
  existing.message = condition.message;
}
