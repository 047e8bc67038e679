/**
 * The service controller of a cloud-controller-manager (k8s.io/cloud-provider/controllers/service/controller.go),
 * with a simulated cloud: a LoadBalancer Service gets the `service.kubernetes.io/load-balancer-cleanup` finalizer
 * and an `EnsuringLoadBalancer` event at once, and a few seconds later (the cloud provisioning) an address from
 * the lab network's pool in `status.loadBalancer.ingress` and `EnsuredLoadBalancer`. When the Service is deleted
 * or stops being a LoadBalancer the address is given back and the finalizer removed.
 */
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { referenceTo } from '../../events/recorder';
import type { ControllerContext, ControllerDefinition } from '../controller';
import { objectKeyOf, splitObjectKey } from '../controller';
import { semanticEqual } from '../../api/semanticEqual';

export const SERVICE_LB_CONTROLLER_NAME = 'service-controller';

const SERVICES = resolveResourceName('services')!;
const CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
/** How long the simulated cloud takes to provision a load balancer. */
const PROVISIONING_MS = 5000;
/** The simulated cloud's address pool: 192.168.56.200–250, on the nodes' network. */
const POOL_PREFIX = '192.168.56.';
const POOL_FIRST = 200;
const POOL_LAST = 250;

interface LoadBalancerStatus {
  loadBalancer?: { ingress?: { ip?: string; ipMode?: string }[] };
}

const isLoadBalancer = (service: KubeObject) =>
  (service.spec as { type?: string } | undefined)?.type === 'LoadBalancer';
const ingressOf = (service: KubeObject) =>
  (service.status as LoadBalancerStatus | undefined)?.loadBalancer?.ingress ?? [];

export const SERVICE_LB_CONTROLLER: ControllerDefinition = {
  name: SERVICE_LB_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => {
      if (resource !== SERVICES) return [];
      const service = event.object;
      // Its own finalizer and status writes are no reason to look again (needsUpdate in the real controller).
      if (
        event.type === 'MODIFIED' &&
        previous &&
        semanticEqual(previous.spec, service.spec) &&
        previous.metadata.deletionTimestamp === service.metadata.deletionTimestamp
      )
        return [];
      return [objectKeyOf(service.metadata.namespace, service.metadata.name!)];
    },
    sync: (key) => syncService(context, key),
  }),
};

function syncService(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const service = context.api.find(SERVICES, namespace, name);
  if (!service) return;
  const finalizers = service.metadata.finalizers ?? [];
  const wantsBalancer = isLoadBalancer(service) && !service.metadata.deletionTimestamp;
  if (!wantsBalancer) {
    if (finalizers.includes(CLEANUP_FINALIZER) || ingressOf(service).length > 0) releaseBalancer(context, service);
    return;
  }
  if (!finalizers.includes(CLEANUP_FINALIZER)) {
    const updated = context.api.update({
      ...service,
      metadata: { ...service.metadata, finalizers: [...finalizers, CLEANUP_FINALIZER] },
    });
    if (!updated.ok) return;
    event(context, updated.value, 'EnsuringLoadBalancer', 'Ensuring load balancer');
    context.queue.addAfter(key, PROVISIONING_MS);
    return;
  }
  if (ingressOf(service).length > 0) return;
  const ip = freeAddress(context);
  if (!ip) {
    event(
      context,
      service,
      'SyncLoadBalancerFailed',
      'Error syncing load balancer: the address pool is exhausted',
      'Warning',
    );
    return;
  }
  const written = context.api.updateStatus({
    ...service,
    status: { ...(service.status ?? {}), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } },
  });
  if (!written.ok) return;
  event(context, written.value, 'EnsuredLoadBalancer', 'Ensured load balancer');
  context.decisions.record(
    SERVICE_LB_CONTROLLER_NAME,
    { kind: 'Service', namespace, name: name, uid: service.metadata.uid },
    `the simulated cloud provisioned a load balancer at ${ip} (after ${PROVISIONING_MS / 1000} s); it forwards to the Service's node ports`,
  );
}

function releaseBalancer(context: ControllerContext, service: KubeObject): void {
  event(context, service, 'DeletingLoadBalancer', 'Deleting load balancer');
  let current = service;
  if (ingressOf(service).length > 0) {
    const cleared = context.api.updateStatus({ ...service, status: { ...(service.status ?? {}), loadBalancer: {} } });
    if (!cleared.ok) return;
    current = cleared.value;
  }
  const finalizers = (current.metadata.finalizers ?? []).filter((f) => f !== CLEANUP_FINALIZER);
  const updated = context.api.update({ ...current, metadata: { ...current.metadata, finalizers } });
  if (updated.ok) event(context, current, 'DeletedLoadBalancer', 'Deleted load balancer');
}

/** The lowest pool address no Service holds. */
function freeAddress(context: ControllerContext): string | undefined {
  const taken = new Set(context.api.all(SERVICES).flatMap((s) => ingressOf(s).map((entry) => entry.ip)));
  for (let octet = POOL_FIRST; octet <= POOL_LAST; octet++) {
    const ip = `${POOL_PREFIX}${octet}`;
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}

function event(
  context: ControllerContext,
  service: KubeObject,
  reason: string,
  message: string,
  type: 'Normal' | 'Warning' = 'Normal',
): void {
  context.events.record(referenceTo(service), type, reason, message, { component: SERVICE_LB_CONTROLLER_NAME });
}
