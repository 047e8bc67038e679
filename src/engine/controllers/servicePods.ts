/**
 * What the Endpoints and EndpointSlice controllers share: which Services a pod change concerns, which pods a
 * Service's endpoints are built from, and the port each pod serves a Service port on.
 * Sources: pkg/controller/util/endpoint/controller_utils.go (GetPodServiceMemberships, ShouldPodBeInEndpoints),
 * pkg/api/v1/pod/util.go (FindPort), pkg/controller/endpoint/endpoints_controller.go (hostname rule).
 */
import type { ApiServer } from '../api/apiServer';
import type { Pod } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { resolveResourceName } from '../api/resources';
import { labelSelectorFromSpec } from '../api/selectors/labelSelector';
import { objectKeyOf } from './controller';

export const SERVICES = resolveResourceName('services')!;
export const PODS = resolveResourceName('pods')!;

export interface ServicePortSpec {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  appProtocol?: string;
}

export interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  selector?: Record<string, string>;
  publishNotReadyAddresses?: boolean;
  ports?: ServicePortSpec[];
}

export const serviceSpecOf = (service: KubeObject): ServiceSpec => (service.spec ?? {}) as ServiceSpec;

export function isHeadless(service: KubeObject): boolean {
  return serviceSpecOf(service).clusterIP === 'None';
}

/** A Service with a non-empty selector: only those get controller-managed endpoints. */
export function serviceSelector(service: KubeObject): Record<string, string> | undefined {
  const selector = serviceSpecOf(service).selector;
  return selector && Object.keys(selector).length > 0 ? selector : undefined;
}

function selects(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const key in selector) if (labels?.[key] !== selector[key]) return false;
  return true;
}

/** Keys of the Services whose selector matches the pod now or matched it before the change. */
export function servicesForPodChange(api: ApiServer, pod: KubeObject, previous?: KubeObject): string[] {
  const namespace = pod.metadata.namespace;
  const keys: string[] = [];
  for (const service of api.all(SERVICES, namespace)) {
    const selector = serviceSelector(service);
    if (!selector) continue;
    if (selects(selector, pod.metadata.labels) || (previous && selects(selector, previous.metadata.labels)))
      keys.push(objectKeyOf(namespace, service.metadata.name!));
  }
  return keys;
}

/**
 * `ShouldPodBeInEndpoints`: selected pods with an IP that have not finished; terminating ones only when asked
 * (EndpointSlices keep them, with the terminating condition).
 */
export function endpointPods(api: ApiServer, service: KubeObject, includeTerminating: boolean): Pod[] {
  const selector = serviceSelector(service);
  if (!selector) return [];
  const parsed = labelSelectorFromSpec({ matchLabels: selector });
  if ('error' in parsed) return [];
  return (api.selectedBy(PODS, service.metadata.namespace, parsed) as Pod[]).filter((pod) => {
    if (!pod.status?.podIP) return false;
    const phase = pod.status.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return false;
    return includeTerminating || pod.metadata.deletionTimestamp === undefined;
  });
}

/**
 * `FindPort`: a named target port is looked up among the pod's container ports (same protocol); a number is used
 * as it is. Undefined when the pod has no port of that name.
 */
export function podPortFor(pod: Pod, servicePort: ServicePortSpec): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  for (const container of pod.spec.containers)
    for (const port of container.ports ?? [])
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
  return undefined;
}

/** The endpoint hostname: a pod that names a hostname and this Service as its subdomain (StatefulSet pods). */
export function endpointHostname(pod: Pod, service: KubeObject): string | undefined {
  const { hostname, subdomain } = pod.spec;
  return hostname && subdomain === service.metadata.name ? hostname : undefined;
}
