/** What completion offers from the cluster: resource type names, object names, namespaces, containers. */
import type { Container, Pod } from '../../api/kinds';
import type { ApiClient, ResourceType } from '../../api/types';

/** The cluster as completion sees it: the API and the namespace names are looked up in. */
export interface CompletionContext {
  api: ApiClient;
  /** `-n`, else the current context's namespace; undefined with `-A`. */
  namespace: string | undefined;
}

/** Every way to name a resource type on the command line: plural, singular and short names (`deployments`, `deploy`). */
export function typeForms(resource: ResourceType): string[] {
  return [resource.plural, resource.singular, ...resource.shortNames];
}

/** The type names kubectl offers for TYPE arguments: those of every resource that can be listed. */
export function allTypeForms(api: ApiClient): string[] {
  return api
    .resources()
    .filter((r) => r.verbs.includes('list'))
    .flatMap(typeForms);
}

/** Names of objects of the typed type (`po`, `deploy`, `pods,svc`) in the context's namespace, sorted. */
export function objectNames(ctx: CompletionContext, typed: string): string[] {
  const names = new Set<string>();
  for (const part of typed.split(',')) {
    const resource = ctx.api.resolveResource(part);
    if (!resource) continue;
    const listed = ctx.api.list(resource, resource.namespaced ? ctx.namespace : undefined);
    if (listed.ok) for (const object of listed.value) names.add(object.metadata.name ?? '');
  }
  return [...names];
}

/** The containers of a pod, regular ones first, then init containers; undefined when the pod is not found. */
export function podContainers(ctx: CompletionContext, pod: string): Container[] | undefined {
  const pods = ctx.api.resolveResource('pods')!;
  const found = ctx.api.get(pods, ctx.namespace ?? 'default', pod);
  if (!found.ok) return undefined;
  const spec = (found.value as unknown as Pod).spec;
  return [...spec.containers, ...(spec.initContainers ?? [])];
}

/** The names of a pod's containers, for `-c`. */
export function containerNames(ctx: CompletionContext, pod: string): string[] {
  return (podContainers(ctx, pod) ?? []).map((c) => c.name);
}
