/**
 * The replica count a metric asks for (pkg/controller/podautoscaler/replica_calculator.go and metrics/utilization.go):
 * usage over request (or the raw per-pod usage) against the target gives a ratio, and the pods with usable metrics
 * times that ratio, rounded up, the count — unless the ratio is within the tolerance. Pods that are not ready yet
 * (CPU only) or have no metrics are left out and, when the answer would move the count, put back in at the value
 * that least supports the move (0 on a scale-up, 100% of their request on a scale-down), so that they can only damp it.
 */
import type { Container, Pod } from '../../api/kinds';
import { parseQuantity, quantityToMilli } from '../../api/quantity/quantity';
import { parseTimestamp } from '../../runtime/time';

/** One pod's metric: milli-units (millicores, millibytes), and the sample's time and window (virtual ms). */
export interface PodMetric {
  value: number;
  timestamp: number;
  windowMs: number;
}

/** Pod name → metric (metricsclient.PodMetricsInfo). */
export type PodMetricsInfo = Record<string, PodMetric>;

export interface CalculatorConfig {
  tolerance: number;
  cpuInitializationPeriodMs: number;
  initialReadinessDelayMs: number;
}

/** How the count came about, for the decision log. */
export interface ReplicaBasis {
  usageRatio: number;
  /** Pods whose metrics were used as they are. */
  readyPods: number;
  unreadyPods: number;
  missingPods: number;
  /** The ratio once unready and missing pods were put back in; undefined when they were not. */
  adjustedRatio?: number;
  /** Pods counted in the final computation. */
  countedPods: number;
  /** Why the current count was kept, if it was. */
  kept?: 'tolerance' | 'direction';
}

export interface ResourceReplicas {
  replicas: number;
  /** Average utilization, percent of request (utilization targets only). */
  utilization: number;
  /** Average usage per pod, milli-units. */
  rawUtilization: number;
  basis: ReplicaBasis;
}

export type Calculated<T> = { ok: true; value: T } | { ok: false; error: string };

const isWithin = (ratio: number, tolerance: number) => 1 - tolerance <= ratio && ratio <= 1 + tolerance;

function milli(quantity: unknown): number | undefined {
  if (quantity === undefined || quantity === null) return undefined;
  const parsed = parseQuantity(String(quantity));
  return parsed.ok ? quantityToMilli(parsed.value) : undefined;
}

interface PodGroups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/**
 * groupPods: deleted and failed pods are ignored; pending ones are unready; pods without a metric are missing; for
 * CPU, a pod is unready while its first 5 minutes last if it is not Ready or its Ready condition changed less than
 * one metric window before the sample, and after that only if it has never been ready.
 */
export function groupPods(
  pods: readonly Pod[],
  metrics: PodMetricsInfo,
  resource: string,
  config: CalculatorConfig,
  now: number,
): PodGroups {
  const groups: PodGroups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      groups.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      groups.unready.add(name);
      continue;
    }
    const metric = metrics[name];
    if (!metric) {
      groups.missing.add(name);
      continue;
    }
    if (resource === 'cpu' && isUnreadyForCpu(pod, metric, config, now)) {
      groups.unready.add(name);
      continue;
    }
    groups.readyPodCount++;
  }
  return groups;
}

function isUnreadyForCpu(pod: Pod, metric: PodMetric, config: CalculatorConfig, now: number): boolean {
  const condition = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const startTime = parseTimestamp(pod.status?.startTime);
  if (!condition || startTime === undefined) return true;
  const transition = parseTimestamp(condition.lastTransitionTime) ?? 0;
  if (startTime + config.cpuInitializationPeriodMs > now)
    return condition.status === 'False' || metric.timestamp < transition + metric.windowMs;
  return condition.status === 'False' && startTime + config.initialReadinessDelayMs > transition;
}

/** The containers whose requests count: the regular ones and restartable (sidecar) init containers. */
function requestingContainers(pod: Pod): Container[] {
  return [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
}

/**
 * calculateRequests: each pod's request for the resource, in milli-units — the pod-level request when the pod sets
 * one (and no container is named), else the sum over its containers, every one of which must have a request.
 */
export function calculateRequests(
  pods: readonly Pod[],
  container: string,
  resource: string,
): Calculated<Record<string, number>> {
  const requests: Record<string, number> = {};
  for (const pod of pods) {
    const name = pod.metadata.name;
    const podLevel = pod.spec.resources?.requests;
    if (container === '' && podLevel && Object.keys(podLevel).length > 0) {
      const request = milli(podLevel[resource]);
      if (request === undefined)
        return { ok: false, error: `missing pod-level request for ${resource} in Pod ${name}` };
      requests[name] = request;
      continue;
    }
    let sum = 0;
    let found = false;
    for (const c of requestingContainers(pod)) {
      if (container !== '' && c.name !== container) continue;
      const request = milli(c.resources?.requests?.[resource]);
      if (request === undefined)
        return { ok: false, error: `missing request for ${resource} in container ${c.name} of Pod ${name}` };
      sum += request;
      found = true;
    }
    if (container !== '' && !found) return { ok: false, error: `container ${container} not found in Pod ${name}` };
    requests[name] = sum;
  }
  return { ok: true, value: requests };
}

/** metricsclient.GetResourceUtilizationRatio: utilization is truncated to a whole percent before the ratio. */
export function resourceUtilizationRatio(
  metrics: PodMetricsInfo,
  requests: Record<string, number>,
  targetUtilization: number,
): Calculated<{ ratio: number; utilization: number; rawAverage: number }> {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [pod, metric] of Object.entries(metrics)) {
    const request = requests[pod];
    // Metrics of pods without a request are extraneous: missing requests are reported elsewhere.
    if (request === undefined) continue;
    metricsTotal += metric.value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) return { ok: false, error: 'no metrics returned matched known pods' };
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return {
    ok: true,
    value: { ratio: utilization / targetUtilization, utilization, rawAverage: Math.trunc(metricsTotal / entries) },
  };
}

function usageRatio(metrics: PodMetricsInfo, targetUsage: number): { ratio: number; average: number } {
  const values = Object.values(metrics);
  const total = values.reduce((sum, m) => sum + m.value, 0);
  return { ratio: total / values.length / targetUsage, average: Math.trunc(total / values.length) };
}

export interface ResourceReplicasInput {
  currentReplicas: number;
  resource: string;
  /** '' for the whole pod. */
  container: string;
  pods: readonly Pod[];
  metrics: PodMetricsInfo;
  now: number;
}

/**
 * The unready/missing-pod pass both calculators share: put the left-out pods back in at `fallback` (or 0), then
 * keep the current count if the new ratio is within the tolerance, flips the direction, or the new count would.
 */
function withLeftOutPods(
  input: ResourceReplicasInput,
  config: CalculatorConfig,
  metrics: PodMetricsInfo,
  groups: PodGroups,
  ratio: number,
  fallback: (pod: string) => number,
  recompute: (metrics: PodMetricsInfo) => number,
): { replicas: number; basis: ReplicaBasis } {
  const basis: ReplicaBasis = {
    usageRatio: ratio,
    readyPods: groups.readyPodCount,
    unreadyPods: groups.unready.size,
    missingPods: groups.missing.size,
    countedPods: groups.readyPodCount,
  };
  const scaleUpWithUnready = groups.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && groups.missing.size === 0) {
    if (isWithin(ratio, config.tolerance))
      return { replicas: input.currentReplicas, basis: { ...basis, kept: 'tolerance' } };
    return { replicas: Math.ceil(ratio * groups.readyPodCount), basis };
  }
  const adjusted = { ...metrics };
  for (const pod of groups.missing) {
    if (ratio < 1) adjusted[pod] = { value: fallback(pod), timestamp: 0, windowMs: 0 };
    else if (ratio > 1) adjusted[pod] = { value: 0, timestamp: 0, windowMs: 0 };
  }
  if (scaleUpWithUnready) for (const pod of groups.unready) adjusted[pod] = { value: 0, timestamp: 0, windowMs: 0 };
  const newRatio = recompute(adjusted);
  const counted = Object.keys(adjusted).length;
  const adjustedBasis = { ...basis, adjustedRatio: newRatio, countedPods: counted };
  if (isWithin(newRatio, config.tolerance))
    return { replicas: input.currentReplicas, basis: { ...adjustedBasis, kept: 'tolerance' } };
  if ((ratio < 1 && newRatio > 1) || (ratio > 1 && newRatio < 1))
    return { replicas: input.currentReplicas, basis: { ...adjustedBasis, kept: 'direction' } };
  const replicas = Math.ceil(newRatio * counted);
  if ((newRatio < 1 && replicas > input.currentReplicas) || (newRatio > 1 && replicas < input.currentReplicas))
    return { replicas: input.currentReplicas, basis: { ...adjustedBasis, kept: 'direction' } };
  return { replicas, basis: adjustedBasis };
}

/** GetResourceReplicas, once the metrics are fetched: the count for a utilization target (percent of request). */
export function resourceReplicas(
  input: ResourceReplicasInput,
  targetUtilization: number,
  config: CalculatorConfig,
): Calculated<ResourceReplicas> {
  if (input.pods.length === 0)
    return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const groups = groupPods(input.pods, input.metrics, input.resource, config, input.now);
  const metrics = { ...input.metrics };
  for (const pod of [...groups.ignored, ...groups.unready]) delete metrics[pod];
  if (Object.keys(metrics).length === 0)
    return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const requests = calculateRequests(input.pods, input.container, input.resource);
  if (!requests.ok) return requests;
  const usage = resourceUtilizationRatio(metrics, requests.value, targetUtilization);
  if (!usage.ok) return usage;
  // On a scale-down a pod without metrics counts as using its whole request (or the target, if above 100%).
  const fallbackUtilization = Math.max(100, targetUtilization);
  const result = withLeftOutPods(
    input,
    config,
    metrics,
    groups,
    usage.value.ratio,
    (pod) => Math.trunc(((requests.value[pod] ?? 0) * fallbackUtilization) / 100),
    (adjusted) => {
      const again = resourceUtilizationRatio(adjusted, requests.value, targetUtilization);
      return again.ok ? again.value.ratio : usage.value.ratio;
    },
  );
  return {
    ok: true,
    value: { ...result, utilization: usage.value.utilization, rawUtilization: usage.value.rawAverage },
  };
}

/** calcPlainMetricReplicas (GetRawResourceReplicas): the count for an average-value target, milli-units per pod. */
export function rawResourceReplicas(
  input: ResourceReplicasInput,
  targetUsage: number,
  config: CalculatorConfig,
): Calculated<ResourceReplicas> {
  if (input.pods.length === 0)
    return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const groups = groupPods(input.pods, input.metrics, input.resource, config, input.now);
  const metrics = { ...input.metrics };
  for (const pod of [...groups.ignored, ...groups.unready]) delete metrics[pod];
  if (Object.keys(metrics).length === 0)
    return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const usage = usageRatio(metrics, targetUsage);
  // On a scale-down a pod without metrics counts as using exactly the target.
  const result = withLeftOutPods(
    input,
    config,
    metrics,
    groups,
    usage.ratio,
    () => targetUsage,
    (adjusted) => usageRatio(adjusted, targetUsage).ratio,
  );
  return { ok: true, value: { ...result, utilization: 0, rawUtilization: usage.average } };
}
