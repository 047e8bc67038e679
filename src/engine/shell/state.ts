/**
 * The shell's whole process state: plain JSON, snapshotted by the engine mid-`sleep` and restored exactly.
 * Syntax trees are not part of it: frames name a source text (by index into `sources`) and a node id.
 */
import type { Userland } from '../os/types';
import { dialectFor } from './dialect';

export interface ShellVar {
  /** Absent for a name that is exported or readonly but not set. */
  value?: string;
  exported?: boolean;
  readonly?: boolean;
}

/** Whose wording the shell uses: Debian's dash, busybox's ash, or bash. */
export type Dialect = 'dash' | 'ash' | 'bash';

export interface ShellOptions {
  errexit: boolean;
  xtrace: boolean;
  nounset: boolean;
  noglob: boolean;
  pipefail: boolean;
}

/** Where an open descriptor leads. `tty` is the process's own stream n (or, in `$(...)`, the caller's). */
export type Fd =
  { t: 'tty'; n: number } | { t: 'null' } | { t: 'file'; path: string } | { t: 'buf'; id: string } | { t: 'closed' };

/** Descriptors by number ("0", "1", ...). */
export type FdTable = Record<string, Fd>;

/** An in-memory stream: a pipe between pipeline stages, a here-document, or a file read by `<`. */
export interface IoBuffer {
  data: string;
  pos: number;
}

/** A function definition: its body node in a source. */
export interface FunctionRef {
  src: number;
  node: number;
}

/** What a subshell restores when it ends. */
export interface SavedEnv {
  dialect: Dialect;
  arg0: string;
  scriptName?: string;
  vars: Record<string, ShellVar>;
  positional: string[];
  functions: Record<string, FunctionRef>;
  cwd: string;
  options: ShellOptions;
  traps: Record<string, string>;
  fds: FdTable;
}

interface FrameBase {
  /** Index into `ShellState.sources` of the text the frame's nodes come from. */
  src: number;
  /** Redirections in force while the frame runs. */
  fds?: FdTable;
  /** Buffers to free when the frame ends. */
  owned?: string[];
  /** Set while the frame runs a condition (`if`, `while`, left of `&&`): `set -e` does not apply there. */
  cond?: boolean;
  /**
   * A node to start when the frame is first advanced: function bodies and sourced or evaluated text start from
   * the loop, not from the call, so deep recursion never deepens the JavaScript stack.
   */
  start?: number;
}

/**
 * One level of the interpreter's stack. A frame is advanced each time the command it started finishes (with the
 * status in `ShellState.status`); "holder" frames (block, sub, func, source, trap) end when their one child does.
 */
export type Frame =
  | (FrameBase & { k: 'list'; node: number; i: number })
  | (FrameBase & { k: 'andor'; node: number; i: number })
  | (FrameBase & { k: 'pipe'; node: number; i: number; pending?: string; failed: number })
  | (FrameBase & { k: 'if'; node: number; clause: number; inBody: boolean })
  | (FrameBase & { k: 'loop'; node: number; inBody: boolean; status: number })
  | (FrameBase & { k: 'for'; node: number; items: string[]; i: number })
  | (FrameBase & { k: 'block' })
  | (FrameBase & { k: 'sub'; saved: SavedEnv })
  | (FrameBase & { k: 'func'; name: string; positional: string[]; locals: Record<string, ShellVar | null> })
  | (FrameBase & { k: 'source'; positional?: string[] })
  /** A trap action; `status` is the `$?` restored when it ends. */
  | (FrameBase & { k: 'trap'; status: number });

/** Why the shell is waiting. */
export type Blocked =
  /** A utility asked to sleep; `status` takes effect when it wakes. */
  | { kind: 'sleep'; until: number; status: number }
  /** A busy loop gave the engine a turn. */
  | { kind: 'yield'; until: number }
  /** Reading a script from a stdin that stays open and silent (an interactive `sh` in a `stdin: true` container). */
  | { kind: 'stdin' }
  /** A foreground child started with `spawn`. */
  | { kind: 'child'; pid: number }
  /** The `wait` builtin: `pids` still to wait for; it returns the status of `last` (-1 for a bare `wait`: 0). */
  | { kind: 'wait'; pids: number[]; last: number; status: number };

export interface ShellState {
  dialect: Dialect;
  /** The image's userland, which decides the dialect of the shells this one runs (`sh -c`, `./script.sh`). */
  userland?: Userland;
  /** `$0`, also the prefix of error messages (`/bin/sh: 1: foo: not found`). */
  arg0: string;
  /**
   * The script being run when it has a name of its own: a script file, or `-c` given a `$0` (ash's `commandname`).
   * ash's messages then name the line (`x.sh: line 3: foo: not found`); with `sh -c` alone they do not.
   */
  scriptName?: string;
  /** argv[0] as the shell was invoked (`sh`, `/bin/bash`), for messages about the invocation itself. */
  shellName: string;
  /** `-c` string (already in `sources[0]`), a script file or stdin read on start, or a prepared background job. */
  entry: 'command' | 'file' | 'stdin' | 'job';
  scriptPath?: string;
  /** For a background job: the and-or list it runs. */
  job?: { src: number; node: number };
  cmdline: string;
  started: boolean;
  sources: string[];
  positional: string[];
  vars: Record<string, ShellVar>;
  functions: Record<string, FunctionRef>;
  cwd: string;
  /** `$?`. */
  status: number;
  options: ShellOptions;
  /** Trap actions by `EXIT` or signal name (`SIGTERM`); '' ignores the signal. */
  traps: Record<string, string>;
  /** Background jobs not yet waited for. */
  jobs: number[];
  lastBgPid?: number;
  /** `$$`: the shell's pid, kept by subshells and background jobs. */
  shellPid?: number;
  frames: Frame[];
  /** Redirections made permanent by `exec >file`. */
  fds: FdTable;
  bufs: Record<string, IoBuffer>;
  nextBuf: number;
  /** How much of the process's stdin has been read. */
  stdinPos: number;
  blocked?: Blocked;
  /** Set once the shell is exiting (the EXIT trap runs with this status). */
  exiting?: number;
  /** An error to print, with its exit status, once the commands before it have run (syntax errors, bad usage). */
  deferredError?: { message: string; code: number };
}

export const DEFAULT_IFS = ' \t\n';

function defaultOptions(): ShellOptions {
  return { errexit: false, xtrace: false, nounset: false, noglob: false, pipefail: false };
}

/** The state of a shell about to run; `start` and `createShellState` fill in how it got its script. */
export function initialShellState(
  arg0: string,
  invokedAs: string,
  env: Record<string, string>,
  cwd: string,
  cmdline: string,
  userland?: Userland,
): ShellState {
  const vars: Record<string, ShellVar> = {};
  for (const [name, value] of Object.entries(env)) vars[name] = { value, exported: true };
  vars.IFS ??= { value: DEFAULT_IFS };
  vars.PWD ??= { value: cwd };
  vars.OPTIND ??= { value: '1' };
  return {
    dialect: dialectFor(invokedAs, userland),
    ...(userland ? { userland } : {}),
    arg0,
    shellName: invokedAs,
    entry: 'command',
    cmdline,
    started: false,
    sources: [''],
    positional: [],
    vars,
    functions: {},
    cwd,
    status: 0,
    options: defaultOptions(),
    traps: {},
    jobs: [],
    frames: [],
    fds: {},
    bufs: {},
    nextBuf: 0,
    stdinPos: 0,
  };
}

/**
 * A shell that runs `script` as `sh -c script name args...` would: for exec probes, lifecycle hooks and
 * `kubectl exec`. `name` is `$0` (default `sh`; `bash` gives bash's wording); `userland` the image's.
 */
export function createShellState(options: {
  script: string;
  args?: string[];
  env: Record<string, string>;
  cwd: string;
  name?: string;
  userland?: Userland;
}): ShellState {
  const name = options.name ?? 'sh';
  const st = initialShellState(name, name, options.env, options.cwd, `${name} -c ${options.script}`, options.userland);
  st.sources[0] = options.script;
  st.positional = [...(options.args ?? [])];
  return st;
}

export function getVar(st: ShellState, name: string): string | undefined {
  return st.vars[name]?.value;
}

/** Set a variable; returns an error message for readonly ones. */
export function setVar(st: ShellState, name: string, value: string): string | undefined {
  const v = st.vars[name];
  if (v?.readonly) return `${name}: is read only`;
  if (v) v.value = value;
  else st.vars[name] = { value };
  return undefined;
}

export function unsetVar(st: ShellState, name: string): string | undefined {
  const v = st.vars[name];
  if (v?.readonly) return `${name}: is read only`;
  delete st.vars[name];
  return undefined;
}

/** The environment a child process or utility sees: exported variables plus per-command assignments. */
export function exportedEnv(st: ShellState, extra: [string, string][] = []): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, v] of Object.entries(st.vars)) if (v.exported && v.value !== undefined) env[name] = v.value;
  for (const [name, value] of extra) env[name] = value;
  return env;
}

export function ifsOf(st: ShellState): string {
  return getVar(st, 'IFS') ?? DEFAULT_IFS;
}

/** Deep copy of plain JSON data (state pieces saved by subshells). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function saveEnv(st: ShellState): SavedEnv {
  return cloneJson({
    dialect: st.dialect,
    arg0: st.arg0,
    scriptName: st.scriptName,
    vars: st.vars,
    positional: st.positional,
    functions: st.functions,
    cwd: st.cwd,
    options: st.options,
    traps: st.traps,
    fds: st.fds,
  });
}

export function restoreEnv(st: ShellState, saved: SavedEnv): void {
  st.dialect = saved.dialect;
  st.arg0 = saved.arg0;
  if (saved.scriptName === undefined) delete st.scriptName;
  else st.scriptName = saved.scriptName;
  st.vars = saved.vars;
  st.positional = saved.positional;
  st.functions = saved.functions;
  st.cwd = saved.cwd;
  st.options = saved.options;
  st.traps = saved.traps;
  st.fds = saved.fds;
}

/** Past this many source texts, those nothing refers to any more are dropped. */
const SOURCE_LIMIT = 32;

/**
 * Drop source texts no frame, function or job refers to (`eval` of changing text in a loop would otherwise pile
 * up), renumbering the references. Index 0, the script itself, always stays.
 */
function compactSources(st: ShellState): void {
  const functionTables = [st.functions, ...st.frames.flatMap((f) => (f.k === 'sub' ? [f.saved.functions] : []))];
  const refs: { src: number }[] = [
    ...st.frames,
    ...functionTables.flatMap((t) => Object.values(t)),
    ...(st.job ? [st.job] : []),
  ];
  const used = new Set([0, ...refs.map((r) => r.src)]);
  const renumber = new Map<number, number>();
  const kept: string[] = [];
  st.sources.forEach((text, i) => {
    if (!used.has(i)) return;
    renumber.set(i, kept.length);
    kept.push(text);
  });
  st.sources = kept;
  for (const r of refs) r.src = renumber.get(r.src) ?? 0;
}

/**
 * Add a source text (deduplicated) and return its index. May renumber existing sources: callers must not hold an
 * index across this call other than through frames, functions and the job.
 */
export function addSource(st: ShellState, text: string): number {
  const existing = st.sources.indexOf(text);
  if (existing >= 0) return existing;
  if (st.sources.length >= SOURCE_LIMIT) compactSources(st);
  st.sources.push(text);
  return st.sources.length - 1;
}

/** `'text'`, with embedded quotes written `'\\''`: how `set`, `export -p` and `trap` print values. */
export function singleQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Quote only when needed, as `set -x` traces words. */
export function quoteForShell(s: string): string {
  return s !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(s) ? s : singleQuote(s);
}
