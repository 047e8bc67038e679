/**
 * A pod's QoS class (pkg/apis/core/v1/helper/qos/qos.go:GetPodQOS): Guaranteed when every container limits cpu and
 * memory with requests equal to limits; BestEffort when no container requests or limits either; Burstable otherwise.
 */
import type { Pod } from '../api/kinds';
import { quantityToMilli } from './quantities';

const COMPUTE = ['cpu', 'memory'] as const;

export function qosClassOf(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const container of containers) {
    const requests = (container.resources?.requests ?? {}) as Record<string, string | number>;
    const limits = (container.resources?.limits ?? {}) as Record<string, string | number>;
    for (const resource of COMPUTE) {
      const request = requests[resource];
      const limit = limits[resource];
      if (request !== undefined && quantityToMilli(request) > 0) any = true;
      if (limit !== undefined && quantityToMilli(limit) > 0) any = true;
      if (limit === undefined) guaranteed = false;
      // A missing request defaults to the limit, so only an explicit different request breaks Guaranteed.
      else if (request !== undefined && quantityToMilli(request) !== quantityToMilli(limit)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
