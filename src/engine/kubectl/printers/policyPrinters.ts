/**
 * Tables of PodDisruptionBudgets, ResourceQuotas and LimitRanges (`K:pkg/printers/internalversion/printers.go`:
 * printPodDisruptionBudget, printResourceQuota, printLimitRange).
 */
import type { IIoK8sApiPolicyV1PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { translateTimestampSince } from '../format/duration';
import { defineColumns, type TablePrinter } from './tablePrinter';

/** MIN AVAILABLE and MAX UNAVAILABLE as set, `N/A` when not. */
export const podDisruptionBudgetPrinter: TablePrinter = {
  columns: defineColumns('NAME|MIN AVAILABLE|MAX UNAVAILABLE|ALLOWED DISRUPTIONS|AGE'),
  row: (object, nowMs) => {
    const { spec, status } = object as unknown as IIoK8sApiPolicyV1PodDisruptionBudget;
    return [
      object.metadata.name ?? '',
      spec?.minAvailable === undefined ? 'N/A' : String(spec.minAvailable),
      spec?.maxUnavailable === undefined ? 'N/A' : String(spec.maxUnavailable),
      String(status?.disruptionsAllowed ?? 0),
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
    ];
  },
};

/** SortableResourceNames: plain string order. */
const sortedNames = (list: Record<string, string> | undefined) => Object.keys(list ?? {}).sort();

/** `printResourceQuota`: `name: used/hard` pairs, limits.* ones under LIMIT and the rest under REQUEST. */
export const resourceQuotaPrinter: TablePrinter = {
  columns: defineColumns('NAME|AGE|REQUEST|LIMIT'),
  row: (object, nowMs) => {
    const status = (object.status ?? {}) as { hard?: Record<string, string>; used?: Record<string, string> };
    const request: string[] = [];
    const limit: string[] = [];
    for (const name of sortedNames(status.hard)) {
      const pieces = name.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(
        `${name}: ${status.used?.[name] ?? '0'}/${status.hard![name]}`,
      );
    }
    return [
      object.metadata.name ?? '',
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
      request.join(', '),
      limit.join(', '),
    ];
  },
};

/** `printLimitRange`: NAME and CREATED AT, the creation time in RFC 3339. */
export const limitRangePrinter: TablePrinter = {
  columns: defineColumns('NAME|CREATED AT'),
  row: (object) => [object.metadata.name ?? '', object.metadata.creationTimestamp ?? ''],
};
