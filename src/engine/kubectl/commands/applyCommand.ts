/** `kubectl apply -f` (client-side apply, `KC:pkg/cmd/apply/apply.go`, `patcher.go`). */
import type { KubeObject } from '../../api/types';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagString } from '../command';
import { apiError, clientError, KubectlError } from '../errors';
import {
  DRY_RUN_FLAG,
  FIELD_MANAGER_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  RECORD_FLAG,
  RECURSIVE_FLAG,
  SELECTOR_FLAG,
  VALIDATE_FLAG,
} from '../flags/commonFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { readManifestObjects, type ManifestObject } from '../manifests';
import { checkOutputFormat, printObjects } from '../printers/printObjects';
import { toCompactJson } from '../printers/serialize';
import { recordChangeCause } from '../record';
import { groupResource, kindAndName, namespaceFor } from '../resourceArgs';
import { LAST_APPLIED_ANNOTATION, readLastApplied, withLastApplied } from '../apply/lastApplied';
import { createThreeWayMergePatch } from '../apply/threeWayMergePatch';

/** The object as sent: its namespace filled in (cli-runtime's `DefaultNamespace`). */
export function objectToSend(item: ManifestObject): KubeObject {
  const metadata = { ...item.object.metadata };
  if (item.resource.namespaced) metadata.namespace = item.namespace;
  return { ...item.object, metadata };
}

function applyOne(ctx: CommandContext, item: ManifestObject, printed: KubeObject[]): void {
  const dryRun = dryRunStrategy(ctx);
  const output = flagString(ctx, 'output');
  const modified = withLastApplied(recordChangeCause(ctx, objectToSend(item)));
  const name = modified.metadata.name ?? '';
  const report = (object: KubeObject, operation: string) => {
    if (output !== '' && output !== 'name') printed.push(object);
    else if (output === 'name') ctx.out.stdout += `${kindAndName(item.resource, name)}\n`;
    else ctx.out.stdout += `${kindAndName(item.resource, name)} ${operation}${dryRunSuffix(dryRun)}\n`;
  };

  const live = ctx.api.get(item.resource, namespaceFor(item.resource, item.namespace), name);
  if (!live.ok && live.error.reason !== 'NotFound') {
    throw apiError(live.error, { verb: 'retrieving current configuration of', file: item.source });
  }
  if (!live.ok) {
    if (dryRun === 'client') return report(modified, 'created');
    const created = ctx.api.create(modified, { dryRun: dryRun === 'server' });
    if (!created.ok) throw apiError(created.error, { verb: 'creating', file: item.source });
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
  return report(patched.value, 'configured');
}

function runApply(ctx: CommandContext): void {
  const output = flagString(ctx, 'output');
  checkOutputFormat(output);
  if (ctx.flags.values.filename === undefined) throw clientError('must specify one of -f and -k');
  // Simplification: only client-side apply is simulated (the API has no apply patch type).
  if (flagBool(ctx, 'server-side'))
    throw clientError('--server-side is not supported in this playground: use client-side apply');
  const printed: KubeObject[] = [];
  for (const item of readManifestObjects(ctx, 'apply')) {
    try {
      applyOne(ctx, item, printed);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
  if (printed.length > 0) {
    ctx.out.stdout += printObjects(
      printed.map((object) => ({ resource: ctx.api.resourceFor(object.apiVersion, object.kind)!, object })),
      { output, singleItem: printed.length === 1, nowMs: ctx.api.now() },
    );
  }
}

export const applyCommand: CommandDef = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  use: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    FILENAME_FLAG,
    RECURSIVE_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    RECORD_FLAG,
    SELECTOR_FLAG,
    VALIDATE_FLAG,
    FIELD_MANAGER_FLAG,
    { name: 'kustomize', shorthand: 'k', type: 'string' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'overwrite', type: 'bool' },
    { name: 'prune', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'grace-period', type: 'int' },
    { name: 'timeout', type: 'duration' },
    { name: 'save-config', type: 'bool' },
  ],
  run: runApply,
};
