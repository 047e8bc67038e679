/**
 * The Deployment as its controller reads it, and the names it writes: annotations, condition types and reasons
 * (pkg/controller/deployment/util/deployment_util.go constants).
 */
import type { IDeploymentSpec } from 'kubernetes-models/apps/v1/DeploymentSpec';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';

/** `DeploymentCondition`: unlike a ReplicaSet's, it has a lastUpdateTime (the Progressing deadline counts from it). */
export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** `DeploymentStatus`; zero counts are left out, as Go's `omitempty` leaves them out. */
export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export type Deployment = KubeObject & { spec: IDeploymentSpec; status?: DeploymentStatus };

export const DEPLOYMENTS = resolveResourceName('deployments.apps')!;
export const DEPLOYMENT_CONTROLLER_NAME = 'deployment-controller';

/** The label a Deployment adds to its ReplicaSets' selectors, labels and pod templates. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
/** extensions/v1beta1 `spec.rollbackTo`, round-tripped through apps/v1 as an annotation. */
export const ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export const PROGRESSING = 'Progressing';
export const AVAILABLE = 'Available';
export const REPLICA_FAILURE = 'ReplicaFailure';

/** Condition reasons (deployment_util.go). */
export const REASON = {
  replicaSetUpdated: 'ReplicaSetUpdated',
  failedReplicaSetCreate: 'ReplicaSetCreateError',
  newReplicaSetCreated: 'NewReplicaSetCreated',
  foundNewReplicaSet: 'FoundNewReplicaSet',
  newReplicaSetAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  paused: 'DeploymentPaused',
  resumed: 'DeploymentResumed',
  minimumReplicasAvailable: 'MinimumReplicasAvailable',
  minimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

/** Event reasons of the deployment controller. */
export const EVENT_REASON = {
  scalingReplicaSet: 'ScalingReplicaSet',
  rollbackDone: 'DeploymentRollback',
  rollbackRevisionNotFound: 'DeploymentRollbackRevisionNotFound',
  rollbackTemplateUnchanged: 'DeploymentRollbackTemplateUnchanged',
} as const;

/** deployment_util.go MaxRevHistoryLengthInChars. */
export const MAX_REVISION_HISTORY_LENGTH = 2000;

const MAX_INT32 = 2147483647;

/** spec.replicas (the apiserver defaults it to 1). */
export function replicasOf(deployment: Deployment): number {
  return deployment.spec.replicas ?? 1;
}

/** IsRollingUpdate: strategy.type RollingUpdate (the default). */
export function isRollingUpdate(deployment: Deployment): boolean {
  return (deployment.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** HasProgressDeadline: set and not MaxInt32 (which means "never"). */
export function hasProgressDeadline(deployment: Deployment): boolean {
  const deadline = deployment.spec.progressDeadlineSeconds;
  return deadline !== undefined && deadline !== MAX_INT32;
}

/** HasRevisionHistoryLimit: set and not MaxInt32 (which means "keep all"). */
export function hasRevisionHistoryLimit(deployment: Deployment): boolean {
  const limit = deployment.spec.revisionHistoryLimit;
  return limit !== undefined && limit !== MAX_INT32;
}
