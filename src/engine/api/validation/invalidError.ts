/**
 * The 422 Invalid status for field errors (apimachinery: pkg/api/errors/errors.go:NewInvalid,
 * pkg/util/errors/errors.go aggregate formatting).
 */
import type { ApiError, KubeObject, StatusCause } from '../types';

/** `Deployment.apps`, or just `Pod` for the core group (schema.GroupKind.String()). */
function qualifiedKind(obj: KubeObject): { group: string; text: string } {
  const slash = obj.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : obj.apiVersion.slice(0, slash);
  return { group, text: group ? `${obj.kind}.${group}` : obj.kind };
}

/**
 * `Pod "x" is invalid: spec.containers[0].image: Required value`, or with several distinct errors
 * `... is invalid: [a, b]`; every cause stays in details.causes.
 */
export function invalidError(obj: KubeObject, causes: StatusCause[]): ApiError {
  const kind = qualifiedKind(obj);
  const name = obj.metadata?.name ?? '';
  const messages = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))];
  let message = `${kind.text} "${name}" is invalid`;
  if (messages.length === 1) message += `: ${messages[0]}`;
  else if (messages.length > 1) message += `: [${messages.join(', ')}]`;
  return { code: 422, reason: 'Invalid', message, details: { name, group: kind.group, kind: obj.kind, causes } };
}
