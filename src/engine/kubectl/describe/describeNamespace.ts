/**
 * `kubectl describe namespace` (`KC:pkg/describe/describe.go:describeNamespace, DescribeResourceQuotas,
 * DescribeLimitRanges`).
 */
import { quantityString } from '../printers/cellFormats';
import { formatRfc1123z, printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import { listRelated, type DescribeInput } from './describeInput';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './prefixWriter';

type ResourceList = Record<string, unknown>;

interface Quota {
  metadata: { name?: string };
  spec?: { scopes?: string[] };
  status?: { hard?: ResourceList; used?: ResourceList };
}

interface LimitRangeItem {
  type: string;
  max?: ResourceList;
  min?: ResourceList;
  default?: ResourceList;
  defaultRequest?: ResourceList;
  maxLimitRequestRatio?: ResourceList;
}

/** `DescribeResourceQuotas`: each quota's used and hard amounts, quotas and resources by name. */
function describeQuotas(w: PrefixWriter, quotas: readonly Quota[]): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Quotas\n');
  const byName = [...quotas].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  for (const quota of byName) {
    w.write(LEVEL_1, `Name:\t${quota.metadata.name ?? ''}\n`);
    const scopes = [...(quota.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = quota.status?.hard ?? {};
    for (const resource of Object.keys(hard).sort()) {
      const used = quota.status?.used?.[resource];
      w.write(LEVEL_1, `${resource}\t${quantityString(used)}\t${quantityString(hard[resource])}\n`);
    }
  }
}

/** `DescribeLimitRanges`: one row per limit type and resource (resources sorted; Go ranges over a map). */
function describeLimitRanges(w: PrefixWriter, ranges: readonly { spec?: { limits?: LimitRangeItem[] } }[]): void {
  if (ranges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(
    LEVEL_0,
    'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n',
  );
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const range of ranges) {
    for (const item of range.spec?.limits ?? []) {
      const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
      const resources = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort();
      for (const resource of resources) {
        const cells = lists.map((l) => (l && resource in l ? quantityString(l[resource]) : '-'));
        w.write(LEVEL_0, ` ${item.type}\t${resource}\t${cells.join('\t')}\n`);
      }
    }
  }
}

export function describeNamespace(input: DescribeInput): string {
  const { object } = input;
  const status = object.status as
    | {
        phase?: string;
        conditions?: { type: string; status: string; lastTransitionTime?: string; reason?: string; message?: string }[];
      }
    | undefined;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${status?.phase ?? ''}\n`);
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n');
    w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
    w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        LEVEL_1,
        `${c.type}\t${c.status}\t${formatRfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
      );
    }
  }
  // The quotas and limit ranges of the described namespace itself.
  const inside = { ...input, object: { ...object, metadata: { ...object.metadata, namespace: object.metadata.name } } };
  w.write(LEVEL_0, '\n');
  describeQuotas(w, listRelated(inside, 'resourcequotas') as unknown as Quota[]);
  w.write(LEVEL_0, '\n');
  describeLimitRanges(w, listRelated(inside, 'limitranges') as never);
  return w.text();
}
