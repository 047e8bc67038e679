/** Requests and limits of pods as `kubectl describe node` totals them (`resourcehelper.PodRequests/PodLimits`). */
import type { IPod } from 'kubernetes-models/v1/Pod';
import {
  addQuantities,
  formatQuantity,
  parseQuantity,
  quantityToMilli,
  quantityValue,
  type Quantity,
} from '../../api/quantity/quantity';

const ZERO: Quantity = { nanos: '0', format: 'DecimalSI' };

function quantityOf(value: unknown): Quantity {
  if (value === undefined || value === null) return ZERO;
  const parsed = parseQuantity(String(value));
  return parsed.ok ? parsed.value : ZERO;
}

function containerAmount(
  container: NonNullable<IPod['spec']>['containers'][number],
  kind: 'requests' | 'limits',
  resource: string,
): Quantity {
  return quantityOf((container.resources?.[kind] as Record<string, unknown> | undefined)?.[resource]);
}

/** One pod's amount: the sum over app containers, at least the largest init container's. */
function podAmount(pod: IPod, kind: 'requests' | 'limits', resource: string): Quantity {
  let sum = ZERO;
  for (const c of pod.spec?.containers ?? []) sum = addQuantities(sum, containerAmount(c, kind, resource));
  for (const c of pod.spec?.initContainers ?? []) {
    const amount = containerAmount(c, kind, resource);
    if (quantityToMilli(amount) > quantityToMilli(sum)) sum = amount;
  }
  return sum;
}

/** The total over pods, printed as Quantity.String() (`850m`, `256Mi`, `0`). */
export function podResourceTotal(pods: readonly IPod[], kind: 'requests' | 'limits', resource: string): string {
  let total = ZERO;
  for (const pod of pods) total = addQuantities(total, podAmount(pod, kind, resource));
  return formatQuantity(total);
}

/** int64(amount / allocatable * 100): milli-units for cpu, units otherwise; 0 when nothing is allocatable. */
export function resourcePercent(amount: string, allocatable: unknown, resource: string): number {
  const a = quantityOf(amount);
  const b = quantityOf(allocatable);
  const scale = resource === 'cpu' ? quantityToMilli : quantityValue;
  const denominator = scale(b);
  if (denominator === 0) return 0;
  return Math.trunc((scale(a) / denominator) * 100);
}
