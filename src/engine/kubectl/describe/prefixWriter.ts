/**
 * The writer behind `kubectl describe`: text with tab-separated cells, indented two spaces per level
 * (`KC:pkg/describe/describe.go:PrefixWriter`), aligned by Go's text/tabwriter with describe's settings
 * (`tabbedString`: minwidth 0, padding 2, padchar ' ').
 */

const PADDING = 2;

/** Go text/tabwriter's column-block formatting of lines of tab-terminated cells (the last cell is not aligned). */
function formatBlock(lines: readonly string[][]): string[] {
  const widths: number[] = [];
  const out: string[] = lines.map(() => '');
  const length = (s: string) => [...s].length;

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] as string[];
      out[i] = cells
        .map((cell, j) => {
          const width = widths[j];
          return j < cells.length - 1 && width !== undefined
            ? cell + ' '.repeat(Math.max(0, width - length(cell)))
            : cell;
        })
        .join('');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current] as string[]).length - 1) continue;
      writeLines(start, current);
      start = current;
      let width = 0;
      for (; current < line1; current++) {
        const cells = lines[current] as string[];
        if (column >= cells.length - 1) break;
        width = Math.max(width, length(cells[column] as string) + PADDING);
      }
      widths.push(width);
      format(start, current);
      widths.pop();
      start = current;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out;
}

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

export class PrefixWriter {
  private flushed = '';
  private pending = '';

  /** Writes text indented by `level` (two spaces per level). */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  /** Writes a line with no indentation. */
  writeLine(text: string): void {
    this.pending += `${text}\n`;
  }

  /** Aligns what was written so far on its own (kubectl flushes before the Events table). */
  flush(): void {
    if (this.pending === '') return;
    const lines = this.pending.split('\n');
    const last = lines.pop() ?? '';
    this.flushed += formatBlock(lines.map((l) => l.split('\t')))
      .map((l) => `${l}\n`)
      .join('');
    this.pending = last;
  }

  text(): string {
    this.flush();
    return this.flushed + this.pending;
  }
}
