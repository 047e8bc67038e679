/** `kubectl scale` (`KC:pkg/cmd/scale/scale.go`, `pkg/scale/scale.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagGiven, flagInt, flagList, flagString } from '../command';
import { KubectlError, apiError, clientError } from '../errors';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, RECORD_FLAG, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { parseGoDuration } from '../flags/parseFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { reportObject } from '../printers/reportObject';
import { recordMergePatch } from '../record';
import { groupResource, namespaceFor, type ResourceInfo } from '../resourceArgs';
import { fetchTargets } from '../targets';

/** Resources with a `/scale` subresource (also what `autoscale` accepts). */
export const SCALABLE = ['deployments.apps', 'replicasets.apps', 'replicationcontrollers', 'statefulsets.apps'];

/** `ScalePrecondition.validate`: `Expected replicas to be 2, was 3`. */
function checkPreconditions(ctx: CommandContext, live: KubeObject): void {
  const size = flagInt(ctx, 'current-replicas', -1);
  const replicas = (live.spec as { replicas?: number } | undefined)?.replicas ?? 0;
  if (size !== -1 && replicas !== size) throw clientError(`Expected replicas to be ${size}, was ${replicas}`);
  const version = flagString(ctx, 'resource-version');
  if (version && live.metadata.resourceVersion !== version) {
    throw clientError(`Expected resource version to be ${version}, was ${live.metadata.resourceVersion ?? ''}`);
  }
}

/** `--timeout`: waits until the status reports the new size for the current generation (`WaitForScaleHasDesiredReplicas`). */
function waitForReplicas(ctx: CommandContext, info: ResourceInfo, namespace: string | undefined, replicas: number) {
  const timeout = parseGoDuration(flagString(ctx, 'timeout', '0s')) ?? 0;
  if (timeout <= 0) return;
  const name = info.object.metadata.name ?? '';
  const synced = () => {
    const got = ctx.api.get(info.resource, namespace, name);
    if (!got.ok) return false;
    const status = got.value.status as { replicas?: number; observedGeneration?: number } | undefined;
    return (status?.observedGeneration ?? 0) >= (got.value.metadata.generation ?? 0) && status?.replicas === replicas;
  };
  if (!ctx.host.waitUntil(synced, timeout)) throw clientError(`timed out waiting for "${name}" to be synced`);
}

function scaleOne(ctx: CommandContext, info: ResourceInfo, replicas: number): void {
  const dryRun = dryRunStrategy(ctx);
  if (dryRun === 'client') return reportObject(ctx, info, `scaled${dryRunSuffix(dryRun)}`);
  const name = info.object.metadata.name ?? '';
  const namespace = namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace);
  if (!SCALABLE.includes(groupResource(info.resource))) {
    throw apiError({ code: 404, reason: 'NotFound', message: 'the server could not find the requested resource' });
  }
  if (flagGiven(ctx, 'current-replicas') || flagString(ctx, 'resource-version')) checkPreconditions(ctx, info.object);
  const scaled = ctx.api.patch(
    info.resource,
    namespace,
    name,
    'merge',
    { spec: { replicas } },
    {
      dryRun: dryRun === 'server',
    },
  );
  if (!scaled.ok) throw apiError(scaled.error);
  const record = recordMergePatch(ctx, info.object);
  if (record && dryRun === 'none') ctx.api.patch(info.resource, namespace, name, 'merge', record);
  if (dryRun === 'none') waitForReplicas(ctx, info, namespace, replicas);
  reportObject(ctx, info, `scaled${dryRunSuffix(dryRun)}`);
}

function runScale(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const replicas = flagInt(ctx, 'replicas', -1);
  if (replicas < 0) {
    throw clientError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  }
  if (flagInt(ctx, 'current-replicas', -1) < -1) {
    throw clientError('The --current-replicas must specify an integer of -1 or greater');
  }
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw clientError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const { infos } = fetchTargets(ctx, { verb: 'scale', requireSelection: !flagBool(ctx, 'all') });
  if (flagString(ctx, 'resource-version') && infos.length > 1) {
    throw clientError('cannot use --resource-version with multiple resources');
  }
  if (infos.length === 0) {
    // kubectl 1.32–1.34 glue the lookup error to this message (kubernetes PR 128051).
    const cause = ctx.out.errors.map((e) => ` ${e.message}`).join('');
    ctx.out.errors = [];
    throw clientError(`no objects passed to scale${cause}`);
  }
  for (const info of infos) {
    try {
      scaleOne(ctx, info, replicas);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
}

export const scaleCommand: CommandDef = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  use: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    ...PRINT_FLAGS,
    RECORD_FLAG,
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    ...FILENAME_FLAGS,
    ...defineFlags('all:bool resource-version:string current-replicas:int replicas:int timeout:duration'),
  ],
  run: runScale,
};
