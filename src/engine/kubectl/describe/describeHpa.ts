/**
 * `kubectl describe hpa` (`KC:pkg/describe/describe.go:describeHorizontalPodAutoscalerV2`): kubectl reads the HPA as
 * autoscaling/v2 whenever the server serves it, so an object read as v1 is described in its v2 form.
 */
import type { IIoK8sApiAutoscalingV2MetricSpec as MetricSpec } from 'kubernetes-models/autoscaling/v2/MetricSpec';
import type { IIoK8sApiAutoscalingV2MetricStatus as MetricStatus } from 'kubernetes-models/autoscaling/v2/MetricStatus';
import type { IIoK8sApiAutoscalingV2HPAScalingRules as ScalingRules } from 'kubernetes-models/autoscaling/v2/HPAScalingRules';
import { goQuote } from '../../api/selectors/goQuote';
import { asHpaV2 } from '../printers/hpaPrinter';
import { quantityString } from '../printers/cellFormats';
import { describeEvents, formatRfc1123z, printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import type { DescribeInput } from './describeInput';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from './prefixWriter';

const UNKNOWN = '<unknown>';

/** One metric's `current / target` line under `Metrics:`. */
function writeMetric(w: PrefixWriter, metric: MetricSpec, status: MetricStatus | undefined): void {
  switch (metric.type) {
    case 'External': {
      const external = metric.external;
      if (!external) return;
      const name = goQuote(external.metric.name);
      if (external.target.averageValue !== undefined) {
        const now = status?.external?.current.averageValue;
        const current = now !== undefined ? quantityString(now) : UNKNOWN;
        w.write(
          LEVEL_1,
          `${name} (target average value):\t${current} / ${quantityString(external.target.averageValue)}\n`,
        );
      } else {
        const current = status?.external ? quantityString(status.external.current.value) : UNKNOWN;
        w.write(LEVEL_1, `${name} (target value):\t${current} / ${quantityString(external.target.value)}\n`);
      }
      return;
    }
    case 'Pods': {
      const current = status?.pods ? quantityString(status.pods.current.averageValue) : UNKNOWN;
      w.write(
        LEVEL_1,
        `${goQuote(metric.pods?.metric.name ?? '')} on pods:\t${current} / ${quantityString(metric.pods?.target.averageValue)}\n`,
      );
      return;
    }
    case 'Object': {
      const object = metric.object;
      if (!object) return;
      w.write(LEVEL_1, `"${object.metric.name}" on ${object.describedObject.kind}/${object.describedObject.name} `);
      const averaged = object.target.type === 'AverageValue';
      const now = averaged ? status?.object?.current.averageValue : status?.object?.current.value;
      const current = status?.object ? quantityString(now) : UNKNOWN;
      const target = quantityString(averaged ? object.target.averageValue : object.target.value);
      w.write(LEVEL_0, `(target ${averaged ? 'average value' : 'value'}):\t${current} / ${target}\n`);
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const source = metric.type === 'Resource' ? metric.resource : metric.containerResource;
      const current = metric.type === 'Resource' ? status?.resource : status?.containerResource;
      if (!source) return;
      const container = metric.containerResource ? ` of container "${metric.containerResource.container}"` : '';
      w.write(LEVEL_1, `resource ${source.name}${container} on pods`);
      if (source.target.averageValue !== undefined) {
        const now = current ? quantityString(current.current.averageValue) : UNKNOWN;
        w.write(LEVEL_0, `:\t${now} / ${quantityString(source.target.averageValue)}\n`);
      } else {
        const utilization = current?.current.averageUtilization;
        const now =
          utilization !== undefined && utilization !== null
            ? `${utilization}% (${quantityString(current?.current.averageValue)})`
            : UNKNOWN;
        const target = source.target.averageUtilization;
        w.write(
          LEVEL_1,
          `(as a percentage of request):\t${now} / ${target !== undefined && target !== null ? `${target}%` : '<auto>'}\n`,
        );
      }
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${goQuote(metric.type)}>\n`);
  }
}

/** `printDirectionBehavior`. */
function writeBehavior(w: PrefixWriter, direction: string, rules: ScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined && rules.stabilizationWindowSeconds !== null) {
    w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  }
  const policies = rules.policies ?? [];
  if (policies.length === 0) return;
  w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of policies)
    w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
}

export function describeHorizontalPodAutoscaler(input: DescribeInput): string {
  const hpa = asHpaV2(input.object);
  const spec = hpa.spec;
  const status = hpa.status;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${input.object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${input.object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', input.object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', input.object.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatRfc1123z(input.object.metadata.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Reference:\t${spec?.scaleTargetRef.kind ?? ''}/${spec?.scaleTargetRef.name ?? ''}\n`);
  w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
  (spec?.metrics ?? []).forEach((metric, i) => writeMetric(w, metric, status?.currentMetrics?.[i]));
  const min = spec?.minReplicas;
  w.write(LEVEL_0, `Min replicas:\t${min !== undefined && min !== null ? min : '<unset>'}\n`);
  w.write(LEVEL_0, `Max replicas:\t${spec?.maxReplicas ?? 0}\n`);
  if (spec?.behavior) {
    w.write(LEVEL_0, 'Behavior:\n');
    writeBehavior(w, 'Scale Up', spec.behavior.scaleUp);
    writeBehavior(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(
    LEVEL_0,
    `${spec?.scaleTargetRef.kind ?? ''} pods:\t${status?.currentReplicas ?? 0} current / ${status?.desiredReplicas ?? 0} desired\n`,
  );
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}
