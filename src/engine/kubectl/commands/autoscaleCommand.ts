/** `kubectl autoscale`: an autoscaling/v2 HorizontalPodAutoscaler for a scalable object (`KC:pkg/cmd/autoscale/autoscale.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagGiven, flagInt, flagList, flagString } from '../command';
import { KubectlError, clientError } from '../errors';
import { FILENAME_FLAGS, RECORD_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { recordChangeCause } from '../record';
import { groupResource, resolveResourceType, type ResourceInfo } from '../resourceArgs';
import { fetchTargets } from '../targets';
import { CREATE_FLAGS, createAndReport } from './createObject';
import { SCALABLE } from './scaleCommand';

/** `createHorizontalPodAutoscaler`. */
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
  const cpu = flagInt(ctx, 'cpu-percent', -1);
  if (cpu >= 0) {
    spec.metrics = [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } },
    ];
  }
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
  use: 'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu-percent=CPU] [options]',
  flags: [
    ...CREATE_FLAGS,
    RECORD_FLAG,
    ...FILENAME_FLAGS,
    ...defineFlags(
      'min:int max:int cpu-percent:int name:string kustomize,k:string template:string ' +
        'allow-missing-template-keys:bool show-managed-fields:bool',
    ),
  ],
  run: runAutoscale,
};
