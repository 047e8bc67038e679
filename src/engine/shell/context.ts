import type { ProcessIO, SystemCalls } from '../os/types';
import type { ListNode, Node, ShellSyntaxError } from './ast';
import { parseShell } from './parseShell';
import type { Blocked, Dialect, FdTable, FunctionRef, ShellOptions, ShellState } from './state';

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
      /** For a script: `name` names it (a file, or `-c` given a `$0`), and the dialect of the shell running it. */
      named?: boolean;
      dialect?: Dialect;
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

/**
 * An error message as the shell prints it, with a newline: dash's `sh: 3: message`, bash's `bash: line 3: message`,
 * ash's `sh: message` (`x.sh: line 3: message` when the script has a name; busybox shell/ash.c ash_vmsg).
 */
export function formatError(st: ShellState, line: number, message: string): string {
  if (st.dialect === 'bash') return `${st.arg0}: line ${line}: ${message}\n`;
  if (st.dialect === 'dash') return `${st.arg0}: ${line}: ${message}\n`;
  return `${st.arg0}: ${st.scriptName === undefined ? '' : `line ${line}: `}${message}\n`;
}

/**
 * A builtin's complaint `name: message`. ash names the builtin before the line (its `commandname` is the builtin
 * while it runs), and leaves the line out in an interactive shell: `sh: cd: line 1: can't cd to /x: ...`.
 */
export function formatBuiltinError(st: ShellState, line: number, name: string, message: string): string {
  if (st.dialect !== 'ash') return formatError(st, line, message);
  const rest = message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
  return `${st.arg0}: ${name}: ${st.entry === 'stdin' ? '' : `line ${line}: `}${rest}\n`;
}

/**
 * The complaint and exit status of `sh missing.sh`: dash `sh: 0: cannot open x.sh: No such file` (2), ash
 * `sh: can't open 'x.sh': No such file or directory` (2), bash `bash: x.sh: No such file or directory` (127).
 */
export function missingScript(dialect: Dialect, shell: string, path: string): { message: string; code: number } {
  if (dialect === 'bash') return { message: `${shell}: ${path}: No such file or directory\n`, code: 127 };
  if (dialect === 'ash') return { message: `${shell}: can't open '${path}': No such file or directory\n`, code: 2 };
  return { message: `${shell}: 0: cannot open ${path}: No such file\n`, code: 2 };
}

/** Tokens ash quotes when it names one (busybox shell/ash.c tokname); any other word is just `word`. */
// prettier-ignore
const ASH_TOKENS: ReadonlySet<string> = new Set([
  ';', '&', '&&', '||', '|', '(', ')', ';;', '`', '!', '{', '}', 'case', 'do', 'done', 'elif', 'else', 'esac', 'fi',
  'for', 'if', 'in', 'then', 'until', 'while', 'function',
]);

function ashTokenName(token: string | undefined): string {
  if (token === undefined) return 'end of file';
  if (token === 'newline') return token;
  if (/^\d*[<>]/.test(token)) return 'redirection';
  return ASH_TOKENS.has(token) ? `"${token}"` : 'word';
}

/**
 * A syntax error as the shell prints it: dash's `Syntax error: "fi" unexpected`, ash's
 * `syntax error: unexpected "fi"`, or bash's `syntax error near unexpected token`.
 */
export function formatSyntaxError(st: ShellState, error: ShellSyntaxError): string {
  if (st.dialect === 'dash') return formatError(st, error.line, `Syntax error: ${error.message}`);
  if (st.dialect === 'ash') {
    const what = error.unexpected
      ? `unexpected ${ashTokenName(error.token)}${error.expecting ? ` (expecting "${error.expecting}")` : ''}`
      : error.message.charAt(0).toLowerCase() + error.message.slice(1);
    return formatError(st, error.line, `syntax error: ${what}`);
  }
  const where = `${st.arg0}: ${st.entry === 'command' ? '-c: ' : ''}line ${error.line}`;
  return error.token === undefined
    ? `${where}: syntax error: unexpected end of file\n`
    : `${where}: syntax error near unexpected token \`${error.token}'\n`;
}
