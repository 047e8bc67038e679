/**
 * The A records the cluster DNS serves, as CoreDNS's kubernetes plugin answers them from Services and
 * EndpointSlices (kubeadm's Corefile: `kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure }`):
 * - `<service>.<ns>.svc.cluster.local` → the ClusterIP, or for a headless Service every ready endpoint's IP;
 * - `<hostname>.<service>.<ns>.svc.cluster.local` → the endpoint with that hostname (StatefulSet pods);
 * - `<a-b-c-d>.<service>.<ns>.svc.cluster.local` → that endpoint of a headless Service;
 * - `<a-b-c-d>.<ns>.pod.cluster.local` → a.b.c.d (`pods insecure` answers without checking);
 * - an ExternalName Service's name → a CNAME to its external name.
 * Answers are read at query time; CoreDNS's 30 s cache is left out.
 */
import type { ApiServer } from '../api/apiServer';
import type { KubeObject } from '../api/types';
import { resolveResourceName } from '../api/resources';
import { CLUSTER_DOMAIN } from './clusterNetwork';
import { SERVICE_NAME_LABEL, readyEndpoints } from './serviceEndpoints';

const SERVICES = resolveResourceName('services')!;
const NAMESPACES = resolveResourceName('namespaces')!;
const ENDPOINT_SLICES = resolveResourceName('endpointslices')!;

function serviceAnswer(api: ApiServer, service: KubeObject): string[] {
  const clusterIP = (service.spec as { clusterIP?: string } | undefined)?.clusterIP;
  if (clusterIP && clusterIP !== 'None') return [clusterIP];
  return [...new Set(readyEndpoints(api, service).map((e) => e.address))];
}

function dashedIp(label: string): string | undefined {
  const parts = label.split('-');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
    ? parts.join('.')
    : undefined;
}

/**
 * The addresses the cluster DNS gives for `fqdn` (lower case, no trailing dot), or the CNAME of an ExternalName
 * Service; undefined for NXDOMAIN.
 */
export function clusterDnsAnswer(api: ApiServer, fqdn: string): string[] | { cname: string } | undefined {
  const podSuffix = `.pod.${CLUSTER_DOMAIN}`;
  if (fqdn.endsWith(podSuffix)) {
    const [ip, namespace, ...rest] = fqdn.slice(0, -podSuffix.length).split('.');
    const address = ip === undefined ? undefined : dashedIp(ip);
    if (!address || !namespace || rest.length > 0 || !api.find(NAMESPACES, undefined, namespace)) return undefined;
    return [address];
  }
  const serviceSuffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(serviceSuffix)) return undefined;
  const labels = fqdn.slice(0, -serviceSuffix.length).split('.');
  if (labels.length === 2) {
    const service = api.find(SERVICES, labels[1], labels[0]!);
    const spec = service?.spec as { type?: string; externalName?: string } | undefined;
    if (spec?.type === 'ExternalName' && spec.externalName) return { cname: spec.externalName.toLowerCase() };
    const answer = service ? serviceAnswer(api, service) : [];
    return answer.length > 0 ? answer : undefined;
  }
  if (labels.length !== 3) return undefined;
  const [endpointName, serviceName, namespace] = labels as [string, string, string];
  const service = api.find(SERVICES, namespace, serviceName);
  // Endpoint names exist under headless Services only.
  if (!service || (service.spec as { clusterIP?: string } | undefined)?.clusterIP !== 'None') return undefined;
  const byIp = dashedIp(endpointName);
  const matches = readyEndpoints(api, service).filter((e) =>
    byIp ? e.address === byIp && !e.hostname : e.hostname === endpointName,
  );
  return matches.length > 0 ? [...new Set(matches.map((e) => e.address))] : undefined;
}

/**
 * The PTR answer for an address: a Service's ClusterIP names the Service; an endpoint's address names the
 * endpoint under its Service (`<hostname or a-b-c-d>.<service>.<ns>.svc.cluster.local`).
 */
export function clusterDnsReverse(api: ApiServer, ip: string): string | undefined {
  for (const service of api.all(SERVICES))
    if ((service.spec as { clusterIP?: string } | undefined)?.clusterIP === ip)
      return `${service.metadata.name}.${service.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  for (const slice of api.all(ENDPOINT_SLICES)) {
    const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    const endpoints = (slice as { endpoints?: { addresses: string[]; hostname?: string }[] | null }).endpoints ?? [];
    const endpoint = service ? endpoints.find((e) => e.addresses.includes(ip)) : undefined;
    if (endpoint)
      return `${endpoint.hostname ?? ip.replace(/\./g, '-')}.${service}.${slice.metadata.namespace}.svc.${CLUSTER_DOMAIN}`;
  }
  return undefined;
}
