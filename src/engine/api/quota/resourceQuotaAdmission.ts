/**
 * The ResourceQuota admission plugin (plugin/pkg/admission/resourcequota/controller.go checkRequest): a new object
 * is charged to every quota of its namespace that tracks what it uses; one that would go over a hard limit is
 * refused, as is a pod that leaves a tracked cpu or memory amount undeclared. The charge is written to the
 * quotas' `status.used` at once; the quota controller recounts later.
 */
import type { Pod } from '../kinds';
import { addQuantities, compareQuantities, formatQuantity, type Quantity } from '../quantity/quantity';
import { forbidden } from '../errors';
import { quantityOf } from './resourceAmounts';
import { resolveResourceName } from '../resources';
import type { ApiError, ApiResult, KubeObject, ResourceType } from '../types';
import { isTrackable, missingComputeResources, usageOf, type ResourceList } from './quotaUsage';

const QUOTAS = resolveResourceName('resourcequotas')!;

export interface QuotaStore {
  all(resource: ResourceType, namespace?: string): KubeObject[];
  updateStatus(object: KubeObject): ApiResult<KubeObject>;
}

interface QuotaStatus {
  hard?: Record<string, string>;
  used?: Record<string, string>;
}

function parseList(list: Record<string, string> | undefined): ResourceList {
  const parsed: ResourceList = {};
  for (const [name, text] of Object.entries(list ?? {})) {
    const quantity = quantityOf(text);
    if (quantity) parsed[name] = quantity;
  }
  return parsed;
}

/** `cpu=500m,pods=1`: quota.go prettyPrint, names sorted. */
function prettyPrint(list: ResourceList, names: readonly string[]): string {
  return [...names]
    .sort()
    .map((name) => `${name}=${list[name] ? formatQuantity(list[name]!) : '0'}`)
    .join(',');
}

/** Charges `object` to its namespace's quotas; returns the Forbidden error if it may not be created. */
export function chargeQuotas(
  store: QuotaStore,
  resource: ResourceType,
  object: KubeObject,
  nowMs: number,
  dryRun: boolean,
): ApiError | undefined {
  const namespace = object.metadata.namespace;
  if (!resource.namespaced || !namespace) return undefined;
  const quotas = store
    .all(QUOTAS, namespace)
    .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  const refuse = (detail: string) => forbidden(resource, object.metadata.name ?? '', detail);
  const interesting: { quota: KubeObject; status: QuotaStatus; tracked: string[] }[] = [];
  for (const quota of quotas) {
    const status = (quota.status ?? {}) as QuotaStatus;
    const tracked = Object.keys(status.hard ?? {}).filter((name) => isTrackable(resource, name));
    if (tracked.length === 0) continue;
    if (!resource.group && resource.plural === 'pods') {
      const missing = missingComputeResources(object as unknown as Pod, tracked);
      if (missing) return refuse(`failed quota: ${quota.metadata.name ?? ''}: ${missing}`);
    }
    const unknown = tracked.filter((name) => status.used?.[name] === undefined);
    if (unknown.length > 0)
      return refuse(
        `status unknown for quota: ${quota.metadata.name ?? ''}, resources: ${[...tracked].sort().join(',')}`,
      );
    interesting.push({ quota, status, tracked });
  }
  const delta = usageOf(resource, object, nowMs);
  const charges: { quota: KubeObject; status: QuotaStatus; used: ResourceList }[] = [];
  for (const { quota, status, tracked } of interesting) {
    const hard = parseList(status.hard);
    const used = parseList(status.used);
    const requested = tracked.filter((name) => delta[name] && BigInt(delta[name]!.nanos) !== 0n);
    if (requested.length === 0) continue;
    const next: ResourceList = { ...used };
    for (const name of requested) next[name] = used[name] ? addQuantities(used[name]!, delta[name]!) : delta[name]!;
    const exceeded = requested.filter((name) => hard[name] && compareQuantities(next[name]!, hard[name]!) > 0);
    if (exceeded.length > 0)
      return refuse(
        `exceeded quota: ${quota.metadata.name ?? ''}, requested: ${prettyPrint(delta, exceeded)}, ` +
          `used: ${prettyPrint(used, exceeded)}, limited: ${prettyPrint(hard, exceeded)}`,
      );
    charges.push({ quota, status, used: next });
  }
  if (dryRun) return undefined;
  for (const { quota, status, used } of charges) {
    const text = Object.fromEntries(Object.entries(used).map(([name, q]) => [name, formatQuantity(q as Quantity)]));
    store.updateStatus({ ...quota, status: { ...status, used: text } });
  }
  return undefined;
}
