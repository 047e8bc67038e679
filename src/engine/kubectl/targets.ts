/**
 * Fetching the objects a command acts on, from `TYPE NAME...`, `TYPE/NAME`, `TYPE -l selector` or `-f FILE`
 * (cli-runtime's resource builder with `ContinueOnError`: a missing object is an error collected in
 * `ctx.out.errors`, the others are still acted on).
 */
import type { CommandContext } from './command';
import { flagBool, flagList, flagString } from './command';
import { KubectlError, clientError } from './errors';
import { readManifestRefs } from './manifests';
import { getObject, listObjects, parseResourceArgs, type ResourceInfo, type ResourceRef } from './resourceArgs';

export interface TargetOptions {
  /** Positional arguments naming the targets (default: the command's arguments). */
  args?: readonly string[];
  /** Verb for `no objects passed to <verb>` when reading `-f`. */
  verb: string;
  /** A bare type needs `-l`, `--field-selector` or `--all` (delete, label, wait); `get` lists it instead. */
  requireSelection?: boolean;
  /**
   * False: named objects are not fetched first (the builder's `RequireObject(false)`, as `delete` uses it); their
   * info carries only the name and namespace.
   */
  requireObject?: boolean;
}

export interface Targets {
  infos: ResourceInfo[];
  /** Objects were named (kubectl counts named objects as found even when they turn out missing). */
  named: boolean;
  /** Exactly one object was named: `-o yaml` prints it rather than a List. */
  singleItem: boolean;
  /** Every type is namespaced and `-A` was not given (`No resources found in X namespace.`). */
  allNamespaced: boolean;
}

/** Resolves the command's target arguments and fetches the objects (flags `-f`, `-l`, `--field-selector`, `-A`, `--all`). */
export function fetchTargets(ctx: CommandContext, options: TargetOptions): Targets {
  const selector = flagString(ctx, 'selector');
  const fieldSelector = flagString(ctx, 'field-selector');
  const allNamespaces = flagBool(ctx, 'all-namespaces');
  const refs: ResourceRef[] =
    flagList(ctx, 'filename').length > 0
      ? readManifestRefs(ctx, options.verb)
      : parseResourceArgs(ctx.api, options.args ?? ctx.args);
  const bare = refs.some((r) => r.name === undefined);
  if (options.requireSelection && bare && !flagBool(ctx, 'all') && !selector && !fieldSelector) {
    throw clientError('resource(s) were provided, but no name was specified');
  }
  const infos: ResourceInfo[] = [];
  for (const ref of refs) {
    try {
      if (ref.name !== undefined && options.requireObject === false) {
        const namespace = ref.resource.namespaced ? (ref.namespace ?? ctx.namespace) : undefined;
        const object = { apiVersion: '', kind: ref.resource.kind, metadata: { name: ref.name, namespace } };
        infos.push({ resource: ref.resource, object, source: ref.source });
      } else if (ref.name !== undefined) {
        infos.push({
          ...getObject(ctx.api, ref.resource, ref.namespace ?? ctx.namespace, ref.name),
          source: ref.source,
        });
      } else {
        const listOptions = { labelSelector: selector || undefined, fieldSelector: fieldSelector || undefined };
        infos.push(...listObjects(ctx.api, ref.resource, ctx.namespace, allNamespaces, listOptions));
      }
    } catch (e) {
      if (!(e instanceof KubectlError)) throw e;
      ctx.out.errors.push(e);
    }
  }
  return {
    infos,
    named: refs.some((r) => r.name !== undefined),
    singleItem: refs.length === 1 && refs[0]?.name !== undefined,
    allNamespaced: !allNamespaces && refs.every((r) => r.resource.namespaced),
  };
}

/** Drops collected NotFound errors (`--ignore-not-found`, or what `--for=delete` waits for). */
export function ignoreNotFound(ctx: CommandContext): void {
  ctx.out.errors = ctx.out.errors.filter((e) => e.status?.reason !== 'NotFound');
}
