/** `kubectl apply -f` (client-side apply, `KC:pkg/cmd/apply/apply.go`, `patcher.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { apiError, clientError, KubectlError } from '../errors';
import { FILENAME_FLAGS, MUTATION_FLAGS, RECORD_FLAG, SELECTOR_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { readManifestObjects, type ManifestObject } from '../manifests';
import { checkOutputFormat } from '../printers/printObjects';
import { printApiWarnings, reportObject } from '../printers/reportObject';
import { toCompactJson } from '../printers/serialize';
import { recordChangeCause } from '../record';
import { groupResource, namespaceFor } from '../resourceArgs';
import { LAST_APPLIED_ANNOTATION, readLastApplied, withLastApplied } from '../apply/lastApplied';
import { createThreeWayMergePatch } from '../apply/threeWayMergePatch';

/** The object as sent: its namespace filled in (cli-runtime's `DefaultNamespace`). */
export function objectToSend(item: ManifestObject): KubeObject {
  const metadata = { ...item.object.metadata };
  if (item.resource.namespaced) metadata.namespace = item.namespace;
  return { ...item.object, metadata };
}

function applyOne(ctx: CommandContext, item: ManifestObject): void {
  const dryRun = dryRunStrategy(ctx);
  const modified = withLastApplied(recordChangeCause(ctx, objectToSend(item)));
  const name = modified.metadata.name ?? '';
  const report = (object: KubeObject, operation: string) =>
    reportObject(ctx, { resource: item.resource, object }, `${operation}${dryRunSuffix(dryRun)}`);

  const live = ctx.api.get(item.resource, namespaceFor(item.resource, item.namespace), name);
  if (!live.ok && live.error.reason !== 'NotFound') {
    throw apiError(live.error, { verb: 'retrieving current configuration of', file: item.source });
  }
  if (!live.ok) {
    if (dryRun === 'client') return report(modified, 'created');
    const created = ctx.api.create(modified, { dryRun: dryRun === 'server' });
    if (!created.ok) throw apiError(created.error, { verb: 'creating', file: item.source });
    printApiWarnings(ctx, created.warnings);
    return report(created.value, 'created');
  }
  if (dryRun === 'client') return report(modified, 'configured');
  const current = live.value;
  if (current.metadata.annotations?.[LAST_APPLIED_ANNOTATION] === undefined) {
    ctx.out.stderr += `Warning: resource ${groupResource(item.resource)}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
  }
  const patch = createThreeWayMergePatch(readLastApplied(current), modified, current);
  if (Object.keys(patch).length === 0) return report(current, 'unchanged');
  const patched = ctx.api.patch(item.resource, namespaceFor(item.resource, item.namespace), name, 'strategic', patch, {
    dryRun: dryRun === 'server',
  });
  if (!patched.ok) {
    // Simplified from kubectl's `%v` of the resource.Info: the object dump after Namespace is left out.
    const target = `Resource: "${item.resource.group}/${item.resource.version}, Resource=${item.resource.plural}", GroupVersionKind: "${item.resource.group}/${item.resource.version}, Kind=${item.resource.kind}"\nName: "${name}", Namespace: "${item.resource.namespaced ? item.namespace : ''}"`;
    throw apiError(patched.error, {
      verb: `applying patch:\n${toCompactJson(patch)}\nto:\n${target}\nfor:`,
      file: item.source,
    });
  }
  printApiWarnings(ctx, patched.warnings);
  return report(patched.value, 'configured');
}

function runApply(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  if (ctx.flags.values.filename === undefined) throw clientError('must specify one of -f and -k');
  // Simplification: only client-side apply is simulated (the API has no apply patch type).
  if (flagBool(ctx, 'server-side'))
    throw clientError('--server-side is not supported in this playground: use client-side apply');
  for (const item of readManifestObjects(ctx, 'apply')) {
    try {
      applyOne(ctx, item);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
}

export const applyCommand: CommandDef = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  use: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    ...FILENAME_FLAGS,
    ...MUTATION_FLAGS,
    RECORD_FLAG,
    SELECTOR_FLAG,
    ...defineFlags(
      'kustomize,k:string server-side:bool force-conflicts:bool force:bool overwrite:bool prune:bool wait:bool ' +
        'all:bool grace-period:int timeout:duration save-config:bool',
    ),
  ],
  run: runApply,
};
