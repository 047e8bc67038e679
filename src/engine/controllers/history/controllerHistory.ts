/**
 * The history of a workload's pod templates as ControllerRevisions (pkg/controller/history/controller_history.go),
 * shared by the StatefulSet and DaemonSet controllers: each revision holds a patch that puts one template back
 * (`{"spec":{"template":{..., "$patch":"replace"}}}`) and a revision number; the newest number is the latest
 * template, and rolling back to an old template renumbers its revision instead of copying it.
 */
import { resolveResourceName } from '../../api/resources';
import type { LabelSelector } from '../../api/selectors/labelSelector';
import { matchesLabels } from '../../api/selectors/labelSelector';
import type { ApiError, KubeObject } from '../../api/types';
import { parseTimestamp } from '../../runtime/time';
import type { ControllerContext } from '../controller';
import { controllerOf, controllerRefTo } from '../ownerReferences';
import type { PodTemplate } from '../podControl';
import { canonicalJson } from '../podTemplateHash';
import { controllerRevisionName, hashControllerRevision } from './revisionHash';

export const CONTROLLER_REVISIONS = resolveResourceName('controllerrevisions.apps')!;

/** The label NewControllerRevision puts on a revision: its hash (StatefulSet revisions carry it). */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller.kubernetes.io/hash';

export type ControllerRevision = KubeObject & { data?: unknown; revision: number };

/** The data a StatefulSet or DaemonSet stores in a revision (getPatch): a patch replacing spec.template. */
export function templatePatch(template: PodTemplate): unknown {
  return { spec: { template: { ...structuredClone(template), $patch: 'replace' } } };
}

/** The pod template a revision's patch puts back. */
export function templateOfRevision(revision: ControllerRevision): PodTemplate {
  const data = revision.data as { spec?: { template?: PodTemplate & { $patch?: string } } } | undefined;
  const template = structuredClone(data?.spec?.template ?? {});
  delete template.$patch;
  return template;
}

/** SortControllerRevisions: by revision number, then creation time, then name. */
export function sortControllerRevisions(revisions: readonly ControllerRevision[]): ControllerRevision[] {
  return [...revisions].sort((a, b) => {
    if (a.revision !== b.revision) return a.revision - b.revision;
    const created =
      (parseTimestamp(a.metadata.creationTimestamp) ?? 0) - (parseTimestamp(b.metadata.creationTimestamp) ?? 0);
    if (created !== 0) return created;
    const [left, right] = [a.metadata.name ?? '', b.metadata.name ?? ''];
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

/** EqualRevision: the same data. */
export function equalRevision(a: ControllerRevision | undefined, b: ControllerRevision | undefined): boolean {
  if (!a || !b) return a === b;
  return canonicalJson(a.data) === canonicalJson(b.data);
}

/** NextRevision: one more than the highest revision number (1 for the first). */
export function nextRevisionNumber(sorted: readonly ControllerRevision[]): number {
  return (sorted[sorted.length - 1]?.revision ?? 0) + 1;
}

/** ListControllerRevisions: the namespace's revisions matching `selector` that `parent` owns or nobody owns. */
export function listControllerRevisions(
  context: ControllerContext,
  parent: KubeObject,
  selector: LabelSelector,
): ControllerRevision[] {
  return (context.api.all(CONTROLLER_REVISIONS, parent.metadata.namespace) as ControllerRevision[]).filter((r) => {
    if (!matchesLabels(selector, r.metadata.labels)) return false;
    const ref = controllerOf(r);
    return !ref || ref.uid === parent.metadata.uid;
  });
}

/**
 * NewControllerRevision: an unsaved revision of `parent` holding `data`, labelled with the template's labels and
 * its hash, named `<parent>-<hash>`.
 */
export function newControllerRevision(
  parent: KubeObject,
  templateLabels: Record<string, string> | undefined,
  data: unknown,
  revision: number,
  collisionCount?: number,
): ControllerRevision {
  const hash = hashControllerRevision(data, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: controllerRevisionName(parent.metadata.name ?? '', hash),
      namespace: parent.metadata.namespace,
      labels: { ...templateLabels, [CONTROLLER_REVISION_HASH_LABEL]: hash },
      ownerReferences: [controllerRefTo(parent)],
    },
    data,
    revision,
  };
}

/**
 * CreateControllerRevision: stores `revision` named by its hash with the collision count; when that name is taken by
 * a revision with other data, the count goes up and the name is computed again.
 */
export function createControllerRevision(
  context: ControllerContext,
  parent: KubeObject,
  revision: ControllerRevision,
  collisionCount: number,
): { ok: true; revision: ControllerRevision; collisionCount: number } | { ok: false; error: ApiError } {
  let count = collisionCount;
  for (;;) {
    const name = controllerRevisionName(parent.metadata.name ?? '', hashControllerRevision(revision.data, count));
    const created = context.api.create({ ...revision, metadata: { ...revision.metadata, name } });
    if (created.ok) return { ok: true, revision: created.value as ControllerRevision, collisionCount: count };
    if (created.error.reason !== 'AlreadyExists') return created;
    const existing = context.api.find(CONTROLLER_REVISIONS, parent.metadata.namespace, name) as
      ControllerRevision | undefined;
    if (!existing) return created;
    if (equalRevision(existing, revision)) return { ok: true, revision: existing, collisionCount: count };
    count++;
  }
}

/** UpdateControllerRevision: gives an existing revision a new number (a rollback to its template). */
export function renumberControllerRevision(
  context: ControllerContext,
  revision: ControllerRevision,
  number: number,
): { ok: true; revision: ControllerRevision } | { ok: false; error: ApiError } {
  if (revision.revision === number) return { ok: true, revision };
  const updated = context.api.update({ ...structuredClone(revision), revision: number });
  return updated.ok ? { ok: true, revision: updated.value as ControllerRevision } : updated;
}

/** DeleteControllerRevision; a revision already gone counts as deleted. */
export function deleteControllerRevision(context: ControllerContext, revision: ControllerRevision): boolean {
  const deleted = context.api.delete(CONTROLLER_REVISIONS, revision.metadata.namespace, revision.metadata.name ?? '');
  return deleted.ok || deleted.error.reason === 'NotFound';
}
