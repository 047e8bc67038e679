/** `kubectl create job` and `kubectl create cronjob` (`KC:pkg/cmd/create/create_job.go, create_cronjob.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagString } from '../command';
import { clientError, usageError } from '../errors';
import { defineFlags } from '../flags/defineFlags';
import { checkOutputFormat } from '../printers/printObjects';
import { resolveResourceType } from '../resourceArgs';
import { fetchTargets } from '../targets';
import { CREATE_FLAGS, createAndReport } from './createObject';

/** `NameFromCommandArgs` and the command after `--`. */
function nameAndCommand(ctx: CommandContext): { name: string; command: string[] | undefined } {
  const dash = ctx.flags.argsLenAtDash;
  const names = dash >= 0 ? ctx.args.slice(0, dash) : ctx.args;
  if (names.length !== 1) throw usageError(`exactly one NAME is required, got ${names.length}`, ctx.commandPath);
  const command = ctx.args.slice(1);
  return { name: names[0] as string, command: command.length > 0 ? command : undefined };
}

/** One container named after the object, running the image (and the command, if any). */
function podSpec(name: string, image: string, command: string[] | undefined, restartPolicy: string) {
  return { containers: [{ name, image, ...(command ? { command } : {}), resources: {} }], restartPolicy };
}

function withNamespace(ctx: CommandContext, metadata: KubeObject['metadata']): KubeObject['metadata'] {
  return ctx.namespaceExplicit ? { ...metadata, namespace: ctx.namespace } : metadata;
}

/** `createJobFromCronJob`: the CronJob's job template, annotated as a manual run and owned by the CronJob. */
function jobFromCronJob(ctx: CommandContext, name: string, from: string): KubeObject {
  const { infos } = fetchTargets(ctx, { args: [from], verb: 'create job' });
  const found = ctx.out.errors.shift();
  if (found) throw found;
  if (infos.length !== 1) throw clientError('from must be an existing cronjob');
  const cronJob = (infos[0] as (typeof infos)[number]).object;
  if (cronJob.kind !== 'CronJob') {
    throw clientError(`unknown object type *${cronJob.apiVersion.split('/').pop() ?? ''}.${cronJob.kind}`);
  }
  const template = (cronJob.spec as { jobTemplate?: { metadata?: KubeObject['metadata']; spec?: unknown } })
    .jobTemplate;
  const metadata: KubeObject['metadata'] = {
    name,
    annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...template?.metadata?.annotations },
    ...(template?.metadata?.labels ? { labels: template.metadata.labels } : {}),
    ownerReferences: [
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: cronJob.metadata.name ?? '',
        uid: cronJob.metadata.uid ?? '',
        controller: true,
      },
    ],
  };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: withNamespace(ctx, metadata),
    spec: template?.spec ?? {},
    status: {},
  };
}

function runCreateJob(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const { name, command } = nameAndCommand(ctx);
  const image = flagString(ctx, 'image');
  const from = flagString(ctx, 'from');
  if ((!image && !from) || (image && from)) throw clientError('either --image or --from must be specified');
  if (command && from) throw clientError('cannot specify --from and command');
  const job: KubeObject = from
    ? jobFromCronJob(ctx, name, from)
    : {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: withNamespace(ctx, { name }),
        spec: { template: { metadata: {}, spec: podSpec(name, image, command, 'Never') } },
        status: {},
      };
  createAndReport(
    ctx,
    { resource: resolveResourceType(ctx.api, 'jobs.batch'), object: job },
    {
      failure: 'failed to create job',
    },
  );
}

function runCreateCronJob(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const { name, command } = nameAndCommand(ctx);
  // cobra's MarkFlagRequired check.
  const missing = ['image', 'schedule'].filter((flag) => !flagString(ctx, flag));
  if (missing.length > 0) throw clientError(`required flag(s) ${missing.map((f) => `"${f}"`).join(', ')} not set`);
  const image = flagString(ctx, 'image');
  const schedule = flagString(ctx, 'schedule');
  const restart = flagString(ctx, 'restart') || 'OnFailure';
  const cronJob: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: withNamespace(ctx, { name }),
    spec: {
      schedule,
      jobTemplate: {
        metadata: { name },
        spec: { template: { metadata: {}, spec: podSpec(name, image, command, restart) } },
      },
    },
    status: {},
  };
  createAndReport(
    ctx,
    { resource: resolveResourceType(ctx.api, 'cronjobs.batch'), object: cronJob },
    {
      failure: 'failed to create cronjob',
    },
  );
}

export const createJobCommand: CommandDef = {
  name: 'job',
  short: 'Create a job with the specified name',
  use: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  flags: [...CREATE_FLAGS, ...defineFlags('image:string from:string')],
  run: runCreateJob,
};

export const createCronJobCommand: CommandDef = {
  name: 'cronjob',
  aliases: ['cj'],
  short: 'Create a cron job with the specified name',
  use: "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags] [options]",
  flags: [...CREATE_FLAGS, ...defineFlags('image:string schedule:string restart:string')],
  run: runCreateCronJob,
};
