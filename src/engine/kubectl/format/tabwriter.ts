// kubectl: cli-runtime/pkg/printers/tabwriter.go — github.com/liggitt/tabwriter (a fork of Go's text/tabwriter)
// with minwidth 6, tabwidth 4, padding 3, padchar ' ' and the RememberWidths flag.

/** The tabwriter settings that differ between kubectl's tables and `describe` (Go's text/tabwriter). */
export interface TabwriterSettings {
  minWidth: number;
  padding: number;
  /** liggitt/tabwriter's RememberWidths: a column never shrinks below the widest block seen before. */
  rememberWidths: boolean;
}

/** `printers.GetNewTabWriter`. */
export const TABLE_TABWRITER: TabwriterSettings = { minWidth: 6, padding: 3, rememberWidths: true };
/** describe's `tabbedString`: `tabwriter.Init(buf, 0, 8, 2, ' ', 0)`. */
export const DESCRIBE_TABWRITER: TabwriterSettings = { minWidth: 0, padding: 2, rememberWidths: false };

interface Cell {
  text: string;
  /** Width in runes, as Go counts it (utf8.RuneCount), not display columns. */
  width: number;
}

/** A line's cells; every cell but the last was tab-terminated. */
type Line = Cell[];

function cellOf(text: string): Cell {
  return { text, width: [...text].length };
}

/**
 * Aligns tab-separated text like kubectl's tabwriter: a column block is a run of consecutive lines that have
 * a tab-terminated cell in that column; its width is the widest cell plus 3 (at least 6). The last cell of a
 * line is never padded. `remembered` carries RememberWidths between flushes (plain data: column widths); pass
 * the previous result's widths to keep a streamed table (`get -w`) aligned.
 */
export function alignTabs(
  text: string,
  remembered: readonly number[] = [],
  settings: TabwriterSettings = TABLE_TABWRITER,
): { output: string; remembered: number[] } {
  const lines: Line[] = text.split('\n').map((l) => l.split('\t').map(cellOf));
  // Flush only terminates a non-empty trailing cell: "a\t" at the very end leaves "a" as the line's last cell.
  const last = lines[lines.length - 1] ?? [];
  if (last[last.length - 1]?.text === '') last.pop();
  const maxWidths = [...remembered];
  const widths: number[] = [];
  let output = '';

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const line = lines[i] ?? [];
      line.forEach((cell, j) => {
        output += cell.text;
        const width = widths[j];
        if (j < line.length - 1 && width !== undefined) output += ' '.repeat(width - cell.width);
      });
      // The text after the final newline is written without one.
      if (i + 1 < lines.length) output += '\n';
    }
  };

  const format = (lineFrom: number, lineTo: number): void => {
    const column = widths.length;
    let line0 = lineFrom;
    for (let current = lineFrom; current < lineTo; current++) {
      if (column >= (lines[current]?.length ?? 0) - 1) continue;
      writeLines(line0, current);
      line0 = current;
      let width = settings.minWidth;
      for (; current < lineTo; current++) {
        const line = lines[current] ?? [];
        if (column >= line.length - 1) break;
        width = Math.max(width, (line[column]?.width ?? 0) + settings.padding);
      }
      if (settings.rememberWidths) {
        if (maxWidths.length < widths.length) maxWidths.push(...widths.slice(maxWidths.length));
        if (maxWidths.length === widths.length) maxWidths.push(width);
        else width = Math.max(width, maxWidths[column] ?? 0);
        maxWidths[column] = width;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, lineTo);
  };

  format(0, lines.length);
  return { output, remembered: maxWidths };
}

/** A kubectl table: rows of cells (header row included by the caller), each row ending with a newline. */
export function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  return alignTabs(`${rows.map((r) => r.join('\t')).join('\n')}\n`).output;
}
