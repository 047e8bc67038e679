/**
 * Printing fetched objects in any `-o` format, as `kubectl get` does (`KC:pkg/cmd/get/get.go`,
 * `cli-runtime/pkg/printers`).
 */
import type { KubeObject } from '../../api/types';
import { clientError } from '../errors';
import { formatTable } from '../format/tabwriter';
import { executeJsonPath, parseJsonPath } from '../format/jsonpath';
import { kindAndName, type ResourceInfo } from '../resourceArgs';
import { formatLabelMap } from './cellFormats';
import { printCustomColumns } from './customColumnsOutput';
import { tablePrinterFor } from './registry';
import { toKubectlJson, toKubectlYaml } from './serialize';

export interface PrintOptions {
  /** The raw `-o` value (`''`, `wide`, `yaml`, `jsonpath={...}`...). */
  output: string;
  nowMs: number;
  noHeaders?: boolean;
  showLabels?: boolean;
  labelColumns?: readonly string[];
  /** Adds the NAMESPACE column to tables of namespaced kinds. */
  allNamespaces?: boolean;
  /** Prefix names with `kind/` (several resource types were requested). */
  withKind?: boolean;
  /** One named object was asked for: `-o yaml` prints it alone rather than in a List. */
  singleItem?: boolean;
  /** Keep metadata.managedFields in `-o yaml|json` (kubectl omits them unless `--show-managed-fields`). */
  showManagedFields?: boolean;
}

const ALLOWED_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Whether `-o` names a format kubectl knows (checked before any request). */
export function checkOutputFormat(output: string): void {
  const format = output.split('=')[0] ?? '';
  const known = ['', 'wide', 'yaml', 'json', 'name', 'jsonpath', 'custom-columns'];
  if (!known.includes(format)) {
    throw clientError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED_FORMATS}`,
    );
  }
}

// printers.OmitManagedFieldsPrinter.
function withoutManagedFields(object: KubeObject): KubeObject {
  if (object.metadata.managedFields === undefined) return object;
  const { managedFields: _omitted, ...metadata } = object.metadata;
  return { ...object, metadata };
}

/** The `kind: List` wrapper kubectl prints around several objects. */
function asList(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/** Renders objects in the requested format; the result goes to stdout. */
export function printObjects(infos: readonly ResourceInfo[], options: PrintOptions): string {
  const [format, ...rest] = options.output.split('=');
  const argument = rest.join('=');
  const objects = infos.map((i) =>
    options.showManagedFields || !(format === 'yaml' || format === 'json') ? i.object : withoutManagedFields(i.object),
  );
  const data = options.singleItem && objects.length === 1 ? objects[0] : asList(objects);
  switch (format) {
    case 'yaml':
      return toKubectlYaml(data);
    case 'json':
      return toKubectlJson(data);
    case 'name':
      return infos.map((i) => `${kindAndName(i.resource, i.object.metadata.name ?? '')}\n`).join('');
    case 'jsonpath':
      return printJsonPath(argument, data);
    case 'custom-columns':
      return printCustomColumns(argument, objects, options.noHeaders ?? false);
    default:
      return printTables(infos, options);
  }
}

/** `-o jsonpath=TEMPLATE` over an object or a List (missing keys print nothing, as `kubectl get` allows). */
export function printJsonPath(template: string, data: unknown): string {
  const parsed = parseJsonPath(template);
  if (!parsed.ok) throw clientError(`error parsing jsonpath ${template}, ${parsed.error}`);
  const result = executeJsonPath(parsed.program, data, { allowMissingKeys: true });
  if (!result.ok) throw clientError(`error executing jsonpath "${template}": ${result.error}`);
  return result.output;
}

/** One table per run of objects of the same resource, separated by a blank line. */
function printTables(infos: readonly ResourceInfo[], options: PrintOptions): string {
  const wide = options.output === 'wide';
  const labelColumns = options.labelColumns ?? [];
  const groups: ResourceInfo[][] = [];
  for (const info of infos) {
    const last = groups[groups.length - 1];
    if (last && last[0]?.resource === info.resource) last.push(info);
    else groups.push([info]);
  }
  const tables = groups.map((group) => {
    const resource = (group[0] as ResourceInfo).resource;
    const printer = tablePrinterFor(resource);
    const keep = printer.columns.map((c) => wide || !c.wide);
    const withNamespace = options.allNamespaces && resource.namespaced;
    const nameColumn = printer.columns.findIndex((c) => c.header === 'NAME');
    const header = [
      ...(withNamespace ? ['NAMESPACE'] : []),
      ...printer.columns.filter((_, i) => keep[i]).map((c) => c.header),
      ...labelColumns.map((l) => l.toUpperCase()),
      ...(options.showLabels ? ['LABELS'] : []),
    ];
    const rows = group.map(({ object }) => {
      const cells = printer.row(object, options.nowMs, wide);
      if (options.withKind && nameColumn >= 0) cells[nameColumn] = kindAndName(resource, cells[nameColumn] ?? '');
      const labels = object.metadata.labels ?? {};
      return [
        ...(withNamespace ? [object.metadata.namespace ?? ''] : []),
        ...cells.filter((_, i) => keep[i]),
        ...labelColumns.map((l) => labels[l] ?? ''),
        ...(options.showLabels ? [formatLabelMap(labels)] : []),
      ];
    });
    return renderTable(options.noHeaders ? rows : [header, ...rows]);
  });
  return tables.join('\n');
}

/** A kubectl table (3-space tabwriter), ending with a newline. */
export function renderTable(rows: string[][]): string {
  if (rows.length === 0) return '';
  const text = formatTable(rows);
  return text.endsWith('\n') ? text : `${text}\n`;
}
