/** Table printers by resource (`plural` or `plural.group`); kinds without one get `NAME AGE`. */
import type { ResourceType } from '../../api/types';
import { groupResource } from '../resourceArgs';
import { eventPrinter } from './eventPrinter';
import { genericPrinter } from './genericPrinter';
import { namespacePrinter } from './namespacePrinter';
import { nodePrinter } from './nodePrinter';
import { podPrinter } from './podPrinter';
import type { TablePrinter } from './tablePrinter';

const PRINTERS: Record<string, TablePrinter> = {
  pods: podPrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  events: eventPrinter,
};

/** The table printer for a resource; a later issue adds one module per kind to this table. */
export function tablePrinterFor(resource: ResourceType): TablePrinter {
  return PRINTERS[groupResource(resource)] ?? genericPrinter;
}
