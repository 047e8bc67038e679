/**
 * The table of HorizontalPodAutoscalers (`K:pkg/printers/internalversion/printers.go:printHorizontalPodAutoscaler`).
 * The apiserver prints from its internal (v2) object whatever version was asked for, so v1 objects are converted.
 */
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IIoK8sApiAutoscalingV2MetricSpec as MetricSpec } from 'kubernetes-models/autoscaling/v2/MetricSpec';
import type { IIoK8sApiAutoscalingV2MetricStatus as MetricStatus } from 'kubernetes-models/autoscaling/v2/MetricStatus';
import type { IIoK8sApiAutoscalingV2MetricTarget as MetricTarget } from 'kubernetes-models/autoscaling/v2/MetricTarget';
import type { IIoK8sApiAutoscalingV2MetricValueStatus as MetricValue } from 'kubernetes-models/autoscaling/v2/MetricValueStatus';
import { hpaV1ToV2 } from '../../api/hpaConversion';
import type { KubeObject } from '../../api/types';
import { translateTimestampSince } from '../format/duration';
import { quantityString } from './cellFormats';
import { defineColumns, type TablePrinter } from './tablePrinter';

const UNKNOWN = '<unknown>';
const MAX_METRICS = 2;

const percent = (value: number | undefined | null) => (value === undefined || value === null ? undefined : `${value}%`);

/** `current/target` of a metric given as a value or an average value (`(avg)` for the latter). */
function valueOrAverage(target: MetricTarget, current: MetricValue | undefined, prefix: string): string {
  if (target.averageValue !== undefined) {
    const now = current?.averageValue !== undefined ? quantityString(current.averageValue) : UNKNOWN;
    return `${prefix}${now}/${quantityString(target.averageValue)}${prefix ? '' : ' (avg)'}`;
  }
  const now = current ? quantityString(current.value) : UNKNOWN;
  return `${prefix}${now}/${quantityString(target.value)}`;
}

/** Resource metrics: an average value, or utilization (`cpu: 12%/50%`, `<auto>` without a target). */
function resourceMetric(name: string, target: MetricTarget, current: MetricValue | undefined): string {
  if (target.averageValue !== undefined) return valueOrAverage(target, current, `${name}: `);
  const now = percent(current?.averageUtilization) ?? UNKNOWN;
  return `${name}: ${now}/${percent(target.averageUtilization) ?? '<auto>'}`;
}

function formatMetric(spec: MetricSpec, status: MetricStatus | undefined): string {
  switch (spec.type) {
    case 'External':
      return spec.external ? valueOrAverage(spec.external.target, status?.external?.current, '') : UNKNOWN;
    case 'Pods': {
      const now = status?.pods ? quantityString(status.pods.current.averageValue) : UNKNOWN;
      return `${now}/${quantityString(spec.pods?.target.averageValue)}`;
    }
    case 'Object':
      return spec.object ? valueOrAverage(spec.object.target, status?.object?.current, '') : UNKNOWN;
    case 'Resource':
      return spec.resource ? resourceMetric(spec.resource.name, spec.resource.target, status?.resource?.current) : '';
    case 'ContainerResource':
      return spec.containerResource
        ? resourceMetric(spec.containerResource.name, spec.containerResource.target, status?.containerResource?.current)
        : '';
    default:
      return '<unknown type>';
  }
}

/** `formatHPAMetrics`: the first two metrics as `current/target`, then ` + N more...`; `<none>` without metrics. */
export function formatHpaMetrics(specs: readonly MetricSpec[], statuses: readonly MetricStatus[]): string {
  if (specs.length === 0) return '<none>';
  const list = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  const shown = list.slice(0, MAX_METRICS).join(', ');
  return list.length > MAX_METRICS ? `${shown} + ${list.length - MAX_METRICS} more...` : shown;
}

/** An HPA as autoscaling/v2 shows it, whichever version it was read in. */
export function asHpaV2(object: KubeObject): IHorizontalPodAutoscaler {
  const v2 = object.apiVersion === 'autoscaling/v1' ? hpaV1ToV2(object) : object;
  return v2 as unknown as IHorizontalPodAutoscaler;
}

export const hpaPrinter: TablePrinter = {
  columns: defineColumns('NAME|REFERENCE|TARGETS|MINPODS|MAXPODS|REPLICAS|AGE'),
  row: (object, nowMs) => {
    const hpa = asHpaV2(object);
    const spec = hpa.spec;
    return [
      object.metadata.name ?? '',
      `${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}`,
      formatHpaMetrics(spec?.metrics ?? [], hpa.status?.currentMetrics ?? []),
      spec?.minReplicas !== undefined && spec.minReplicas !== null ? String(spec.minReplicas) : '<unset>',
      String(spec?.maxReplicas ?? 0),
      String(hpa.status?.currentReplicas ?? 0),
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
    ];
  },
};
