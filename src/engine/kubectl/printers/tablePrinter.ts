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
  /** Every cell of the object's row, wide ones included, in column order. */
  row(object: KubeObject, nowMs: number): string[];
}
