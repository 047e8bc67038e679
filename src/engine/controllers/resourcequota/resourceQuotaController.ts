/**
 * The resource quota controller (pkg/controller/resourcequota/resource_quota_controller.go): it copies each quota's
 * `spec.hard` into its status and recounts `status.used` from the objects in the namespace — when the quota
 * changes, when objects it counts go away or pods finish (replenishment), and every 5 minutes. Admission charges
 * new objects in between.
 */
import type { ResourceType, WatchEvent } from '../../api/types';
import { addQuantities, formatQuantity, newQuantity, type Quantity } from '../../api/quantity/quantity';
import { isTrackable, usageOf } from '../../api/quota/quotaUsage';
import { resolveResourceName } from '../../api/resources';
import { semanticEqual } from '../../api/semanticEqual';
import type { KubeObject } from '../../api/types';
import type { ControllerContext, ControllerDefinition } from '../controller';
import { objectKeyOf, splitObjectKey } from '../controller';

export const RESOURCE_QUOTA_CONTROLLER_NAME = 'resourcequota-controller';

const QUOTAS = resolveResourceName('resourcequotas')!;
const PODS = resolveResourceName('pods')!;
const EVENTS = resolveResourceName('events')!;
/** resource_quota_controller.go: the full recount period (--resource-quota-sync-period, 5 m). */
const RESYNC_MS = 5 * 60_000;

export const RESOURCE_QUOTA_CONTROLLER: ControllerDefinition = {
  name: RESOURCE_QUOTA_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => keysFor(context, event, resource, previous),
    sync: (key) => syncQuota(context, key),
  }),
};

function keysFor(
  context: ControllerContext,
  event: WatchEvent,
  resource: ResourceType,
  previous: KubeObject | undefined,
): string[] {
  const object = event.object;
  if (resource === QUOTAS) {
    if (event.type === 'MODIFIED' && previous && semanticEqual(previous.spec, object.spec)) return [];
    return event.type === 'DELETED' ? [] : [objectKeyOf(object.metadata.namespace, object.metadata.name!)];
  }
  // Events come and go by the thousand; a `count/events` quota catches up at its periodic recount.
  if (!resource.namespaced || !object.metadata.namespace || resource === EVENTS) return [];
  // Replenishment: an object gone, or a pod that stopped counting (finished or being deleted).
  const replenished =
    event.type === 'DELETED' ||
    (resource === PODS &&
      event.type === 'MODIFIED' &&
      ((object.status as { phase?: string } | undefined)?.phase !==
        (previous?.status as { phase?: string } | undefined)?.phase ||
        object.metadata.deletionTimestamp !== previous?.metadata.deletionTimestamp));
  if (!replenished) return [];
  return context.api
    .all(QUOTAS, object.metadata.namespace)
    .filter((quota) =>
      Object.keys((quota.spec as { hard?: object } | undefined)?.hard ?? {}).some((n) => isTrackable(resource, n)),
    )
    .map((quota) => objectKeyOf(quota.metadata.namespace, quota.metadata.name!));
}

/** The resource whose objects use the quota resource `name`. */
function resourceFor(context: ControllerContext, name: string): ResourceType | undefined {
  if (name.startsWith('count/')) return context.api.resolveResource(name.slice('count/'.length));
  if (name === 'pods' || /^((requests|limits)\.)?(cpu|memory|ephemeral-storage)$/.test(name)) return PODS;
  if (name.startsWith('services')) return resolveResourceName('services');
  if (name === 'requests.storage') return resolveResourceName('persistentvolumeclaims');
  return resolveResourceName(name);
}

function syncQuota(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const quota = context.api.find(QUOTAS, namespace, name);
  if (!quota || quota.metadata.deletionTimestamp) return;
  const hard = { ...((quota.spec as { hard?: Record<string, string> } | undefined)?.hard ?? {}) };
  const now = context.runtime.now();
  const used: Record<string, string> = {};
  const objectsOf = new Map<ResourceType, KubeObject[]>();
  for (const resourceName of Object.keys(hard).sort()) {
    const resource = resourceFor(context, resourceName);
    if (!resource) continue;
    if (!objectsOf.has(resource)) objectsOf.set(resource, context.api.all(resource, namespace));
    let total: Quantity = newQuantity(0, 'DecimalSI');
    for (const object of objectsOf.get(resource)!) {
      const amount = usageOf(resource, object, now)[resourceName];
      if (amount) total = addQuantities(total, amount);
    }
    used[resourceName] = formatQuantity(total);
  }
  const status = { hard, used };
  if (!semanticEqual(quota.status, status)) context.api.updateStatus({ ...quota, status });
  context.queue.addAfter(key, RESYNC_MS);
}
