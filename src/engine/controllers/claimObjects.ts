/**
 * Adoption and release (controller_ref_manager.go:ClaimObject): a controller takes orphans that match its selector
 * and lets go of objects it owns that no longer match, except while it is itself being deleted.
 */
import type { ResourceType, KubeObject } from '../api/types';
import type { ControllerContext } from './controller';
import { controllerOf, controllerRefTo } from './ownerReferences';

/** What claiming did to one object: an orphan taken over, or an owned object let go. */
export type ClaimChange = 'adopted' | 'released';

/**
 * The objects `owner` controls after claiming: those it owns that still match, plus adopted orphans that match.
 * `matches` is the owner's selector applied to an object's labels; `onChange` hears of each successful adoption
 * and release (for the decision log).
 */
export function claimObjects<T extends KubeObject>(
  context: ControllerContext,
  resource: ResourceType,
  owner: KubeObject,
  candidates: readonly T[],
  matches: (object: T) => boolean,
  onChange?: (object: T, change: ClaimChange) => void,
): T[] {
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  const claimed: T[] = [];
  for (const object of candidates) {
    const ref = controllerOf(object);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches(object) || ownerDeleting) claimed.push(object);
      else if (
        updateOwnerReferences(context, resource, object, (refs) => refs.filter((r) => r.uid !== owner.metadata.uid))
      )
        onChange?.(object, 'released');
      continue;
    }
    if (ownerDeleting || object.metadata.deletionTimestamp || !matches(object)) continue;
    const adopted = updateOwnerReferences(context, resource, object, (refs) => [...refs, controllerRefTo(owner)]);
    if (!adopted) continue;
    claimed.push(adopted as T);
    onChange?.(adopted as T, 'adopted');
  }
  return claimed;
}

function updateOwnerReferences(
  context: ControllerContext,
  resource: ResourceType,
  object: KubeObject,
  change: (
    refs: NonNullable<KubeObject['metadata']['ownerReferences']>,
  ) => NonNullable<KubeObject['metadata']['ownerReferences']>,
): KubeObject | undefined {
  const current = context.api.find(resource, object.metadata.namespace, object.metadata.name ?? '');
  if (!current) return undefined;
  const next = structuredClone(current);
  const refs = change(next.metadata.ownerReferences ?? []);
  if (refs.length > 0) next.metadata.ownerReferences = refs;
  else delete next.metadata.ownerReferences;
  const updated = context.api.update(next);
  return updated.ok ? updated.value : undefined;
}
