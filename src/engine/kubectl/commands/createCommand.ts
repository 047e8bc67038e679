/** `kubectl create -f` and `kubectl create namespace` (`KC:pkg/cmd/create/create.go`, `create_namespace.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { apiError, clientError, KubectlError, usageError } from '../errors';
import {
  DRY_RUN_FLAG,
  FIELD_MANAGER_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  RECORD_FLAG,
  RECURSIVE_FLAG,
  VALIDATE_FLAG,
} from '../flags/commonFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { readManifestObjects } from '../manifests';
import { checkOutputFormat, printObjects } from '../printers/printObjects';
import { recordChangeCause } from '../record';
import { kindAndName, resolveResourceType, type ResourceInfo } from '../resourceArgs';
import { withLastApplied } from '../apply/lastApplied';
import { objectToSend } from './applyCommand';

/** Sends one object to the API (or not, for a client dry run) and reports it as kubectl does. */
function createAndReport(
  ctx: CommandContext,
  info: ResourceInfo,
  source: string | undefined,
  printed: ResourceInfo[],
): void {
  const dryRun = dryRunStrategy(ctx);
  const output = flagString(ctx, 'output');
  let object = info.object;
  if (dryRun !== 'client') {
    const result = ctx.api.create(object, { dryRun: dryRun === 'server' });
    if (!result.ok) throw apiError(result.error, source ? { verb: 'creating', file: source } : undefined);
    object = result.value;
  }
  const name = object.metadata.name ?? '';
  if (output === 'name') ctx.out.stdout += `${kindAndName(info.resource, name)}\n`;
  else if (output !== '') printed.push({ resource: info.resource, object });
  else ctx.out.stdout += `${kindAndName(info.resource, name)} created${dryRunSuffix(dryRun)}\n`;
}

function printCollected(ctx: CommandContext, printed: ResourceInfo[]): void {
  if (printed.length === 0) return;
  ctx.out.stdout += printObjects(printed, {
    output: flagString(ctx, 'output'),
    singleItem: printed.length === 1,
    nowMs: ctx.api.now(),
  });
}

function runCreate(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  if (ctx.flags.values.filename === undefined) {
    if (ctx.args.length > 0) throw clientError(`unknown command "${ctx.args[0]}" for "kubectl create"`);
    throw usageError('must specify one of -f and -k', ctx.commandPath);
  }
  const printed: ResourceInfo[] = [];
  for (const item of readManifestObjects(ctx, 'create')) {
    try {
      let object = recordChangeCause(ctx, objectToSend(item));
      if (flagBool(ctx, 'save-config')) object = withLastApplied(object);
      createAndReport(ctx, { resource: item.resource, object }, item.source, printed);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
  printCollected(ctx, printed);
}

function runCreateNamespace(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const [name, ...extra] = ctx.args;
  if (name === undefined || extra.length > 0) {
    throw usageError('exactly one NAME is required, got ' + ctx.args.length, ctx.commandPath);
  }
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name },
    spec: {},
    status: {},
  };
  if (dryRunStrategy(ctx) === 'client') object.metadata.creationTimestamp = null as unknown as string;
  const printed: ResourceInfo[] = [];
  createAndReport(ctx, { resource: resolveResourceType(ctx.api, 'namespaces'), object }, undefined, printed);
  printCollected(ctx, printed);
}

const CREATE_FLAGS = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  FIELD_MANAGER_FLAG,
  VALIDATE_FLAG,
  { name: 'save-config', type: 'bool' as const },
];

export const createCommand: CommandDef = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  use: 'kubectl create -f FILENAME [options]',
  flags: [
    ...CREATE_FLAGS,
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    RECORD_FLAG,
    { name: 'edit', type: 'bool' },
    { name: 'raw', type: 'string' },
  ],
  subcommands: [
    {
      name: 'namespace',
      aliases: ['ns'],
      short: 'Create a namespace with the specified name',
      use: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
      flags: CREATE_FLAGS,
      run: runCreateNamespace,
    },
  ],
  run: runCreate,
};
