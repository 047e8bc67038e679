/**
 * A DaemonSet's ControllerRevisions (pkg/controller/daemon/update.go: constructHistory, snapshot, dedupCurHistories,
 * cleanupHistory, Match). The current revision is the one whose patch equals the DaemonSet's template, named
 * `<ds>-<hash>` with the hash of the template (controller.ComputeHash) and labelled `controller-revision-hash`;
 * its pods carry the same label, which is how the controller tells updated pods from old ones.
 */
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { matchesLabels, type LabelSelector } from '../../api/selectors/labelSelector';
import type { ApiError } from '../../api/types';
import { claimObjects } from '../claimObjects';
import type { ControllerContext } from '../controller';
import {
  CONTROLLER_REVISIONS,
  deleteControllerRevision,
  renumberControllerRevision,
  sortControllerRevisions,
  templatePatch,
  type ControllerRevision,
} from '../history/controllerHistory';
import { controllerRefTo } from '../ownerReferences';
import { canonicalJson, computeTemplateHash } from '../podTemplateHash';
import {
  DAEMON_SETS,
  DAEMON_SET_CONTROLLER_NAME,
  REVISION_HASH_LABEL,
  decisionSubject,
  type DaemonSet,
} from './daemonSetTypes';

const PODS = resolveResourceName('pods')!;

export interface DaemonSetHistory {
  current: ControllerRevision;
  old: ControllerRevision[];
  /** The current revision's `controller-revision-hash`. */
  hash: string;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Match: the revision's patch is the DaemonSet's template. */
function matchesTemplate(ds: DaemonSet, revision: ControllerRevision): boolean {
  return canonicalJson(templatePatch(ds.spec.template)) === canonicalJson(revision.data);
}

/** snapshot: a new revision of the current template; a name taken by another template bumps collisionCount. */
function snapshot(context: ControllerContext, ds: DaemonSet, revision: number): Result<ControllerRevision> {
  const hash = computeTemplateHash(ds.spec.template, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const created = context.api.create({
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: ds.metadata.namespace,
      labels: { ...ds.spec.template.metadata?.labels, [REVISION_HASH_LABEL]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [controllerRefTo(ds)],
    },
    data: templatePatch(ds.spec.template),
    revision,
  });
  if (created.ok) {
    context.decisions.record(
      DAEMON_SET_CONTROLLER_NAME,
      decisionSubject(ds),
      revision === 1
        ? `recorded the template as ControllerRevision ${name} (revision 1); its pods are labelled ` +
            `${REVISION_HASH_LABEL}=${hash}`
        : `the template changed: new ControllerRevision ${name} (revision ${revision}); pods without ` +
            `${REVISION_HASH_LABEL}=${hash} are out of date`,
    );
    return { ok: true, value: created.value as ControllerRevision };
  }
  if (created.error.reason !== 'AlreadyExists') return created;
  const existing = context.api.find(CONTROLLER_REVISIONS, ds.metadata.namespace, name) as
    ControllerRevision | undefined;
  if (existing && matchesTemplate(ds, existing)) return { ok: true, value: existing };
  // A hash collision: count it in status so the next attempt hashes differently.
  const current = context.api.find(DAEMON_SETS, ds.metadata.namespace, ds.metadata.name ?? '') as DaemonSet | undefined;
  if (current?.status) {
    const collisionCount = (current.status.collisionCount ?? 0) + 1;
    context.api.updateStatus({ ...current, status: { ...current.status, collisionCount } });
  }
  return created;
}

/**
 * dedupCurHistories: of several revisions with the current template, the highest-numbered stays; pods whose hash
 * differs from it are relabelled with its hash (every such pod, as Kubernetes does) and the others are deleted.
 */
function dedupCurrent(
  context: ControllerContext,
  candidates: readonly ControllerRevision[],
  pods: readonly Pod[],
): ControllerRevision {
  const keep = candidates.reduce((best, r) => (r.revision >= best.revision ? r : best));
  const hash = keep.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
  for (const duplicate of candidates) {
    if (duplicate === keep) continue;
    for (const pod of pods) {
      if (pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) continue;
      context.api.patch(PODS, pod.metadata.namespace, pod.metadata.name, 'strategic', {
        metadata: { labels: { [REVISION_HASH_LABEL]: hash } },
      });
    }
    deleteControllerRevision(context, duplicate);
  }
  return keep;
}

/**
 * constructHistory: claims the DaemonSet's revisions, labels each with its hash if missing, splits them into the
 * current one (created if none matches) and the old ones, and gives the current one the highest revision number.
 */
export function constructHistory(
  context: ControllerContext,
  ds: DaemonSet,
  selector: LabelSelector,
  pods: readonly Pod[],
): Result<DaemonSetHistory> {
  const claimed = claimObjects(
    context,
    CONTROLLER_REVISIONS,
    ds,
    context.api.all(CONTROLLER_REVISIONS, ds.metadata.namespace) as ControllerRevision[],
    (revision) => matchesLabels(selector, revision.metadata.labels),
  );
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (let revision of claimed) {
    if (revision.metadata.labels?.[REVISION_HASH_LABEL] === undefined) {
      // Revisions made before the label existed are labelled with their own name.
      const labels = { ...revision.metadata.labels, [REVISION_HASH_LABEL]: revision.metadata.name ?? '' };
      const updated = context.api.update({ ...revision, metadata: { ...revision.metadata, labels } });
      if (!updated.ok) return updated;
      revision = updated.value as ControllerRevision;
    }
    (matchesTemplate(ds, revision) ? current : old).push(revision);
  }
  const nextNumber = Math.max(0, ...old.map((r) => r.revision)) + 1;
  let revision: ControllerRevision;
  if (current.length === 0) {
    const created = snapshot(context, ds, nextNumber);
    if (!created.ok) return created;
    revision = created.value;
  } else {
    revision = dedupCurrent(context, current, pods);
    if (revision.revision < nextNumber) {
      const renumbered = renumberControllerRevision(context, revision, nextNumber);
      if (!renumbered.ok) return renumbered;
      revision = renumbered.revision;
      context.decisions.record(
        DAEMON_SET_CONTROLLER_NAME,
        decisionSubject(ds),
        `the template is back to the one of ControllerRevision ${revision.metadata.name}: it becomes revision ` +
          `${revision.revision}, and pods labelled with its hash count as up to date again`,
      );
    }
  }
  const hash = revision.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
  return { ok: true, value: { current: revision, old, hash } };
}

/**
 * cleanupHistory: beyond revisionHistoryLimit old revisions, the lowest-numbered ones that no pod (even a deleted,
 * finished one) still carries the hash of are deleted.
 */
export function cleanupHistory(
  context: ControllerContext,
  ds: DaemonSet,
  old: readonly ControllerRevision[],
  pods: readonly Pod[],
): void {
  let toKill = old.length - (ds.spec.revisionHistoryLimit ?? 10);
  if (toKill <= 0) return;
  const liveHashes = new Set(pods.map((pod) => pod.metadata.labels?.[REVISION_HASH_LABEL]).filter(Boolean));
  for (const revision of sortControllerRevisions(old)) {
    if (toKill <= 0) break;
    if (liveHashes.has(revision.metadata.labels?.[REVISION_HASH_LABEL])) continue;
    deleteControllerRevision(context, revision);
    toKill--;
  }
}
