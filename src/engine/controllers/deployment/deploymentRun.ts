/**
 * One sync of one Deployment: the working copy the Go controller mutates (`d := deployment.DeepCopy()`), and the
 * writes it makes — status updates, ReplicaSet updates with their ScalingReplicaSet events (1.31+ wording,
 * "Scaled up replica set web-7c79c4bf97 from 0 to 1"), decisions. A failed API call aborts the sync with a
 * `SyncError`, as `return err` does in Go; the controller then requeues the Deployment.
 */
import type { ApiError, KubeObject } from '../../api/types';
import { referenceTo, type EventType } from '../../events/recorder';
import type { ControllerContext } from '../controller';
import type { ReplicaSet } from '../replicaset/replicaKinds';
import { equalIgnoreHash, specReplicas } from './deploymentReplicaSets';
import { DEPLOYMENT_CONTROLLER_NAME, EVENT_REASON, replicasOf, type Deployment } from './deploymentTypes';
import { maxSurgeOf } from './fenceposts';
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './replicaSetAnnotations';
import { cloneJson } from '../../runtime/cloneJson';

export interface DeploymentRun {
  readonly context: ControllerContext;
  readonly key: string;
  /** The working copy: status and annotations change here before they are written. */
  deployment: Deployment;
}

/** A failed API call that ends the sync; `explained` when a decision already says why. */
export class SyncError extends Error {
  constructor(
    readonly apiError: ApiError,
    readonly explained = false,
  ) {
    super(apiError.message);
  }
}

/** Virtual time now. */
export function nowOf(run: DeploymentRun): number {
  return run.context.runtime.now();
}

/** UpdateStatus with the working copy (its annotations go along, as the status strategy keeps them). */
export function writeDeploymentStatus(run: DeploymentRun): void {
  const updated = run.context.api.updateStatus(run.deployment);
  if (!updated.ok) throw new SyncError(updated.error);
  run.deployment = cloneJson(updated.value) as Deployment;
}

/** Update of the whole Deployment (the legacy rollback rewrites its template). */
export function writeDeployment(run: DeploymentRun): void {
  const updated = run.context.api.update(run.deployment);
  if (!updated.ok) throw new SyncError(updated.error);
  run.deployment = cloneJson(updated.value) as Deployment;
}

/** Update of a ReplicaSet; returns the stored one. */
export function writeReplicaSet(run: DeploymentRun, rs: ReplicaSet): ReplicaSet {
  const updated = run.context.api.update(rs);
  if (!updated.ok) throw new SyncError(updated.error);
  return cloneJson(updated.value) as ReplicaSet;
}

/** An event about the Deployment, from `deployment-controller`. */
export function recordDeploymentEvent(run: DeploymentRun, type: EventType, reason: string, message: string): void {
  run.context.events.record(referenceTo(run.deployment as KubeObject), type, reason, message, {
    component: DEPLOYMENT_CONTROLLER_NAME,
  });
}

function decisionObject(run: DeploymentRun) {
  const { namespace, name, uid } = run.deployment.metadata;
  return { kind: 'Deployment', namespace, name: name ?? '', uid };
}

/** A decision about the Deployment. */
export function decide(run: DeploymentRun, text: string): void {
  run.context.decisions.record(DEPLOYMENT_CONTROLLER_NAME, decisionObject(run), text);
}

/** A decision about waiting, recorded once while the reason stays the same. */
export function decideWaiting(run: DeploymentRun, text: string): void {
  run.context.decisions.recordUnlessRepeated(DEPLOYMENT_CONTROLLER_NAME, decisionObject(run), text);
}

export interface ScaleResult {
  scaled: boolean;
  rs: ReplicaSet;
}

/**
 * scaleReplicaSetAndRecordEvent: nothing when the size is already `newScale`; otherwise scaleReplicaSet, and the
 * decision `${because}: scaled up new ReplicaSet … from 1 to 2`.
 */
export function scaleReplicaSetAndRecordEvent(
  run: DeploymentRun,
  rs: ReplicaSet,
  newScale: number,
  because: string,
): ScaleResult {
  const current = specReplicas(rs);
  if (current === newScale) return { scaled: false, rs };
  return scaleReplicaSet(run, rs, newScale, current < newScale ? 'up' : 'down', because);
}

/**
 * scaleReplicaSet: writes the size and the desired/max replica annotations when either is stale; records the
 * event (with the operation of the whole scaling, which proportional scaling passes for every ReplicaSet) when
 * the size changed.
 */
export function scaleReplicaSet(
  run: DeploymentRun,
  rs: ReplicaSet,
  newScale: number,
  operation: 'up' | 'down' | '',
  because: string,
): ScaleResult {
  const deployment = run.deployment;
  const desired = replicasOf(deployment);
  const max = desired + maxSurgeOf(deployment);
  const oldScale = specReplicas(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const copy = cloneJson(rs);
  copy.spec.replicas = newScale;
  setReplicasAnnotations(copy, desired, max);
  const stored = writeReplicaSet(run, copy);
  if (!sizeNeedsUpdate) return { scaled: false, rs: stored };
  const name = stored.metadata.name ?? '';
  recordDeploymentEvent(
    run,
    'Normal',
    EVENT_REASON.scalingReplicaSet,
    `Scaled ${operation} replica set ${name} from ${oldScale} to ${newScale}`,
  );
  decide(
    run,
    `${because}: scaled ${newScale > oldScale ? 'up' : 'down'} ${roleOf(run, stored)} ReplicaSet ${name} from ` +
      `${oldScale} to ${newScale}`,
  );
  return { scaled: true, rs: stored };
}

/** "new" for the ReplicaSet of the Deployment's current template, "old" for the others. */
function roleOf(run: DeploymentRun, rs: ReplicaSet): string {
  return equalIgnoreHash(rs.spec.template, run.deployment.spec.template) ? 'new' : 'old';
}
