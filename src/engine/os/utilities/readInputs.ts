import { normalizePath } from '../fs/normalizePath';
import type { FileSystemView, FsErrorCode, ProcessIO, SystemCalls } from '../types';

/** One input of a filter (cat, head, wc, grep...): its name as given and its text, or why it could not be read. */
export type InputText = { name: string; text: string } | { name: string; error: FsErrorCode };

/**
 * Reads a file. `stat` comes first because `read` returns content and errno names in one string type, and a file
 * may well contain the text `ENOENT`.
 */
export function readFile(fs: FileSystemView, path: string): { text: string } | { error: FsErrorCode } {
  const stat = fs.stat(path);
  if (typeof stat === 'string') return { error: stat };
  if (stat.type === 'dir') return { error: 'EISDIR' };
  const text = fs.read(path);
  return { text };
}

/**
 * Reads each operand as a file relative to `cwd`; `-` (and no operand at all) means stdin, which can be read only
 * once, as a pipe.
 */
export function readInputs(operands: readonly string[], io: ProcessIO, sys: SystemCalls, cwd: string): InputText[] {
  const names = operands.length > 0 ? operands : ['-'];
  let stdinUsed = false;
  return names.map((name) => {
    if (name === '-') {
      const text = stdinUsed ? '' : io.stdin;
      stdinUsed = true;
      return { name, text };
    }
    return { name, ...readFile(sys.fs, normalizePath(cwd, name)) };
  });
}

/** Splits text into lines without their newlines; a final newline does not start another line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}
