/**
 * Kubernetes object types, from kubernetes-models (a maintained package generated from the OpenAPI spec),
 * narrowed to what the stored objects always have: metadata (with name) after the apiserver accepted them.
 */
import type { IPod } from 'kubernetes-models/v1/Pod';
import type { INode } from 'kubernetes-models/v1/Node';
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IContainerStatus } from 'kubernetes-models/v1/ContainerStatus';
import type { IContainerState } from 'kubernetes-models/v1/ContainerState';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { IPodStatus } from 'kubernetes-models/v1/PodStatus';
import type { IPodCondition } from 'kubernetes-models/v1/PodCondition';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { ILifecycleHandler } from 'kubernetes-models/v1/LifecycleHandler';
import type { ITaint } from 'kubernetes-models/v1/Taint';
import type { IToleration } from 'kubernetes-models/v1/Toleration';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { INodeCondition } from 'kubernetes-models/v1/NodeCondition';
import type { IOwnerReference } from '@kubernetes-models/apimachinery/apis/meta/v1/OwnerReference';
import type { ObjectMeta } from './types';

type Stored<T extends { metadata?: ObjectMeta }> = Omit<T, 'metadata'> & { metadata: ObjectMeta & { name: string } };

export type Pod = Stored<IPod> & { spec: IPodSpec; status?: IPodStatus };
export type Node = Stored<INode>;
export type Event = Stored<IEvent>;
export type Namespace = Stored<INamespace>;
export type {
  IContainer as Container,
  IContainerStatus as ContainerStatus,
  IContainerState as ContainerState,
  IPodSpec as PodSpec,
  IPodStatus as PodStatus,
  IPodCondition as PodCondition,
  IProbe as Probe,
  ILifecycleHandler as LifecycleHandler,
  ITaint as Taint,
  IToleration as Toleration,
  IVolume as Volume,
  INodeCondition as NodeCondition,
  IOwnerReference as OwnerReference,
};
