/**
 * The API server's warning for requests to a deprecated API (k8s.io/apiserver deprecation filter): kube-apiserver
 * 1.33+ answers every v1 Endpoints request with one, and kubectl prints each distinct warning once per command.
 */
import type { ApiClient, ResourceType } from '../api/types';

const DEPRECATED: Record<string, string> = {
  'v1/endpoints': 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
};

function deprecation(resource: ResourceType | undefined): string | undefined {
  if (!resource) return undefined;
  const version = resource.group ? `${resource.group}/${resource.version}` : resource.version;
  return DEPRECATED[`${version}/${resource.plural}`];
}

/** `api` as kubectl sees it: requests to deprecated APIs also hand their warning to `warn`. */
export function withDeprecationWarnings(api: ApiClient, warn: (message: string) => void): ApiClient {
  const warned = new Set<string>();
  const note = (resource: ResourceType | undefined) => {
    const message = deprecation(resource);
    if (message && !warned.has(message)) {
      warned.add(message);
      warn(message);
    }
  };
  const typeOf = (object: unknown) => {
    const { apiVersion, kind } = (object ?? {}) as { apiVersion?: unknown; kind?: unknown };
    return typeof apiVersion === 'string' && typeof kind === 'string' ? api.resourceFor(apiVersion, kind) : undefined;
  };
  const noting = <T>(resource: ResourceType | undefined, request: () => T): T => {
    note(resource);
    return request();
  };
  return {
    resources: () => api.resources(),
    resolveResource: (typed) => api.resolveResource(typed),
    resourceFor: (apiVersion, kind) => api.resourceFor(apiVersion, kind),
    now: () => api.now(),
    get: (resource, namespace, name) => noting(resource, () => api.get(resource, namespace, name)),
    list: (resource, namespace, options) => noting(resource, () => api.list(resource, namespace, options)),
    create: (object, options) => noting(typeOf(object), () => api.create(object, options)),
    update: (object, options) => noting(typeOf(object), () => api.update(object, options)),
    updateStatus: (object) => noting(typeOf(object), () => api.updateStatus(object)),
    patch: (resource, namespace, name, type, patch, options) =>
      noting(resource, () => api.patch(resource, namespace, name, type, patch, options)),
    delete: (resource, namespace, name, options) =>
      noting(resource, () => api.delete(resource, namespace, name, options)),
    evict: (namespace, name, options) => api.evict(namespace, name, options),
  };
}
