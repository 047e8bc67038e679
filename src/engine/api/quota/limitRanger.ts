/**
 * The LimitRanger admission plugin (plugin/pkg/admission/limitranger/admission.go): a new pod's containers get the
 * namespace's LimitRange defaults for the requests and limits they leave out (noted in the
 * `kubernetes.io/limit-ranger` annotation), then must fit each range's min, max and limit/request ratio.
 * PersistentVolumeClaim ranges are left out.
 */
import type { Container, Pod } from '../kinds';
import { compareQuantities, formatQuantity, quantityToNumber } from '../quantity/quantity';
import type { KubeObject } from '../types';
import { containerAmounts, podAmounts, quantityOf, type ResourceList } from './resourceAmounts';

type Amounts = Record<string, string | number>;

interface LimitRangeItem {
  type?: string;
  min?: Amounts;
  max?: Amounts;
  default?: Amounts;
  defaultRequest?: Amounts;
  maxLimitRequestRatio?: Amounts;
}

const ANNOTATION = 'kubernetes.io/limit-ranger';

function items(ranges: readonly KubeObject[], type: string): LimitRangeItem[] {
  return ranges.flatMap((range) =>
    ((range.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []).filter((i) => i.type === type),
  );
}

/** SetDefaults_LimitRangeItem: a Container item's default limit falls back to max, its default request to the default limit, then to min. */
function effectiveDefaults(item: LimitRangeItem): { limits: Amounts; requests: Amounts } {
  const limits = { ...(item.max ?? {}), ...(item.default ?? {}) };
  const requests = { ...(item.min ?? {}), ...limits, ...(item.defaultRequest ?? {}) };
  return { limits, requests };
}

/** mergeContainerResources: fills what a container leaves out; returns the annotation parts. */
function defaultContainer(container: Container, item: LimitRangeItem, kind: string): string[] {
  const { limits, requests } = effectiveDefaults(item);
  const resources = (container.resources ??= {});
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [name, value] of Object.entries(limits)) {
    const current = (resources.limits ?? {}) as Amounts;
    if (current[name] !== undefined) continue;
    resources.limits = { ...current, [name]: String(value) } as never;
    setLimits.push(name);
  }
  for (const [name, value] of Object.entries(requests)) {
    const current = (resources.requests ?? {}) as Amounts;
    if (current[name] !== undefined) continue;
    resources.requests = { ...current, [name]: String(value) } as never;
    setRequests.push(name);
  }
  const notes: string[] = [];
  if (setRequests.length > 0) notes.push(`${setRequests.sort().join(', ')} request for ${kind} ${container.name}`);
  if (setLimits.length > 0) notes.push(`${setLimits.sort().join(', ')} limit for ${kind} ${container.name}`);
  return notes;
}

/** Sets a new pod's missing requests and limits from the namespace's Container LimitRange items. */
export function applyLimitRangeDefaults(pod: Pod, ranges: readonly KubeObject[]): void {
  const notes: string[] = [];
  for (const item of items(ranges, 'Container')) {
    for (const container of pod.spec.containers ?? []) notes.push(...defaultContainer(container, item, 'container'));
    for (const container of pod.spec.initContainers ?? [])
      notes.push(...defaultContainer(container, item, 'init container'));
  }
  if (notes.length > 0)
    pod.metadata.annotations = {
      ...pod.metadata.annotations,
      [ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}`,
    };
}

/** minConstraint, maxConstraint and limitRequestRatioConstraint for one amount. */
function checkAmounts(item: LimitRangeItem, scope: string, requests: ResourceList, limits: ResourceList): string[] {
  const errors: string[] = [];
  for (const [name, raw] of Object.entries(item.min ?? {})) {
    const min = quantityOf(raw)!;
    const request = requests[name];
    if (!request) errors.push(`minimum ${name} usage per ${scope} is ${formatQuantity(min)}.  No request is specified`);
    else if (compareQuantities(request, min) < 0)
      errors.push(
        `minimum ${name} usage per ${scope} is ${formatQuantity(min)}, but request is ${formatQuantity(request)}`,
      );
  }
  for (const [name, raw] of Object.entries(item.max ?? {})) {
    const max = quantityOf(raw)!;
    const limit = limits[name];
    if (!limit) errors.push(`maximum ${name} usage per ${scope} is ${formatQuantity(max)}.  No limit is specified`);
    else if (compareQuantities(limit, max) > 0)
      errors.push(
        `maximum ${name} usage per ${scope} is ${formatQuantity(max)}, but limit is ${formatQuantity(limit)}`,
      );
  }
  for (const [name, raw] of Object.entries(item.maxLimitRequestRatio ?? {})) {
    const ratioLimit = quantityOf(raw)!;
    const request = requests[name];
    const limit = limits[name];
    if (!request || !limit) continue;
    const ratio = quantityToNumber(limit) / quantityToNumber(request);
    if (ratio > quantityToNumber(ratioLimit))
      errors.push(
        `${name} max limit to request ratio per ${scope} is ${formatQuantity(ratioLimit)}, but provided ratio is ${ratio.toFixed(6)}`,
      );
  }
  return errors;
}

/** PodValidateLimitFunc: every violation of the namespace's Container and Pod items, in kube-apiserver's words. */
export function limitRangeViolations(pod: Pod, ranges: readonly KubeObject[]): string[] {
  const errors: string[] = [];
  const containers = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  for (const item of items(ranges, 'Container'))
    for (const container of containers)
      errors.push(
        ...checkAmounts(
          item,
          'Container',
          containerAmounts(container, 'requests'),
          containerAmounts(container, 'limits'),
        ),
      );
  // The Pod items weigh the pod's requests and limits, init containers included (limitranger podRequests).
  for (const item of items(ranges, 'Pod'))
    errors.push(...checkAmounts(item, 'Pod', podAmounts(pod, 'requests'), podAmounts(pod, 'limits')));
  return errors;
}
