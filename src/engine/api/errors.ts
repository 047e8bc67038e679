/** The apiserver's status errors (k8s.io/apimachinery/pkg/api/errors), with their exact messages. */
import type { ApiError, ResourceType } from './types';

/** `pods`, `deployments.apps`: how errors name a resource (schema.GroupResource.String()). */
export function groupResource(resource: ResourceType): string {
  return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}

export function notFound(resource: ResourceType, name: string): ApiError {
  return {
    code: 404,
    reason: 'NotFound',
    message: `${groupResource(resource)} "${name}" not found`,
    details: { name, group: resource.group, kind: resource.plural },
  };
}

export function alreadyExists(resource: ResourceType, name: string): ApiError {
  return {
    code: 409,
    reason: 'AlreadyExists',
    message: `${groupResource(resource)} "${name}" already exists`,
    details: { name, group: resource.group, kind: resource.plural },
  };
}

export function conflict(resource: ResourceType, name: string, detail: string): ApiError {
  return {
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${groupResource(resource)} "${name}": ${detail}`,
    details: { name, group: resource.group, kind: resource.plural },
  };
}

export function badRequest(message: string): ApiError {
  return { code: 400, reason: 'BadRequest', message };
}

export function namespaceNotFound(namespace: string): ApiError {
  return {
    code: 404,
    reason: 'NotFound',
    message: `namespaces "${namespace}" not found`,
    details: { name: namespace, kind: 'namespaces' },
  };
}

/** NamespaceLifecycle admission refusing new objects in a namespace being deleted. */
export function namespaceTerminating(namespace: string): ApiError {
  return {
    code: 403,
    reason: 'Forbidden',
    message: `unable to create new content in namespace ${namespace} because it is being terminated`,
  };
}
