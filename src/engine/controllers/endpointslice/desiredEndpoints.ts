/**
 * The endpoints a Service's EndpointSlices should hold, grouped by the ports they serve on
 * (pkg/controller/endpointslice/utils.go: podToEndpoint, getEndpointPorts; staging endpointslice reconciler).
 * Unlike Endpoints, slices keep terminating pods, with conditions that say so.
 */
import type { Pod } from '../../api/kinds';
import type { KubeObject } from '../../api/types';
import { isPodReady } from '../podConditions';
import { endpointHostname, podPortFor, serviceSpecOf } from '../servicePods';

export interface SlicePort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

export interface SliceEndpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  hostname?: string;
  nodeName?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
  zone?: string;
}

export interface EndpointGroup {
  ports: SlicePort[];
  endpoints: SliceEndpoint[];
}

/** A stable key of a port list, so slices can be matched to the group they serve. */
export function portsKey(ports: readonly SlicePort[]): string {
  return ports
    .map((p) => `${p.name}/${p.port}/${p.protocol}/${p.appProtocol ?? ''}`)
    .sort()
    .join(',');
}

/** `podToEndpoint`: serving = Ready, terminating = being deleted, ready = publishing not-ready or serving and not terminating. */
function podToEndpoint(pod: Pod, service: KubeObject, zoneOf: (node: string) => string | undefined): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = serviceSpecOf(service).publishNotReadyAddresses === true || (serving && !terminating);
  const hostname = endpointHostname(pod, service);
  const nodeName = pod.spec.nodeName;
  const zone = nodeName ? zoneOf(nodeName) : undefined;
  return {
    addresses: [pod.status!.podIP!],
    conditions: { ready, serving, terminating },
    ...(hostname ? { hostname } : {}),
    ...(nodeName ? { nodeName } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name,
      uid: pod.metadata.uid ?? '',
    },
    ...(zone ? { zone } : {}),
  };
}

/** `getEndpointPorts`: every Service port the pod can serve, named as the Service names it ("" when unnamed). */
function endpointPorts(pod: Pod, service: KubeObject): SlicePort[] {
  const ports: SlicePort[] = [];
  for (const servicePort of serviceSpecOf(service).ports ?? []) {
    const port = podPortFor(pod, servicePort);
    if (port === undefined) continue;
    ports.push({
      name: servicePort.name ?? '',
      port,
      protocol: servicePort.protocol ?? 'TCP',
      ...(servicePort.appProtocol ? { appProtocol: servicePort.appProtocol } : {}),
    });
  }
  return ports;
}

/** The desired endpoints of a Service, by port-set key; pods in name order. */
export function desiredEndpointGroups(
  service: KubeObject,
  pods: readonly Pod[],
  zoneOf: (node: string) => string | undefined,
): Map<string, EndpointGroup> {
  const groups = new Map<string, EndpointGroup>();
  const sorted = [...pods].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const pod of sorted) {
    const ports = endpointPorts(pod, service);
    const key = portsKey(ports);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    group.endpoints.push(podToEndpoint(pod, service, zoneOf));
  }
  return groups;
}
