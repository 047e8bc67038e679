/**
 * The subsets of a Service's Endpoints (pkg/controller/endpoint/endpoints_controller.go: syncService,
 * podToEndpointAddressForService, addEndpointSubset; pkg/api/v1/endpoints/util.go: RepackSubsets).
 */
import type { Pod } from '../../api/kinds';
import type { KubeObject } from '../../api/types';
import { isPodReady } from '../podConditions';
import { endpointHostname, podPortFor, serviceSpecOf } from '../servicePods';

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

/** `maxCapacity`: an Endpoints object keeps at most this many addresses. */
const MAX_ENDPOINT_ADDRESSES = 1000;

function addressOf(pod: Pod, service: KubeObject): EndpointAddress {
  const hostname = endpointHostname(pod, service);
  return {
    ip: pod.status!.podIP!,
    ...(hostname ? { hostname } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name,
      uid: pod.metadata.uid ?? '',
    },
  };
}

/** The ports one pod serves the Service on; a port whose named target the pod lacks is left out. */
function podPorts(pod: Pod, service: KubeObject): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const servicePort of serviceSpecOf(service).ports ?? []) {
    const port = podPortFor(pod, servicePort);
    if (port === undefined) continue;
    ports.push({
      ...(servicePort.name ? { name: servicePort.name } : {}),
      port,
      protocol: servicePort.protocol ?? 'TCP',
      ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
    });
  }
  return ports;
}

const portKey = (ports: readonly EndpointPort[]) =>
  ports
    .map((p) => `${p.name ?? ''}/${p.port}/${p.protocol}`)
    .sort()
    .join(',');

/** `LessEndpointAddress`: by IP (as bytes of the string), then by the pod's uid. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  return a.targetRef.uid < b.targetRef.uid ? -1 : a.targetRef.uid > b.targetRef.uid ? 1 : 0;
}

/**
 * One subset per distinct port set, addresses sorted; a pod ready in one subset is not also listed not-ready
 * (RepackSubsets). Ready pods, or every pod when the Service publishes not-ready addresses, go to `addresses`.
 * Kubernetes orders subsets and ports by a hash of their contents; here they are ordered by port name and number.
 */
export function endpointSubsets(service: KubeObject, pods: readonly Pod[]): EndpointSubset[] {
  const spec = serviceSpecOf(service);
  const tolerateUnready = spec.publishNotReadyAddresses === true;
  const headlessWithoutPorts = spec.clusterIP === 'None' && (spec.ports ?? []).length === 0;
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    const ports = headlessWithoutPorts ? [] : podPorts(pod, service);
    if (ports.length === 0 && !headlessWithoutPorts) continue;
    const key = portKey(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, ready: [], notReady: [] }));
    (tolerateUnready || isPodReady(pod) ? group.ready : group.notReady).push(addressOf(pod, service));
  }
  const subsets: EndpointSubset[] = [];
  for (const key of [...groups.keys()].sort()) {
    const group = groups.get(key)!;
    const readyIps = new Set(group.ready.map((a) => a.ip));
    const notReady = group.notReady.filter((a) => !readyIps.has(a.ip));
    const ports = [...group.ports].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port);
    subsets.push({
      ...(group.ready.length > 0 ? { addresses: group.ready.sort(compareAddresses) } : {}),
      ...(notReady.length > 0 ? { notReadyAddresses: notReady.sort(compareAddresses) } : {}),
      ...(ports.length > 0 ? { ports } : {}),
    });
  }
  return subsets;
}

/** `truncateEndpoints`: past the capacity, addresses are cut proportionally per subset, ready ones kept first. */
export function truncateSubsets(subsets: EndpointSubset[]): { subsets: EndpointSubset[]; truncated: boolean } {
  const total = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
  if (total <= MAX_ENDPOINT_ADDRESSES) return { subsets, truncated: false };
  let budget = MAX_ENDPOINT_ADDRESSES;
  const cut = subsets.map((subset) => {
    const ready = (subset.addresses ?? []).slice(0, budget);
    budget -= ready.length;
    const notReady = (subset.notReadyAddresses ?? []).slice(0, budget);
    budget -= notReady.length;
    return {
      ...(ready.length > 0 ? { addresses: ready } : {}),
      ...(notReady.length > 0 ? { notReadyAddresses: notReady } : {}),
      ...(subset.ports ? { ports: subset.ports } : {}),
    };
  });
  return { subsets: cut.filter((s) => s.addresses || s.notReadyAddresses), truncated: true };
}
