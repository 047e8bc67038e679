/**
 * `rollout status` messages for Deployments, DaemonSets and StatefulSets
 * (`KC:pkg/polymorphichelpers/rollout_status.go`). Each returns the line to print and whether the rollout is done;
 * a failed rollout throws kubectl's error.
 */
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IDaemonSet } from 'kubernetes-models/apps/v1/DaemonSet';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { KubeObject, ResourceType } from '../../api/types';
import { clientError } from '../errors';
import { groupResource } from '../resourceArgs';
import { revisionOf } from './deploymentReplicaSets';

export interface RolloutStatus {
  message: string;
  done: boolean;
}

export type StatusViewer = (object: KubeObject, revision: number) => RolloutStatus;

function deploymentStatus(object: KubeObject, revision: number): RolloutStatus {
  const d = object as unknown as IDeployment;
  const name = object.metadata.name ?? '';
  if (revision > 0) {
    const current = revisionOf(object);
    if (current === undefined) {
      const text = object.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '';
      throw clientError(
        `cannot get the revision of deployment "${name}": strconv.ParseInt: parsing "${text}": invalid syntax`,
      );
    }
    if (current !== revision) {
      throw clientError(`desired revision (${revision}) is different from the running revision (${current})`);
    }
  }
  const status = d.status ?? {};
  if ((object.metadata.generation ?? 0) > (status.observedGeneration ?? 0)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = (status.conditions ?? []).find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    throw clientError(`deployment "${name}" exceeded its progress deadline`);
  }
  const replicas = d.spec?.replicas;
  const updated = status.updatedReplicas ?? 0;
  const waiting = (text: string) => ({
    message: `Waiting for deployment "${name}" rollout to finish: ${text}...\n`,
    done: false,
  });
  if (replicas !== undefined && updated < replicas) {
    return waiting(`${updated} out of ${replicas} new replicas have been updated`);
  }
  if ((status.replicas ?? 0) > updated) {
    return waiting(`${(status.replicas ?? 0) - updated} old replicas are pending termination`);
  }
  if ((status.availableReplicas ?? 0) < updated) {
    return waiting(`${status.availableReplicas ?? 0} of ${updated} updated replicas are available`);
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

const ONLY_ROLLING_UPDATE = 'rollout status is only available for RollingUpdate strategy type';

function daemonSetStatus(object: KubeObject): RolloutStatus {
  const ds = object as unknown as IDaemonSet;
  const name = object.metadata.name ?? '';
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') throw clientError(ONLY_ROLLING_UPDATE);
  const status = ds.status;
  if ((object.metadata.generation ?? 0) > (status?.observedGeneration ?? 0)) {
    return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  const desired = status?.desiredNumberScheduled ?? 0;
  const prefix = `Waiting for daemon set "${name}" rollout to finish: `;
  if ((status?.updatedNumberScheduled ?? 0) < desired) {
    return {
      message: `${prefix}${status?.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`,
      done: false,
    };
  }
  if ((status?.numberAvailable ?? 0) < desired) {
    return {
      message: `${prefix}${status?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`,
      done: false,
    };
  }
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

function statefulSetStatus(object: KubeObject): RolloutStatus {
  const sts = object as unknown as IStatefulSet;
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') throw clientError(ONLY_ROLLING_UPDATE);
  const status = sts.status;
  const observed = status?.observedGeneration ?? 0;
  if (observed === 0 || (object.metadata.generation ?? 0) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = sts.spec?.replicas;
  const ready = status?.readyReplicas ?? 0;
  if (replicas !== undefined && ready < replicas) {
    return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  }
  const updated = status?.updatedReplicas ?? 0;
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (status?.updateRevision !== status?.currentRevision) {
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status?.updateRevision ?? ''}...\n`,
      done: false,
    };
  }
  return {
    message: `statefulset rolling update complete ${status?.currentReplicas ?? 0} pods at revision ${status?.currentRevision ?? ''}...\n`,
    done: true,
  };
}

/** `StatusViewerFor`. */
export function statusViewerFor(resource: ResourceType): StatusViewer {
  switch (groupResource(resource)) {
    case 'deployments.apps':
      return deploymentStatus;
    case 'daemonsets.apps':
      return daemonSetStatus;
    case 'statefulsets.apps':
      return statefulSetStatus;
    default:
      throw clientError(`no status viewer has been implemented for ${groupKind(resource)}`);
  }
}

/** `schema.GroupKind.String()`: `Deployment.apps`, `Pod`. */
export function groupKind(resource: ResourceType): string {
  return resource.group ? `${resource.kind}.${resource.group}` : resource.kind;
}
