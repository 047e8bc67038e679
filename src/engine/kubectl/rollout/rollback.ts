/**
 * `rollout undo`, client-side as kubectl does it (`KC:pkg/polymorphichelpers/rollback.go`): a Deployment gets the
 * template of a ReplicaSet's revision by JSON patch; a DaemonSet or StatefulSet gets a ControllerRevision's data
 * as a strategic merge patch. Returns the operation kubectl prints after the object's name.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IReplicaSet } from 'kubernetes-models/apps/v1/ReplicaSet';
import type { ApiClient, KubeObject, ResourceType } from '../../api/types';
import { apiError, clientError } from '../errors';
import type { DryRunStrategy } from '../flags/dryRun';
import { LAST_APPLIED_ANNOTATION } from '../apply/lastApplied';
import { groupResource, namespaceFor } from '../resourceArgs';
import { applyRevision, controllerHistory, templateMatches, type ControllerRevision } from './controllerHistory';
import {
  REVISION_ANNOTATION,
  deploymentReplicaSets,
  equalIgnoreHash,
  revisionOf,
  withoutHashLabel,
} from './deploymentReplicaSets';
import { printTemplate } from './rolloutHistory';
import { groupKind } from './statusViewers';

/** Annotations a rollback keeps from the Deployment instead of taking them from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = [
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
];

const revisionNotFound = (revision: number) => clientError(`unable to find specified revision ${revision} in history`);
const skipped = (revision: number) => `skipped rollback (current template already matches revision ${revision})`;

/** `deploymentRevision`: the ReplicaSet of a revision, or of the second-highest one for 0. */
function replicaSetForRevision(api: ApiClient, deployment: KubeObject, toRevision: number): IReplicaSet {
  const { newReplicaSet, oldReplicaSets } = deploymentReplicaSets(api, deployment);
  let latest: { rs: IReplicaSet; revision: number } | undefined;
  let previous: { rs: IReplicaSet; revision: number } | undefined;
  for (const rs of [...oldReplicaSets, ...(newReplicaSet ? [newReplicaSet] : [])]) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    if (toRevision > 0) {
      if (revision === toRevision) return rs;
      continue;
    }
    if (!latest || latest.revision < revision) {
      previous = latest;
      latest = { rs, revision };
    } else if (!previous || previous.revision < revision) previous = { rs, revision };
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous) throw clientError(`no rollout history found for deployment "${deployment.metadata.name ?? ''}"`);
  return previous.rs;
}

function rollbackDeployment(
  api: ApiClient,
  resource: ResourceType,
  deployment: KubeObject,
  toRevision: number,
  dryRun: DryRunStrategy,
): string {
  const name = deployment.metadata.name ?? '';
  const rs = replicaSetForRevision(api, deployment, toRevision);
  if (dryRun === 'client') return printTemplate(rs.spec?.template);
  const d = deployment as unknown as IDeployment;
  if (d.spec?.paused) {
    throw clientError(
      `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`,
    );
  }
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) return skipped(toRevision);
  const annotations: Record<string, string> = {};
  for (const key of ANNOTATIONS_TO_SKIP) {
    const value = deployment.metadata.annotations?.[key];
    if (value !== undefined) annotations[key] = value;
  }
  for (const [key, value] of Object.entries(rs.metadata?.annotations ?? {})) {
    if (!ANNOTATIONS_TO_SKIP.includes(key)) annotations[key] = value;
  }
  const patch = [
    { op: 'replace', path: '/spec/template', value: withoutHashLabel(rs.spec?.template) },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  const result = api.patch(resource, deployment.metadata.namespace, name, 'json', patch, {
    dryRun: dryRun === 'server',
  });
  if (!result.ok) throw clientError(`failed restoring revision ${toRevision}: ${apiError(result.error).message}`);
  return 'rolled back';
}

/** `findHistory`: the revision asked for, or the second-highest for 0. */
function findHistory(history: readonly ControllerRevision[], toRevision: number): ControllerRevision | undefined {
  if (toRevision > 0) return history.find((h) => h.revision === toRevision);
  const sorted = [...history].sort((a, b) => a.revision - b.revision);
  return sorted[sorted.length - 2];
}

function rollbackFromHistory(
  api: ApiClient,
  resource: ResourceType,
  owner: KubeObject,
  toRevision: number,
  dryRun: DryRunStrategy,
): string {
  const history = controllerHistory(api, owner);
  if (toRevision === 0 && history.length <= 1) throw clientError('no last revision to roll back to');
  const target = findHistory(history, toRevision);
  if (!target) throw revisionNotFound(toRevision);
  if (dryRun === 'client') {
    const template = (applyRevision(owner, target).spec as { template?: never } | undefined)?.template;
    return `will roll back to ${printTemplate(template)}`;
  }
  if (templateMatches(owner, target)) return skipped(toRevision);
  const namespace = namespaceFor(resource, owner.metadata.namespace ?? '');
  const result = api.patch(resource, namespace, owner.metadata.name ?? '', 'strategic', target.data ?? {}, {
    dryRun: dryRun === 'server',
  });
  if (!result.ok) throw clientError(`failed restoring revision ${toRevision}: ${apiError(result.error).message}`);
  return 'rolled back';
}

/** `Rollbacker.Rollback` for the object's kind. */
export function rollback(
  api: ApiClient,
  resource: ResourceType,
  object: KubeObject,
  toRevision: number,
  dryRun: DryRunStrategy,
): string {
  const kind = groupResource(resource);
  if (!['deployments.apps', 'daemonsets.apps', 'statefulsets.apps'].includes(kind)) {
    throw clientError(`no rollbacker has been implemented for "${groupKind(resource)}"`);
  }
  if (toRevision < 0) throw revisionNotFound(toRevision);
  return kind === 'deployments.apps'
    ? rollbackDeployment(api, resource, object, toRevision, dryRun)
    : rollbackFromHistory(api, resource, object, toRevision, dryRun);
}
