/**
 * The StatefulSet as its controller reads it (k8s.io/api/apps/v1 types.go), the labels it puts on pods, and the
 * spec fields with the defaults the apiserver fills in.
 */
import type { IStatefulSetSpec } from 'kubernetes-models/apps/v1/StatefulSetSpec';
import { resolveResourceName } from '../../api/resources';
import { labelSelectorFromSpec, type LabelSelector } from '../../api/selectors/labelSelector';
import type { KubeObject } from '../../api/types';
import type { Decision } from '../decisionLog';

/**
 * `StatefulSetStatus`. Go leaves out zero readyReplicas, currentReplicas and updatedReplicas (`omitempty`) but
 * always writes replicas and availableReplicas; the controller always sets collisionCount.
 */
export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
  availableReplicas: number;
}

export type StatefulSet = KubeObject & { spec: IStatefulSetSpec; status?: StatefulSetStatus };

export const STATEFUL_SETS = resolveResourceName('statefulsets.apps')!;
export const STATEFUL_SET_CONTROLLER_NAME = 'statefulset-controller';

/** apps/v1 StatefulSetPodNameLabel: lets a Service select one pod of the set. */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
/** apps/v1 PodIndexLabel (feature PodIndexLabel, on by default). */
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** apps/v1 StatefulSetRevisionLabel: the name of the ControllerRevision a pod was made from. */
export const REVISION_LABEL = 'controller-revision-hash';

export function replicasOf(set: StatefulSet): number {
  return set.spec.replicas ?? 1;
}

/** getStartOrdinal: spec.ordinals.start, 0 by default. */
export function startOrdinalOf(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

export function minReadySecondsOf(set: StatefulSet): number {
  return set.spec.minReadySeconds ?? 0;
}

/** allowsBurst: Parallel pod management creates and deletes without waiting. */
export function isParallel(set: StatefulSet): boolean {
  return set.spec.podManagementPolicy === 'Parallel';
}

export function isOnDelete(set: StatefulSet): boolean {
  return set.spec.updateStrategy?.type === 'OnDelete';
}

/** The RollingUpdate partition: ordinals below it keep the current revision. */
export function partitionOf(set: StatefulSet): number {
  return set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
}

export function selectorOf(set: StatefulSet): LabelSelector | undefined {
  const selector = labelSelectorFromSpec(set.spec.selector);
  return 'error' in selector ? undefined : selector;
}

/** What a decision is about. */
export function decisionSubject(set: StatefulSet): Decision['object'] {
  return {
    kind: 'StatefulSet',
    namespace: set.metadata.namespace,
    name: set.metadata.name ?? '',
    uid: set.metadata.uid,
  };
}
