/** The describer of each kind (`KC:pkg/describe/describe.go:describerMap`); others get the generic one. */
import type { KubeObject, ResourceType } from '../../api/types';
import { groupResource } from '../resourceArgs';
import {
  describeDaemonSet,
  describeDeployment,
  describeReplicaSet,
  describeReplicationController,
  describeStatefulSet,
} from './describeApps';
import { describeCronJob, describeJob } from './describeBatch';
import { describeConfigMap, describeSecret, describeServiceAccount } from './describeConfig';
import { describeGeneric } from './describeGeneric';
import { describeHorizontalPodAutoscaler } from './describeHpa';
import type { DescribeInput, Describer } from './describeInput';
import { describeNamespace } from './describeNamespace';
import { describeEndpointSlice, describeEndpoints, describeService } from './describeNetworking';
import { describeNode } from './describeNode';
import { describePod } from './describePod';
import { describeLimitRange, describePodDisruptionBudget, describeResourceQuota } from './describePolicy';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './describeStorage';

/** `describe node`: the node's Lease and its non-terminated pods besides the node. */
function describeNodeInput(input: DescribeInput): string {
  const name = input.object.metadata.name ?? '';
  const leases = input.api.resolveResource('leases.coordination.k8s.io');
  let lease: KubeObject | string = `the server doesn't have a resource type "leases"`;
  if (leases) {
    const got = input.api.get(leases, 'kube-node-lease', name);
    lease = got.ok ? got.value : got.error.message;
  }
  const podResource = input.api.resolveResource('pods');
  const pods = podResource
    ? input.api.list(podResource, undefined, {
        fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
      })
    : undefined;
  return describeNode({
    node: input.object,
    lease,
    pods: pods?.ok ? pods.value : [],
    events: input.events,
    nowMs: input.nowMs,
  });
}

const DESCRIBERS: Record<string, Describer> = {
  pods: (input) => describePod(input.object, input.events, input.nowMs),
  nodes: describeNodeInput,
  namespaces: describeNamespace,
  'deployments.apps': describeDeployment,
  'replicasets.apps': describeReplicaSet,
  replicationcontrollers: describeReplicationController,
  'statefulsets.apps': describeStatefulSet,
  'daemonsets.apps': describeDaemonSet,
  'jobs.batch': describeJob,
  'cronjobs.batch': describeCronJob,
  services: describeService,
  endpoints: describeEndpoints,
  'endpointslices.discovery.k8s.io': describeEndpointSlice,
  configmaps: describeConfigMap,
  secrets: describeSecret,
  serviceaccounts: describeServiceAccount,
  persistentvolumes: describePersistentVolume,
  persistentvolumeclaims: describePersistentVolumeClaim,
  'storageclasses.storage.k8s.io': describeStorageClass,
  'horizontalpodautoscalers.autoscaling': describeHorizontalPodAutoscaler,
  'poddisruptionbudgets.policy': describePodDisruptionBudget,
  resourcequotas: describeResourceQuota,
  limitranges: describeLimitRange,
};

/** The describer for a resource. */
export function describerFor(resource: ResourceType): Describer {
  return DESCRIBERS[groupResource(resource)] ?? describeGeneric;
}
