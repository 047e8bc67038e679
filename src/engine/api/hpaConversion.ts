/**
 * Conversion of HorizontalPodAutoscalers between autoscaling/v2 (the storage version) and autoscaling/v1
 * (pkg/apis/autoscaling/v1/conversion.go). v1 only has a CPU utilization target; whatever else a v2 object holds
 * travels in round-trip annotations, JSON-encoded in the v1 types' field order, and is read back (and the
 * annotations dropped) when a v1 object comes in.
 */
import type { KubeObject } from './types';
import { isJsonObject, sortKeysDeep, type JsonObject } from './defaults/objects';

// pkg/apis/autoscaling/annotations.go
export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
const ROUND_TRIP_ANNOTATIONS = [
  METRIC_SPECS_ANNOTATION,
  BEHAVIOR_ANNOTATION,
  METRIC_STATUSES_ANNOTATION,
  CONDITIONS_ANNOTATION,
];

/** autoscaling.DefaultCPUUtilization: the target of a v1 HPA that names none. */
const DEFAULT_CPU_UTILIZATION = 80;

type Json = JsonObject;

const objectAt = (parent: Json | undefined, key: string): Json | undefined => {
  const value = parent?.[key];
  return isJsonObject(value) ? value : undefined;
};

/** Drops undefined members, so JSON.stringify and the stored object agree on what is set. */
function defined(object: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}

function parseList(text: string | undefined): Json[] {
  if (text === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter(isJsonObject) : [];
  } catch {
    return [];
  }
}

function isCpuUtilization(metric: Json): boolean {
  const resource = objectAt(metric, 'resource');
  return (
    metric.type === 'Resource' &&
    resource?.name === 'cpu' &&
    objectAt(resource, 'target')?.averageUtilization !== undefined
  );
}

// ---- metric specs ----

function metricSpecToV1(metric: Json): Json {
  const out: Json = { type: metric.type };
  const source = (key: string) => objectAt(metric, key);
  const target = (key: string) => objectAt(source(key), 'target');
  const identifier = (key: string) => objectAt(source(key), 'metric');
  if (source('object')) {
    out.object = defined({
      target: source('object')!.describedObject,
      metricName: identifier('object')?.name,
      targetValue: target('object')?.value ?? '0',
      selector: identifier('object')?.selector,
      averageValue: target('object')?.averageValue,
    });
  }
  if (source('pods')) {
    out.pods = defined({
      metricName: identifier('pods')?.name,
      targetAverageValue: target('pods')?.averageValue ?? '0',
      selector: identifier('pods')?.selector,
    });
  }
  if (source('resource')) {
    out.resource = defined({
      name: source('resource')!.name,
      targetAverageUtilization: target('resource')?.averageUtilization,
      targetAverageValue: target('resource')?.averageValue,
    });
  }
  if (source('containerResource')) {
    out.containerResource = defined({
      name: source('containerResource')!.name,
      targetAverageUtilization: target('containerResource')?.averageUtilization,
      targetAverageValue: target('containerResource')?.averageValue,
      container: source('containerResource')!.container,
    });
  }
  if (source('external')) {
    out.external = defined({
      metricName: identifier('external')?.name,
      metricSelector: identifier('external')?.selector,
      targetValue: target('external')?.value,
      targetAverageValue: target('external')?.averageValue,
    });
  }
  return out;
}

/** A v2 metric target from v1's utilization / average value / value fields. */
function targetFromV1(utilization: unknown, averageValue: unknown, value?: unknown): Json {
  if (utilization !== undefined) return { type: 'Utilization', averageUtilization: utilization };
  if (averageValue !== undefined) return { type: 'AverageValue', averageValue };
  return defined({ type: 'Value', value });
}

function metricSpecFromV1(metric: Json): Json {
  const out: Json = { type: metric.type };
  const object = objectAt(metric, 'object');
  if (object) {
    out.object = {
      describedObject: object.target,
      metric: defined({ name: object.metricName, selector: object.selector }),
      target: targetFromV1(undefined, object.averageValue, object.targetValue),
    };
  }
  const pods = objectAt(metric, 'pods');
  if (pods) {
    out.pods = {
      metric: defined({ name: pods.metricName, selector: pods.selector }),
      target: { type: 'AverageValue', averageValue: pods.targetAverageValue },
    };
  }
  const resource = objectAt(metric, 'resource');
  if (resource) {
    out.resource = {
      name: resource.name,
      target: targetFromV1(resource.targetAverageUtilization, resource.targetAverageValue),
    };
  }
  const container = objectAt(metric, 'containerResource');
  if (container) {
    out.containerResource = {
      name: container.name,
      container: container.container,
      target: targetFromV1(container.targetAverageUtilization, container.targetAverageValue),
    };
  }
  const external = objectAt(metric, 'external');
  if (external) {
    out.external = {
      metric: defined({ name: external.metricName, selector: external.metricSelector }),
      target: targetFromV1(undefined, external.targetAverageValue, external.targetValue),
    };
  }
  return out;
}

// ---- metric statuses ----

function metricStatusToV1(status: Json): Json {
  const out: Json = { type: status.type ?? '' };
  const source = (key: string) => objectAt(status, key);
  const current = (key: string) => objectAt(source(key), 'current');
  const identifier = (key: string) => objectAt(source(key), 'metric');
  if (source('object')) {
    out.object = defined({
      target: source('object')!.describedObject,
      metricName: identifier('object')?.name,
      currentValue: current('object')?.value ?? '0',
      selector: identifier('object')?.selector,
      averageValue: current('object')?.averageValue,
    });
  }
  if (source('pods')) {
    out.pods = defined({
      metricName: identifier('pods')?.name,
      currentAverageValue: current('pods')?.averageValue ?? '0',
      selector: identifier('pods')?.selector,
    });
  }
  for (const key of ['resource', 'containerResource']) {
    if (!source(key)) continue;
    out[key] = defined({
      name: source(key)!.name,
      currentAverageUtilization: current(key)?.averageUtilization,
      currentAverageValue: current(key)?.averageValue ?? '0',
      container: source(key)!.container,
    });
  }
  if (source('external')) {
    out.external = defined({
      metricName: identifier('external')?.name,
      metricSelector: identifier('external')?.selector,
      currentValue: current('external')?.value ?? '0',
      currentAverageValue: current('external')?.averageValue,
    });
  }
  return out;
}

function metricStatusFromV1(status: Json): Json {
  const out: Json = { type: status.type ?? '' };
  const object = objectAt(status, 'object');
  if (object) {
    out.object = {
      describedObject: object.target,
      metric: defined({ name: object.metricName, selector: object.selector }),
      current: defined({ value: object.currentValue, averageValue: object.averageValue }),
    };
  }
  const pods = objectAt(status, 'pods');
  if (pods) {
    out.pods = {
      metric: defined({ name: pods.metricName, selector: pods.selector }),
      current: { averageValue: pods.currentAverageValue },
    };
  }
  for (const key of ['resource', 'containerResource']) {
    const source = objectAt(status, key);
    if (!source) continue;
    out[key] = defined({
      name: source.name,
      container: source.container,
      current: defined({
        averageUtilization: source.currentAverageUtilization,
        averageValue: source.currentAverageValue,
      }),
    });
  }
  const external = objectAt(status, 'external');
  if (external) {
    out.external = {
      metric: defined({ name: external.metricName, selector: external.metricSelector }),
      current: defined({ value: external.currentValue, averageValue: external.currentAverageValue }),
    };
  }
  return out;
}

// ---- behavior (the internal type, marshalled without json tags: Go field names) ----

function behaviorToAnnotation(behavior: Json): string {
  const rules = (value: unknown) => {
    if (!isJsonObject(value)) return null;
    const policies = Array.isArray(value.policies) ? value.policies.filter(isJsonObject) : null;
    return {
      StabilizationWindowSeconds: value.stabilizationWindowSeconds ?? null,
      SelectPolicy: value.selectPolicy ?? null,
      Policies: policies?.map((p) => ({ Type: p.type, Value: p.value, PeriodSeconds: p.periodSeconds })) ?? null,
      Tolerance: value.tolerance ?? null,
    };
  };
  return JSON.stringify({ ScaleUp: rules(behavior.scaleUp), ScaleDown: rules(behavior.scaleDown) });
}

function behaviorFromAnnotation(text: string): Json | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isJsonObject(parsed)) return undefined;
  const rules = (value: unknown) => {
    if (!isJsonObject(value)) return undefined;
    const policies = Array.isArray(value.Policies) ? value.Policies.filter(isJsonObject) : undefined;
    return defined({
      stabilizationWindowSeconds: value.StabilizationWindowSeconds ?? undefined,
      selectPolicy: value.SelectPolicy ?? undefined,
      policies: policies?.map((p) => ({ type: p.Type, value: p.Value, periodSeconds: p.PeriodSeconds })),
      tolerance: value.Tolerance ?? undefined,
    });
  };
  return defined({ scaleUp: rules(parsed.ScaleUp), scaleDown: rules(parsed.ScaleDown) });
}

// ---- whole objects ----

function withoutRoundTripAnnotations(annotations: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isJsonObject(annotations)) return out;
  for (const [key, value] of Object.entries(annotations))
    if (!ROUND_TRIP_ANNOTATIONS.includes(key) && typeof value === 'string') out[key] = value;
  return out;
}

function metadataWith(object: KubeObject, annotations: Record<string, string>): KubeObject['metadata'] {
  const metadata = { ...object.metadata };
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  else delete metadata.annotations;
  return metadata;
}

/** Convert_autoscaling_HorizontalPodAutoscaler_To_v1_HorizontalPodAutoscaler, from the stored v2 object. */
export function hpaV2ToV1(hpa: KubeObject): KubeObject {
  const spec = objectAt(hpa, 'spec') ?? {};
  const status = objectAt(hpa, 'status');
  const metrics = (Array.isArray(spec.metrics) ? spec.metrics : []).filter(isJsonObject);
  const currentMetrics = (Array.isArray(status?.currentMetrics) ? status.currentMetrics : []).filter(isJsonObject);
  const conditions = (Array.isArray(status?.conditions) ? status.conditions : []).filter(isJsonObject);

  const annotations = withoutRoundTripAnnotations(hpa.metadata.annotations);
  const others = metrics.filter((m) => !isCpuUtilization(m));
  if (others.length > 0) annotations[METRIC_SPECS_ANNOTATION] = JSON.stringify(others.map(metricSpecToV1));
  if (currentMetrics.length > 0)
    annotations[METRIC_STATUSES_ANNOTATION] = JSON.stringify(currentMetrics.map(metricStatusToV1));
  if (isJsonObject(spec.behavior)) annotations[BEHAVIOR_ANNOTATION] = behaviorToAnnotation(spec.behavior);
  if (conditions.length > 0) {
    annotations[CONDITIONS_ANNOTATION] = JSON.stringify(
      conditions.map((c) =>
        defined({
          type: c.type,
          status: c.status,
          lastTransitionTime: c.lastTransitionTime,
          reason: c.reason || undefined,
          message: c.message || undefined,
        }),
      ),
    );
  }

  // The first CPU resource metric gives the v1 target, if it is a utilization.
  const cpu = metrics.find((m) => m.type === 'Resource' && objectAt(m, 'resource')?.name === 'cpu');
  const cpuTarget = objectAt(objectAt(cpu, 'resource'), 'target')?.averageUtilization;
  const currentCpu = currentMetrics.find((m) => m.type === 'Resource' && objectAt(m, 'resource')?.name === 'cpu');
  const out: KubeObject = {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadataWith(hpa, annotations),
    spec: defined({
      scaleTargetRef: spec.scaleTargetRef,
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
      targetCPUUtilizationPercentage: cpuTarget,
    }),
  };
  if (status) {
    out.status = defined({
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
      currentCPUUtilizationPercentage: objectAt(objectAt(currentCpu, 'resource'), 'current')?.averageUtilization,
    });
  }
  return sortKeysDeep(out);
}

/** Convert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler, towards the stored v2 object. */
export function hpaV1ToV2(hpa: KubeObject): KubeObject {
  const spec = objectAt(hpa, 'spec') ?? {};
  const status = objectAt(hpa, 'status');
  const annotations = isJsonObject(hpa.metadata.annotations)
    ? (hpa.metadata.annotations as Record<string, string>)
    : {};

  const metrics: Json[] = [];
  if (spec.targetCPUUtilizationPercentage !== undefined) {
    metrics.push({
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage },
      },
    });
  }
  metrics.push(...parseList(annotations[METRIC_SPECS_ANNOTATION]).map(metricSpecFromV1));
  // autoscaling/v1 used to leave the default to the controller; the conversion now writes it down.
  if (metrics.length === 0) {
    metrics.push({
      type: 'Resource',
      resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } },
    });
  }
  const behaviorText = annotations[BEHAVIOR_ANNOTATION];
  const out: KubeObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadataWith(hpa, withoutRoundTripAnnotations(annotations)),
    spec: defined({
      scaleTargetRef: spec.scaleTargetRef,
      minReplicas: spec.minReplicas,
      maxReplicas: spec.maxReplicas,
      metrics,
      behavior: behaviorText === undefined ? undefined : behaviorFromAnnotation(behaviorText),
    }),
  };
  if (status) {
    let currentMetrics: Json[] = [];
    if (status.currentCPUUtilizationPercentage !== undefined) {
      currentMetrics = [
        {
          type: 'Resource',
          resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } },
        },
      ];
    }
    // The annotation holds more (the raw value, other metrics): it wins over the v1 field.
    if (annotations[METRIC_STATUSES_ANNOTATION] !== undefined)
      currentMetrics = parseList(annotations[METRIC_STATUSES_ANNOTATION]).map(metricStatusFromV1);
    const conditions = parseList(annotations[CONDITIONS_ANNOTATION]);
    out.status = defined({
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas,
      desiredReplicas: status.desiredReplicas,
      currentMetrics: currentMetrics.length > 0 ? currentMetrics : undefined,
      conditions: conditions.length > 0 ? conditions : undefined,
    });
  }
  return out;
}
