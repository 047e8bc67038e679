/**
 * Adoption and release (controller_ref_manager.go:ClaimObject): a controller takes orphans that match its selector
 * and lets go of objects it owns that no longer match, except while it is itself being deleted.
 */
import type { ApiServer } from '../api/apiServer';
import type { ResourceType, KubeObject } from '../api/types';
import type { ControllerContext } from './controller';
import { controllerOf, controllerRefTo } from './ownerReferences';
import { cloneJson } from '../runtime/cloneJson';

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

/**
 * The objects of the owner's namespace that claiming can touch, in list order: those the owner controls and those
 * with no controller. The rest belong to other controllers, which claimObjects leaves alone.
 */
export function claimCandidates(api: ApiServer, resource: ResourceType, owner: KubeObject): KubeObject[] {
  const namespace = owner.metadata.namespace;
  const controlled = owner.metadata.uid === undefined ? [] : api.controlledBy(resource, namespace, owner.metadata.uid);
  const orphans = api.controlledBy(resource, namespace, undefined);
  if (orphans.length === 0) return controlled;
  // Both lists are sorted by name within the namespace: merge them.
  const merged: KubeObject[] = [];
  let i = 0;
  let j = 0;
  while (i < controlled.length || j < orphans.length) {
    const a = controlled[i];
    const b = orphans[j];
    if (b === undefined || (a !== undefined && (a.metadata.name ?? '') < (b.metadata.name ?? ''))) {
      merged.push(a!);
      i++;
    } else {
      merged.push(b);
      j++;
    }
  }
  return merged;
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
  const next = cloneJson(current);
  const refs = change(next.metadata.ownerReferences ?? []);
  if (refs.length > 0) next.metadata.ownerReferences = refs;
  else delete next.metadata.ownerReferences;
  const updated = context.api.update(next);
  return updated.ok ? updated.value : undefined;
}
