/**
 * Reading `-f FILE` / `-f -` manifests into objects with the resource that serves them, with kubectl's errors
 * for missing files, undecodable documents, unknown kinds and namespace mismatches.
 */
import type { KubeObject, ResourceType } from '../api/types';
import { parseManifests } from '../manifest';
import type { CommandContext } from './command';
import { flagList } from './command';
import { KubectlError, clientError } from './errors';
import { hintForPlaceholderNamespace, hintForRemovedApi } from './hints';
import type { ResourceRef } from './resourceArgs';
import { toCompactJson } from './printers/serialize';

export interface ManifestObject {
  object: KubeObject;
  resource: ResourceType;
  /** File name as given (`STDIN` for `-`), for `error when creating "pod.yaml"`. */
  source: string;
  /** The namespace the object goes to (its own, else `-n`, else the context's). */
  namespace: string;
}

function readSource(ctx: CommandContext, file: string, verb: string): string {
  if (file === '-') {
    if (ctx.stdin === undefined) throw clientError(`no objects passed to ${verb}`);
    return ctx.stdin;
  }
  const text = ctx.host.readFile(file);
  if (text === undefined) throw clientError(`the path "${file}" does not exist`);
  return text;
}

/**
 * Every object of every `-f` file, in order. Errors for single documents are collected in `ctx.out.errors` (kubectl
 * goes on with the other documents); a file that cannot be read ends the command.
 */
export function readManifestObjects(ctx: CommandContext, verb: string): ManifestObject[] {
  const result: ManifestObject[] = [];
  for (const file of flagList(ctx, 'filename')) {
    const source = file === '-' ? 'STDIN' : file;
    // The manifest reader flattens `kind: List` documents into their items, as kubectl does.
    const parsed = parseManifests(readSource(ctx, file, verb), { source });
    for (const error of parsed.errors) ctx.out.errors.push(clientError(error.message));
    for (const value of parsed.documents.map((doc) => doc.object)) {
      try {
        result.push(resolveManifestObject(ctx, value, source));
      } catch (e) {
        if (!(e instanceof KubectlError)) throw e;
        ctx.out.errors.push(e);
      }
    }
  }
  if (result.length === 0 && ctx.out.errors.length === 0) throw clientError(`no objects passed to ${verb}`);
  return result;
}

function resolveManifestObject(ctx: CommandContext, value: unknown, source: string): ManifestObject {
  const object = value as KubeObject;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw clientError(
      `unable to decode "${source}": json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`,
    );
  }
  if (!object.kind)
    throw clientError(`unable to decode "${source}": Object 'Kind' is missing in '${toCompactJson(value)}'`);
  if (!object.apiVersion)
    throw clientError(`unable to decode "${source}": Object 'apiVersion' is missing in '${toCompactJson(value)}'`);
  const metadata = object.metadata ?? {};
  const resource = ctx.api.resourceFor(object.apiVersion, object.kind);
  if (!resource) {
    const hint = hintForRemovedApi(object.apiVersion, object.kind);
    if (hint) ctx.out.hints.push(hint);
    // The namespace would be rejected next: name that problem now too.
    const namespaceHint = metadata.namespace ? hintForPlaceholderNamespace(metadata.namespace) : undefined;
    if (namespaceHint) ctx.out.hints.push(namespaceHint);
    throw clientError(
      `resource mapping not found for name: "${metadata.name ?? ''}" namespace: "${metadata.namespace ?? ''}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`,
    );
  }
  let namespace = ctx.namespace;
  if (resource.namespaced && metadata.namespace) {
    if (ctx.namespaceExplicit && metadata.namespace !== ctx.namespace) {
      throw clientError(
        `the namespace from the provided object "${metadata.namespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${metadata.namespace}' to perform this operation.`,
      );
    }
    namespace = metadata.namespace;
  }
  return { object, resource, source, namespace };
}

/** The objects named by `-f` files, as references to get, describe, label or delete them. */
export function readManifestRefs(ctx: CommandContext, verb: string): ResourceRef[] {
  return readManifestObjects(ctx, verb).map((m) => ({
    resource: m.resource,
    name: m.object.metadata?.name ?? '',
    namespace: m.namespace,
    source: m.source,
  }));
}
