/** `kubectl label` and `kubectl annotate` (`KC:pkg/cmd/label/label.go`, `pkg/cmd/annotate/annotate.go`). */
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { apiError, clientError } from '../errors';
import { labelValueErrors } from '../../api/selectors/labelValidation';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SELECTION_FLAGS } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { CHANGE_CAUSE_ANNOTATION } from '../record';
import { fetchTargets } from '../targets';
import { namespaceFor, type ResourceInfo } from '../resourceArgs';
import { reportObject } from '../printers/reportObject';

type Field = 'labels' | 'annotations';

/** `GetResourcesAndPairs`: resources first, then `key=value` / `key-` changes. */
function splitArgs(args: readonly string[], what: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = (arg.includes('=') && !arg.startsWith('=')) || (arg.endsWith('-') && arg !== '-');
    if (isPair) pairs.push(arg);
    else if (pairs.length > 0) throw clientError(`all resources must be specified before ${what} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

interface Changes {
  set: Record<string, string>;
  remove: string[];
}

/** label.go `parseLabels`: `k=v` with exactly one `=` and a valid value, or `k-`. */
function parseLabelChanges(pairs: readonly string[]): Changes {
  const changes: Changes = { set: {}, remove: [] };
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts = pair.split('=');
      if (parts.length !== 2) throw clientError(`invalid label spec: ${pair}`);
      const [key = '', value = ''] = parts;
      const errs = labelValueErrors(value);
      if (errs.length > 0) throw clientError(`invalid label value: "${pair}": ${errs.join(';')}`);
      changes.set[key] = value;
    } else changes.remove.push(pair.slice(0, -1));
  }
  if (changes.remove.some((key) => key in changes.set))
    throw clientError('can not both modify and remove a label in the same command');
  return changes;
}

/** annotate.go `parseAnnotations` (`cmdutil.ParsePairs`) and `validateAnnotations`. */
function parseAnnotationChanges(pairs: readonly string[]): Changes {
  const changes: Changes = { set: {}, remove: [] };
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq > 0) changes.set[pair.slice(0, eq)] = pair.slice(eq + 1);
    else changes.remove.push(pair.slice(0, -1));
  }
  const both = changes.remove.filter((key) => key in changes.set);
  if (both.length > 0) {
    throw clientError(
      `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    );
  }
  return changes;
}

/**
 * `validateNoOverwrites` / `validateNoAnnotationOverwrites`: every key already set (change-cause excepted). Labels
 * fail with one error per key (an aggregate kubectl prints a line each), annotations with one error naming them all.
 */
function overwriteErrors(field: Field, current: Record<string, string>, set: Record<string, string>): string[] {
  const existing = Object.keys(set).filter((k) => k in current);
  if (field === 'labels') {
    return existing.map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
  }
  const conflicts = existing
    .filter((k) => k !== CHANGE_CAUSE_ANNOTATION)
    .map((k) => `'${k}' already has a value (${current[k]})`);
  return conflicts.length > 0
    ? [`--overwrite is false but found the following declared annotation(s): ${conflicts.join('; ')}`]
    : [];
}

function runLabelOrAnnotate(ctx: CommandContext, field: Field): void {
  const noun = field === 'labels' ? 'label' : 'annotation';
  const { resources, pairs } = splitArgs(ctx.args, noun);
  if (flagBool(ctx, 'list') && flagString(ctx, 'output') !== '')
    throw clientError('--list and --output may not be specified together');
  const { set, remove } = field === 'labels' ? parseLabelChanges(pairs) : parseAnnotationChanges(pairs);
  if (flagBool(ctx, 'all') && flagString(ctx, 'selector'))
    throw clientError('cannot set --all and --selector at the same time');
  if (flagBool(ctx, 'all') && flagString(ctx, 'field-selector'))
    throw clientError('cannot set --all and --field-selector at the same time');
  if (resources.length === 0 && flagList(ctx, 'filename').length === 0)
    throw clientError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (pairs.length === 0 && !flagBool(ctx, 'list')) throw clientError(`at least one ${noun} update is required`);
  const overwrite = flagBool(ctx, 'overwrite');
  const dryRun = dryRunStrategy(ctx);
  const { infos, singleItem } = fetchTargets(ctx, { args: resources, verb: noun, requireSelection: true });
  for (const info of infos) {
    const name = info.object.metadata.name ?? '';
    const current = { ...(info.object.metadata[field] ?? {}) };
    if (flagBool(ctx, 'list')) {
      listPairs(ctx, info, field, singleItem);
      continue;
    }
    // Only the path that sends a patch says so (label.go RunLabel).
    if (field === 'labels' && dryRun !== 'client')
      for (const key of remove) if (!(key in current)) ctx.out.stdout += `label "${key}" not found.\n`;
    const conflicts = overwrite ? [] : overwriteErrors(field, current, set);
    if (conflicts.length > 0) {
      ctx.out.errors.push(...conflicts.map((message) => clientError(message)));
      continue;
    }
    const updated: Record<string, string> = { ...current, ...set };
    for (const key of remove) delete updated[key];
    const patch: Record<string, string | null> = {};
    for (const key of Object.keys(set)) if (current[key] !== set[key]) patch[key] = set[key] ?? '';
    for (const key of remove) if (key in current) patch[key] = null;
    const changed = Object.keys(patch).length > 0;
    let object = { ...info.object, metadata: { ...info.object.metadata, [field]: updated } };
    if (changed && dryRun !== 'client') {
      const result = ctx.api.patch(
        info.resource,
        namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace),
        name,
        'merge',
        { metadata: { [field]: patch } },
        { dryRun: dryRun === 'server' },
      );
      if (!result.ok) {
        ctx.out.errors.push(apiError(result.error));
        continue;
      }
      object = result.value;
    }
    const operation = field === 'annotations' ? 'annotated' : labelOperation(current, updated, changed, overwrite);
    reportObject(ctx, { resource: info.resource, object }, `${operation}${dryRunSuffix(dryRun)}`);
  }
}

/**
 * label.go `updateDataChangeMsg`: `not labeled` when nothing changed; `unlabeled` when, without --overwrite, the
 * object's JSON got shorter (a label went); else `labeled`.
 */
function labelOperation(
  current: Record<string, string>,
  updated: Record<string, string>,
  changed: boolean,
  overwrite: boolean,
): string {
  if (!changed) return 'not labeled';
  const shorter = JSON.stringify(updated).length < JSON.stringify(current).length;
  return !overwrite && shorter ? 'unlabeled' : 'labeled';
}

/** `--list`: the object's labels or annotations as `key=value`, under a heading when several objects were asked for. */
function listPairs(ctx: CommandContext, info: ResourceInfo, field: Field, singleItem: boolean): void {
  const pairs = info.object.metadata[field] ?? {};
  const indent = singleItem ? '' : ' ';
  if (!singleItem) {
    ctx.out.stdout += `Listing ${field} for ${info.resource.kind}.${info.resource.group}/${info.object.metadata.name ?? ''}:\n`;
  }
  // Go prints the map in random order; sorted keys keep the output stable.
  for (const key of Object.keys(pairs).sort()) ctx.out.stdout += `${indent}${key}=${pairs[key] ?? ''}\n`;
}

const FLAGS = [
  ...SELECTION_FLAGS,
  ...FILENAME_FLAGS,
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  ...defineFlags('overwrite:bool local:bool resource-version:string field-manager:string list:bool'),
];

function labelCommandFor(field: Field): CommandDef {
  const name = field === 'labels' ? 'label' : 'annotate';
  return {
    name,
    short: `Update the ${field} on a resource`,
    use: `kubectl ${name} [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]`,
    flags: FLAGS,
    run: (ctx) => runLabelOrAnnotate(ctx, field),
  };
}

export const labelCommand = labelCommandFor('labels');
export const annotateCommand = labelCommandFor('annotations');
