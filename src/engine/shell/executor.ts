/**
 * The interpreter proper: an explicit stack of JSON frames (see `Frame`), advanced one finished command at a time,
 * so the shell can stop anywhere it blocks (a sleep, a child, `wait`) and resume from a restored snapshot.
 */
import type { ProcessIO, ProgramStep, SystemCalls, Wake } from '../os/types';
import type { AndOrNode, CommandNode, ListNode, PipelineNode } from './ast';
import { evaluateCond } from './cond';
import {
  ShellError,
  fatalStatus,
  formatError,
  formatSyntaxError,
  missingScript,
  nodeOf,
  type Action,
  type ExecContext,
} from './context';
import { evaluateArith, expandPattern, expandString, expandWords } from './expand';
import { freeBuffers, lookupFd, newBuffer, openRedirects, substitutionBase, writeFd } from './io';
import { parseShell } from './parseShell';
import { matchPattern } from './pattern';
import { readTextFile, resolvePath } from './paths';
import { signalNumber } from './signals';
import { execSimple } from './simpleCommand';
import {
  DEFAULT_IFS,
  addSource,
  cloneJson,
  restoreEnv,
  saveEnv,
  setVar,
  type Blocked,
  type Fd,
  type FdTable,
  type Frame,
  type ShellState,
} from './state';

/** Undefined: keep running. A ProgramStep: return it to the kernel. */
type Outcome = ProgramStep | undefined;

/**
 * A loop that never blocks (`while true; do wget -q -O- http://svc; done`) must not hang the engine: after this
 * many simple commands in one step the shell yields a second of virtual time.
 */
const BUSY_LIMIT = 1000;
const BUSY_YIELD_MS = 1000;
/** A `$(...)` that runs this many commands is cut short: it cannot yield, since it must finish at once. */
const SUBSTITUTION_LIMIT = 10_000;
const MAX_FUNCTION_DEPTH = 1000;
/** Scripts, `.` and `eval` nested this deep (a script running itself) end the shell instead of growing forever. */
const MAX_FRAMES = 10_000;

export function createContext(st: ShellState, sys: SystemCalls, base: ProcessIO, sync: boolean): ExecContext {
  const ctx: ExecContext = {
    st,
    sys,
    base,
    sync,
    count: 0,
    line: 0,
    substitute: (src, list) => substitute(ctx, src, list),
  };
  return ctx;
}

function complain(ctx: ExecContext, text: string): void {
  writeFd(ctx, lookupFd(ctx, 2), text);
}

function blockStep(b: Blocked): ProgramStep {
  if (b.kind === 'sleep' || b.kind === 'yield') return { kind: 'block', wakeAt: b.until };
  if (b.kind === 'stdin') return { kind: 'block' };
  return { kind: 'block', waitFor: b.kind === 'child' ? b.pid : b.pids[0] };
}

function push(ctx: ExecContext, frame: Frame): void {
  ctx.st.frames.push(frame);
}

/** Pop the top frame, undoing what it set up (buffers, subshell environment, function arguments and locals). */
function pop(ctx: ExecContext): void {
  const st = ctx.st;
  const f = st.frames.pop();
  if (!f) return;
  freeBuffers(st, f.owned);
  if (f.k === 'pipe' && f.pending) freeBuffers(st, [f.pending]);
  if (f.k === 'sub') restoreEnv(st, f.saved);
  if (f.k === 'source' && f.positional) st.positional = f.positional;
  if (f.k === 'func') {
    st.positional = f.positional;
    for (const [name, saved] of Object.entries(f.locals)) {
      if (saved) st.vars[name] = saved;
      else delete st.vars[name];
    }
  }
}

function finish(ctx: ExecContext, status = ctx.st.status): Outcome {
  pop(ctx);
  ctx.st.status = status;
  return undefined;
}

function fatal(ctx: ExecContext, e: unknown): Outcome {
  if (!(e instanceof ShellError)) throw e;
  complain(ctx, formatError(ctx.st, ctx.line, e.message));
  return exitShell(ctx, fatalStatus(ctx.st));
}

/**
 * `exit`: unwind to the innermost subshell (which ends with `code`) or end the shell, running the EXIT trap first.
 */
function exitShell(ctx: ExecContext, code: number): Outcome {
  const st = ctx.st;
  while (st.frames.length) {
    const f = st.frames[st.frames.length - 1];
    pop(ctx);
    if (f?.k === 'sub') {
      st.status = code;
      return undefined;
    }
  }
  if (ctx.sync || st.exiting !== undefined) return { kind: 'exit', code };
  const action = st.traps.EXIT;
  if (!action) return { kind: 'exit', code };
  st.exiting = code;
  delete st.traps.EXIT;
  return runTrap(ctx, action, code);
}

function returnFrom(ctx: ExecContext, code: number): Outcome {
  const st = ctx.st;
  let i = st.frames.length - 1;
  while (i >= 0 && !['func', 'source', 'sub'].includes(st.frames[i]?.k ?? '')) i--;
  const target = st.frames[i];
  if (!target || target.k === 'sub') {
    if (!target && st.dialect === 'bash') {
      complain(ctx, formatError(st, ctx.line, "return: can only `return' from a function or sourced script"));
      st.status = 1;
      return undefined;
    }
    // dash: `return` outside a function leaves the shell (or the subshell it is in).
    return exitShell(ctx, code);
  }
  while (st.frames.length > i + 1) pop(ctx);
  return finish(ctx, code);
}

/** `break n` / `continue n`: the nth enclosing loop, not looking past a function, subshell or trap. */
function breakLoop(ctx: ExecContext, n: number, resume: boolean): Outcome {
  const st = ctx.st;
  let target = -1;
  let remaining = n;
  for (let i = st.frames.length - 1; i >= 0 && remaining > 0; i--) {
    const k = st.frames[i]?.k;
    if (k === 'loop' || k === 'for') {
      target = i;
      remaining--;
    } else if (k === 'func' || k === 'sub' || k === 'trap' || k === 'source') {
      break;
    }
  }
  st.status = 0;
  if (target < 0) return undefined;
  while (st.frames.length > target + 1) pop(ctx);
  if (!resume) return finish(ctx, 0);
  const loop = st.frames[target];
  if (loop?.k === 'loop') loop.inBody = true;
  return undefined;
}

function isCondition(ctx: ExecContext): boolean {
  return ctx.st.frames.some((f) => f.cond);
}

/** Resolve `wait`'s pids that have finished; 'done' sets `$?`. */
function progressWait(ctx: ExecContext, b: Extract<Blocked, { kind: 'wait' }>): 'done' | 'pending' {
  const { st, sys } = ctx;
  while (b.pids.length) {
    const pid = b.pids[0] ?? -1;
    let code = sys.reapChild(pid);
    if (code === undefined && !sys.processes().some((p) => p.pid === pid)) code = 127;
    if (code === undefined) {
      // $(...) cannot wait: a job still running is left to finish on its own.
      if (!ctx.sync) return 'pending';
    } else if (pid === b.last) {
      b.status = code;
    }
    b.pids.shift();
    st.jobs = st.jobs.filter((j) => j !== pid);
  }
  st.status = b.status;
  return 'done';
}

function block(ctx: ExecContext, b: Blocked): Outcome {
  const st = ctx.st;
  if (b.kind === 'wait' && progressWait(ctx, b) === 'done') return undefined;
  if (ctx.sync) {
    // $(...) runs to completion at once: a sleep inside it ends immediately, a foreground child is not waited for.
    st.status = b.kind === 'sleep' ? b.status : 0;
    return undefined;
  }
  st.blocked = b;
  return blockStep(b);
}

function handle(ctx: ExecContext, a: Action): Outcome {
  switch (a.kind) {
    case 'done':
      return undefined;
    case 'block':
      return block(ctx, a.blocked);
    case 'exit':
      return exitShell(ctx, a.code);
    case 'return':
      return returnFrom(ctx, a.code);
    case 'break':
      return breakLoop(ctx, a.n, a.resume);
    case 'exec':
      return { kind: 'exec', argv: a.argv, env: a.env, cwd: ctx.st.cwd };
    case 'call':
      return callFunction(ctx, a);
    case 'run':
      return runText(ctx, a);
  }
}

function callFunction(ctx: ExecContext, a: Extract<Action, { kind: 'call' }>): Outcome {
  const st = ctx.st;
  if (st.frames.filter((f) => f.k === 'func').length >= MAX_FUNCTION_DEPTH) {
    freeBuffers(st, a.owned);
    complain(
      ctx,
      formatError(st, ctx.line, `${a.name}: maximum function nesting level exceeded (${MAX_FUNCTION_DEPTH})`),
    );
    return exitShell(ctx, fatalStatus(st));
  }
  const frame: Frame = {
    k: 'func',
    src: a.fn.src,
    name: a.name,
    positional: st.positional,
    locals: {},
    fds: a.fds,
    owned: a.owned,
    start: a.fn.node,
  };
  push(ctx, frame);
  for (const [name, value] of a.assigns) {
    if (!(name in frame.locals)) frame.locals[name] = st.vars[name] ? cloneJson(st.vars[name]) : null;
    const err = setVar(st, name, value);
    if (err) return fatal(ctx, new ShellError(err));
  }
  st.positional = a.args;
  return undefined;
}

function runText(ctx: ExecContext, a: Extract<Action, { kind: 'run' }>): Outcome {
  const st = ctx.st;
  const parsed = parseShell(a.text);
  if (!parsed.ok) {
    freeBuffers(st, a.owned);
    const speaker = { ...st };
    if (a.as === 'script') nameScript(speaker, a);
    complain(ctx, formatSyntaxError(speaker, parsed.error));
    st.status = 2;
    return undefined;
  }
  if (st.frames.length >= MAX_FRAMES) {
    freeBuffers(st, a.owned);
    complain(
      ctx,
      formatError(st, ctx.line, `${a.as === 'script' ? (a.name ?? 'sh') : a.as}: maximum nesting level exceeded`),
    );
    return exitShell(ctx, fatalStatus(st));
  }
  const src = addSource(st, a.text);
  const common = { src, fds: a.fds, owned: a.owned, start: parsed.script.body.id };
  if (a.as === 'eval') {
    push(ctx, { k: 'block', ...common });
  } else if (a.as === 'source') {
    push(ctx, { k: 'source', ...common, ...(a.args ? { positional: st.positional } : {}) });
    if (a.args) st.positional = a.args;
  } else {
    // A script run as a command is a new process: only exported variables, no functions or traps.
    push(ctx, { k: 'sub', ...common, saved: saveEnv(st) });
    const vars = Object.fromEntries(Object.entries(st.vars).filter(([, v]) => v.exported));
    st.vars = { ...vars, IFS: { value: DEFAULT_IFS } };
    for (const [name, value] of a.assigns ?? []) st.vars[name] = { value, exported: true };
    st.functions = {};
    st.traps = {};
    st.positional = a.args ?? [];
    nameScript(st, a);
    if (a.options) st.options = { ...a.options };
  }
  return undefined;
}

/** A script run as a command speaks as its own shell: its name as `$0`, that shell's dialect. */
function nameScript(st: ShellState, a: Extract<Action, { kind: 'run' }>): void {
  st.arg0 = a.name ?? st.arg0;
  st.dialect = a.dialect ?? st.dialect;
  if (a.named && a.name !== undefined) st.scriptName = a.name;
  else delete st.scriptName;
}

/** Run a trap action; `$?` is restored to `status` when it ends (unless it exits). */
function runTrap(ctx: ExecContext, action: string, status: number): Outcome {
  const st = ctx.st;
  const parsed = parseShell(action);
  if (!parsed.ok) {
    complain(ctx, formatSyntaxError(st, parsed.error));
    st.status = status;
    return undefined;
  }
  const src = addSource(st, action);
  push(ctx, { k: 'trap', src, status });
  return runList(ctx, src, parsed.script.body);
}

function runList(ctx: ExecContext, src: number, list: ListNode): Outcome {
  const first = list.items[0];
  if (!first) {
    ctx.st.status = 0;
    return undefined;
  }
  push(ctx, { k: 'list', src, node: list.id, i: 1 });
  return runItem(ctx, src, first);
}

function runItem(ctx: ExecContext, src: number, item: ListNode['items'][number]): Outcome {
  if (item.async) return startBackground(ctx, src, item.cmd);
  return runAndOr(ctx, src, item.cmd);
}

function runAndOr(ctx: ExecContext, src: number, node: AndOrNode): Outcome {
  const first = node.pipelines[0];
  if (!first) return undefined;
  push(ctx, { k: 'andor', src, node: node.id, i: 1, cond: node.pipelines.length > 1 });
  return runPipeline(ctx, src, first);
}

function runPipeline(ctx: ExecContext, src: number, pl: PipelineNode): Outcome {
  const only = pl.commands.length === 1 ? pl.commands[0] : undefined;
  if (only) return runCommand(ctx, src, only);
  const frame: Frame = { k: 'pipe', src, node: pl.id, i: 0, failed: 0 };
  push(ctx, frame);
  return advance(ctx, frame);
}

/** Start any command: simple commands run now; compound ones push a frame and start their first part. */
function runCommand(ctx: ExecContext, src: number, cmd: CommandNode): Outcome {
  const st = ctx.st;
  ctx.line = cmd.line;
  if (cmd.type === 'simple') return handle(ctx, execSimple(ctx, src, cmd));
  if (cmd.type === 'function') {
    st.functions[cmd.name] = { src, node: cmd.body.id };
    st.status = 0;
    return undefined;
  }
  let fds: FdTable | undefined;
  let owned: string[] = [];
  if (cmd.redirects.length) {
    try {
      const opened = openRedirects(ctx, src, cmd.redirects);
      if ('error' in opened) {
        complain(ctx, opened.error);
        st.status = 1;
        return undefined;
      }
      fds = opened.fds;
      owned = opened.owned;
    } catch (e) {
      return fatal(ctx, e);
    }
  }
  const base = { src, ...(fds ? { fds, owned } : {}) };
  try {
    switch (cmd.type) {
      case 'group':
        push(ctx, { k: 'block', ...base });
        return runList(ctx, src, cmd.body);
      case 'subshell':
        push(ctx, { k: 'sub', ...base, saved: saveEnv(st) });
        return runList(ctx, src, cmd.body);
      case 'if': {
        const first = cmd.clauses[0];
        if (!first) return undefined;
        push(ctx, { k: 'if', ...base, node: cmd.id, clause: 0, inBody: false, cond: true });
        return runList(ctx, src, first.cond);
      }
      case 'loop':
        push(ctx, { k: 'loop', ...base, node: cmd.id, inBody: false, status: 0, cond: true });
        return runList(ctx, src, cmd.cond);
      case 'for': {
        const items = cmd.items ? expandWords(ctx, src, cmd.items) : [...st.positional];
        const first = items[0];
        if (first === undefined) {
          freeBuffers(st, owned);
          st.status = 0;
          return undefined;
        }
        push(ctx, { k: 'for', ...base, node: cmd.id, items, i: 1 });
        const err = setVar(st, cmd.name, first);
        if (err) throw new ShellError(err);
        return runList(ctx, src, cmd.body);
      }
      case 'case': {
        const word = expandString(ctx, src, cmd.word);
        const arm = cmd.arms.find((a) => a.patterns.some((p) => matchPattern(expandPattern(ctx, src, p), word)));
        if (!arm?.body) {
          freeBuffers(st, owned);
          st.status = 0;
          return undefined;
        }
        push(ctx, { k: 'block', ...base });
        return runList(ctx, src, arm.body);
      }
      case 'cond':
        ctx.count++;
        st.status = evaluateCond(ctx, src, cmd);
        freeBuffers(st, owned);
        return undefined;
      case 'arith':
        ctx.count++;
        st.status = evaluateArith(ctx, expandString(ctx, src, cmd.expr)) !== 0n ? 0 : 1;
        freeBuffers(st, owned);
        return undefined;
    }
  } catch (e) {
    return fatal(ctx, e);
  }
}

/** The current descriptors, for a background job: pipes cannot follow it into another process. */
function jobFds(ctx: ExecContext, child: ShellState): FdTable {
  const fds: FdTable = {};
  const keys = new Set([
    '0',
    '1',
    '2',
    ...Object.keys(ctx.st.fds),
    ...ctx.st.frames.flatMap((f) => Object.keys(f.fds ?? {})),
  ]);
  for (const key of keys) {
    const fd = lookupFd(ctx, Number(key));
    let copy: Fd = fd;
    if (fd.t === 'buf') {
      const buf = ctx.st.bufs[fd.id];
      copy = key === '0' && buf ? { t: 'buf', id: newBuffer(child, buf.data.slice(buf.pos)) } : { t: 'null' };
    } else if (fd.t === 'tty' && fd.n === 0) {
      // POSIX: an asynchronous list in a non-interactive shell reads /dev/null unless redirected.
      copy = { t: 'null' };
    }
    fds[key] = copy;
  }
  return fds;
}

/** A plain command line for `ps`: the words of a single literal command, else the shell's own. */
function jobCommandLine(st: ShellState, cmd: AndOrNode): string {
  const only = cmd.pipelines.length === 1 ? cmd.pipelines[0]?.commands : undefined;
  const simple = only?.length === 1 && only[0]?.type === 'simple' ? only[0] : undefined;
  if (!simple || simple.words.length === 0) return st.cmdline;
  const words: string[] = [];
  for (const w of simple.words) {
    if (!w.every((p) => p.t === 'lit' || p.t === 'sq')) return st.cmdline;
    words.push(w.map((p) => (p.t === 'lit' || p.t === 'sq' ? p.v : '')).join(''));
  }
  return words.join(' ');
}

/** `cmd &`: a child shell process runs the and-or list with a copy of this shell's state. */
function startBackground(ctx: ExecContext, src: number, cmd: AndOrNode): Outcome {
  const { st, sys } = ctx;
  const cmdline = jobCommandLine(st, cmd);
  const child: ShellState = {
    ...cloneJson({
      ...st,
      frames: [],
      bufs: {},
      jobs: [],
      blocked: undefined,
      exiting: undefined,
      deferredError: undefined,
    }),
    entry: 'job',
    job: { src, node: cmd.id },
    cmdline,
    started: false,
    traps: Object.fromEntries(Object.entries(st.traps).filter(([, action]) => action === '')),
    shellPid: st.shellPid ?? sys.pid,
    nextBuf: 0,
    stdinPos: 0,
  };
  child.fds = jobFds(ctx, child);
  const pid = sys.spawnProgram('sh', child, { cmdline, io: 'inherit' });
  st.jobs.push(pid);
  st.lastBgPid = pid;
  st.status = 0;
  return undefined;
}

/** `$(...)`: run the list to completion now, in a copy of the shell, and return its output. */
function substitute(parent: ExecContext, src: number, list: ListNode): string {
  const st = parent.st;
  const child: ShellState = {
    ...st,
    vars: cloneJson(st.vars),
    positional: [...st.positional],
    functions: { ...st.functions },
    options: { ...st.options },
    traps: {},
    jobs: [...st.jobs],
    sources: [...st.sources],
    frames: [],
    fds: { '1': { t: 'buf', id: '0' } },
    bufs: { '0': { data: '', pos: 0 } },
    nextBuf: 1,
    stdinPos: 0,
    blocked: undefined,
    exiting: undefined,
    deferredError: undefined,
  };
  const ctx = createContext(child, parent.sys, substitutionBase(parent), true);
  ctx.line = parent.line;
  const r = runList(ctx, src, list) ?? runShell(ctx);
  parent.substStatus = r.kind === 'exit' ? r.code : 0;
  return (child.bufs['0']?.data ?? '').replace(/\n+$/, '');
}

/** Advance the top frame: the command it started has finished, with its status in `st.status`. */
function advance(ctx: ExecContext, f: Frame): Outcome {
  const st = ctx.st;
  if (f.start !== undefined) {
    const node = nodeOf<CommandNode | ListNode>(ctx, f.src, f.start);
    delete f.start;
    return node.type === 'list' ? runList(ctx, f.src, node) : runCommand(ctx, f.src, node);
  }
  switch (f.k) {
    case 'list': {
      const item = nodeOf<ListNode>(ctx, f.src, f.node).items[f.i];
      if (!item) return finish(ctx);
      f.i++;
      return runItem(ctx, f.src, item);
    }
    case 'andor': {
      const node = nodeOf<AndOrNode>(ctx, f.src, f.node);
      const n = node.pipelines.length;
      const done = node.pipelines[f.i - 1];
      if (done?.bang) st.status = st.status === 0 ? 1 : 0;
      let next = f.i;
      while (next < n && (node.ops[next - 1] === '&&') !== (st.status === 0)) next++;
      const pipeline = node.pipelines[next];
      if (!pipeline) {
        // set -e: only the last pipeline of an and-or list counts, and never a negated one or a condition.
        if (f.i === n && st.status !== 0 && !done?.bang && st.options.errexit && !isCondition(ctx))
          return exitShell(ctx, st.status);
        return finish(ctx);
      }
      f.i = next + 1;
      f.cond = next < n - 1;
      return runPipeline(ctx, f.src, pipeline);
    }
    case 'pipe': {
      const node = nodeOf<PipelineNode>(ctx, f.src, f.node);
      if (f.i > 0 && st.status !== 0) f.failed = st.status;
      const stage = node.commands[f.i];
      if (!stage) return finish(ctx, st.options.pipefail ? f.failed : st.status);
      // Stages run one after another; each writes into a buffer the next one reads. Every stage is a subshell.
      const input = f.pending;
      const output = f.i < node.commands.length - 1 ? newBuffer(st, '') : undefined;
      const fds: FdTable = {};
      if (input !== undefined) fds['0'] = { t: 'buf', id: input };
      if (output !== undefined) fds['1'] = { t: 'buf', id: output };
      f.pending = output;
      f.i++;
      push(ctx, { k: 'sub', src: f.src, fds, owned: input === undefined ? [] : [input], saved: saveEnv(st) });
      return runCommand(ctx, f.src, stage);
    }
    case 'if': {
      const node = nodeOf<Extract<CommandNode, { type: 'if' }>>(ctx, f.src, f.node);
      if (f.inBody) return finish(ctx);
      const clause = node.clauses[f.clause];
      if (clause && st.status === 0) {
        f.inBody = true;
        f.cond = false;
        return runList(ctx, f.src, clause.body);
      }
      f.clause++;
      const next = node.clauses[f.clause];
      if (next) return runList(ctx, f.src, next.cond);
      if (!node.otherwise) return finish(ctx, 0);
      f.inBody = true;
      f.cond = false;
      return runList(ctx, f.src, node.otherwise);
    }
    case 'loop': {
      const node = nodeOf<Extract<CommandNode, { type: 'loop' }>>(ctx, f.src, f.node);
      if (f.inBody) {
        f.status = st.status;
        f.inBody = false;
        f.cond = true;
        return runList(ctx, f.src, node.cond);
      }
      if ((st.status === 0) === node.until) return finish(ctx, f.status);
      f.inBody = true;
      f.cond = false;
      return runList(ctx, f.src, node.body);
    }
    case 'for': {
      const item = f.items[f.i];
      if (item === undefined) return finish(ctx);
      const node = nodeOf<Extract<CommandNode, { type: 'for' }>>(ctx, f.src, f.node);
      f.i++;
      const err = setVar(st, node.name, item);
      if (err) return fatal(ctx, new ShellError(err));
      return runList(ctx, f.src, node.body);
    }
    case 'trap':
      return finish(ctx, f.status);
    default:
      return finish(ctx);
  }
}

/** The script ran out of commands: report a deferred syntax error, run the EXIT trap, exit. */
function finishScript(ctx: ExecContext): Outcome {
  const st = ctx.st;
  if (st.exiting !== undefined) return { kind: 'exit', code: st.exiting };
  const deferred = st.deferredError;
  if (deferred) {
    st.deferredError = undefined;
    complain(ctx, deferred.message);
    return exitShell(ctx, deferred.code);
  }
  return exitShell(ctx, st.status);
}

/** Run until the shell blocks, exits or execs. */
function runShell(ctx: ExecContext): ProgramStep {
  const st = ctx.st;
  for (;;) {
    const top = st.frames[st.frames.length - 1];
    let r: Outcome;
    if (!top) {
      r = finishScript(ctx);
    } else if (ctx.sync && ctx.count >= SUBSTITUTION_LIMIT) {
      return { kind: 'exit', code: 1 };
    } else if (!ctx.sync && ctx.count >= BUSY_LIMIT) {
      const b: Blocked = { kind: 'yield', until: ctx.sys.now + BUSY_YIELD_MS };
      st.blocked = b;
      return blockStep(b);
    } else {
      r = advance(ctx, top);
    }
    if (r) return r;
  }
}

/** The first step: read the script (from `-c`, a file or stdin), parse it, start running. */
function initialize(ctx: ExecContext): Outcome {
  const { st, sys } = ctx;
  st.started = true;
  st.shellPid ??= sys.pid;
  st.vars.PPID ??= { value: String(sys.ppid) };
  if (st.job) return runAndOr(ctx, st.job.src, nodeOf<AndOrNode>(ctx, st.job.src, st.job.node));
  if (st.deferredError) return undefined;
  if (st.entry === 'file') {
    const path = st.scriptPath ?? '';
    const file = readTextFile(sys.fs, resolvePath(st.cwd, path));
    if (!file.ok) {
      st.deferredError = missingScript(st.dialect, st.shellName, path);
      return undefined;
    }
    st.sources[0] = file.data;
  } else if (st.entry === 'stdin') {
    if (ctx.base.stdinOpen && st.stdinPos >= ctx.base.stdin.length) {
      const waiting: Blocked = { kind: 'stdin' };
      st.blocked = waiting;
      return blockStep(waiting);
    }
    st.sources[0] = ctx.base.stdin.slice(st.stdinPos);
    st.stdinPos = ctx.base.stdin.length;
  }
  const parsed = parseShell(st.sources[0] ?? '');
  if (!parsed.ok) st.deferredError = { message: formatSyntaxError(st, parsed.error), code: 2 };
  return runList(ctx, 0, parsed.script.body);
}

/** React to what woke the shell; undefined means carry on running. */
function resume(ctx: ExecContext, wake: Wake): Outcome {
  const { st, sys } = ctx;
  const b = st.blocked;
  const stillBlocked = (): Outcome => (b ? blockStep(b) : undefined);
  switch (wake.kind) {
    case 'timer':
      if (b?.kind !== 'sleep' && b?.kind !== 'yield') return stillBlocked();
      if (sys.now < b.until) return blockStep(b);
      st.blocked = undefined;
      if (b.kind === 'sleep') st.status = b.status;
      return undefined;
    case 'child-exited':
      if (b?.kind === 'child' && b.pid === wake.pid) {
        sys.reapChild(wake.pid);
        st.blocked = undefined;
        st.status = wake.code;
        return undefined;
      }
      if (b?.kind === 'wait' && b.pids.includes(wake.pid)) {
        sys.reapChild(wake.pid);
        b.pids = b.pids.filter((p) => p !== wake.pid);
        st.jobs = st.jobs.filter((j) => j !== wake.pid);
        if (wake.pid === b.last) b.status = wake.code;
        if (progressWait(ctx, b) === 'pending') return blockStep(b);
        st.blocked = undefined;
        return undefined;
      }
      return stillBlocked();
    case 'signal': {
      const action = st.traps[wake.signal];
      if (!action) return stillBlocked();
      // Simplification: the interrupted command ends now (a real sh finishes a foreground sleep first, then runs
      // the trap). A sleep keeps its own status; waiting for a child or `wait` ends with 128+n, as in sh.
      let status = st.status;
      if (b) {
        st.blocked = undefined;
        if (b.kind === 'sleep') status = b.status;
        else if (b.kind !== 'yield') status = 128 + signalNumber(wake.signal);
      }
      st.status = status;
      return runTrap(ctx, action, status);
    }
    case 'start':
      return stillBlocked();
  }
}

/** One kernel step: start or resume, then run until the shell blocks, exits or execs. */
export function stepShell(st: ShellState, sys: SystemCalls, io: ProcessIO, wake: Wake): ProgramStep {
  const ctx = createContext(st, sys, io, false);
  const r = st.started ? resume(ctx, wake) : initialize(ctx);
  return r ?? runShell(ctx);
}
