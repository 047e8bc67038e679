/**
 * `kubectl rollout` and its subcommands history, undo, pause, resume and restart
 * (`KC:pkg/cmd/rollout/*.go`, `pkg/polymorphichelpers/objectpauser.go, objectresumer.go, objectrestarter.go`);
 * `status` lives in rolloutStatus.ts.
 */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagInt, flagList, flagString } from '../command';
import { KubectlError, apiError, clientError } from '../errors';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { checkOutputFormat } from '../printers/printObjects';
import { reportObject } from '../printers/reportObject';
import { groupResource, namespaceFor, type ResourceInfo } from '../resourceArgs';
import { rollback } from '../rollout/rollback';
import { viewHistory } from '../rollout/rolloutHistory';
import { fetchTargets } from '../targets';
import { rolloutStatusCommand } from './rolloutStatus';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** The objects named by the arguments or `-f`, after kubectl's "required resource not specified" check. */
function rolloutTargets(ctx: CommandContext, verb: string): ResourceInfo[] {
  checkOutputFormat(flagString(ctx, 'output'));
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw clientError('required resource not specified');
  }
  return fetchTargets(ctx, { verb }).infos;
}

/** Runs `act` per object, collecting errors as kubectl's ContinueOnError visitors do. */
function forEachTarget(ctx: CommandContext, infos: readonly ResourceInfo[], act: (info: ResourceInfo) => void) {
  for (const info of infos) {
    try {
      act(info);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
}

function runHistory(ctx: CommandContext): void {
  const revision = flagInt(ctx, 'revision', 0);
  const infos = rolloutTargets(ctx, 'rollout history');
  if (revision < 0) throw clientError(`revision must be a positive integer: ${revision}`);
  forEachTarget(ctx, infos, (info) => {
    const history = viewHistory(ctx.api, info.resource, info.object, revision);
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    reportObject(ctx, info, `${withRevision}\n${history}`);
  });
}

function runUndo(ctx: CommandContext): void {
  const dryRun = dryRunStrategy(ctx);
  const infos = rolloutTargets(ctx, 'rollout undo');
  forEachTarget(ctx, infos, (info) => {
    const result = rollback(ctx.api, info.resource, info.object, flagInt(ctx, 'to-revision', 0), dryRun);
    reportObject(ctx, info, `${result}${dryRunSuffix(dryRun)}`);
  });
}

/** A change to a Deployment (or other workload) as `set.CalculatePatches` does it: a mutation or an error. */
type Mutation = (object: KubeObject) => { patch: Record<string, unknown> } | { error: string };

const deploymentOnly =
  (verb: string, mutate: Mutation): Mutation =>
  (object) =>
    object.kind === 'Deployment' ? mutate(object) : { error: `${verb} is not supported` };

const paused = (object: KubeObject) => (object.spec as { paused?: boolean } | undefined)?.paused === true;

const pause = deploymentOnly('pausing', (d) =>
  paused(d) ? { error: 'is already paused' } : { patch: { spec: { paused: true } } },
);

const resume = deploymentOnly('resuming', (d) =>
  paused(d) ? { patch: { spec: { paused: null } } } : { error: 'is not paused' },
);

function restartMutation(nowMs: number): Mutation {
  // time.Now().Format(time.RFC3339) in UTC.
  const restartedAt = new Date(nowMs).toISOString().replace(/\.\d+Z$/, 'Z');
  return (object) => {
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(object.kind))
      return { error: 'restarting is not supported' };
    if (object.kind === 'Deployment' && paused(object)) {
      return { error: "can't restart paused deployment (run rollout resume first)" };
    }
    return { patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: restartedAt } } } } } };
  };
}

/** pause, resume, restart: a strategic merge patch per object, `error: deployments.apps "web" is already paused`. */
function runPatching(ctx: CommandContext, verb: string, operation: string, mutate: Mutation): void {
  const infos = rolloutTargets(ctx, `rollout ${verb}`);
  forEachTarget(ctx, infos, (info) => {
    const name = info.object.metadata.name ?? '';
    const outcome = mutate(info.object);
    if ('error' in outcome) throw clientError(`error: ${groupResource(info.resource)} "${name}" ${outcome.error}`);
    const namespace = namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace);
    const patched = ctx.api.patch(info.resource, namespace, name, 'strategic', outcome.patch);
    if (!patched.ok) throw clientError(`failed to patch: ${apiError(patched.error).message}`);
    reportObject(ctx, { ...info, object: patched.value }, operation);
  });
}

const TARGET_FLAGS = [...FILENAME_FLAGS, ...PRINT_FLAGS, ...defineFlags('kustomize,k:string field-manager:string')];

export const rolloutCommand: CommandDef = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  use: 'kubectl rollout SUBCOMMAND [options]',
  subcommands: [
    {
      name: 'history',
      short: 'View rollout history',
      use: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
      flags: [...TARGET_FLAGS, ...defineFlags('revision:int')],
      run: runHistory,
    },
    {
      name: 'pause',
      short: 'Mark the provided resource as paused',
      use: 'kubectl rollout pause RESOURCE [options]',
      flags: TARGET_FLAGS,
      run: (ctx) => runPatching(ctx, 'pause', 'paused', pause),
    },
    {
      name: 'restart',
      short: 'Restart a resource',
      use: 'kubectl rollout restart RESOURCE [options]',
      flags: [...TARGET_FLAGS, SELECTOR_FLAG],
      run: (ctx) => runPatching(ctx, 'restart', 'restarted', restartMutation(ctx.api.now())),
    },
    {
      name: 'resume',
      short: 'Resume a paused resource',
      use: 'kubectl rollout resume RESOURCE [options]',
      flags: TARGET_FLAGS,
      run: (ctx) => runPatching(ctx, 'resume', 'resumed', resume),
    },
    rolloutStatusCommand,
    {
      name: 'undo',
      short: 'Undo a previous rollout',
      use: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
      flags: [...TARGET_FLAGS, DRY_RUN_FLAG, ...defineFlags('to-revision:int')],
      run: runUndo,
    },
  ],
};
