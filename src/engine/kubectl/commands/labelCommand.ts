/** `kubectl label` and `kubectl annotate` (`KC:pkg/cmd/label/label.go`, `pkg/cmd/annotate/annotate.go`). */
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { apiError, clientError, usageError } from '../errors';
import { labelValueErrors } from '../../api/selectors/labelValidation';
import {
  ALL_FLAG,
  ALL_NAMESPACES_FLAG,
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  OVERWRITE_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
} from '../flags/commonFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { CHANGE_CAUSE_ANNOTATION } from '../record';
import { fetchTargets } from '../targets';
import { kindAndName, namespaceFor } from '../resourceArgs';

type Field = 'labels' | 'annotations';

/** `GetResourcesAndPairs`: resources first, then `key=value` / `key-` changes. */
function splitArgs(args: readonly string[], what: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const arg of args) {
    const isPair = arg.includes('=') || arg.endsWith('-');
    if (isPair) pairs.push(arg);
    else if (pairs.length > 0) throw clientError(`all resources must be specified before ${what} changes: ${arg}`);
    else resources.push(arg);
  }
  return { resources, pairs };
}

function parseChanges(field: Field, pairs: readonly string[]): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  const noun = field === 'labels' ? 'label' : 'annotation';
  for (const pair of pairs) {
    if (pair.includes('=')) {
      const parts =
        field === 'labels' ? pair.split('=') : [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const [key = '', value = ''] = parts;
      if (parts.length !== 2 || key === '') throw clientError(`invalid ${noun} format: ${pair}`);
      if (field === 'labels') {
        const errs = labelValueErrors(value);
        if (errs.length > 0) throw clientError(`invalid label value: "${pair}": ${errs.join(';')}`);
      }
      set[key] = value;
    } else remove.push(pair.slice(0, -1));
  }
  if (remove.some((key) => key in set))
    throw clientError(
      `can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command`,
    );
  return { set, remove };
}

/** The overwrite check: label refuses any existing key, annotate only a different value (change-cause excepted). */
function overwriteErrors(
  field: Field,
  current: Record<string, string>,
  set: Record<string, string>,
): string | undefined {
  if (field === 'labels') {
    const errs = Object.keys(set)
      .filter((k) => k in current)
      .map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
    return errs.length > 0 ? errs.join('\n') : undefined;
  }
  const conflicts = Object.keys(set)
    .filter((k) => k !== CHANGE_CAUSE_ANNOTATION && k in current && current[k] !== set[k])
    .map((k) => `'${k}' already has a value (${current[k]})`);
  return conflicts.length > 0
    ? `--overwrite is false but found the following declared annotation(s): ${conflicts.join('; ')}`
    : undefined;
}

function runLabelOrAnnotate(ctx: CommandContext, field: Field): void {
  const noun = field === 'labels' ? 'label' : 'annotation';
  const { resources, pairs } = splitArgs(ctx.args, noun);
  if (flagBool(ctx, 'all') && flagString(ctx, 'selector'))
    throw clientError('cannot set --all and --selector at the same time');
  if (resources.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw usageError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
      ctx.commandPath,
    );
  }
  if (pairs.length === 0 && !flagBool(ctx, 'list'))
    throw usageError(`at least one ${noun} update is required`, ctx.commandPath);
  const { set, remove } = parseChanges(field, pairs);
  const overwrite = flagBool(ctx, 'overwrite');
  const dryRun = dryRunStrategy(ctx);
  const output = flagString(ctx, 'output');
  for (const info of fetchTargets(ctx, { args: resources, verb: noun, requireSelection: true }).infos) {
    const name = info.object.metadata.name ?? '';
    const current = { ...(info.object.metadata[field] ?? {}) };
    if (field === 'labels')
      for (const key of remove) if (!(key in current)) ctx.out.stdout += `label "${key}" not found.\n`;
    const conflict = overwrite ? undefined : overwriteErrors(field, current, set);
    if (conflict) {
      ctx.out.errors.push(clientError(conflict));
      continue;
    }
    const updated: Record<string, string> = { ...current, ...set };
    for (const key of remove) delete updated[key];
    const patch: Record<string, string | null> = {};
    for (const key of Object.keys(set)) if (current[key] !== set[key]) patch[key] = set[key] ?? '';
    for (const key of remove) if (key in current) patch[key] = null;
    const changed = Object.keys(patch).length > 0;
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
    }
    const operation = field === 'annotations' ? 'annotated' : changed ? 'labeled' : 'not labeled';
    ctx.out.stdout +=
      output === 'name'
        ? `${kindAndName(info.resource, name)}\n`
        : `${kindAndName(info.resource, name)} ${operation}${dryRunSuffix(dryRun)}\n`;
  }
}

const FLAGS = [
  OVERWRITE_FLAG,
  SELECTOR_FLAG,
  FIELD_SELECTOR_FLAG,
  ALL_FLAG,
  ALL_NAMESPACES_FLAG,
  FILENAME_FLAG,
  RECURSIVE_FLAG,
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  { name: 'local', type: 'bool' as const },
  { name: 'resource-version', type: 'string' as const },
  { name: 'field-manager', type: 'string' as const },
];

export const labelCommand: CommandDef = {
  name: 'label',
  short: 'Update the labels on a resource',
  use: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [...FLAGS, { name: 'list', type: 'bool' }],
  run: (ctx) => runLabelOrAnnotate(ctx, 'labels'),
};

export const annotateCommand: CommandDef = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  use: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [...FLAGS, { name: 'list', type: 'bool' }],
  run: (ctx) => runLabelOrAnnotate(ctx, 'annotations'),
};
