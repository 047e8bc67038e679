/** A container's and a pod's resource amounts as exact quantities, for quota and LimitRange admission. */
import type { Container, Pod } from '../kinds';
import { addQuantities, compareQuantities, parseQuantity, type Quantity } from '../quantity/quantity';

export type ResourceList = Record<string, Quantity>;

/** A quantity as written in a manifest (`500m`, `1Gi`, `2`), or undefined when absent or malformed. */
export function quantityOf(value: unknown): Quantity | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = parseQuantity(String(value));
  return parsed.ok ? parsed.value : undefined;
}

/** A container's requests or limits. */
export function containerAmounts(container: Container, kind: 'requests' | 'limits'): ResourceList {
  const amounts: ResourceList = {};
  for (const [name, value] of Object.entries((container.resources?.[kind] ?? {}) as Record<string, unknown>)) {
    const parsed = quantityOf(value);
    if (parsed) amounts[name] = parsed;
  }
  return amounts;
}

/**
 * PodRequests / PodLimits (component-helpers/resource/helpers.go): the sum over app containers, or the largest init
 * container's amount when that is larger.
 */
export function podAmounts(pod: Pod, kind: 'requests' | 'limits'): ResourceList {
  const sum: ResourceList = {};
  for (const container of pod.spec.containers ?? [])
    for (const [name, value] of Object.entries(containerAmounts(container, kind)))
      sum[name] = sum[name] ? addQuantities(sum[name]!, value) : value;
  for (const container of pod.spec.initContainers ?? [])
    for (const [name, value] of Object.entries(containerAmounts(container, kind)))
      if (!sum[name] || compareQuantities(value, sum[name]!) > 0) sum[name] = value;
  return sum;
}
