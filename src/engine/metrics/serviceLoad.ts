/**
 * Synthetic load: requests per second sent to a Service from outside the cluster, spread evenly over the Service's
 * ready endpoints as kube-proxy would. Endpoints come from the Service's EndpointSlices; an endpoint whose `ready`
 * condition is unset counts as ready, as kube-proxy reads it.
 */
import type { ApiClient, KubeObject } from '../api/types';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** A pod that receives a share of a Service's load, and the port it is reached on. */
export interface LoadTarget {
  namespace: string;
  pod: string;
  port?: number;
  requestsPerSecond: number;
}

interface SliceEndpoint {
  conditions?: { ready?: boolean | null };
  targetRef?: { kind?: string; name?: string; namespace?: string };
}

interface EndpointSlice extends KubeObject {
  endpoints?: SliceEndpoint[] | null;
  ports?: { port?: number | null }[] | null;
}

/** The ready pod endpoints of a Service (each pod once), with the port of the slice that lists it. */
export function readyEndpoints(api: ApiClient, namespace: string, service: string): { pod: string; port?: number }[] {
  const slices = api.resolveResource('endpointslices.discovery.k8s.io');
  if (!slices) return [];
  const listed = api.list(slices, namespace, { labelSelector: `${SERVICE_NAME_LABEL}=${service}` });
  if (!listed.ok) return [];
  const found = new Map<string, number | undefined>();
  for (const slice of listed.value as EndpointSlice[]) {
    const port = slice.ports?.[0]?.port ?? undefined;
    for (const endpoint of slice.endpoints ?? []) {
      const ref = endpoint.targetRef;
      if (ref?.kind !== 'Pod' || !ref.name || endpoint.conditions?.ready === false) continue;
      if (!found.has(ref.name)) found.set(ref.name, port);
    }
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : 1)).map(([pod, port]) => ({ pod, port }));
}

/** Every load (`namespace/service` → requests per second) split over its Service's ready endpoints. */
export function loadTargets(api: ApiClient, loads: Record<string, number>): LoadTarget[] {
  const targets: LoadTarget[] = [];
  for (const [key, rate] of Object.entries(loads)) {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const endpoints = readyEndpoints(api, namespace, key.slice(slash + 1));
    for (const endpoint of endpoints)
      targets.push({ namespace, pod: endpoint.pod, port: endpoint.port, requestsPerSecond: rate / endpoints.length });
  }
  return targets;
}
