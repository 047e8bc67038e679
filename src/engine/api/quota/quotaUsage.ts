/**
 * What an object costs against a ResourceQuota (pkg/quota/v1/evaluator/core: pods.go, services.go,
 * persistent_volume_claims.go, and the generic object-count evaluator): resource name → quantity.
 */
import type { Pod } from '../kinds';
import { newQuantity } from '../quantity/quantity';
import type { KubeObject, ResourceType } from '../types';
import { podAmounts, quantityOf, type ResourceList } from './resourceAmounts';

export type { ResourceList } from './resourceAmounts';

const ONE = newQuantity(1, 'DecimalSI');
/** Resources a pod's containers are charged for, by request or limit. */
const COMPUTE = ['cpu', 'memory', 'ephemeral-storage'] as const;
/** Kinds a quota counts by their plural name as well as `count/…`. */
const OBJECT_COUNTS = [
  'services',
  'configmaps',
  'secrets',
  'persistentvolumeclaims',
  'replicationcontrollers',
  'resourcequotas',
];

/** QuotaV1Pod: a finished pod, or one past its deletion grace, no longer counts. */
export function podCountsAgainstQuota(pod: Pod, nowMs: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = pod.metadata.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : undefined;
  return deletion === undefined || nowMs <= deletion + (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
}

/** Whether objects of `resource` can use the quota resource `name` (an evaluator's MatchingResources). */
export function isTrackable(resource: ResourceType, name: string): boolean {
  const core = !resource.group;
  if (name === (core ? `count/${resource.plural}` : `count/${resource.plural}.${resource.group}`)) return true;
  if (!core) return false;
  switch (resource.plural) {
    case 'pods':
      return name === 'pods' || /^((requests|limits)\.)?(cpu|memory|ephemeral-storage)$/.test(name);
    case 'services':
      return ['services', 'services.loadbalancers', 'services.nodeports'].includes(name);
    case 'persistentvolumeclaims':
      return name === 'persistentvolumeclaims' || name === 'requests.storage';
    default:
      return OBJECT_COUNTS.includes(resource.plural) && name === resource.plural;
  }
}

/**
 * The usage of one object of `resource` at `nowMs`: `count/<resource>` always; for a pod that still counts, `pods`
 * and its requests and limits (cpu and memory also under their bare names, which mean requests).
 */
export function usageOf(resource: ResourceType, object: KubeObject, nowMs: number): ResourceList {
  const core = !resource.group;
  const usage: ResourceList = {
    [core ? `count/${resource.plural}` : `count/${resource.plural}.${resource.group}`]: ONE,
  };
  if (core && resource.plural === 'pods') {
    const pod = object as unknown as Pod;
    if (!podCountsAgainstQuota(pod, nowMs)) return usage;
    usage.pods = ONE;
    const requests = podAmounts(pod, 'requests');
    const limits = podAmounts(pod, 'limits');
    for (const name of COMPUTE) {
      if (requests[name]) usage[`requests.${name}`] = usage[name] = requests[name]!;
      if (limits[name]) usage[`limits.${name}`] = limits[name]!;
    }
    return usage;
  }
  if (core && OBJECT_COUNTS.includes(resource.plural)) usage[resource.plural] = ONE;
  if (core && resource.plural === 'services') {
    const spec = (object.spec ?? {}) as { type?: string; ports?: { nodePort?: number }[] };
    if (spec.type === 'LoadBalancer') usage['services.loadbalancers'] = ONE;
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer')
      usage['services.nodeports'] = newQuantity((spec.ports ?? []).length, 'DecimalSI');
  }
  if (core && resource.plural === 'persistentvolumeclaims') {
    const spec = object.spec as { resources?: { requests?: { storage?: unknown } } } | undefined;
    const request = quantityOf(spec?.resources?.requests?.storage);
    if (request) usage['requests.storage'] = request;
  }
  return usage;
}

/** Resources a quota on cpu or memory requires every container to declare (pods.go validationSet). */
const DECLARED = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/**
 * pods.go Constraints: a quota on cpu or memory needs every container to declare it (a mistake Kubernetes keeps
 * for compatibility). Returns `must specify limits.cpu for: a,b; requests.memory for: c`, or undefined.
 */
export function missingComputeResources(pod: Pod, tracked: readonly string[]): string | undefined {
  const required = DECLARED.filter((name) => tracked.includes(name));
  const missing = new Map<string, Set<string>>();
  for (const container of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    const requests = (container.resources?.requests ?? {}) as Record<string, unknown>;
    const limits = (container.resources?.limits ?? {}) as Record<string, unknown>;
    const declared = (name: string) => {
      const [kind, resource] = name.includes('.') ? name.split('.', 2) : ['requests', name];
      return (kind === 'limits' ? limits : requests)[resource!] !== undefined;
    };
    for (const name of required)
      if (!declared(name)) missing.set(name, (missing.get(name) ?? new Set()).add(container.name));
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()].sort().map((name) => `${name} for: ${[...missing.get(name)!].sort().join(',')}`);
  return `must specify ${parts.join('; ')}`;
}
