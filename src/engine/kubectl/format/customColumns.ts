// kubectl: pkg/cmd/get/customcolumn.go (NewCustomColumnsPrinterFromSpec / FromTemplate, printOneObject) and
// cli-runtime/pkg/printers/terminal.go (EscapeTerminal).
import { formatGoValue } from './goValueText';
import { findJsonPathResults, parseJsonPath, relaxedJsonPath } from './jsonpath';
import { alignTabs } from './tabwriter';

/** One user column: its header and the full JSONPath template (already relaxed, e.g. `{.metadata.name}`). */
export interface CustomColumn {
  header: string;
  fieldSpec: string;
}

type ColumnsResult = { ok: true; columns: CustomColumn[] } | { ok: false; error: string };

function relaxedColumn(
  header: string,
  spec: string,
): { ok: true; column: CustomColumn } | { ok: false; error: string } {
  const relaxed = relaxedJsonPath(spec);
  return relaxed.ok ? { ok: true, column: { header, fieldSpec: relaxed.expression } } : relaxed;
}

/** `-o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image` (split on every comma). */
export function parseCustomColumnsSpec(spec: string): ColumnsResult {
  if (spec.length === 0) return { ok: false, error: 'custom-columns format specified but no custom columns given' };
  const columns: CustomColumn[] = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return { ok: false, error: `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>` };
    const column = relaxedColumn(part.slice(0, colon), part.slice(colon + 1));
    if (!column.ok) return column;
    columns.push(column.column);
  }
  return { ok: true, columns };
}

const TEMPLATE_FORMAT =
  'Expected format is one line of space separated headers, one line of space separated column specs.';

/** bufio.ScanLines: a final newline does not start another line; a trailing \r is dropped. */
function scanLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.replace(/\r$/, ''));
}

function splitOnWhitespace(line: string): string[] {
  return line.split(/\s+/u).filter((w) => w !== '');
}

/** `-o custom-columns-file=FILE`: a header line and a spec line, both whitespace separated. */
export function parseCustomColumnsTemplate(text: string): ColumnsResult {
  const lines = scanLines(text);
  if (lines.length < 1) return { ok: false, error: `invalid template, missing header line. ${TEMPLATE_FORMAT}` };
  if (lines.length < 2) return { ok: false, error: `invalid template, missing spec line. ${TEMPLATE_FORMAT}` };
  const headers = splitOnWhitespace(lines[0] ?? '');
  const specs = splitOnWhitespace(lines[1] ?? '');
  if (headers.length !== specs.length) {
    return {
      ok: false,
      error: `number of headers (${headers.length}) and field specifications (${specs.length}) don't match`,
    };
  }
  const columns: CustomColumn[] = [];
  for (const [i, header] of headers.entries()) {
    const column = relaxedColumn(header, specs[i] ?? '');
    if (!column.ok) return column;
    columns.push(column.column);
  }
  return { ok: true, columns };
}

/** printers.EscapeTerminal: ESC and CR cannot reach the terminal. */
function escapeTerminal(text: string): string {
  return text.split('\x1b').join('^[').split('\r').join('\\r');
}

/**
 * Prints objects as custom columns through kubectl's tabwriter: `<none>` when a column finds nothing, several
 * values joined by `,`, values printed as Go prints them. On an error, `output` holds what kubectl had already
 * flushed (the header, earlier rows) and `error` the message it reports.
 */
export function printCustomColumns(
  columns: readonly CustomColumn[],
  objects: readonly unknown[],
  options: { noHeaders?: boolean } = {},
): { output: string; error?: string } {
  let text = options.noHeaders ? '' : `${columns.map((c) => c.header).join('\t')}\n`;
  const flushed = (error?: string): { output: string; error?: string } => {
    const output = alignTabs(text).output;
    return error === undefined ? { output } : { output, error };
  };
  const programs = [];
  for (const column of columns) {
    const parsed = parseJsonPath(column.fieldSpec);
    if (!parsed.ok) return flushed(parsed.error);
    programs.push(parsed.program);
  }
  for (const object of objects) {
    const cells: string[] = [];
    for (const program of programs) {
      const found = findJsonPathResults(program, object, { allowMissingKeys: true });
      if (!found.ok) return flushed(found.error);
      const values = found.results.flat().map((v) => escapeTerminal(formatGoValue(v)));
      const first = found.results[0];
      cells.push((first === undefined || first.length === 0 ? ['<none>', ...values] : values).join(','));
    }
    text += `${cells.join('\t')}\n`;
  }
  return flushed();
}
