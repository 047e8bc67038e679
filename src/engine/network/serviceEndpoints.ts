/**
 * A Service's endpoints as kube-proxy and CoreDNS see them: read from the Service's EndpointSlices (label
 * `kubernetes.io/service-name`), one entry per endpoint address with its conditions and ports.
 */
import type { ApiServer } from '../api/apiServer';
import type { KubeObject } from '../api/types';
import { resolveResourceName } from '../api/resources';

const ENDPOINT_SLICES = resolveResourceName('endpointslices')!;
/** The label that ties an EndpointSlice to its Service. */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export interface ServiceEndpoint {
  address: string;
  /** The pod behind the endpoint (its targetRef), if it is one. */
  pod?: string;
  hostname?: string;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  ports: { name: string; port: number; protocol: string }[];
}

interface SliceShape {
  endpoints?: {
    addresses: string[];
    hostname?: string;
    nodeName?: string;
    targetRef?: { kind?: string; name?: string };
    conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  }[];
  ports?: { name?: string; port?: number; protocol?: string }[] | null;
}

/** Every endpoint of every slice of the Service. A nil condition reads as true, except terminating. */
export function serviceEndpoints(api: ApiServer, service: Pick<KubeObject, 'metadata'>): ServiceEndpoint[] {
  const name = service.metadata.name;
  const found: ServiceEndpoint[] = [];
  for (const slice of api.all(ENDPOINT_SLICES, service.metadata.namespace)) {
    if (slice.metadata.labels?.[SERVICE_NAME_LABEL] !== name) continue;
    const shape = slice as unknown as SliceShape;
    const ports = (shape.ports ?? []).flatMap((p) =>
      p.port === undefined ? [] : [{ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' }],
    );
    for (const endpoint of shape.endpoints ?? []) {
      const conditions = endpoint.conditions ?? {};
      for (const address of endpoint.addresses) {
        found.push({
          address,
          ...(endpoint.targetRef?.kind === 'Pod' && endpoint.targetRef.name ? { pod: endpoint.targetRef.name } : {}),
          ...(endpoint.hostname ? { hostname: endpoint.hostname } : {}),
          ...(endpoint.nodeName ? { nodeName: endpoint.nodeName } : {}),
          ready: conditions.ready !== false,
          serving: conditions.serving ?? conditions.ready !== false,
          terminating: conditions.terminating === true,
          ports,
        });
      }
    }
  }
  return found;
}

/** The endpoints that receive traffic and DNS answers: ready ones. */
export function readyEndpoints(api: ApiServer, service: Pick<KubeObject, 'metadata'>): ServiceEndpoint[] {
  return serviceEndpoints(api, service).filter((e) => e.ready);
}
