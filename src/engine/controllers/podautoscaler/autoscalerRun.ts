/**
 * One reconcile of one HPA: the working copy the Go controller mutates (`hpa := hpaShared.DeepCopy()`), the status it
 * started from, and the writes it makes — events from `horizontal-pod-autoscaler`, the status when it changed,
 * decisions about the HPA.
 */
import { sortKeysDeep } from '../../api/defaults/objects';
import type { KubeObject } from '../../api/types';
import { referenceTo, type EventType } from '../../events/recorder';
import { formatTimestamp } from '../../runtime/time';
import type { ControllerContext } from '../controller';
import type { AutoscalerMemory } from './autoscalerMemory';
import { HPA_CONTROLLER_NAME, type HorizontalPodAutoscaler, type HpaStatus, type MetricStatus } from './hpaTypes';

export interface AutoscalerRun {
  readonly context: ControllerContext;
  readonly memory: AutoscalerMemory;
  /** `namespace/name`. */
  readonly key: string;
  readonly now: number;
  hpa: HorizontalPodAutoscaler;
  readonly originalStatus: HpaStatus | undefined;
}

export function recordHpaEvent(run: AutoscalerRun, type: EventType, reason: string, message: string): void {
  run.context.events.record(referenceTo(run.hpa as KubeObject), type, reason, message, {
    component: HPA_CONTROLLER_NAME,
  });
}

function decisionObject(run: AutoscalerRun) {
  const { namespace, name, uid } = run.hpa.metadata;
  return { kind: 'HorizontalPodAutoscaler', namespace, name: name ?? '', uid };
}

/** A decision that changed something (a rescale). */
export function decide(run: AutoscalerRun, text: string): void {
  run.context.decisions.record(HPA_CONTROLLER_NAME, decisionObject(run), text);
}

/** A decision to wait or an error, recorded once while it stays the same. */
export function decideUnlessRepeated(run: AutoscalerRun, text: string): void {
  run.context.decisions.recordUnlessRepeated(HPA_CONTROLLER_NAME, decisionObject(run), text);
}

/**
 * setStatus: a new status with the replica counts and metrics, keeping the conditions and the last scale time
 * (moved to now on a rescale). currentReplicas is omitted when 0 and currentMetrics written even when null, as the
 * v2 type's json tags have it.
 */
export function setStatus(
  run: AutoscalerRun,
  currentReplicas: number,
  desiredReplicas: number,
  metrics: MetricStatus[] | null,
  rescale: boolean,
): void {
  const previous = run.hpa.status;
  const status: HpaStatus = { desiredReplicas, currentMetrics: metrics };
  if (currentReplicas !== 0) status.currentReplicas = currentReplicas;
  const lastScaleTime = rescale ? formatTimestamp(run.now) : previous?.lastScaleTime;
  if (lastScaleTime !== undefined) status.lastScaleTime = lastScaleTime;
  if (previous?.conditions?.length) status.conditions = previous.conditions;
  run.hpa.status = status;
}

/** setCurrentReplicasAndMetricsInStatus: keeps the desired count of the last successful sync. */
export function setCurrentReplicasAndMetrics(
  run: AutoscalerRun,
  currentReplicas: number,
  metrics: MetricStatus[] | null,
): void {
  setStatus(run, currentReplicas, run.hpa.status?.desiredReplicas ?? 0, metrics, false);
}

/** updateStatusIfNeeded: writes the status when it differs from the one read; a failure is a FailedUpdateStatus event. */
export function updateStatusIfNeeded(run: AutoscalerRun): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(sortKeysDeep(a)) === JSON.stringify(sortKeysDeep(b));
  if (same(run.originalStatus ?? null, run.hpa.status ?? null)) return;
  const updated = run.context.api.updateStatus(run.hpa as KubeObject);
  if (!updated.ok) recordHpaEvent(run, 'Warning', 'FailedUpdateStatus', updated.error.message);
}
