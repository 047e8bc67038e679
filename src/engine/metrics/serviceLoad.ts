/**
 * Synthetic load: requests per second sent to a Service from outside the cluster, spread evenly over the Service's
 * ready endpoints as kube-proxy would (network/serviceEndpoints.ts reads them from the EndpointSlices).
 */
import type { ApiServer } from '../api/apiServer';
import { readyEndpoints } from '../network/serviceEndpoints';

/** A pod that receives a share of a Service's load, and the port it is reached on. */
export interface LoadTarget {
  namespace: string;
  pod: string;
  port?: number;
  requestsPerSecond: number;
}

/** The ready pod endpoints of a Service (each pod once, by name), with the first port its slice lists. */
export function readyPodEndpoints(
  api: ApiServer,
  namespace: string,
  service: string,
): { pod: string; port?: number }[] {
  const found = new Map<string, number | undefined>();
  for (const endpoint of readyEndpoints(api, { metadata: { name: service, namespace } }))
    if (endpoint.pod && !found.has(endpoint.pod)) found.set(endpoint.pod, endpoint.ports[0]?.port);
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([pod, port]) => ({ pod, port }));
}

/** Every load (`namespace/service` → requests per second) split over its Service's ready endpoints. */
export function loadTargets(api: ApiServer, loads: Record<string, number>): LoadTarget[] {
  const targets: LoadTarget[] = [];
  for (const [key, rate] of Object.entries(loads)) {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const endpoints = readyPodEndpoints(api, namespace, key.slice(slash + 1));
    for (const endpoint of endpoints)
      targets.push({ namespace, pod: endpoint.pod, port: endpoint.port, requestsPerSecond: rate / endpoints.length });
  }
  return targets;
}
