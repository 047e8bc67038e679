/** `kubectl cordon`, `uncordon` (`KC:pkg/cmd/drain/drain.go:RunCordonOrUncordon`) and `taint` (`pkg/cmd/taint`). */
import type { INode } from 'kubernetes-models/v1/Node';
import type { IIoK8sApiCoreV1Taint as Taint } from 'kubernetes-models/v1/Taint';
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { KubectlError, apiError, clientError, usageError } from '../errors';
import { DRY_RUN_FLAG, MUTATION_FLAGS, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { labelKeyErrors, labelValueErrors } from '../../api/selectors/labelValidation';
import { groupResource, kindAndName, resolveResourceType } from '../resourceArgs';
import { fetchTargets } from '../targets';
import { reportObject } from '../printers/reportObject';

function runCordon(ctx: CommandContext, cordon: boolean): void {
  const verb = cordon ? 'cordon' : 'uncordon';
  const selector = flagString(ctx, 'selector');
  if (ctx.args.length === 0 && !selector) throw usageError(`USAGE: ${verb} NODE [flags]`, ctx.commandPath);
  const dryRun = dryRunStrategy(ctx);
  const done = cordon ? 'cordoned' : 'uncordoned';
  const args = selector ? ['nodes'] : ctx.args.map((name) => `nodes/${name}`);
  for (const info of fetchTargets(ctx, { args, verb }).infos) {
    const node = info.object as unknown as INode;
    const name = node.metadata?.name ?? '';
    if ((node.spec?.unschedulable === true) === cordon) {
      ctx.out.stdout += `${kindAndName(info.resource, name)} already ${done}${dryRunSuffix(dryRun)}\n`;
      continue;
    }
    if (dryRun !== 'client') {
      const result = ctx.api.patch(
        info.resource,
        undefined,
        name,
        'strategic',
        { spec: { unschedulable: cordon ? true : null } },
        { dryRun: dryRun === 'server' },
      );
      if (!result.ok) {
        ctx.out.errors.push(apiError(result.error));
        continue;
      }
    }
    ctx.out.stdout += `${kindAndName(info.resource, name)} ${done}${dryRunSuffix(dryRun)}\n`;
  }
}

const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** `parseTaint`: `key=value:Effect`, `key:Effect` or `key`. */
function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  if (parts.length > 2) throw new Error(`invalid taint spec: ${spec}`);
  let key = parts[0] ?? '';
  let value = '';
  const effect = parts[1] ?? '';
  if (parts.length === 2) {
    if (!EFFECTS.includes(effect)) throw new Error(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = key.split('=');
    if (kv.length > 2) throw new Error(`invalid taint spec: ${spec}`);
    key = kv[0] ?? '';
    if (kv.length === 2) {
      value = kv[1] ?? '';
      const errs = labelValueErrors(value);
      if (errs.length > 0) throw new Error(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  }
  const keyErrs = labelKeyErrors(key);
  if (keyErrs.length > 0) throw new Error(`invalid taint spec: ${spec}, ${keyErrs.join('; ')}`);
  const taint: Taint = { key, effect: effect as Taint['effect'] };
  if (value) taint.value = value;
  return taint;
}

/** `Taint.ToString`. */
function taintString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key;
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}

function parseTaints(specs: readonly string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      remove.push(parseTaint(spec.slice(0, -1)));
      continue;
    }
    const taint = parseTaint(spec);
    if (!taint.effect) throw new Error(`invalid taint spec: ${spec}`);
    if (add.some((t) => t.key === taint.key && t.effect === taint.effect)) {
      // fmt's %v of a corev1.Taint: {Key Value Effect TimeAdded}.
      throw new Error(
        `duplicated taints with the same key and effect: {${taint.key} ${taint.value ?? ''} ${taint.effect} <nil>}`,
      );
    }
    add.push(taint);
  }
  return { add, remove };
}

const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/**
 * `reorganizeTaints`: the new taints first, then old ones not replaced, minus removals; the operation word; and one
 * error per removal that matched nothing (an aggregate, which kubectl prints a line each).
 */
function reorganizeTaints(
  old: readonly Taint[],
  add: readonly Taint[],
  remove: readonly Taint[],
  overwrite: boolean,
): { taints: Taint[]; operation: string; notFound: string[] } {
  let taints = [...add];
  for (const t of old) if (!taints.some((n) => sameTaint(n, t))) taints.push(t);
  const added = old.length !== taints.length;
  let deleted = false;
  const notFound: string[] = [];
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
    deleted = taints.length !== before;
    if (!deleted) notFound.push(`taint "${taintString(r)}" not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints, operation, notFound };
}

function runTaint(ctx: CommandContext): void {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const arg of ctx.args) {
    const isTaint = arg.includes('=') || arg.includes(':') || arg.endsWith('-');
    if (isTaint) specs.push(arg);
    else if (specs.length > 0) throw clientError(`all resources must be specified before taint changes: ${arg}`);
    else resources.push(arg);
  }
  if (resources.length < 1) throw clientError('one or more resources must be specified as <resource> <name>');
  if (specs.length < 1) throw clientError('at least one taint update is required');
  let parsed: { add: Taint[]; remove: Taint[] };
  try {
    parsed = parseTaints(specs);
  } catch (e) {
    throw usageError((e as Error).message, ctx.commandPath);
  }
  const typed = (resources[0] as string).toLowerCase();
  const resource = resolveResourceType(ctx.api, typed);
  if (groupResource(resource) !== 'nodes')
    throw clientError(`invalid resource type ${typed}, only node types are supported`);
  const conflicts = parsed.add.flatMap((a) =>
    parsed.remove
      .filter((r) => r.key === a.key && (!r.effect || r.effect === a.effect))
      .map((r) => `{"${r.key}":"${r.effect ?? ''}"}`),
  );
  if (conflicts.length > 0)
    throw clientError(
      `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`,
    );
  const selector = flagString(ctx, 'selector');
  const all = flagBool(ctx, 'all');
  if (all && selector) throw clientError("setting 'all' parameter with a non empty selector is prohibited");
  if (!all && !selector && resources.length < 2)
    throw clientError("at least one resource name must be specified since 'all' parameter is not set");
  const overwrite = flagBool(ctx, 'overwrite');
  const dryRun = dryRunStrategy(ctx);
  const args = all || selector ? ['nodes'] : resources.slice(1).map((name) => `nodes/${name}`);
  for (const info of fetchTargets(ctx, { args, verb: 'taint' }).infos) {
    const node = info.object as unknown as INode;
    const name = node.metadata?.name ?? '';
    const old = node.spec?.taints ?? [];
    try {
      if (!overwrite) {
        const existing = parsed.add.filter((a) => old.some((o) => sameTaint(o, a))).map((a) => a.key);
        if (existing.length > 0)
          throw clientError(
            `node ${name} already has ${existing.join(',')} taint(s) with same effect(s) and --overwrite is false`,
          );
      }
      const { taints, operation, notFound } = reorganizeTaints(old, parsed.add, parsed.remove, overwrite);
      if (notFound.length > 0) {
        ctx.out.errors.push(...notFound.map((message) => clientError(message)));
        continue;
      }
      let object: KubeObject = { ...info.object, spec: { ...node.spec, taints } };
      if (dryRun !== 'client') {
        const result = ctx.api.patch(
          info.resource,
          undefined,
          name,
          'merge',
          { spec: { taints: taints.length > 0 ? taints : null } },
          { dryRun: dryRun === 'server' },
        );
        if (!result.ok) throw apiError(result.error);
        object = result.value;
      }
      reportObject(ctx, { resource: info.resource, object }, `${operation}${dryRunSuffix(dryRun)}`);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
}

function cordonCommandFor(cordon: boolean): CommandDef {
  const verb = cordon ? 'cordon' : 'uncordon';
  return {
    name: verb,
    short: cordon ? 'Mark node as unschedulable' : 'Mark node as schedulable',
    use: `kubectl ${verb} NODE [options]`,
    flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
    run: (ctx) => runCordon(ctx, cordon),
  };
}

export const cordonCommand = cordonCommandFor(true);
export const uncordonCommand = cordonCommandFor(false);

export const taintCommand: CommandDef = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  use: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: [SELECTOR_FLAG, ...MUTATION_FLAGS, ...defineFlags('overwrite:bool all:bool')],
  run: runTaint,
};
