/**
 * `kubectl describe` for PodDisruptionBudgets, ResourceQuotas and LimitRanges (`KC:pkg/describe/describe.go`:
 * describePodDisruptionBudget, describeQuota, describeLimitRange).
 */
import type { IIoK8sApiPolicyV1PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { formatLabelSelector, labelSelectorFromSpec } from '../../api/selectors/labelSelector';
import { describeEvents } from './describeHelpers';
import type { DescribeInput } from './describeInput';
import { LEVEL_0, LEVEL_2, PrefixWriter } from './prefixWriter';

export function describePodDisruptionBudget(input: DescribeInput): string {
  const pdb = input.object as unknown as IIoK8sApiPolicyV1PodDisruptionBudget & { metadata: { name?: string } };
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${pdb.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ''}\n`);
  if (pdb.spec?.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${pdb.spec.minAvailable}\n`);
  else if (pdb.spec?.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
  const selector = labelSelectorFromSpec(pdb.spec?.selector);
  w.write(LEVEL_0, `Selector:\t${'error' in selector ? '<unset>' : formatLabelSelector(selector)}\n`);
  w.write(LEVEL_0, 'Status:\n');
  w.write(LEVEL_2, `Allowed disruptions:\t${pdb.status?.disruptionsAllowed ?? 0}\n`);
  w.write(LEVEL_2, `Current:\t${pdb.status?.currentHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Desired:\t${pdb.status?.desiredHealthy ?? 0}\n`);
  w.write(LEVEL_2, `Total:\t${pdb.status?.expectedPods ?? 0}\n`);
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

/** `describeQuota`: Resource, Used, Hard per tracked resource (used printed in the hard amount's format). */
export function describeResourceQuota(input: DescribeInput): string {
  const quota = input.object;
  const spec = (quota.spec ?? {}) as { scopes?: string[] };
  const status = (quota.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${quota.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${quota.metadata.namespace ?? ''}\n`);
  if ((spec.scopes ?? []).length > 0) w.write(LEVEL_0, `Scopes:\t${[...spec.scopes!].sort().join(', ')}\n`);
  w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
  w.write(LEVEL_0, '--------\t----\t----\n');
  for (const name of Object.keys(status.hard ?? {}).sort())
    w.write(LEVEL_0, `${name}\t${status.used?.[name] ?? '0'}\t${status.hard![name]}\n`);
  return w.text();
}

interface LimitRangeItem {
  type?: string;
  min?: Record<string, string>;
  max?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

/** `describeLimitRange`: one row per item and resource; `-` where the item sets nothing. */
export function describeLimitRange(input: DescribeInput): string {
  const range = input.object;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${range.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${range.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const item of (range.spec as { limits?: LimitRangeItem[] } | undefined)?.limits ?? []) {
    const names = new Set<string>();
    for (const list of [item.min, item.max, item.default, item.defaultRequest, item.maxLimitRequestRatio])
      for (const name of Object.keys(list ?? {})) names.add(name);
    for (const name of [...names].sort()) {
      const cell = (list: Record<string, string> | undefined) => list?.[name] ?? '-';
      w.write(
        LEVEL_0,
        `${item.type ?? ''}\t${name}\t${cell(item.min)}\t${cell(item.max)}\t${cell(item.defaultRequest)}\t${cell(item.default)}\t${cell(item.maxLimitRequestRatio)}\n`,
      );
    }
  }
  return w.text();
}
