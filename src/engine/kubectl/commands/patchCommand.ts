/** `kubectl patch` (`KC:pkg/cmd/patch/patch.go`). */
import type { KubeObject, PatchType } from '../../api/types';
import { parseManifests } from '../../manifest';
import { applyJsonPatch } from '../../api/patch/jsonPatch';
import { applyMergePatch } from '../../api/patch/mergePatch';
import { applyStrategicMergePatch } from '../../api/patch/strategicMerge';
import type { CommandContext, CommandDef } from '../command';
import { flagBool, flagList, flagString } from '../command';
import { KubectlError, apiError, clientError } from '../errors';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, RECORD_FLAG } from '../flags/commonFlags';
import { defineFlags } from '../flags/defineFlags';
import { dryRunStrategy, dryRunSuffix } from '../flags/dryRun';
import { checkOutputFormat } from '../printers/printObjects';
import { reportObject } from '../printers/reportObject';
import { recordMergePatch } from '../record';
import { namespaceFor, type ResourceInfo } from '../resourceArgs';
import { fetchTargets } from '../targets';
import { semanticEqual } from '../rollout/deploymentReplicaSets';

const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

/** The object without what every write changes, to tell a patch that changed nothing (`patched (no change)`). */
function comparable(object: KubeObject): KubeObject {
  const { resourceVersion: _rv, managedFields: _mf, ...metadata } = object.metadata;
  return { ...object, metadata };
}

/** `yaml.ToJSON` of `-p` or the patch file. */
function readPatch(ctx: CommandContext): unknown {
  const inline = flagString(ctx, 'patch');
  const file = flagString(ctx, 'patch-file');
  let text = inline;
  if (file) {
    const read = ctx.host.readFile(file);
    if (read === undefined) throw clientError(`unable to read patch file: open ${file}: no such file or directory`);
    text = read;
  }
  const parsed = parseManifests(text);
  const error = parsed.errors[0];
  if (error) throw clientError(`unable to parse "${text}": ${error.message}`);
  return parsed.documents[0]?.object ?? null;
}

/** `--local` or a client dry run: the patch applied here, as `getPatchedJSON` does. */
function patchLocally(object: KubeObject, type: PatchType, patch: unknown): KubeObject {
  if (type === 'merge') return applyMergePatch(object, patch) as KubeObject;
  if (type === 'strategic') return applyStrategicMergePatch(object, patch) as KubeObject;
  const result = applyJsonPatch(object, patch);
  if (!result.ok) throw clientError(result.error);
  return result.value as KubeObject;
}

/** evanphx/json-patch rejects an operation without a path before applying anything. */
function checkJsonPatch(patch: unknown): void {
  if (!Array.isArray(patch)) return;
  if (
    patch.some((op) => typeof op !== 'object' || op === null || typeof (op as { path?: unknown }).path !== 'string')
  ) {
    throw apiError({ code: 400, reason: 'BadRequest', message: 'operation missing path field: missing value' });
  }
}

function patchOne(ctx: CommandContext, info: ResourceInfo, type: PatchType, patch: unknown): void {
  if (type === 'json') checkJsonPatch(patch);
  const dryRun = dryRunStrategy(ctx);
  const operation = (changed: boolean) => `${changed ? 'patched' : 'patched (no change)'}${dryRunSuffix(dryRun)}`;
  if (flagBool(ctx, 'local') || dryRun === 'client') {
    const target = patchLocally(info.object, type, patch);
    reportObject(ctx, { ...info, object: target }, operation(!semanticEqual(info.object, target)));
    return;
  }
  const name = info.object.metadata.name ?? '';
  const namespace = namespaceFor(info.resource, info.object.metadata.namespace ?? ctx.namespace);
  const subresource = flagString(ctx, 'subresource') === 'status' ? ('status' as const) : undefined;
  const patched = ctx.api.patch(info.resource, namespace, name, type, patch, {
    dryRun: dryRun === 'server',
    ...(subresource ? { subresource } : {}),
  });
  if (!patched.ok) throw apiError(patched.error);
  const changed = !semanticEqual(comparable(info.object), comparable(patched.value));
  let object = patched.value;
  const record = recordMergePatch(ctx, object);
  if (record) {
    const recorded = ctx.api.patch(info.resource, namespace, name, 'merge', record);
    if (recorded.ok) object = recorded.value;
  }
  reportObject(ctx, { ...info, object }, operation(changed));
}

function runPatch(ctx: CommandContext): void {
  checkOutputFormat(flagString(ctx, 'output'));
  const inline = flagString(ctx, 'patch');
  const file = flagString(ctx, 'patch-file');
  if (inline && file) throw clientError('cannot specify --patch and --patch-file together');
  if (!inline && !file) throw clientError('must specify --patch or --patch-file containing the contents of the patch');
  if (flagBool(ctx, 'local') && ctx.args.length > 0) throw clientError('cannot specify --local and server resources');
  const subresource = flagString(ctx, 'subresource');
  if (subresource && subresource !== 'status' && subresource !== 'scale')
    throw clientError(`invalid subresource value: "${subresource}". Must be one of [status scale]`);
  // Simplified: the playground's API serves the status subresource only; `kubectl scale` covers scale.
  if (subresource === 'scale') throw clientError('the scale subresource cannot be patched here; use kubectl scale');
  const typed = flagString(ctx, 'type', 'strategic').toLowerCase();
  if (!PATCH_TYPES.includes(typed as PatchType)) {
    throw clientError(`--type must be one of [${PATCH_TYPES.join(' ')}], not "${flagString(ctx, 'type')}"`);
  }
  const patch = readPatch(ctx);
  if (ctx.args.length === 0 && flagList(ctx, 'filename').length === 0) {
    throw clientError(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  }
  const { infos } = fetchTargets(ctx, { verb: 'patch', requireSelection: true });
  for (const info of infos) {
    try {
      patchOne(ctx, info, typed as PatchType, patch);
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
  if (infos.length === 0 && ctx.out.errors.length === 0) throw clientError('no objects passed to patch');
}

export const patchCommand: CommandDef = {
  name: 'patch',
  short: 'Update fields of a resource',
  use: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    ...PRINT_FLAGS,
    ...FILENAME_FLAGS,
    DRY_RUN_FLAG,
    RECORD_FLAG,
    ...defineFlags(
      'patch,p:string patch-file:string type:string local:bool field-manager:string subresource:string kustomize,k:string',
    ),
  ],
  run: runPatch,
};
