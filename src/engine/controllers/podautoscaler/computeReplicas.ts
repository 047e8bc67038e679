/**
 * The replica count the HPA's metrics ask for (horizontal.go: computeReplicasForMetrics, computeReplicasForMetric,
 * computeStatusForResourceMetricGeneric): the target's selector is checked, each metric gives a proposal and a
 * status, the highest proposal wins. A metric that fails records its event and, if no metric works (or one fails
 * while the others would scale down), its condition; ScalingActive turns True once a count was found.
 * Resource and ContainerResource metrics come from metrics.k8s.io; the cluster serves no custom or external
 * metrics API, so Pods, Object and External metrics fail as they do without an adapter.
 */
import type { Pod } from '../../api/kinds';
import { formatQuantity, newMilliQuantity, parseQuantity, quantityToMilli } from '../../api/quantity/quantity';
import { resolveResourceName } from '../../api/resources';
import { parseLabelSelector } from '../../api/selectors/labelSelector';
import { recordHpaEvent, type AutoscalerRun } from './autoscalerRun';
import { setCondition, type ConditionValue } from './hpaConditions';
import { HPA_CONFIG, type MetricSpec, type MetricStatus, type MetricTarget } from './hpaTypes';
import { rawResourceReplicas, resourceReplicas, type ReplicaBasis, type ResourceReplicas } from './replicaCalculator';
import { getResourceMetric } from './resourceMetrics';
import type { Scale } from './scaleTarget';

const PODS = resolveResourceName('pods')!;
const NO_CUSTOM_METRICS =
  'unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered';
const NO_EXTERNAL_METRICS =
  'unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered';

export interface ComputedReplicas {
  /** -1: no count (the caller records FailedComputeMetricsReplicas). */
  replicas: number;
  /** How events name the metric that decided, e.g. `cpu resource utilization (percentage of request)`. */
  metricName: string;
  /** The numbers behind it, for the decision log: `cpu 230% of request (target 50%)`. */
  summary: string;
  /** How the count follows from them: `ceil(3 × 4.6)`, `within the 10% tolerance`. */
  reasoning: string;
  statuses: MetricStatus[] | null;
  error?: string;
}

type Proposal =
  | { ok: true; replicas: number; metricName: string; summary: string; reasoning: string; status: MetricStatus }
  | { ok: false; error: string; condition: ConditionValue };

/** getUnableComputeReplicaCountCondition: the event now, the condition for later. */
function unableToCompute(run: AutoscalerRun, reason: string, error: string): ConditionValue {
  recordHpaEvent(run, 'Warning', reason, error);
  return {
    type: 'ScalingActive',
    status: 'False',
    reason,
    message: `the HPA was unable to compute the replica count: ${error}`,
  };
}

const ratioText = (ratio: number) => `${Math.round(ratio * 100) / 100}`;

/** `cpu 230% of request (target 50%)`, with how the pods that were left out were counted. */
function summarize(resource: string, result: ResourceReplicas, target: MetricTarget): string {
  const basis: ReplicaBasis = result.basis;
  const usage =
    target.averageUtilization !== undefined
      ? `${resource} ${result.utilization}% of request (target ${target.averageUtilization}%)`
      : `${resource} ${milliText(result.rawUtilization)} per pod (target ${String(target.averageValue)})`;
  const notes: string[] = [];
  if (basis.adjustedRatio !== undefined) {
    if (basis.unreadyPods > 0 && basis.usageRatio > 1)
      notes.push(`${basis.unreadyPods} not-ready pod(s) counted as idle`);
    if (basis.missingPods > 0)
      notes.push(
        `${basis.missingPods} pod(s) without metrics counted as ${basis.usageRatio > 1 ? 'idle' : 'at their request'}`,
      );
  }
  return notes.length > 0 ? `${usage} (${notes.join(', ')})` : usage;
}

/** `ceil(3 × 4.6)`, or why the current count was kept. */
function reason(basis: ReplicaBasis): string {
  if (basis.kept === 'tolerance') return `within the ${HPA_CONFIG.tolerance * 100}% tolerance`;
  if (basis.kept === 'direction') return 'counting the other pods would reverse the direction';
  return `ceil(${basis.countedPods} × ${ratioText(basis.adjustedRatio ?? basis.usageRatio)})`;
}

function milliText(milli: number): string {
  return formatQuantity(newMilliQuantity(milli, 'DecimalSI'));
}

function milliOf(quantity: string | number | undefined): number {
  const parsed = parseQuantity(String(quantity ?? '0'));
  return parsed.ok ? quantityToMilli(parsed.value) : 0;
}

/** computeStatusForResourceMetricGeneric: a Resource or ContainerResource metric. */
function resourceProposal(
  run: AutoscalerRun,
  currentReplicas: number,
  resource: string,
  container: string,
  target: MetricTarget,
  selector: string,
):
  | { ok: true; result: ResourceReplicas; metricName: string; current: MetricStatus['resource'] }
  | { ok: false; error: string } {
  const namespace = run.hpa.metadata.namespace ?? 'default';
  const byValue = target.averageValue !== undefined;
  if (!byValue && target.averageUtilization === undefined) {
    return {
      ok: false,
      error:
        'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set',
    };
  }
  const failed = (detail: string) => `failed to get ${resource} ${byValue ? 'usage' : 'utilization'}: ${detail}`;
  const fetched = getResourceMetric(run.context.api, resource, namespace, selector, container);
  if (!fetched.ok)
    return { ok: false, error: failed(`unable to get metrics for resource ${resource}: ${fetched.error}`) };
  const listed = run.context.api.list(PODS, namespace, { labelSelector: selector });
  if (!listed.ok)
    return { ok: false, error: failed(`unable to get pods while calculating replica count: ${listed.error.message}`) };
  const input = {
    currentReplicas,
    resource,
    container,
    pods: listed.value as Pod[],
    metrics: fetched.metrics,
    now: run.now,
  };
  const computed = byValue
    ? rawResourceReplicas(input, milliOf(target.averageValue), HPA_CONFIG)
    : resourceReplicas(input, target.averageUtilization!, HPA_CONFIG);
  if (!computed.ok) return { ok: false, error: failed(computed.error) };
  const kind = container ? 'container resource' : 'resource';
  const metricName = byValue ? `${resource} resource` : `${resource} ${kind} utilization (percentage of request)`;
  const averageValue = milliText(computed.value.rawUtilization);
  const current = byValue ? { averageValue } : { averageUtilization: computed.value.utilization, averageValue };
  return { ok: true, result: computed.value, metricName, current: { name: resource, current: current } };
}

/** computeReplicasForMetric. */
function metricProposal(run: AutoscalerRun, spec: MetricSpec, scale: Scale, selector: string): Proposal {
  switch (spec.type) {
    case 'Resource':
    case 'ContainerResource': {
      const source = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const container = spec.containerResource?.container ?? '';
      const name = source?.name ?? '';
      const computed = resourceProposal(run, scale.specReplicas, name, container, source?.target ?? {}, selector);
      if (!computed.ok) {
        const reason = spec.type === 'Resource' ? 'FailedGetResourceMetric' : 'FailedGetContainerResourceMetric';
        const condition = unableToCompute(run, reason, computed.error);
        const error =
          spec.type === 'Resource'
            ? `failed to get ${name} resource metric value: ${computed.error}`
            : `failed to get ${container} container metric value: ${computed.error}`;
        return { ok: false, error, condition };
      }
      const status: MetricStatus =
        spec.type === 'Resource'
          ? { type: 'Resource', resource: computed.current }
          : { type: 'ContainerResource', containerResource: { ...computed.current!, container } };
      return {
        ok: true,
        replicas: computed.result.replicas,
        metricName: computed.metricName,
        summary: summarize(name, computed.result, source?.target ?? {}),
        reasoning: reason(computed.result.basis),
        status,
      };
    }
    case 'Pods': {
      const error = `unable to get metric ${spec.pods?.metric.name ?? ''}: ${NO_CUSTOM_METRICS}`;
      return {
        ok: false,
        error: `failed to get pods metric value: ${error}`,
        condition: unableToCompute(run, 'FailedGetPodsMetric', error),
      };
    }
    case 'Object': {
      const object = spec.object;
      const namespace = run.hpa.metadata.namespace ?? 'default';
      // The client's own argument order: `unable to get metric M: KIND on NAMESPACE NAME/ERROR`.
      const error = `unable to get metric ${object?.metric.name ?? ''}: ${object?.describedObject.kind ?? ''} on ${namespace} ${object?.describedObject.name ?? ''}/${NO_CUSTOM_METRICS}`;
      return {
        ok: false,
        error: `failed to get object metric value: ${error}`,
        condition: unableToCompute(run, 'FailedGetObjectMetric', error),
      };
    }
    case 'External': {
      const name = spec.external?.metric.name ?? '';
      const error = `unable to get external metric ${run.hpa.metadata.namespace ?? 'default'}/${name}/nil: ${NO_EXTERNAL_METRICS}`;
      const detail =
        spec.external?.target.averageValue !== undefined
          ? `failed to get ${name} external metric: ${error}`
          : `failed to get external metric ${name}: ${error}`;
      const condition = unableToCompute(run, 'FailedGetExternalMetric', error);
      return { ok: false, error: `failed to get ${name} external metric value: ${detail}`, condition };
    }
    default: {
      const error = `unknown metric source type "${spec.type}"`;
      return { ok: false, error, condition: unableToCompute(run, 'InvalidMetricSourceType', error) };
    }
  }
}

/** validateAndParseSelector: the scale must carry a selector, and a valid one. */
function checkSelector(run: AutoscalerRun, selector: string): string | undefined {
  if (selector === '') {
    recordHpaEvent(run, 'Warning', 'SelectorRequired', 'selector is required');
    setCondition(
      run.hpa,
      {
        type: 'ScalingActive',
        status: 'False',
        reason: 'InvalidSelector',
        message: "the HPA target's scale is missing a selector",
      },
      run.now,
    );
    return 'selector is required';
  }
  const parsed = parseLabelSelector(selector);
  if (parsed.ok) return undefined;
  const error = `couldn't convert selector into a corresponding internal selector object: ${parsed.error}`;
  recordHpaEvent(run, 'Warning', 'InvalidSelector', error);
  setCondition(run.hpa, { type: 'ScalingActive', status: 'False', reason: 'InvalidSelector', message: error }, run.now);
  return error;
}

/** computeReplicasForMetrics. */
export function computeReplicasForMetrics(run: AutoscalerRun, scale: Scale): ComputedReplicas {
  const selectorError = checkSelector(run, scale.selector);
  if (selectorError)
    return { replicas: -1, metricName: '', summary: '', reasoning: '', statuses: null, error: selectorError };
  const specs = run.hpa.spec.metrics ?? [];
  const statuses: MetricStatus[] = specs.map(() => ({ type: '' }));
  let replicas = 0;
  let metricName = '';
  let summary = '';
  let reasoning = '';
  let invalid = 0;
  let firstError: string | undefined;
  let firstCondition: ConditionValue | undefined;
  specs.forEach((spec, i) => {
    const proposal = metricProposal(run, spec, scale, scale.selector);
    if (!proposal.ok) {
      if (invalid === 0) {
        firstError = proposal.error;
        firstCondition = proposal.condition;
      }
      invalid++;
      return;
    }
    statuses[i] = proposal.status;
    if (replicas === 0 || proposal.replicas > replicas) {
      replicas = proposal.replicas;
      metricName = proposal.metricName;
      summary = proposal.summary;
      reasoning = proposal.reasoning;
    }
  });
  const error =
    firstError === undefined
      ? undefined
      : `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError}`;
  if (invalid >= specs.length || (invalid > 0 && replicas < scale.specReplicas)) {
    if (firstCondition) setCondition(run.hpa, firstCondition, run.now);
    return { replicas: -1, metricName: '', summary: '', reasoning: '', statuses, error };
  }
  setCondition(
    run.hpa,
    {
      type: 'ScalingActive',
      status: 'True',
      reason: 'ValidMetricFound',
      message: `the HPA was able to successfully calculate a replica count from ${metricName}`,
    },
    run.now,
  );
  return { replicas, metricName, summary, reasoning, statuses, error };
}
