/**
 * The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go): for every Service with a selector,
 * an Endpoints object of the same name listing its pods — Ready ones under `addresses`, the others under
 * `notReadyAddresses`, terminating ones left out unless the Service publishes not-ready addresses. A Service
 * without a selector keeps whatever Endpoints its user wrote; a deleted Service's Endpoints go with it.
 */
import type { ApiServer } from '../../api/apiServer';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { formatTimestamp } from '../../runtime/time';
import type { ControllerContext, ControllerDefinition } from '../controller';
import { splitObjectKey } from '../controller';
import { semanticEqual } from '../../api/semanticEqual';
import {
  PODS,
  SERVICES,
  endpointPods,
  isHeadless,
  serviceSelector,
  serviceSpecOf,
  servicesForPodChange,
} from '../servicePods';
import { endpointSubsets, truncateSubsets, type EndpointAddress, type EndpointSubset } from './endpointSubsets';

export const ENDPOINT_CONTROLLER_NAME = 'endpoint-controller';

const ENDPOINTS = resolveResourceName('endpoints')!;
const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

export const ENDPOINT_CONTROLLER: ControllerDefinition = {
  name: ENDPOINT_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => {
      const { namespace, name } = event.object.metadata;
      if (resource === SERVICES) return [`${namespace}/${name}`];
      if (resource === PODS) return servicesForPodChange(context.api, event.object, previous);
      // Someone else changed or removed an Endpoints object a Service owns: put it back.
      if (resource === ENDPOINTS) return [`${namespace}/${name}`];
      return [];
    },
    sync: (key) => syncService(context, key),
  }),
};

/** The labels of a Service's Endpoints: the Service's own, and the headless marker (`setEndpointsLabels`). */
function endpointsLabels(service: KubeObject): Record<string, string> {
  const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
  if (isHeadless(service)) labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  return labels;
}

function syncService(context: ControllerContext, key: string): void {
  const { api } = context;
  const { namespace, name } = splitObjectKey(key);
  const service = api.find(SERVICES, namespace, name);
  const current = api.find(ENDPOINTS, namespace, name);
  if (!service) {
    if (current && !current.metadata.deletionTimestamp) api.delete(ENDPOINTS, namespace, name);
    return;
  }
  if (!serviceSelector(service) || service.metadata.deletionTimestamp) return;

  const pods = endpointPods(api, service, serviceSpecOf(service).publishNotReadyAddresses === true);
  const { subsets, truncated } = truncateSubsets(endpointSubsets(service, pods));
  const labels = endpointsLabels(service);
  const currentSubsets = (current?.subsets ?? []) as EndpointSubset[];
  const overCapacity = current?.metadata.annotations?.[OVER_CAPACITY_ANNOTATION] !== undefined;
  if (
    current &&
    semanticEqual(currentSubsets, subsets) &&
    semanticEqual(current.metadata.labels ?? {}, labels) &&
    overCapacity === truncated
  )
    return;

  const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
  annotations[TRIGGER_TIME_ANNOTATION] = formatTimestamp(context.runtime.now());
  if (truncated) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
  else delete annotations[OVER_CAPACITY_ANNOTATION];
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      ...(current?.metadata ?? { name, namespace }),
      labels,
      annotations,
    },
    ...(subsets.length > 0 ? { subsets } : {}),
  };
  const written = current ? api.update(object) : api.create(object);
  if (!written.ok) return;
  explainChanges(context, written.value, currentSubsets, subsets);
}

function addressesByPod(subsets: readonly EndpointSubset[], field: 'addresses' | 'notReadyAddresses') {
  const byPod = new Map<string, EndpointAddress>();
  for (const subset of subsets) for (const address of subset[field] ?? []) byPod.set(address.targetRef.name, address);
  return byPod;
}

/** Records, per pod, how its place in the Service's endpoints changed and why. */
function explainChanges(
  context: ControllerContext,
  endpoints: KubeObject,
  before: readonly EndpointSubset[],
  after: readonly EndpointSubset[],
): void {
  const object = {
    kind: 'Endpoints',
    namespace: endpoints.metadata.namespace,
    name: endpoints.metadata.name!,
    uid: endpoints.metadata.uid,
  };
  const wasReady = addressesByPod(before, 'addresses');
  const wasNotReady = addressesByPod(before, 'notReadyAddresses');
  const ready = addressesByPod(after, 'addresses');
  const notReady = addressesByPod(after, 'notReadyAddresses');
  const record = (text: string) => context.decisions.record(ENDPOINT_CONTROLLER_NAME, object, text);
  for (const [pod, address] of ready)
    if (!wasReady.has(pod))
      record(`${pod} (${address.ip}) added to addresses: it is Ready, so the Service sends it traffic`);
  for (const [pod, address] of notReady)
    if (!wasNotReady.has(pod))
      record(
        wasReady.has(pod)
          ? `${pod} (${address.ip}) moved to notReadyAddresses: it is no longer Ready, so the Service stops sending it traffic`
          : `${pod} (${address.ip}) added to notReadyAddresses: it is not Ready yet, so it gets no traffic`,
      );
  for (const [pod, address] of [...wasReady, ...wasNotReady])
    if (!ready.has(pod) && !notReady.has(pod))
      record(`${pod} (${address.ip}) removed: ${removalReason(context.api, endpoints, pod)}`);
}

function removalReason(api: ApiServer, endpoints: KubeObject, podName: string): string {
  const pod = api.find(PODS, endpoints.metadata.namespace, podName);
  if (!pod) return 'the pod was deleted';
  if (pod.metadata.deletionTimestamp) return 'the pod is terminating';
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return `the pod has finished (${phase})`;
  return "the pod no longer matches the Service's selector";
}
