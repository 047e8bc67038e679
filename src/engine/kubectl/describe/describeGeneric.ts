/**
 * The describer for kinds without their own (`KC:pkg/describe/describe.go:genericDescriber`): metadata, then every
 * other field of the object under "smart" labels (`apiVersion` → `API Version`), then events.
 */
import type { KubeObject } from '../../api/types';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './describeHelpers';
import type { DescribeInput } from './describeInput';
import { LEVEL_0, PrefixWriter } from './prefixWriter';

const SKIPPED = [
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
];
const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** fatih/camelcase `Split`: runs of lower case, upper case, digits and others; `HTTPServer` → `HTTP`, `Server`. */
export function splitCamelCase(text: string): string[] {
  const kind = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[0-9]/.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of text) {
    const k = kind(c);
    if (k === last) runs[runs.length - 1]?.push(c);
    else runs.push([c]);
    last = k;
  }
  // An upper-case run followed by a lower-case one gives its last letter to the lower-case run (`V`, `ersion`).
  for (let i = 0; i < runs.length - 1; i++) {
    const run = runs[i] as string[];
    const next = runs[i + 1] as string[];
    if (kind(run[0] ?? '') === 2 && kind(next[0] ?? '') === 1) next.unshift(run.pop() as string);
  }
  return runs.map((r) => r.join('')).filter((r) => r !== '');
}

/** `smartLabelFor`: words title-cased, known acronyms upper-cased; names with other characters as they are. */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return splitCamelCase(field)
    .filter((part) => part !== '_')
    .map((part) =>
      ACRONYMS.includes(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join(' ');
}

/** Go's `%v` of a JSON scalar. */
function scalarText(value: unknown): string {
  if (value === null) return '<nil>';
  return String(value);
}

/** `printUnstructuredContent`: fields sorted, maps and lists nested one level deeper. */
function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.includes(path)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) {
          printContent(w, level + 1, child as Record<string, unknown>, path);
        } else w.write(level + 1, `${scalarText(child)}\n`);
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${scalarText(value)}\n`);
    }
  }
}

/** Name, Namespace, Labels, Annotations, the other fields, and Events. */
export function describeGeneric(input: DescribeInput): string {
  const object: KubeObject = input.object;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  printContent(w, LEVEL_0, object, '');
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}
