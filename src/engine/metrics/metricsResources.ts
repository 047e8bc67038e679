/** The resources metrics-server serves through the aggregator (metrics.k8s.io/v1beta1, read-only). */
import type { ResourceType } from '../api/types';

function metricsResource(kind: string, plural: string, namespaced: boolean): ResourceType {
  return {
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames: [],
    namespaced,
    verbs: ['get', 'list'],
    categories: [],
  };
}

export const POD_METRICS = metricsResource('PodMetrics', 'pods', true);
export const NODE_METRICS = metricsResource('NodeMetrics', 'nodes', false);
