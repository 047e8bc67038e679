/** Tables of ConfigMaps, Secrets and ServiceAccounts (`K:pkg/printers/internalversion/printers.go`). */
import type { KubeObject } from '../../api/types';
import { translateTimestampSince } from '../format/duration';
import { defineColumns, type TablePrinter } from './tablePrinter';

const count = (value: unknown): number =>
  Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : 0;
const age = (object: KubeObject, nowMs: number) => translateTimestampSince(object.metadata.creationTimestamp, nowMs);

/** `printConfigMap`: DATA counts data and binaryData keys. */
export const configMapPrinter: TablePrinter = {
  columns: defineColumns('NAME|DATA|AGE'),
  row: (object, nowMs) => [
    object.metadata.name ?? '',
    String(count(object.data) + count(object.binaryData)),
    age(object, nowMs),
  ],
};

/** `printSecret`. */
export const secretPrinter: TablePrinter = {
  columns: defineColumns('NAME|TYPE|DATA|AGE'),
  row: (object, nowMs) => [
    object.metadata.name ?? '',
    typeof object.type === 'string' ? object.type : '',
    String(count(object.data)),
    age(object, nowMs),
  ],
};

/** `printServiceAccount`: SECRETS counts the (legacy) `secrets` list. */
export const serviceAccountPrinter: TablePrinter = {
  columns: defineColumns('NAME|SECRETS|AGE'),
  row: (object, nowMs) => [object.metadata.name ?? '', String(count(object.secrets)), age(object, nowMs)],
};
