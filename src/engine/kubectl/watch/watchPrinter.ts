/**
 * Printing for `kubectl get -w` (`KC:pkg/cmd/get/get.go` watch): the same printers as `get`, kept for the whole
 * watch. A table prints its header once, before the first row, and each event is flushed through a tabwriter that
 * remembers column widths; YAML documents after the first start with `---`; `--output-watch-events` prints each
 * object as a watch event (`cli-runtime/pkg/printers/tableprinter.go`: an EVENT column first).
 */
import type { KubeObject, WatchEvent } from '../../api/types';
import { alignTabs } from '../format/tabwriter';
import { formatLabelMap } from '../printers/cellFormats';
import { printCustomColumns } from '../printers/customColumnsOutput';
import { printJsonPath } from '../printers/printObjects';
import { tablePrinterFor } from '../printers/registry';
import { toKubectlJson, toKubectlYaml } from '../printers/serialize';
import { kindAndName } from '../resourceArgs';
import type { GetWatchSpec } from './watchSpec';

// tableprinter.go formattedEventType: padded so that the EVENT column lines up across flushes.
const EVENT_CELLS: Record<WatchEvent['type'], string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
};

/**
 * Prints one flush of a watch: the objects as listed at its start (each as ADDED), or one event. Updates the
 * printer state in `spec`; throws a KubectlError when a template cannot be printed. The format was checked when
 * the command started.
 */
export function printWatchEvents(spec: GetWatchSpec, events: readonly WatchEvent[], nowMs: number): string {
  const { print } = spec;
  const [format, ...rest] = print.output.split('=');
  const argument = rest.join('=');
  if (format === '' || format === 'wide') return printTableFlush(spec, events, nowMs);
  let text = '';
  for (const event of events) {
    const object = shownObject(spec, event.object, format);
    const data = print.outputWatchEvents ? { type: event.type, object } : object;
    switch (format) {
      case 'name':
        text += `${kindAndName(spec.resource, object.metadata.name ?? '')}\n`;
        break;
      case 'yaml':
        text += `${spec.printer.documents++ > 0 ? '---\n' : ''}${toKubectlYaml(data)}`;
        break;
      case 'json':
        text += print.outputWatchEvents ? watchEventJson(event.type, object) : toKubectlJson(object);
        break;
      case 'jsonpath':
        text += printJsonPath(argument, data);
        break;
      case 'custom-columns':
        // CustomColumnsPrinter prints its header when the type of object changes: once, before the first.
        text += printCustomColumns(argument, [data], print.noHeaders || spec.printer.printedHeaders);
        spec.printer.printedHeaders = true;
        break;
    }
  }
  return text;
}

/** `-o yaml|json` leave out managedFields unless `--show-managed-fields` (printers.OmitManagedFieldsPrinter). */
function shownObject(spec: GetWatchSpec, object: KubeObject, format: string | undefined): KubeObject {
  if (spec.print.showManagedFields || !(format === 'yaml' || format === 'json')) return object;
  if (object.metadata.managedFields === undefined) return object;
  const { managedFields: _omitted, ...metadata } = object.metadata;
  return { ...object, metadata };
}

/** metav1.WatchEvent marshalled as a struct: `type` before `object`, the object's own keys sorted. */
function watchEventJson(type: WatchEvent['type'], object: KubeObject): string {
  const inner = toKubectlJson(object).trimEnd().split('\n').join('\n    ');
  return `{\n    "type": "${type}",\n    "object": ${inner}\n}\n`;
}

function printTableFlush(spec: GetWatchSpec, events: readonly WatchEvent[], nowMs: number): string {
  const { print, resource } = spec;
  if (events.length === 0) return '';
  const wide = print.output === 'wide';
  const printer = tablePrinterFor(resource);
  const keep = printer.columns.map((c) => wide || !c.wide);
  const withNamespace = print.allNamespaces && resource.namespaced;
  const nameColumn = printer.columns.findIndex((c) => c.header === 'NAME');
  const rows: string[][] = [];
  if (!print.noHeaders && !spec.printer.printedHeaders)
    rows.push([
      ...(print.outputWatchEvents ? ['EVENT'] : []),
      ...(withNamespace ? ['NAMESPACE'] : []),
      ...printer.columns.filter((_, i) => keep[i]).map((c) => c.header),
      ...print.labelColumns.map((l) => l.toUpperCase()),
      ...(print.showLabels ? ['LABELS'] : []),
    ]);
  spec.printer.printedHeaders = true;
  for (const { type, object } of events) {
    const cells = printer.row(object, nowMs, wide);
    if (print.withKind && nameColumn >= 0) cells[nameColumn] = kindAndName(resource, cells[nameColumn] ?? '');
    const labels = object.metadata.labels ?? {};
    rows.push([
      ...(print.outputWatchEvents ? [EVENT_CELLS[type]] : []),
      ...(withNamespace ? [object.metadata.namespace ?? ''] : []),
      ...cells.filter((_, i) => keep[i]),
      ...print.labelColumns.map((l) => labels[l] ?? ''),
      ...(print.showLabels ? [formatLabelMap(labels)] : []),
    ]);
  }
  const aligned = alignTabs(`${rows.map((r) => r.join('\t')).join('\n')}\n`, spec.printer.widths);
  spec.printer.widths = aligned.remembered;
  return aligned.output;
}
