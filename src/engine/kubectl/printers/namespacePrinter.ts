import { translateTimestampSince } from '../format/duration';
import type { TablePrinter } from './tablePrinter';

/** `printNamespace`: `NAME STATUS AGE`. */
export const namespacePrinter: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'STATUS' }, { header: 'AGE' }],
  row: (ns, nowMs) => {
    const status = ns.status as { phase?: string } | undefined;
    return [ns.metadata.name ?? '', status?.phase ?? '', translateTimestampSince(ns.metadata.creationTimestamp, nowMs)];
  },
};
