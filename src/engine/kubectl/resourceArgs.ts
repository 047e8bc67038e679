/**
 * Turning `TYPE NAME...`, `TYPE1,TYPE2`, `TYPE/NAME...` arguments into resources and names, as cli-runtime's
 * resource builder does (`KC:cli-runtime/pkg/resource/builder.go:ResourceTypeOrNameArgs`).
 */
import type { ApiClient, ApiError, KubeObject, ListOptions, ResourceType } from '../api/types';
import { apiError, clientError } from './errors';

/** One resource type to list, or one named object to get. */
export interface ResourceRef {
  resource: ResourceType;
  /** Absent: every object of the type (filtered by selectors). */
  name?: string;
  /** The object's own namespace when it came from a manifest. */
  namespace?: string;
  /** The manifest file it came from (`STDIN` for `-f -`), for `error when deleting "pod.yaml"`. */
  source?: string;
}

/** An object fetched from the API with the resource that serves it. */
export interface ResourceInfo {
  resource: ResourceType;
  object: KubeObject;
  /** The manifest file it came from, if any. */
  source?: string;
}

/** `the server doesn't have a resource type "foo"` (`meta.NoResourceMatchError` in checkErr). */
export function resolveResourceType(api: ApiClient, typed: string): ResourceType {
  const found = api.resolveResource(typed);
  if (!found) throw clientError(`the server doesn't have a resource type "${typed}"`);
  return found;
}

/** Expands `all` and other categories, in discovery order. */
function resolveTypes(api: ApiClient, typedList: string): ResourceType[] {
  const result: ResourceType[] = [];
  for (const typed of typedList.split(',')) {
    if (typed === '') continue;
    const inCategory = api.resources().filter((r) => r.categories.includes(typed));
    if (inCategory.length > 0 && !api.resolveResource(typed)) result.push(...inCategory);
    else result.push(resolveResourceType(api, typed));
  }
  return result;
}

/** Resource references from positional arguments, in the order given. */
export function parseResourceArgs(api: ApiClient, args: readonly string[]): ResourceRef[] {
  const withSlash = args.filter((a) => a.includes('/'));
  if (withSlash.length > 0) {
    if (withSlash.length !== args.length) {
      throw clientError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    return args.map((arg) => {
      const slash = arg.indexOf('/');
      const name = arg.slice(slash + 1);
      if (name === '') throw clientError(`arguments in resource/name form must have a single resource and name`);
      return { resource: resolveResourceType(api, arg.slice(0, slash)), name };
    });
  }
  const [typeList, ...names] = args;
  if (typeList === undefined) return [];
  const types = resolveTypes(api, typeList);
  if (names.length === 0) return types.map((resource) => ({ resource }));
  const refs: ResourceRef[] = [];
  for (const resource of types) for (const name of names) refs.push({ resource, name });
  return refs;
}

/**
 * cli-runtime `MultipleTypesRequested`: `all`, two different types named as `TYPE/NAME`, or a comma list of several
 * types; kubectl then prefixes names with their kind even if only one kind is found.
 */
export function multipleTypesRequested(args: readonly string[]): boolean {
  const typed = new Set<string>();
  for (const arg of args) {
    if (arg === 'all') return true;
    const slash = arg.indexOf('/');
    if (slash >= 0) typed.add(arg.slice(0, slash));
    else if (new Set(arg.split(',')).size > 1) return true;
  }
  return typed.size > 1;
}

/** The namespace argument for an API call: none for cluster-scoped resources or across all namespaces. */
export function namespaceFor(resource: ResourceType, namespace: string, allNamespaces = false): string | undefined {
  if (!resource.namespaced || allNamespaces) return undefined;
  return namespace;
}

/** Fetches one named object; NotFound and other API errors become kubectl errors. */
export function getObject(api: ApiClient, resource: ResourceType, namespace: string, name: string): ResourceInfo {
  const result = api.get(resource, namespaceFor(resource, namespace), name);
  if (!result.ok) throw apiError(result.error);
  return { resource, object: result.value };
}

/**
 * cli-runtime `EnhanceListError`: a BadRequest or NotFound from a list names the resource and the selectors
 * (`Unable to find "/v1, Resource=pods" that match label selector "x", field selector "": ...`).
 */
function enhanceListError(error: ApiError, resource: ResourceType, options: ListOptions): ApiError {
  if (error.reason !== 'BadRequest' && error.reason !== 'NotFound') return error;
  const subject = `${resource.group}/${resource.version}, Resource=${resource.plural}`;
  const label = options.labelSelector ?? '';
  const field = options.fieldSelector ?? '';
  const message =
    label === '' && field === ''
      ? `Unable to list "${subject}": ${error.message}`
      : `Unable to find "${subject}" that match label selector "${label}", field selector "${field}": ${error.message}`;
  return { ...error, message };
}

/** Lists objects of a type in a namespace (or all namespaces). */
export function listObjects(
  api: ApiClient,
  resource: ResourceType,
  namespace: string,
  allNamespaces: boolean,
  options: ListOptions,
): ResourceInfo[] {
  const result = api.list(resource, namespaceFor(resource, namespace, allNamespaces), options);
  if (!result.ok) throw apiError(enhanceListError(result.error, resource, options));
  return result.value.map((object) => ({ resource, object }));
}

/** `kind.group/name` as kubectl's name printer writes it (`deployment.apps/web`, `pod/app`). */
export function kindAndName(resource: ResourceType, name: string): string {
  return `${kindString(resource)}/${name}`;
}

/** `deployment.apps`, `pod`: the lower-case kind qualified by group. */
export function kindString(resource: ResourceType): string {
  const kind = resource.kind.toLowerCase();
  return resource.group ? `${kind}.${resource.group}` : kind;
}

/** `deployments.apps`, `pods`: the plural qualified by group (`GroupResource.String()`). */
export function groupResource(resource: ResourceType): string {
  return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}
