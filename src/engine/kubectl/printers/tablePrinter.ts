/** The contract of a table printer for `kubectl get` (server-side printing, `K:pkg/printers/internalversion`). */
import type { KubeObject } from '../../api/types';

export interface TableColumn {
  /** Upper-case header as kubectl prints it. */
  header: string;
  /** Priority 1 columns appear only with `-o wide`. */
  wide?: boolean;
}

export interface TablePrinter {
  columns: readonly TableColumn[];
  /**
   * Every cell of the object's row, wide ones included, in column order. `wide` is set for `-o wide`, which some
   * cells print in full (a Service's load-balancer ingress).
   */
  row(object: KubeObject, nowMs: number, wide?: boolean): string[];
}

/** Columns from `|`-separated headers, a trailing `*` marking a `-o wide` one: `NAME|AGE|IP*`. */
export function defineColumns(spec: string): TableColumn[] {
  return spec
    .split('|')
    .map((header) => (header.endsWith('*') ? { header: header.slice(0, -1), wide: true } : { header }));
}
