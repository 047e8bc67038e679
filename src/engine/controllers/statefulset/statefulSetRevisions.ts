/**
 * A StatefulSet's revisions (stateful_set_control.go: getStatefulSetRevisions, truncateHistory; stateful_set_utils.go:
 * newRevision, ApplyRevision): the update revision is the ControllerRevision of the current template — the newest
 * one if the template did not change, an older one renumbered if the template went back to it, or a new one; the
 * current revision is the one status.currentRevision names (the update revision for a new set).
 */
import type { Pod } from '../../api/kinds';
import type { ApiError } from '../../api/types';
import type { ControllerContext } from '../controller';
import {
  createControllerRevision,
  deleteControllerRevision,
  equalRevision,
  newControllerRevision,
  nextRevisionNumber,
  renumberControllerRevision,
  templateOfRevision,
  templatePatch,
  type ControllerRevision,
} from '../history/controllerHistory';
import { revisionOf } from './statefulSetPods';
import { STATEFUL_SET_CONTROLLER_NAME, decisionSubject, type StatefulSet } from './statefulSetTypes';

export interface StatefulSetRevisions {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

/** newRevision: the set's template as a revision numbered `revision`, carrying the set's annotations. */
function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const next = newControllerRevision(
    set,
    set.spec.template.metadata?.labels,
    templatePatch(set.spec.template),
    revision,
    collisionCount,
  );
  if (set.metadata.annotations) next.metadata.annotations = { ...set.metadata.annotations };
  return next;
}

/** ApplyRevision: the set with the template a revision holds. */
export function applyRevision(set: StatefulSet, revision: ControllerRevision): StatefulSet {
  const next = structuredClone(set);
  next.spec.template = templateOfRevision(revision) as StatefulSet['spec']['template'];
  return next;
}

/** getStatefulSetRevisions; `sorted` are the set's revisions, oldest first. */
export function resolveStatefulSetRevisions(
  context: ControllerContext,
  set: StatefulSet,
  sorted: readonly ControllerRevision[],
): { ok: true; revisions: StatefulSetRevisions } | { ok: false; error: ApiError } {
  let collisionCount = set.status?.collisionCount ?? 0;
  const wanted = newRevision(set, nextRevisionNumber(sorted), collisionCount);
  const equal = sorted.filter((r) => equalRevision(r, wanted));
  const latest = sorted[sorted.length - 1];
  const latestEqual = equal[equal.length - 1];
  let update: ControllerRevision;
  const record = (text: string) => context.decisions.record(STATEFUL_SET_CONTROLLER_NAME, decisionSubject(set), text);
  if (latestEqual && equalRevision(latest, latestEqual)) {
    update = latest!;
  } else if (latestEqual) {
    const renumbered = renumberControllerRevision(context, latestEqual, wanted.revision);
    if (!renumbered.ok) return renumbered;
    update = renumbered.revision;
    record(
      `the template is back to the one of ControllerRevision ${update.metadata.name}: it becomes revision ` +
        `${update.revision} and the update revision again, instead of a new copy`,
    );
  } else {
    const created = createControllerRevision(context, set, wanted, collisionCount);
    if (!created.ok) return created;
    update = created.revision;
    collisionCount = created.collisionCount;
    record(
      latest
        ? `the template changed: new ControllerRevision ${update.metadata.name} (revision ${update.revision}) is ` +
            `the update revision; pods made from older revisions are replaced per the update strategy`
        : `recorded the template as ControllerRevision ${update.metadata.name} (revision ${update.revision}); ` +
            `every pod is made from it and labelled controller-revision-hash=${update.metadata.name}`,
    );
  }
  const current = sorted.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { ok: true, revisions: { current, update, collisionCount } };
}

/**
 * truncateHistory: revisions that are neither current, update, nor the revision of a pod are history; the oldest of
 * them are deleted until revisionHistoryLimit remain.
 */
export function truncateHistory(
  context: ControllerContext,
  set: StatefulSet,
  pods: readonly Pod[],
  sorted: readonly ControllerRevision[],
  revisions: StatefulSetRevisions,
): void {
  const live = new Set([revisions.current.metadata.name, revisions.update.metadata.name, ...pods.map(revisionOf)]);
  const history = sorted.filter((r) => !live.has(r.metadata.name));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return;
  for (const revision of history.slice(0, history.length - limit)) deleteControllerRevision(context, revision);
}
