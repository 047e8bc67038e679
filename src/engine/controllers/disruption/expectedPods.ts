/**
 * How many pods a PodDisruptionBudget expects and how many must stay healthy (disruption.go getExpectedPodCount,
 * getExpectedScale): an integer minAvailable counts the selected pods; a percentage, or maxUnavailable, counts
 * the replicas their controllers want, both rounded up.
 */
import type { IIoK8sApiPolicyV1PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { ApiServer } from '../../api/apiServer';
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { scaledValue } from '../intOrPercent';
import { controllerOf } from '../ownerReferences';

export type PodDisruptionBudget = IIoK8sApiPolicyV1PodDisruptionBudget & KubeObject;

const REPLICA_SETS = resolveResourceName('replicasets')!;

/** Resources with a scale, by controller kind (the finders of getExpectedScale). */
const SCALABLE: Record<string, string> = {
  ReplicaSet: 'replicasets',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  ReplicationController: 'replicationcontrollers',
};

export interface ExpectedPods {
  count: number;
  desiredHealthy: number;
  /** `namespace/name` of selected pods without a controller with a scale. */
  unmanaged: string[];
}

export function expectedPodCount(api: ApiServer, pdb: PodDisruptionBudget, pods: readonly Pod[]): ExpectedPods {
  const { minAvailable, maxUnavailable } = pdb.spec ?? {};
  if (maxUnavailable !== undefined) {
    const scale = expectedScale(api, pods);
    const unavailable = scaledValue(maxUnavailable, scale.count, true);
    return { ...scale, desiredHealthy: Math.max(0, scale.count - unavailable) };
  }
  if (typeof minAvailable === 'number') return { count: pods.length, desiredHealthy: minAvailable, unmanaged: [] };
  if (typeof minAvailable === 'string') {
    const scale = expectedScale(api, pods);
    return { ...scale, desiredHealthy: scaledValue(minAvailable, scale.count, true) };
  }
  return { count: pods.length, desiredHealthy: 0, unmanaged: [] };
}

/** The sum of `spec.replicas` over the distinct controllers of the pods (a Deployment through its ReplicaSet). */
function expectedScale(api: ApiServer, pods: readonly Pod[]): { count: number; unmanaged: string[] } {
  const counted = new Set<string>();
  const unmanaged: string[] = [];
  let count = 0;
  for (const pod of pods) {
    let owner = controllerOf(pod as unknown as KubeObject);
    const namespace = pod.metadata.namespace;
    if (owner?.kind === 'ReplicaSet') {
      const replicaSet = api.find(REPLICA_SETS, namespace, owner.name);
      const parent = replicaSet && controllerOf(replicaSet);
      if (parent?.kind === 'Deployment') owner = parent;
    }
    const plural = owner ? SCALABLE[owner.kind] : undefined;
    const controller = owner && plural ? api.find(resolveResourceName(plural)!, namespace, owner.name) : undefined;
    if (!owner || !controller || controller.metadata.uid !== owner.uid) {
      unmanaged.push(`${namespace ?? 'default'}/${pod.metadata.name}`);
      continue;
    }
    if (counted.has(owner.uid)) continue;
    counted.add(owner.uid);
    count += (controller.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  }
  return { count, unmanaged };
}
