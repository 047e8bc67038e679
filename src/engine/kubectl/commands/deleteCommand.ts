/** `kubectl delete` (`KC:pkg/cmd/delete/delete.go`, `delete_flags.go`). */
import type { DeleteOptions, PropagationPolicy } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagGiven, flagInt, flagList, flagString, printWarning } from '../command';
import { apiError, clientError } from '../errors';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SELECTION_FLAGS } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix, type DryRunStrategy } from '../flags/dryRun';
import { parseGoDuration } from '../flags/parseFlags';
import { fetchTargets, ignoreNotFound } from '../targets';
import { kindString, namespaceFor, type ResourceInfo } from '../resourceArgs';

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
  if (flagBool(ctx, 'now')) {
    if (grace !== -1) throw clientError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = flagBool(ctx, 'force');
  // kubectl turns --grace-period=0 into 1 unless --force is given.
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  return grace;
}

/** How `deleteAndReport` deletes and words the result (`DeleteOptions` after `Complete`). */
export interface DeleteSettings {
  /** -1: the object's default grace period. */
  grace?: number;
  propagationPolicy?: PropagationPolicy;
  dryRun?: DryRunStrategy;
  ignoreNotFound?: boolean;
  /** `-o name`. */
  nameOnly?: boolean;
}

/**
 * Deletes one object and prints it as `DeleteOptions.PrintObj` does (`pod "web" deleted from default namespace`);
 * returns the deleted object's uid, or undefined when it failed (the error is collected).
 */
export function deleteAndReport(
  ctx: CommandContext,
  info: ResourceInfo,
  settings: DeleteSettings = {},
): string | undefined {
  const grace = settings.grace ?? -1;
  const dryRun = settings.dryRun ?? 'none';
  const name = info.object.metadata.name ?? '';
  const namespace = info.object.metadata.namespace ?? ctx.namespace;
  const report = () => {
    // kubernetes#126619: the namespace of a namespaced object is named, before the dry-run mark.
    const where = info.resource.namespaced ? ` from ${namespace} namespace` : '';
    const operation = `${grace === 0 ? 'force deleted' : 'deleted'}${where}${dryRunSuffix(dryRun)}`;
    ctx.out.stdout += settings.nameOnly
      ? `${kindString(info.resource)}/${name}\n`
      : `${kindString(info.resource)} "${name}" ${operation}\n`;
  };
  if (dryRun === 'client') {
    report();
    return info.object.metadata.uid;
  }
  const options: DeleteOptions = { propagationPolicy: settings.propagationPolicy ?? 'Background' };
  if (grace >= 0) options.gracePeriodSeconds = grace;
  // The API's delete has no dry-run option: a server dry run checks that the object exists.
  const result =
    dryRun === 'server'
      ? ctx.api.get(info.resource, namespaceFor(info.resource, namespace), name)
      : ctx.api.delete(info.resource, namespaceFor(info.resource, namespace), name, options);
  if (!result.ok) {
    if (!(settings.ignoreNotFound && result.error.reason === 'NotFound')) {
      ctx.out.errors.push(apiError(result.error, info.source ? { verb: 'deleting', file: info.source } : undefined));
    }
    return undefined;
  }
  report();
  return result.value.metadata.uid;
}

function runDelete(ctx: CommandContext): void {
  const deleteAll = flagBool(ctx, 'all');
  const selector = flagString(ctx, 'selector');
  const fieldSelector = flagString(ctx, 'field-selector');
  // --all, -l and --field-selector ignore NotFound unless told otherwise.
  const ignoreMissing = flagGiven(ctx, 'ignore-not-found')
    ? flagBool(ctx, 'ignore-not-found')
    : deleteAll || !!selector || !!fieldSelector;
  const grace = gracePeriod(ctx);
  const dryRun = dryRunStrategy(ctx);
  const propagationPolicy = cascadingStrategy(ctx);
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw clientError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const { infos } = fetchTargets(ctx, { verb: 'delete', requireSelection: true, requireObject: false });
  if (ignoreMissing) ignoreNotFound(ctx);

  // Validate
  const output = flagString(ctx, 'output');
  if (output !== '' && output !== 'name')
    throw clientError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (deleteAll && selector) throw clientError('cannot set --all and --selector at the same time');
  if (deleteAll && fieldSelector) throw clientError('cannot set --all and --field-selector at the same time');
  const force = flagBool(ctx, 'force');
  if (force && grace > 0) throw clientError('--force and --grace-period greater than 0 cannot be specified together');
  if (force && grace === 0) {
    printWarning(
      ctx,
      'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.',
    );
  }

  let warnClusterScope = ctx.namespaceExplicit && !flagBool(ctx, 'all-namespaces');
  const deleted: { info: ResourceInfo; uid: string | undefined }[] = [];
  for (const info of infos) {
    if (warnClusterScope && !info.resource.namespaced) {
      printWarning(ctx, 'deleting cluster-scoped resources, not scoped to the provided namespace');
      warnClusterScope = false;
    }
    const settings = { grace, propagationPolicy, dryRun, ignoreNotFound: ignoreMissing, nameOnly: output === 'name' };
    const uid = deleteAndReport(ctx, info, settings);
    if (uid !== undefined || dryRun === 'client') deleted.push({ info, uid });
  }
  if (infos.length === 0 && ctx.out.errors.length === 0) {
    ctx.out.stdout += 'No resources found\n';
    return;
  }
  if (!flagBool(ctx, 'wait', true) || dryRun !== 'none' || deleted.length === 0) return;
  waitForDeletion(ctx, deleted);
}

/** `--wait`: lets the cluster run until every deleted object (same uid) is gone (`cmdwait.IsDeleted`). */
function waitForDeletion(
  ctx: CommandContext,
  deleted: readonly { info: ResourceInfo; uid: string | undefined }[],
): void {
  const timeout = parseGoDuration(flagString(ctx, 'timeout', '0s')) || WEEK_MS;
  const gone = ({ info, uid }: { info: ResourceInfo; uid: string | undefined }) => {
    const namespace = namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace);
    const now = ctx.api.get(info.resource, namespace, info.object.metadata.name ?? '');
    return !now.ok || (uid !== undefined && now.value.metadata.uid !== uid);
  };
  if (ctx.host.waitUntil(() => deleted.every(gone), timeout)) return;
  const pending = deleted.find((d) => !gone(d));
  if (pending) {
    // cmdwait names the plural without its group (`deployments/web`).
    throw clientError(
      `timed out waiting for the condition on ${pending.info.resource.plural}/${pending.info.object.metadata.name ?? ''}`,
    );
  }
}

export const deleteCommand: CommandDef = {
  name: 'delete',
  suggestFor: ['rm'],
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  use: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    ...FILENAME_FLAGS,
    ...SELECTION_FLAGS,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    { name: 'cascade', type: 'string', noOptDefault: 'background' },
    ...defineFlags(
      'timeout:duration force:bool now:bool grace-period:int wait:bool ignore-not-found:bool interactive,i:bool ' +
        'kustomize,k:string raw:string',
    ),
  ],
  run: runDelete,
};
