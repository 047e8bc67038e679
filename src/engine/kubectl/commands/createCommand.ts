/** `kubectl create -f`, `create deployment` and `create namespace` (`KC:pkg/cmd/create/create.go`, `create_namespace.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagString } from '../command';
import { KubectlError, usageError } from '../errors';
import { helpText } from '../help';
import { FILENAME_FLAGS, RECORD_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { readManifestObjects } from '../manifests';
import { checkOutputFormat } from '../printers/printObjects';
import { recordChangeCause } from '../record';
import { resolveResourceType } from '../resourceArgs';
import { objectToSend } from './applyCommand';
import { createConfigMapCommand } from './createConfigMap';
import { createDeploymentCommand } from './createDeployment';
import { createCronJobCommand, createJobCommand } from './createJob';
import { createQuotaCommand } from './createQuota';
import { createSecretCommand } from './createSecret';
import { createServiceCommand } from './createService';
import { CREATE_FLAGS, createAndReport } from './createObject';

function runCreate(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  if (ctx.flags.values.filename === undefined) {
    // create.go: the message, then `DefaultSubCommandRun` (unknown words, else the help) and exit 1.
    const missing = 'Error: must specify one of -f and -k\n\n';
    if (ctx.args.length > 0) {
      ctx.out.stderr += missing;
      throw usageError(`unknown command "${ctx.args.join(' ')}"`, ctx.commandPath);
    }
    throw new KubectlError(missing + helpText(createCommand, ctx.commandPath), undefined, 1, true);
  }
  for (const item of readManifestObjects(ctx, 'create')) {
    try {
      const object = recordChangeCause(ctx, objectToSend(item));
      createAndReport(ctx, { resource: item.resource, object }, { source: item.source });
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
}

function runCreateNamespace(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const [name, ...extra] = ctx.args;
  if (name === undefined || extra.length > 0) {
    throw usageError(`exactly one NAME is required, got ${ctx.args.length}`, ctx.commandPath);
  }
  // Since v1.33 (kubernetes#130989) a zero creationTimestamp is left out instead of printed as null.
  const object: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} };
  createAndReport(ctx, { resource: resolveResourceType(ctx.api, 'namespaces'), object });
}

export const createCommand: CommandDef = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  use: 'kubectl create -f FILENAME [options]',
  flags: [...CREATE_FLAGS, ...FILENAME_FLAGS, RECORD_FLAG, ...defineFlags('edit:bool raw:string')],
  subcommands: [
    createConfigMapCommand,
    createCronJobCommand,
    createDeploymentCommand,
    createJobCommand,
    {
      name: 'namespace',
      aliases: ['ns'],
      short: 'Create a namespace with the specified name',
      use: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
      flags: CREATE_FLAGS,
      run: runCreateNamespace,
    },
    createQuotaCommand,
    createSecretCommand,
    createServiceCommand,
  ],
  run: runCreate,
};
