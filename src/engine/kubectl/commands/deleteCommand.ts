/** `kubectl delete` (`KC:pkg/cmd/delete/delete.go`, `delete_flags.go`). */
import type { PropagationPolicy } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagGiven, flagInt, flagList, flagString, printWarning } from '../command';
import { apiError, clientError } from '../errors';
import {
  ALL_NAMESPACES_FLAG,
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  TIMEOUT_FLAG,
} from '../flags/commonFlags';
import { dryRunStrategy } from '../flags/dryRun';
import { parseGoDuration } from '../flags/parseFlags';
import { fetchTargets, ignoreNotFound } from '../targets';
import { groupResource, kindString, namespaceFor, type ResourceInfo } from '../resourceArgs';

const WEEK_MS = 168 * 3600 * 1000;

/** `GetCascadingStrategy`. */
function cascadingStrategy(ctx: CommandContext): PropagationPolicy {
  const value = flagString(ctx, 'cascade', 'background');
  switch (value) {
    case 'background':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'true':
    case 'false': {
      const replacement = value === 'true' ? 'background' : 'orphan';
      ctx.out.stderr += `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`;
      return value === 'true' ? 'Background' : 'Orphan';
    }
    default:
      throw clientError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan".`);
  }
}

/** The grace period to send (-1: the object's default), after `--now` and `--force` (`DeleteOptions.Complete`). */
function gracePeriod(ctx: CommandContext): number {
  let grace = flagInt(ctx, 'grace-period', -1);
  const force = flagBool(ctx, 'force');
  if (flagBool(ctx, 'now')) {
    if (grace !== -1) throw clientError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  // kubectl turns --grace-period=0 into 1 unless --force is given.
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  if (force && grace > 0) throw clientError('--force and --grace-period greater than 0 cannot be specified together');
  if (force && grace === 0) {
    printWarning(
      ctx,
      'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  }
  return grace;
}

function runDelete(ctx: CommandContext): void {
  const output = flagString(ctx, 'output');
  if (output !== '' && output !== 'name')
    throw clientError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  const deleteAll = flagBool(ctx, 'all');
  const selector = flagString(ctx, 'selector');
  const fieldSelector = flagString(ctx, 'field-selector');
  if (deleteAll && selector) throw clientError('cannot set --all and --selector at the same time');
  if (deleteAll && fieldSelector) throw clientError('cannot set --all and --field-selector at the same time');
  const grace = gracePeriod(ctx);
  const propagationPolicy = cascadingStrategy(ctx);
  const dryRun = dryRunStrategy(ctx);
  // --all, -l and --field-selector ignore NotFound unless told otherwise.
  const ignoreMissing = flagGiven(ctx, 'ignore-not-found')
    ? flagBool(ctx, 'ignore-not-found')
    : deleteAll || !!selector || !!fieldSelector;

  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw clientError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const { infos, named } = fetchTargets(ctx, { verb: 'delete', requireSelection: true });
  if (ignoreMissing) ignoreNotFound(ctx);
  const verb = grace === 0 ? 'force deleted' : 'deleted';
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : '';
  const deleted: ResourceInfo[] = [];
  for (const info of infos) {
    const name = info.object.metadata.name ?? '';
    // Since v1.32 (kubernetes#126619) the namespace of a namespaced object is named.
    const where = info.resource.namespaced ? ` from ${info.object.metadata.namespace ?? ctx.namespace} namespace` : '';
    const report = () => {
      ctx.out.stdout +=
        output === 'name'
          ? `${kindString(info.resource)}/${name}\n`
          : `${kindString(info.resource)} "${name}" ${verb}${where}${suffix}\n`;
    };
    // The API's delete has no dry-run option: a server dry run stops at the object having been found.
    if (dryRun !== 'none') {
      report();
      continue;
    }
    const namespace = namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace);
    const result = ctx.api.delete(info.resource, namespace, name, {
      ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      propagationPolicy,
    });
    if (!result.ok) {
      if (!(ignoreMissing && result.error.reason === 'NotFound')) ctx.out.errors.push(apiError(result.error));
      continue;
    }
    report();
    deleted.push(info);
  }
  if (infos.length === 0 && ctx.out.errors.length === 0 && !named) {
    ctx.out.stdout += 'No resources found\n';
    return;
  }
  if (!flagBool(ctx, 'wait', true) || dryRun !== 'none' || deleted.length === 0) return;
  waitForDeletion(ctx, deleted);
}

/** `--wait`: lets the cluster run until every deleted object (same uid) is gone (`cmdwait.IsDeleted`). */
function waitForDeletion(ctx: CommandContext, deleted: readonly ResourceInfo[]): void {
  const timeout = parseGoDuration(flagString(ctx, 'timeout', '0s')) || WEEK_MS;
  const gone = (info: ResourceInfo) => {
    const now = ctx.api.get(
      info.resource,
      namespaceFor(info.resource, info.object.metadata.namespace ?? ''),
      info.object.metadata.name ?? '',
    );
    return !now.ok || now.value.metadata.uid !== info.object.metadata.uid;
  };
  if (ctx.host.waitUntil(() => deleted.every(gone), timeout)) return;
  const pending = deleted.find((info) => !gone(info));
  if (pending)
    throw clientError(
      `timed out waiting for the condition on ${groupResource(pending.resource)}/${pending.object.metadata.name ?? ''}`,
    );
}

export const deleteCommand: CommandDef = {
  name: 'delete',
  suggestFor: ['rm'],
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  use: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    TIMEOUT_FLAG,
    { name: 'all', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'now', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'cascade', type: 'string', noOptDefault: 'background' },
    { name: 'wait', type: 'bool' },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'interactive', shorthand: 'i', type: 'bool' },
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'raw', type: 'string' },
  ],
  run: runDelete,
};
