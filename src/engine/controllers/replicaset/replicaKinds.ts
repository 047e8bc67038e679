/**
 * The two kinds one controller code path manages: apps/v1 ReplicaSet (a label selector) and v1
 * ReplicationController (an equality map). kube-controller-manager runs the ReplicaSet controller for both
 * (pkg/controller/replication wraps pkg/controller/replicaset with conversions and its own event source).
 */
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IReplicaSetSpec } from 'kubernetes-models/apps/v1/ReplicaSetSpec';
import type { IReplicationControllerSpec } from 'kubernetes-models/v1/ReplicationControllerSpec';
import { resolveResourceName } from '../../api/resources';
import { labelSelectorFromSpec, type LabelSelector } from '../../api/selectors/labelSelector';
import type { KubeObject, ResourceType } from '../../api/types';

/** `ReplicaSetCondition` / `ReplicationControllerCondition`: no lastUpdateTime, unlike a Deployment's. */
export interface ReplicaCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** The status both kinds share (zero counts are left out, as Go's `omitempty` leaves them out). */
export interface ReplicaStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaCondition[];
}

export type ReplicaSet = KubeObject & { spec: IReplicaSetSpec; status?: ReplicaStatus };
export type ReplicationController = KubeObject & { spec: IReplicationControllerSpec; status?: ReplicaStatus };

/** Either kind, as the shared code reads it. */
export type ReplicatedObject = KubeObject & {
  spec: { replicas?: number; minReadySeconds?: number; template?: IPodTemplateSpec };
  status?: ReplicaStatus;
};

/** What the shared controller code needs to know about one of the two kinds. */
export interface ReplicaKind {
  /** The controller's name, also its events' source component. */
  controller: string;
  kind: string;
  apiVersion: string;
  resource: ResourceType;
  /** The owner's pod selector; undefined when it cannot be parsed (the controller then leaves the object alone). */
  selectorOf(owner: KubeObject): LabelSelector | undefined;
}

export const REPLICA_SETS = resolveResourceName('replicasets.apps')!;
export const REPLICATION_CONTROLLERS = resolveResourceName('replicationcontrollers')!;

export const REPLICA_SET_KIND: ReplicaKind = {
  controller: 'replicaset-controller',
  kind: 'ReplicaSet',
  apiVersion: 'apps/v1',
  resource: REPLICA_SETS,
  selectorOf(owner) {
    const selector = labelSelectorFromSpec((owner as ReplicaSet).spec.selector);
    return 'error' in selector ? undefined : selector;
  },
};

export const REPLICATION_CONTROLLER_KIND: ReplicaKind = {
  controller: 'replication-controller',
  kind: 'ReplicationController',
  apiVersion: 'v1',
  resource: REPLICATION_CONTROLLERS,
  // labels.Set(rc.Spec.Selector).AsSelectorPreValidated(): an equality map; an empty one selects everything.
  selectorOf(owner) {
    const selector = labelSelectorFromSpec({ matchLabels: (owner as ReplicationController).spec.selector ?? {} });
    return 'error' in selector ? undefined : selector;
  },
};

/** spec.replicas, defaulted to 1 by the apiserver (a missing value only appears in hand-built test objects). */
export function desiredReplicas(owner: ReplicatedObject): number {
  return owner.spec.replicas ?? 1;
}
