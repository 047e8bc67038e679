/**
 * Tables of Services, Endpoints and EndpointSlices
 * (`K:pkg/printers/internalversion/printers.go:printService, formatEndpoints, printEndpointSlice`).
 */
import type { IService } from 'kubernetes-models/v1/Service';
import type { IEndpoints } from 'kubernetes-models/v1/Endpoints';
import type { IEndpointSlice } from 'kubernetes-models/discovery.k8s.io/v1/EndpointSlice';
import type { KubeObject } from '../../api/types';
import { translateTimestampSince } from '../format/duration';
import { formatLabelMap, listWithMore } from './cellFormats';
import { defineColumns, type TablePrinter } from './tablePrinter';

const LOAD_BALANCER_WIDTH = 16;

/** `net.JoinHostPort`: IPv6 addresses in brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** `loadBalancerStatusStringer`: distinct ingress IPs (else hostnames), sorted; cut to 16 bytes unless wide. */
function loadBalancerIngress(service: IService, wide: boolean): string {
  const found = new Set<string>();
  for (const ingress of service.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) found.add(ingress.ip);
    else if (ingress.hostname) found.add(ingress.hostname);
  }
  const text = [...found].sort().join(',');
  return !wide && text.length > LOAD_BALANCER_WIDTH ? `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : text;
}

/** `getServiceExternalIP`. */
function externalIp(service: IService, wide: boolean): string {
  const externalIPs = service.spec?.externalIPs ?? [];
  switch (service.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = loadBalancerIngress(service, wide);
      if (externalIPs.length > 0) return [...(ingress ? ingress.split(',') : []), ...externalIPs].join(',');
      return ingress || '<pending>';
    }
    case 'ExternalName':
      return service.spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** `makePortString`: `80/TCP`, or `80:30080/TCP` with a node port. */
function portsCell(service: IService): string {
  const pieces = (service.spec?.ports ?? []).map((p) =>
    p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`,
  );
  return pieces.join(',') || '<none>';
}

export const servicePrinter: TablePrinter = {
  columns: defineColumns('NAME|TYPE|CLUSTER-IP|EXTERNAL-IP|PORT(S)|AGE|SELECTOR*'),
  row: (object, nowMs, wide = false) => {
    const service = object as unknown as IService;
    return [
      object.metadata.name ?? '',
      service.spec?.type ?? '',
      service.spec?.clusterIPs?.[0] ?? '<none>',
      externalIp(service, wide),
      portsCell(service),
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
      formatLabelMap(service.spec?.selector),
    ];
  },
};

/**
 * `formatEndpoints` over all ports: ready addresses as `ip:port` (bare IPs for a subset without ports), at most 3
 * then ` + N more...`; `<none>` without subsets.
 */
export function formatEndpoints(endpoints: IEndpoints): string {
  const subsets = endpoints.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const all: string[] = [];
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) all.push(...addresses.map((a) => a.ip));
    for (const port of ports) all.push(...addresses.map((a) => joinHostPort(a.ip, port.port)));
  }
  const shown = all.slice(0, 3).join(',');
  return all.length > 3 ? `${shown} + ${all.length - 3} more...` : shown;
}

export const endpointsPrinter: TablePrinter = {
  columns: defineColumns('NAME|ENDPOINTS|AGE'),
  row: (object, nowMs) => [
    object.metadata.name ?? '',
    formatEndpoints(object as unknown as IEndpoints),
    translateTimestampSince(object.metadata.creationTimestamp, nowMs),
  ],
};

/** `formatDiscoveryPorts` and `formatDiscoveryEndpoints`: every port and every address, `<unset>` when none. */
export const endpointSlicePrinter: TablePrinter = {
  columns: defineColumns('NAME|ADDRESSTYPE|PORTS|ENDPOINTS|AGE'),
  row: (object: KubeObject, nowMs) => {
    const slice = object as unknown as IEndpointSlice;
    const ports = (slice.ports ?? []).map((p) =>
      p.port !== undefined && p.port !== null ? String(p.port) : (p.name ?? '*'),
    );
    const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses);
    return [
      object.metadata.name ?? '',
      slice.addressType,
      listWithMore(ports),
      listWithMore(addresses),
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
    ];
  },
};
