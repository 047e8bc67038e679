/**
 * The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go and the staging
 * endpointslice reconciler): for every Service with a selector, EndpointSlices named `<service>-xxxxx`, owned by
 * the Service, holding at most 100 endpoints each, one set of slices per distinct port list. Endpoints stay in the
 * slice they are in while they exist; new ones fill slices with room before a new slice is created; a Service
 * with no endpoints keeps one empty placeholder slice.
 */
import { resolveResourceName } from '../../api/resources';
import { semanticEqual } from '../../api/semanticEqual';
import type { KubeObject } from '../../api/types';
import { formatTimestamp } from '../../runtime/time';
import type { ControllerContext, ControllerDefinition } from '../controller';
import { objectKeyOf, splitObjectKey } from '../controller';
import { controllerRefTo } from '../ownerReferences';
import { PODS, SERVICES, endpointPods, isHeadless, serviceSelector, servicesForPodChange } from '../servicePods';
import { desiredEndpointGroups, portsKey, type SliceEndpoint, type SlicePort } from './desiredEndpoints';

export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller';

const ENDPOINT_SLICES = resolveResourceName('endpointslices')!;
const NODES = resolveResourceName('nodes')!;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
const MANAGED_BY = 'endpointslice-controller.k8s.io';
const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
/** `--max-endpoints-per-slice` default. */
const MAX_ENDPOINTS_PER_SLICE = 100;
const ZONE_LABEL = 'topology.kubernetes.io/zone';

interface Slice extends KubeObject {
  addressType: string;
  endpoints?: SliceEndpoint[] | null;
  ports?: SlicePort[] | null;
}

export const ENDPOINTSLICE_CONTROLLER: ControllerDefinition = {
  name: ENDPOINTSLICE_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => {
      const { namespace, name } = event.object.metadata;
      if (resource === SERVICES) return [objectKeyOf(namespace, name!)];
      if (resource === PODS) return servicesForPodChange(context.api, event.object, previous);
      if (resource === ENDPOINT_SLICES) {
        const service = event.object.metadata.labels?.[SERVICE_NAME_LABEL];
        const managed = event.object.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY;
        return service && managed ? [objectKeyOf(namespace, service)] : [];
      }
      return [];
    },
    sync: (key) => syncService(context, key),
  }),
};

/** `getEndpointSliceFromService`-style labels: the Service's, the service name, the manager, the headless marker. */
function sliceLabels(service: KubeObject): Record<string, string> {
  const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
  labels[SERVICE_NAME_LABEL] = service.metadata.name!;
  labels[MANAGED_BY_LABEL] = MANAGED_BY;
  if (isHeadless(service)) labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  return labels;
}

function managedSlices(context: ControllerContext, namespace: string | undefined, service: string): Slice[] {
  return (context.api.all(ENDPOINT_SLICES, namespace) as Slice[]).filter(
    (slice) =>
      slice.metadata.labels?.[SERVICE_NAME_LABEL] === service &&
      slice.metadata.labels?.[MANAGED_BY_LABEL] === MANAGED_BY &&
      !slice.metadata.deletionTimestamp,
  );
}

const endpointId = (endpoint: SliceEndpoint) => `${endpoint.targetRef.uid}/${endpoint.addresses[0] ?? ''}`;

function syncService(context: ControllerContext, key: string): void {
  const { api } = context;
  const { namespace, name } = splitObjectKey(key);
  const service = api.find(SERVICES, namespace, name);
  // A deleted Service's slices are its dependents: the garbage collector removes them.
  if (!service || !serviceSelector(service) || service.metadata.deletionTimestamp) return;

  const zoneOf = (node: string) => api.find(NODES, undefined, node)?.metadata.labels?.[ZONE_LABEL];
  const groups = desiredEndpointGroups(service, endpointPods(api, service, true), zoneOf);
  const existing = managedSlices(context, namespace, name);
  const plans = planSlices(existing, groups);
  const now = formatTimestamp(context.runtime.now());
  for (const plan of plans) writeSlice(context, service, plan, now);
  const kept = new Set(plans.flatMap((plan) => (plan.slice ? [plan.slice.metadata.name!] : [])));
  for (const slice of existing)
    if (!kept.has(slice.metadata.name!)) api.delete(ENDPOINT_SLICES, namespace, slice.metadata.name!);
}

interface SlicePlan {
  /** The existing slice to update, or none to create a new one. */
  slice?: Slice;
  ports: SlicePort[] | null;
  endpoints: SliceEndpoint[];
}

/**
 * Keeps each endpoint in the slice that already holds it (with its current conditions), fills slices with room,
 * then opens new ones; slices left empty are dropped, except that an empty placeholder stands in for a Service
 * without endpoints, and a placeholder is reused for the first new slice.
 */
function planSlices(
  existing: readonly Slice[],
  groups: ReadonlyMap<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>,
) {
  const plans: SlicePlan[] = [];
  const placeholders = existing.filter((s) => (s.endpoints ?? []).length === 0 && (s.ports ?? []).length === 0);
  const spare = [...placeholders];
  for (const [key, group] of groups) {
    const wanted = new Map(group.endpoints.map((e) => [endpointId(e), e]));
    const groupPlans: SlicePlan[] = [];
    for (const slice of existing) {
      if (placeholders.includes(slice) || portsKey(slice.ports ?? []) !== key) continue;
      const endpoints: SliceEndpoint[] = [];
      for (const endpoint of slice.endpoints ?? []) {
        const id = endpointId(endpoint);
        const current = wanted.get(id);
        if (current) {
          endpoints.push(current);
          wanted.delete(id);
        }
      }
      if (endpoints.length > 0) groupPlans.push({ slice, ports: group.ports, endpoints });
    }
    const remaining = [...wanted.values()];
    for (const plan of groupPlans) {
      while (remaining.length > 0 && plan.endpoints.length < MAX_ENDPOINTS_PER_SLICE)
        plan.endpoints.push(remaining.shift()!);
    }
    while (remaining.length > 0) {
      groupPlans.push({
        slice: spare.shift(),
        ports: group.ports,
        endpoints: remaining.splice(0, MAX_ENDPOINTS_PER_SLICE),
      });
    }
    plans.push(...groupPlans);
  }
  if (plans.length === 0) plans.push({ slice: spare.shift() ?? existing[0], ports: null, endpoints: [] });
  return plans;
}

function writeSlice(context: ControllerContext, service: KubeObject, plan: SlicePlan, now: string): void {
  const labels = sliceLabels(service);
  const ownerReferences = [controllerRefTo(service)];
  const current = plan.slice;
  if (
    current &&
    semanticEqual(current.endpoints ?? [], plan.endpoints) &&
    semanticEqual(current.ports ?? [], plan.ports ?? []) &&
    semanticEqual(current.metadata.labels ?? {}, labels) &&
    semanticEqual(current.metadata.ownerReferences ?? [], ownerReferences)
  )
    return;
  const metadata = current
    ? { ...current.metadata }
    : { generateName: `${service.metadata.name}-`, namespace: service.metadata.namespace };
  const slice: Slice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      ...metadata,
      labels,
      annotations: { ...(current?.metadata.annotations ?? {}), [TRIGGER_TIME_ANNOTATION]: now },
      ownerReferences,
    },
    addressType: 'IPv4',
    endpoints: plan.endpoints.length > 0 ? plan.endpoints : null,
    ports: plan.ports,
  };
  if (current) context.api.update(slice);
  else context.api.create(slice);
}
