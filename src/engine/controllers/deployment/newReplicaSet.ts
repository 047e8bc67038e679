/**
 * sync.go:getNewReplicaSet: find the ReplicaSet whose template is the Deployment's and bring its revision,
 * annotations and minReadySeconds up to date, or create it, named `<deployment>-<pod-template-hash>`, at the size
 * NewRSNewReplicas allows. A name taken by another object is a hash collision: collisionCount goes up and the next
 * sync hashes again.
 */
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { KubeObject } from '../../api/types';
import { controllerOf, controllerRefTo } from '../ownerReferences';
import { computeTemplateHash } from '../podTemplateHash';
import { countOf } from '../replicaset/countOf';
import { REPLICA_SETS, type ReplicaSet } from '../replicaset/replicaKinds';
import { getDeploymentCondition, newDeploymentCondition, setDeploymentCondition } from './deploymentConditions';
import {
  SyncError,
  decide,
  decideWaiting,
  nowOf,
  recordDeploymentEvent,
  writeDeploymentStatus,
  writeReplicaSet,
  type DeploymentRun,
} from './deploymentRun';
import {
  equalIgnoreHash,
  findNewReplicaSet,
  maxRevision,
  specReplicas,
  sumSpecReplicas,
} from './deploymentReplicaSets';
import {
  EVENT_REASON,
  POD_TEMPLATE_HASH_LABEL,
  PROGRESSING,
  REASON,
  REVISION_ANNOTATION,
  hasProgressDeadline,
  isRollingUpdate,
  replicasOf,
  type Deployment,
} from './deploymentTypes';
import { describeMaxSurge, maxSurgeOf } from './fenceposts';
import { setDeploymentRevision, setNewReplicaSetAnnotations } from './replicaSetAnnotations';
import { cloneJson } from '../../runtime/cloneJson';

export interface NewReplicaSetSize {
  replicas: number;
  /** How the number came about, for the decision log. */
  why: string;
}

/**
 * NewRSNewReplicas: Recreate wants all replicas at once; RollingUpdate grows the new ReplicaSet by what maxSurge
 * leaves room for, never beyond spec.replicas.
 */
export function newReplicaSetSize(
  deployment: Deployment,
  allReplicaSets: readonly ReplicaSet[],
  newRS: ReplicaSet,
): NewReplicaSetSize {
  const replicas = replicasOf(deployment);
  const current = specReplicas(newRS);
  if (!isRollingUpdate(deployment)) return { replicas, why: `Recreate starts all ${countOf(replicas, 'replica')}` };
  const maxTotal = replicas + maxSurgeOf(deployment);
  const total = sumSpecReplicas(allReplicaSets);
  const allows = `${describeMaxSurge(deployment)} allows ${countOf(maxTotal, 'pod')}`;
  if (total >= maxTotal) return { replicas: current, why: `${allows} and the ReplicaSets already have ${total}` };
  const room = maxTotal - total;
  const missing = replicas - current;
  const limit = missing < room ? `, but only ${missing} more ${missing === 1 ? 'is' : 'are'} wanted` : '';
  return { replicas: current + Math.min(room, missing), why: `${allows} and the ReplicaSets have ${total}${limit}` };
}

/** getNewReplicaSet; undefined when there is none and `create` is false. */
export function getNewReplicaSet(
  run: DeploymentRun,
  replicaSets: readonly ReplicaSet[],
  oldReplicaSets: readonly ReplicaSet[],
  create: boolean,
): ReplicaSet | undefined {
  const deployment = run.deployment;
  const existing = findNewReplicaSet(deployment, replicaSets);
  const newRevision = maxRevision(oldReplicaSets) + 1;
  if (existing) return syncExistingNewReplicaSet(run, existing, newRevision);
  if (!create) return undefined;
  return createNewReplicaSet(run, oldReplicaSets, newRevision);
}

function syncExistingNewReplicaSet(run: DeploymentRun, existing: ReplicaSet, newRevision: number): ReplicaSet {
  const deployment = run.deployment;
  const copy = cloneJson(existing);
  const previousRevision = existing.metadata.annotations?.[REVISION_ANNOTATION];
  const annotationsUpdated = setNewReplicaSetAnnotations(deployment, copy, newRevision, true);
  const minReadySeconds = deployment.spec.minReadySeconds ?? 0;
  if (annotationsUpdated || (copy.spec.minReadySeconds ?? 0) !== minReadySeconds) {
    if (minReadySeconds > 0) copy.spec.minReadySeconds = minReadySeconds;
    else delete copy.spec.minReadySeconds;
    const revision = copy.metadata.annotations?.[REVISION_ANNOTATION];
    if (previousRevision !== undefined && revision !== previousRevision)
      decide(
        run,
        `the template matches ReplicaSet ${copy.metadata.name} again: it becomes the new ReplicaSet with revision ` +
          `${revision} (was ${previousRevision}, kept in its revision-history)`,
      );
    return writeReplicaSet(run, copy);
  }
  // The revision already on the ReplicaSet is the one to show: it was set by an earlier sync.
  let needsUpdate = setDeploymentRevision(deployment, copy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
  if (hasProgressDeadline(deployment) && !getDeploymentCondition(deployment.status, PROGRESSING)) {
    const condition = newDeploymentCondition(
      PROGRESSING,
      'True',
      REASON.foundNewReplicaSet,
      `Found new replica set "${copy.metadata.name}"`,
      nowOf(run),
    );
    setDeploymentCondition((deployment.status ??= {}), condition);
    needsUpdate = true;
  }
  if (needsUpdate) writeDeploymentStatus(run);
  return copy;
}

function createNewReplicaSet(
  run: DeploymentRun,
  oldReplicaSets: readonly ReplicaSet[],
  newRevision: number,
): ReplicaSet {
  const deployment = run.deployment;
  const template = cloneJson(deployment.spec.template) as IPodTemplateSpec;
  const hash = computeTemplateHash(template, deployment.status?.collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  template.metadata = { ...(template.metadata ?? {}), labels };
  const selector = cloneJson(deployment.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const minReadySeconds = deployment.spec.minReadySeconds ?? 0;
  const name = `${deployment.metadata.name}-${hash}`;
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: deployment.metadata.namespace,
      labels: { ...labels },
      ownerReferences: [controllerRefTo(deployment as KubeObject)],
    },
    spec: {
      replicas: 0,
      ...(minReadySeconds > 0 ? { minReadySeconds } : {}),
      selector,
      template,
    },
  };
  const size = newReplicaSetSize(deployment, [...oldReplicaSets, newRS], newRS);
  newRS.spec.replicas = size.replicas;
  setNewReplicaSetAnnotations(deployment, newRS, newRevision, false);

  let created: ReplicaSet;
  let alreadyExists = false;
  const result = run.context.api.create(newRS);
  if (result.ok) {
    created = cloneJson(result.value) as ReplicaSet;
  } else if (result.error.reason === 'AlreadyExists') {
    const found = run.context.api.find(REPLICA_SETS, deployment.metadata.namespace, name) as ReplicaSet | undefined;
    if (!found) throw new SyncError(result.error);
    if (
      controllerOf(found)?.uid !== deployment.metadata.uid ||
      !equalIgnoreHash(deployment.spec.template, found.spec.template)
    ) {
      bumpCollisionCount(run, name);
      throw new SyncError(result.error, true);
    }
    // A slow cache in Kubernetes; here only a ReplicaSet someone else created with this Deployment's template.
    created = cloneJson(found);
    alreadyExists = true;
  } else {
    reportCreateFailure(run, name, result.error.message);
    throw new SyncError(result.error, true);
  }

  if (!alreadyExists) {
    decide(
      run,
      `created new ReplicaSet ${name} (revision ${newRevision}) with ${countOf(size.replicas, 'replica')}: ${size.why}`,
    );
    if (size.replicas > 0)
      recordDeploymentEvent(
        run,
        'Normal',
        EVENT_REASON.scalingReplicaSet,
        `Scaled up replica set ${name} from 0 to ${size.replicas}`,
      );
  }
  let needsUpdate = setDeploymentRevision(deployment, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(deployment)) {
    const condition = newDeploymentCondition(
      PROGRESSING,
      'True',
      REASON.newReplicaSetCreated,
      `Created new replica set "${name}"`,
      nowOf(run),
    );
    setDeploymentCondition((deployment.status ??= {}), condition);
    needsUpdate = true;
  }
  if (needsUpdate) writeDeploymentStatus(run);
  return created;
}

function bumpCollisionCount(run: DeploymentRun, name: string): void {
  const status = (run.deployment.status ??= {});
  const previous = status.collisionCount ?? 0;
  status.collisionCount = previous + 1;
  decide(
    run,
    `ReplicaSet ${name} exists but is not this Deployment's template (a hash collision): collisionCount ` +
      `${previous} → ${previous + 1}, so the next sync hashes to a different name`,
  );
  writeDeploymentStatus(run);
}

/** A create error: Progressing False ReplicaSetCreateError (with a deadline) and a Warning event of that reason. */
function reportCreateFailure(run: DeploymentRun, name: string, error: string): void {
  const message = `Failed to create new replica set "${name}": ${error}`;
  const deployment = run.deployment;
  if (hasProgressDeadline(deployment)) {
    const condition = newDeploymentCondition(PROGRESSING, 'False', REASON.failedReplicaSetCreate, message, nowOf(run));
    setDeploymentCondition((deployment.status ??= {}), condition);
    // The create error is the bigger news: a failed status write is ignored, as in Kubernetes.
    const updated = run.context.api.updateStatus(deployment);
    if (updated.ok) run.deployment = cloneJson(updated.value) as typeof deployment;
  }
  recordDeploymentEvent(run, 'Warning', REASON.failedReplicaSetCreate, message);
  decideWaiting(run, `could not create new ReplicaSet ${name} (${error}): retrying with backoff`);
}
