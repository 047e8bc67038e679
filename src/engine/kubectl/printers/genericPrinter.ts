import { translateTimestampSince } from '../format/duration';
import type { TablePrinter } from './tablePrinter';

/** The default table for kinds without their own printer: `NAME AGE`. */
export const genericPrinter: TablePrinter = {
  columns: [{ header: 'NAME' }, { header: 'AGE' }],
  row: (object, nowMs) => [
    object.metadata.name ?? '',
    translateTimestampSince(object.metadata.creationTimestamp, nowMs),
  ],
};
