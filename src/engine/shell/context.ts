import type { ProcessIO, SystemCalls } from '../os/types';
import type { ListNode, Node, ShellSyntaxError } from './ast';
import { parseShell } from './parseShell';
import type { Blocked, FdTable, FunctionRef, ShellOptions, ShellState } from './state';

/**
 * Everything one `step` call works with. Built afresh for every call and never stored: the state it wraps is the
 * only thing that survives.
 */
export interface ExecContext {
  st: ShellState;
  sys: SystemCalls;
  /** Where `tty` descriptors lead: the process's streams, or in `$(...)` the enclosing command's. */
  base: ProcessIO;
  /** Inside `$(...)`, which runs to completion at once: nothing may block. */
  sync: boolean;
  /** Simple commands run during this call (the busy-loop guard). */
  count: number;
  /** Line of the command being run, for messages and `$LINENO`. */
  line: number;
  /** Redirections of the simple command being run. */
  overlay?: FdTable;
  /** Exit status of the last command substitution in the current command. */
  substStatus?: number;
  /** Run `$(...)` and return its output without trailing newlines. */
  substitute(src: number, list: ListNode): string;
}

/** An error that ends the command (and, in a non-interactive shell, the shell): expansion errors and the like. */
export class ShellError extends Error {}

/** The status a non-interactive shell exits with after such an error. */
export function fatalStatus(st: ShellState): number {
  return st.dialect === 'bash' ? 1 : 2;
}

/** What running a simple command asks of the executor. */
export type Action =
  /** Finished; the status is in `st.status`. */
  | { kind: 'done' }
  | { kind: 'block'; blocked: Blocked }
  | { kind: 'exit'; code: number }
  | { kind: 'return'; code: number }
  | { kind: 'break'; n: number; resume: boolean }
  | { kind: 'exec'; argv: string[]; env: Record<string, string> }
  | {
      kind: 'call';
      fn: FunctionRef;
      name: string;
      args: string[];
      assigns: [string, string][];
      fds: FdTable;
      owned: string[];
    }
  /**
   * Run shell text: `eval`, `.`/`source`, or (`script`) a script file or nested `sh -c` run as a command: in a
   * subshell with `name` as `$0`, `args` as positional parameters, fresh `options`, and the exported variables
   * plus the command's own assignments.
   */
  | {
      kind: 'run';
      text: string;
      as: 'eval' | 'source' | 'script';
      args?: string[];
      name?: string;
      options?: ShellOptions;
      assigns?: [string, string][];
      fds: FdTable;
      owned: string[];
    };

export const DONE: Action = { kind: 'done' };

/** A node of one of the state's sources. Frames only ever name nodes of sources that parsed. */
export function nodeOf<T extends Node>(ctx: ExecContext, src: number, id: number): T {
  const node = parseShell(ctx.st.sources[src] ?? '').script.nodes[id];
  if (!node) throw new Error(`shell: no node ${id} in source ${src}`);
  return node as T;
}

/** `sh: 3: message` (dash) or `bash: line 3: message`, with a newline. */
export function formatError(st: ShellState, line: number, message: string): string {
  return st.dialect === 'bash' ? `${st.arg0}: line ${line}: ${message}\n` : `${st.arg0}: ${line}: ${message}\n`;
}

/** A syntax error as the shell prints it: dash's `Syntax error: ...`, or bash's `syntax error near ...`. */
export function formatSyntaxError(st: ShellState, error: ShellSyntaxError): string {
  if (st.dialect !== 'bash') return formatError(st, error.line, `Syntax error: ${error.message}`);
  const where = `${st.arg0}: ${st.entry === 'command' ? '-c: ' : ''}line ${error.line}`;
  return error.token === undefined
    ? `${where}: syntax error: unexpected end of file\n`
    : `${where}: syntax error near unexpected token \`${error.token}'\n`;
}
