/** The apiserver's status errors (k8s.io/apimachinery/pkg/api/errors), with their exact messages. */
import type { ApiError, ResourceType } from './types';

/** `pods`, `deployments.apps`: how errors name a resource (schema.GroupResource.String()). */
export function groupResource(resource: ResourceType): string {
  return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}

function detailsOf(resource: ResourceType, name: string): ApiError['details'] {
  return { name, group: resource.group, kind: resource.plural };
}

export function notFound(resource: ResourceType, name: string): ApiError {
  return {
    code: 404,
    reason: 'NotFound',
    message: `${groupResource(resource)} "${name}" not found`,
    details: detailsOf(resource, name),
  };
}

/** NewAlreadyExists; the store prefixes `object is being deleted: ` when the existing object is terminating. */
export function alreadyExists(resource: ResourceType, name: string, beingDeleted = false): ApiError {
  const message = `${groupResource(resource)} "${name}" already exists`;
  return {
    code: 409,
    reason: 'AlreadyExists',
    message: beingDeleted ? `object is being deleted: ${message}` : message,
    details: detailsOf(resource, name),
  };
}

/**
 * NewConflict. `qualified` is usually the resource; the binding subresource says `pods/binding` and delete
 * preconditions name the kind (`Pod`), as rest.BeforeDelete builds its GroupResource from the kind.
 */
export function conflict(qualified: ResourceType | string, name: string, detail: string): ApiError {
  const text = typeof qualified === 'string' ? qualified : groupResource(qualified);
  const details = typeof qualified === 'string' ? { name, kind: qualified } : detailsOf(qualified, name);
  return {
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${text} "${name}": ${detail}`,
    details,
  };
}

/** storage.OptimisticLockErrorMsg, the conflict of a stale resourceVersion. */
export const OPTIMISTIC_LOCK_ERROR =
  'the object has been modified; please apply your changes to the latest version and try again';

export function badRequest(message: string): ApiError {
  return { code: 400, reason: 'BadRequest', message };
}

/** NewForbidden: `pods "x" is forbidden: ...`, or `pods is forbidden: ...` without a name. */
export function forbidden(resource: ResourceType, name: string, detail: string): ApiError {
  const subject = name ? `${groupResource(resource)} "${name}"` : groupResource(resource);
  return {
    code: 403,
    reason: 'Forbidden',
    message: `${subject} is forbidden: ${detail}`,
    details: detailsOf(resource, name),
  };
}

/** NamespaceLifecycle admission for a create in a namespace that does not exist. */
export function namespaceNotFound(namespace: string): ApiError {
  return {
    code: 404,
    reason: 'NotFound',
    message: `namespaces "${namespace}" not found`,
    details: { name: namespace, kind: 'namespaces' },
  };
}

/** NamespaceLifecycle admission refusing new objects in a namespace being deleted. */
export function namespaceTerminating(resource: ResourceType, name: string, namespace: string): ApiError {
  return forbidden(
    resource,
    name,
    `unable to create new content in namespace ${namespace} because it is being terminated`,
  );
}

/**
 * NewResourceExpired, for a watch resumed from a resourceVersion the watch cache no longer holds (410). The
 * apiserver's reason is `Expired`; the simulator's StatusReason set names it `Gone`.
 */
export function resourceExpired(requested: number, oldest: number): ApiError {
  return { code: 410, reason: 'Gone', message: `too old resource version: ${requested} (${oldest})` };
}
