/**
 * `kubectl autoscale`: an autoscaling/v2 HorizontalPodAutoscaler for a scalable object (`KC:pkg/cmd/autoscale/autoscale.go`).
 * Since 1.34 targets are given as `--cpu` / `--memory` (a percentage of the request, or a quantity per pod);
 * `--cpu-percent` still works with a deprecation warning.
 */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagGiven, flagInt, flagList, flagString } from '../command';
import { parseQuantity } from '../../api/quantity/quantity';
import { KubectlError, clientError } from '../errors';
import { FILENAME_FLAGS, RECORD_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { recordChangeCause } from '../record';
import { groupResource, resolveResourceType, type ResourceInfo } from '../resourceArgs';
import { fetchTargets } from '../targets';
import { CREATE_FLAGS, createAndReport } from './createObject';
import { SCALABLE } from './scaleCommand';

type Target = { type: 'Utilization'; averageUtilization: number } | { type: 'AverageValue'; averageValue: string };

/**
 * parseResourceInput: `70%` is a utilization, a quantity (`500m`, `200Mi`) an average value, and a bare number a
 * quantity in millicores (cpu) or mebibytes (memory).
 */
function parseTarget(input: string, resource: 'cpu' | 'memory'): Target {
  const text = input.trim();
  if (text === '') throw clientError('empty input');
  if (text.endsWith('%')) {
    const digits = text.slice(0, -1);
    const value = /^[+-]?\d+$/.test(digits) ? Number(digits) : NaN;
    if (!Number.isInteger(value) || value < 0 || value > 2147483647)
      throw clientError(`invalid percentage value: ${digits}`);
    return { type: 'Utilization', averageUtilization: value };
  }
  // strconv.ParseFloat, then `%g` with the default unit.
  const bare = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
  const quantity = bare === undefined ? text : `${bare}${resource === 'cpu' ? 'm' : 'Mi'}`;
  if (!parseQuantity(quantity).ok) throw clientError(`invalid resource ${resource} value: ${text}`);
  return { type: 'AverageValue', averageValue: quantity };
}

function resourceMetric(name: 'cpu' | 'memory', target: Target) {
  return { type: 'Resource', resource: { name, target } };
}

/** `createHorizontalPodAutoscalerV2`. */
function horizontalPodAutoscaler(ctx: CommandContext, info: ResourceInfo): KubeObject {
  const refName = info.object.metadata.name ?? '';
  const spec: Record<string, unknown> = {
    scaleTargetRef: {
      apiVersion: info.resource.group ? `${info.resource.group}/${info.resource.version}` : info.resource.version,
      kind: info.resource.kind,
      name: refName,
    },
    maxReplicas: flagInt(ctx, 'max', -1),
  };
  const min = flagInt(ctx, 'min', -1);
  if (min > 0) spec.minReplicas = min;
  const metrics = [];
  const cpuPercent = flagInt(ctx, 'cpu-percent', -1);
  if (cpuPercent > 0) metrics.push(resourceMetric('cpu', { type: 'Utilization', averageUtilization: cpuPercent }));
  const cpu = flagString(ctx, 'cpu');
  if (cpu !== '') metrics.push(resourceMetric('cpu', parseTarget(cpu, 'cpu')));
  const memory = flagString(ctx, 'memory');
  if (memory !== '') metrics.push(resourceMetric('memory', parseTarget(memory, 'memory')));
  if (metrics.length > 0) spec.metrics = metrics;
  const metadata: KubeObject['metadata'] = { name: flagString(ctx, 'name') || refName };
  if (ctx.namespaceExplicit) metadata.namespace = ctx.namespace;
  // The typed object's status: desiredReplicas has no omitempty.
  const hpa = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata,
    spec,
    status: { desiredReplicas: 0 },
  };
  return recordChangeCause(ctx, hpa);
}

function runAutoscale(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  if (!flagGiven(ctx, 'max')) throw clientError('required flag(s) "max" not set');
  const max = flagInt(ctx, 'max', -1);
  const min = flagInt(ctx, 'min', -1);
  if (max < 1) throw clientError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw clientError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  if (flagInt(ctx, 'cpu-percent', -1) > 0 && flagString(ctx, 'cpu') !== '')
    throw clientError('--cpu-percent and --cpu are mutually exclusive');
  if (flagString(ctx, 'cpu') !== '') parseTarget(flagString(ctx, 'cpu'), 'cpu');
  if (flagString(ctx, 'memory') !== '') parseTarget(flagString(ctx, 'memory'), 'memory');
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw clientError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const { infos } = fetchTargets(ctx, { verb: 'autoscale', requireSelection: true });
  const hpas = resolveResourceType(ctx.api, 'horizontalpodautoscalers.autoscaling');
  let count = 0;
  for (const info of infos) {
    try {
      if (!SCALABLE.includes(groupResource(info.resource))) {
        const gvr = `${info.resource.group}/${info.resource.version}, Resource=${info.resource.plural}`;
        throw clientError(
          `cannot autoscale a ${info.resource.kind}: could not find scale subresource for ${gvr} in discovery information`,
        );
      }
      createAndReport(
        ctx,
        { resource: hpas, object: horizontalPodAutoscaler(ctx, info) },
        { operation: 'autoscaled', clientDryRunOperation: 'created' },
      );
      count++;
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
  if (count === 0 && ctx.out.errors.length === 0) throw clientError('no objects passed to autoscale');
}

export const autoscaleCommand: CommandDef = {
  name: 'autoscale',
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  use: 'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu=CPU] [--memory=MEMORY] [options]',
  flags: [
    ...CREATE_FLAGS,
    RECORD_FLAG,
    ...FILENAME_FLAGS,
    ...defineFlags(
      'min:int max:int cpu:string memory:string name:string kustomize,k:string template:string ' +
        'allow-missing-template-keys:bool show-managed-fields:bool',
    ),
    {
      name: 'cpu-percent',
      type: 'int',
      deprecated:
        "Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).",
    },
  ],
  run: runAutoscale,
};
