/** `kubectl replace -f` and `replace --force` (`KC:pkg/cmd/replace/replace.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagInt, flagList, flagString } from '../command';
import { KubectlError, apiError, clientError } from '../errors';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, RECORD_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { parseGoDuration } from '../flags/parseFlags';
import { readManifestObjects, type ManifestObject } from '../manifests';
import { checkOutputFormat } from '../printers/printObjects';
import { printApiWarnings, reportObject } from '../printers/reportObject';
import { recordChangeCause } from '../record';
import { namespaceFor } from '../resourceArgs';
import { withLastApplied } from '../apply/lastApplied';
import { objectToSend } from './applyCommand';
import { deleteAndReport } from './deleteCommand';

const FORCE_WAIT_MS = 5 * 60_000;

/** The object to send: namespace filled in, `--save-config` and `--record` applied. */
function prepared(ctx: CommandContext, item: ManifestObject): KubeObject {
  const object = recordChangeCause(ctx, objectToSend(item));
  return flagBool(ctx, 'save-config') ? withLastApplied(object) : object;
}

/** `Helper.Replace` with overwrite: a missing resourceVersion is taken from the live object. */
function replaceOne(ctx: CommandContext, item: ManifestObject): void {
  const dryRun = dryRunStrategy(ctx);
  const object = prepared(ctx, item);
  if (dryRun === 'client')
    return reportObject(ctx, { resource: item.resource, object }, `replaced${dryRunSuffix(dryRun)}`);
  const source = { verb: 'replacing', file: item.source };
  if (!object.metadata.resourceVersion) {
    const namespace = namespaceFor(item.resource, item.namespace);
    const live = ctx.api.get(item.resource, namespace, object.metadata.name ?? '');
    if (!live.ok) throw apiError(live.error, source);
    object.metadata = { ...object.metadata, resourceVersion: live.value.metadata.resourceVersion };
  }
  const replaced = ctx.api.update(object, { dryRun: dryRun === 'server' });
  if (!replaced.ok) throw apiError(replaced.error, source);
  printApiWarnings(ctx, replaced.warnings);
  reportObject(ctx, { resource: item.resource, object: replaced.value }, `replaced${dryRunSuffix(dryRun)}`);
}

/** `forceReplace`: delete every object, wait until they are gone, then create them again. */
function forceReplace(ctx: CommandContext, items: readonly ManifestObject[]): void {
  const grace = flagInt(ctx, 'grace-period', -1);
  for (const item of items) {
    const info = { resource: item.resource, object: objectToSend(item), source: item.source };
    deleteAndReport(ctx, info, { grace, ignoreNotFound: true });
  }
  const timeout = parseGoDuration(flagString(ctx, 'timeout', '0s')) || FORCE_WAIT_MS;
  for (const item of items) {
    const namespace = namespaceFor(item.resource, item.namespace);
    const gone = () => !ctx.api.get(item.resource, namespace, item.object.metadata?.name ?? '').ok;
    if (!ctx.host.waitUntil(gone, timeout)) throw clientError('timed out waiting for the condition');
  }
  let count = 0;
  for (const item of items) {
    try {
      const created = ctx.api.create(prepared(ctx, item));
      if (!created.ok) throw apiError(created.error);
      printApiWarnings(ctx, created.warnings);
      count++;
      reportObject(ctx, { resource: item.resource, object: created.value }, 'replaced');
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
  if (count === 0 && ctx.out.errors.length === 0) throw clientError('no objects passed to replace');
}

function runReplace(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  if (flagList(ctx, 'filename').length === 0) throw clientError('must specify --filename to replace');
  const force = flagBool(ctx, 'force');
  if (flagInt(ctx, 'grace-period', -1) >= 0 && !force) throw clientError('--grace-period must have --force specified');
  if (flagString(ctx, 'timeout') && !force) throw clientError('--timeout must have --force specified');
  const items = readManifestObjects(ctx, 'replace');
  if (force) return forceReplace(ctx, items);
  for (const item of items) {
    try {
      replaceOne(ctx, item);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
}

export const replaceCommand: CommandDef = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  use: 'kubectl replace -f FILENAME [options]',
  flags: [
    ...PRINT_FLAGS,
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    RECORD_FLAG,
    { name: 'cascade', type: 'string', noOptDefault: 'background' },
    { name: 'validate', type: 'string', noOptDefault: 'strict' },
    ...defineFlags(
      'force:bool grace-period:int timeout:duration wait:bool save-config:bool field-manager:string ' +
        'raw:string subresource:string kustomize,k:string',
    ),
  ],
  run: runReplace,
};
