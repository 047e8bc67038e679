/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go): every 15 s per HPA it reads
 * the target's scale, asks the metrics for a replica count, stabilizes and limits it, and sets it through the scale
 * subresource; the HPA's status and conditions say what it saw, events what it did. An HPA is first synced one
 * period after it appears, as the controller's rate-limited queue adds every key with the resync delay.
 */
import type { ResourceType, WatchEvent } from '../../api/types';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../controller';
import { forgetAutoscaler, initialAutoscalerMemory, type AutoscalerMemory } from './autoscalerMemory';
import {
  decide,
  decideUnlessRepeated,
  recordHpaEvent,
  setCurrentReplicasAndMetrics,
  setStatus,
  updateStatusIfNeeded,
  type AutoscalerRun,
} from './autoscalerRun';
import { computeReplicasForMetrics } from './computeReplicas';
import { hintFor, limitNote } from './explainDecision';
import { setCondition } from './hpaConditions';
import {
  HORIZONTAL_POD_AUTOSCALERS,
  HPA_CONFIG,
  HPA_CONTROLLER_NAME,
  type HorizontalPodAutoscaler,
  type MetricStatus,
} from './hpaTypes';
import {
  normalizeDesiredReplicas,
  normalizeDesiredReplicasWithBehaviors,
  recordInitialRecommendation,
  storeScaleEvent,
} from './normalizeReplicas';
import { getScale, updateScale, type Scale } from './scaleTarget';

/** `horizontal-pod-autoscaler`. */
export const HORIZONTAL_POD_AUTOSCALER_CONTROLLER: ControllerDefinition = {
  name: HPA_CONTROLLER_NAME,
  create: (context) => createHorizontalController(context, context.state(initialAutoscalerMemory)),
};

/** The controller with the memory it keeps between syncs. */
function createHorizontalController(context: ControllerContext, memory: AutoscalerMemory) {
  return {
    keysFor: (event: WatchEvent, resource: ResourceType) => enqueueHpa(context, event, resource),
    sync: (key: string) => syncHpa(context, memory, key),
  };
}

/**
 * enqueueHPA / updateHPA: AddRateLimited with the HPA rate limiter, a fixed resync-period delay, so the queue (an
 * earlier pending sync wins) syncs each HPA once per period whatever changes. Nothing else wakes the controller.
 */
function enqueueHpa(context: ControllerContext, event: WatchEvent, resource: ResourceType): string[] {
  if (resource !== HORIZONTAL_POD_AUTOSCALERS || event.type === 'DELETED') return [];
  const { namespace, name } = event.object.metadata;
  context.queue.addAfter(objectKeyOf(namespace, name ?? ''), HPA_CONFIG.syncPeriodMs);
  return [];
}

/** processNextWorkItem: reconcile, then come back after the resync period while the HPA exists. */
function syncHpa(context: ControllerContext, memory: AutoscalerMemory, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const stored = context.api.find(HORIZONTAL_POD_AUTOSCALERS, namespace, name) as HorizontalPodAutoscaler | undefined;
  if (!stored) {
    forgetAutoscaler(memory, key);
    return;
  }
  const hpa = structuredClone(stored);
  reconcileAutoscaler({
    context,
    memory,
    key,
    now: context.runtime.now(),
    hpa,
    originalStatus: structuredClone(hpa.status),
  });
  context.queue.addAfter(key, HPA_CONFIG.syncPeriodMs);
}

/** What the sync decided to do with the target's count (the part of reconcileAutoscaler between scale and write). */
interface ReplicaPlan {
  desired: number;
  rescale: boolean;
  /** The event's `reason:`. */
  reason: string;
  metricStatuses: MetricStatus[] | null;
  /** The numbers behind the decision, for the decision log. */
  explanation: string;
}

/** reconcileAutoscaler. */
function reconcileAutoscaler(run: AutoscalerRun): void {
  const { hpa, now } = run;
  const target = `${hpa.spec.scaleTargetRef.kind}/${hpa.spec.scaleTargetRef.name}`;
  const scaleResult = getScale(run.context.api, hpa.metadata.namespace ?? 'default', hpa.spec.scaleTargetRef);
  if (!scaleResult.ok) {
    recordHpaEvent(run, 'Warning', 'FailedGetScale', scaleResult.error);
    const message = `the HPA controller was unable to get the target's current scale: ${scaleResult.error}`;
    setCondition(hpa, { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message }, now);
    updateStatusIfNeeded(run);
    decideUnlessRepeated(run, `cannot read the scale of ${target}: ${scaleResult.error}${hintFor(scaleResult.error)}`);
    return;
  }
  const scale = scaleResult.scale;
  const message = "the HPA controller was able to get the target's current scale";
  setCondition(hpa, { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message }, now);
  const current = scale.specReplicas;
  recordInitialRecommendation(run.memory, run.key, current, now);

  const plan = planReplicas(run, scale, current);
  if (!plan) return;
  if (plan.rescale) {
    const error = updateScale(run.context.api, scale, plan.desired);
    if (error !== undefined) {
      const event = `New size: ${plan.desired}; reason: ${plan.reason}; error: ${error}`;
      recordHpaEvent(run, 'Warning', 'FailedRescale', event);
      const failed = `the HPA controller was unable to update the target scale: ${error}`;
      setCondition(hpa, { type: 'AbleToScale', status: 'False', reason: 'FailedUpdateScale', message: failed }, now);
      setCurrentReplicasAndMetrics(run, current, plan.metricStatuses);
      updateStatusIfNeeded(run);
      decideUnlessRepeated(run, `${plan.explanation}: could not scale ${target} to ${plan.desired} (${error})`);
      return;
    }
    const done = `the HPA controller was able to update the target scale to ${plan.desired}`;
    setCondition(hpa, { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: done }, now);
    recordHpaEvent(run, 'Normal', 'SuccessfulRescale', `New size: ${plan.desired}; reason: ${plan.reason}`);
    storeScaleEvent(run.memory, hpa.spec.behavior, run.key, current, plan.desired, now);
    decide(run, `${plan.explanation}: scaled ${target} from ${current} to ${plan.desired}`);
  } else {
    decideUnlessRepeated(run, `${plan.explanation}: keeping ${current}`);
  }
  setStatus(run, current, plan.rescale ? plan.desired : current, plan.metricStatuses, plan.rescale);
  updateStatusIfNeeded(run);
}

/**
 * The count to set: nothing for a target at 0, the nearest bound for one outside min..max, else what the metrics
 * ask for, stabilized and limited. Undefined when the metrics gave no count (the failure is recorded here).
 */
function planReplicas(run: AutoscalerRun, scale: Scale, current: number): ReplicaPlan | undefined {
  const { hpa, now } = run;
  const spec = hpa.spec;
  const target = `${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`;
  const minReplicas = spec.minReplicas ?? 1;
  if (current === 0 && minReplicas !== 0) {
    const message = 'scaling is disabled since the replica count of the target is zero';
    setCondition(hpa, { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message }, now);
    const explanation = `${target} has 0 replicas: autoscaling is off until it has some`;
    return { desired: 0, rescale: false, reason: '', metricStatuses: null, explanation };
  }
  if (current > spec.maxReplicas) {
    const explanation = `${target} has ${current} replicas, more than maxReplicas ${spec.maxReplicas}`;
    const reason = 'Current number of replicas above Spec.MaxReplicas';
    return { desired: spec.maxReplicas, rescale: true, reason, metricStatuses: null, explanation };
  }
  if (current < minReplicas) {
    const explanation = `${target} has ${current} replicas, fewer than minReplicas ${minReplicas}`;
    const reason = 'Current number of replicas below Spec.MinReplicas';
    return { desired: minReplicas, rescale: true, reason, metricStatuses: null, explanation };
  }

  const computed = computeReplicasForMetrics(run, scale);
  if (computed.error !== undefined && computed.replicas === -1) {
    setCurrentReplicasAndMetrics(run, current, computed.statuses);
    updateStatusIfNeeded(run);
    recordHpaEvent(run, 'Warning', 'FailedComputeMetricsReplicas', computed.error);
    decideUnlessRepeated(run, `cannot compute a replica count: ${computed.error}${hintFor(computed.error)}`);
    return undefined;
  }
  const proposed = Math.max(0, computed.replicas);
  let reason = '';
  if (proposed > current) reason = `${computed.metricName} above target`;
  if (proposed < current) reason = 'All metrics below target';
  const normalized = spec.behavior
    ? normalizeDesiredReplicasWithBehaviors(
        run.memory,
        run.key,
        spec.behavior,
        current,
        proposed,
        minReplicas,
        spec.maxReplicas,
        HPA_CONFIG.downscaleStabilizationMs,
        now,
      )
    : normalizeDesiredReplicas(
        run.memory,
        run.key,
        current,
        proposed,
        minReplicas,
        spec.maxReplicas,
        HPA_CONFIG.downscaleStabilizationMs,
        now,
      );
  setCondition(hpa, { type: 'AbleToScale', status: 'True', ...normalized.ableToScale }, now);
  setCondition(hpa, { type: 'ScalingLimited', ...normalized.limited }, now);
  const notes = limitNote(hpa, normalized, current, minReplicas);
  return {
    desired: normalized.replicas,
    rescale: normalized.replicas !== current,
    reason,
    metricStatuses: computed.statuses,
    explanation: `${computed.summary}: ${current} → ${proposed} (${computed.reasoning})${notes}`,
  };
}
