/**
 * The writer behind `kubectl describe`: text with tab-separated cells, indented two spaces per level
 * (`KC:pkg/describe/describe.go:PrefixWriter`), aligned by Go's text/tabwriter with describe's settings
 * (`tabbedString`: minwidth 0, padding 2, padchar ' ').
 */
import { DESCRIBE_TABWRITER, alignTabs } from '../format/tabwriter';

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

  /** Aligns the complete lines written so far on their own (kubectl flushes before the Events table). */
  flush(): void {
    const cut = this.pending.lastIndexOf('\n') + 1;
    if (cut === 0) return;
    this.flushed += alignTabs(this.pending.slice(0, cut), [], DESCRIBE_TABWRITER).output;
    this.pending = this.pending.slice(cut);
  }

  text(): string {
    this.flush();
    return this.flushed + this.pending;
  }

  /**
   * The text without tabwriter alignment, tabs left in: what a PrefixWriter over a plain buffer gives
   * (`rollout history --revision` prints the pod template that way).
   */
  unaligned(): string {
    return this.flushed + this.pending;
  }
}
