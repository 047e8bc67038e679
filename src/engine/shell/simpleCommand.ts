/** Running a simple command: expansion, redirections, then a function, builtin, utility or child process. */
import type { Utility } from '../os/types';
import type { SimpleNode, Word } from './ast';
import {
  BUILTINS,
  NAME_RE,
  SPECIAL_BUILTINS,
  describeCommand,
  type,
  type Builtin,
  type BuiltinContext,
} from './builtins';
import {
  DONE,
  ShellError,
  fatalStatus,
  formatBuiltinError,
  formatError,
  missingScript,
  type Action,
  type ExecContext,
} from './context';
import { dialectFor } from './dialect';
import { expandFields, expandString, expandWords } from './expand';
import { isShellCommand, parseInvocation } from './invocation';
import { commandIO, freeBuffers, lookupFd, openRedirects, utilityIO, writeFd } from './io';
import { baseName, readTextFile, resolvePath } from './paths';
import {
  cloneJson,
  exportedEnv,
  getVar,
  quoteForShell,
  setVar,
  type FdTable,
  type Frame,
  type ShellVar,
} from './state';

interface Redirections {
  fds: FdTable;
  /** Buffers to free after the command; emptied when a frame takes them over. */
  owned: string[];
}

type ControlBuiltin = (ctx: ExecContext, argv: string[], assigns: [string, string][], redir: Redirections) => Action;

/** Print `sh: <line>: message` on the command's stderr. */
function complain(ctx: ExecContext, message: string): void {
  writeFd(ctx, lookupFd(ctx, 2), formatError(ctx.st, ctx.line, message));
}

/** Print a builtin's `name: message` complaint as the shell words those. */
function complainAs(ctx: ExecContext, name: string, message: string): void {
  writeFd(ctx, lookupFd(ctx, 2), formatBuiltinError(ctx.st, ctx.line, name, message));
}

function finished(ctx: ExecContext, status: number): Action {
  ctx.st.status = status;
  return DONE;
}

function failCommand(ctx: ExecContext, e: unknown): Action {
  if (!(e instanceof ShellError)) throw e;
  complain(ctx, e.message);
  return { kind: 'exit', code: fatalStatus(ctx.st) };
}

/** `set -x`: `+ NAME=value cmd 'an arg'` on the shell's stderr. */
function trace(ctx: ExecContext, assigns: [string, string][], argv: string[]): void {
  const words = [...assigns.map(([n, v]) => `${n}=${quoteForShell(v)}`), ...argv.map(quoteForShell)];
  writeFd(ctx, lookupFd(ctx, 2), `${getVar(ctx.st, 'PS4') ?? '+ '}${words.join(' ')}\n`);
}

/** Builtins whose `name=value` operands are assignments: not split or globbed (`local out=$(cmd)`). */
const DECLARATIONS = new Set(['export', 'local', 'readonly']);

function expandArguments(ctx: ExecContext, src: number, words: readonly Word[]): string[] {
  const first = words[0]?.length === 1 ? words[0][0] : undefined;
  if (first?.t !== 'lit' || !DECLARATIONS.has(first.v)) return expandWords(ctx, src, words);
  return words.flatMap((w, i) => {
    const head = w[0];
    const assignment = i > 0 && head?.t === 'lit' && /^[A-Za-z_][A-Za-z0-9_]*=/.test(head.v);
    return assignment ? [expandString(ctx, src, w)] : expandFields(ctx, src, w);
  });
}

/** Run one simple command. Blocking, exiting and calling functions are left to the executor as an `Action`. */
export function execSimple(ctx: ExecContext, src: number, node: SimpleNode): Action {
  const st = ctx.st;
  ctx.count++;
  ctx.line = node.line;
  ctx.substStatus = undefined;
  let argv: string[];
  let assigns: [string, string][];
  let redir: Redirections;
  try {
    argv = expandArguments(ctx, src, node.words);
    assigns = node.assigns.map((a) => [a.name, expandString(ctx, src, a.value)]);
    if (st.options.xtrace) trace(ctx, assigns, argv);
    const opened = openRedirects(ctx, src, node.redirects);
    if ('error' in opened) {
      writeFd(ctx, lookupFd(ctx, 2), opened.error);
      return finished(ctx, 1);
    }
    redir = opened;
  } catch (e) {
    return failCommand(ctx, e);
  }
  if (argv.length === 0) {
    freeBuffers(st, redir.owned);
    for (const [name, value] of assigns) {
      const err = setVar(st, name, value);
      if (err) return failCommand(ctx, new ShellError(err));
    }
    return finished(ctx, ctx.substStatus ?? 0);
  }
  ctx.overlay = redir.fds;
  try {
    return dispatch(ctx, argv, assigns, redir, false);
  } catch (e) {
    return failCommand(ctx, e);
  } finally {
    ctx.overlay = undefined;
    freeBuffers(st, redir.owned);
  }
}

/** Command lookup: functions, builtins, then the image's commands. */
function dispatch(
  ctx: ExecContext,
  argv: string[],
  assigns: [string, string][],
  redir: Redirections,
  skipFunctions: boolean,
): Action {
  const name = argv[0] ?? '';
  if (!name.includes('/')) {
    const fn = skipFunctions ? undefined : ctx.st.functions[name];
    if (fn) {
      const action: Action = {
        kind: 'call',
        fn,
        name,
        args: argv.slice(1),
        assigns,
        fds: redir.fds,
        owned: redir.owned,
      };
      redir.owned = [];
      return action;
    }
    const control = CONTROL[name];
    if (control) return control(ctx, argv, assigns, redir);
    const builtin = BUILTINS[name];
    if (builtin) return runBuiltin(ctx, builtin, argv, assigns, SPECIAL_BUILTINS.has(name));
  }
  return runExternal(ctx, argv, assigns, redir);
}

function runBuiltin(
  ctx: ExecContext,
  builtin: Builtin,
  argv: string[],
  assigns: [string, string][],
  special: boolean,
): Action {
  const st = ctx.st;
  // Assignments before a regular builtin last only for that command; before a special one they stay.
  const saved: [string, ShellVar | undefined][] = [];
  for (const [name, value] of assigns) {
    if (!special) saved.push([name, st.vars[name] && cloneJson(st.vars[name])]);
    const err = setVar(st, name, value);
    if (err) throw new ShellError(err);
  }
  const io = commandIO(ctx);
  const builtinName = argv[0] ?? '';
  const b: BuiltinContext = {
    st,
    sys: ctx.sys,
    io,
    fail: (message) => io.err(formatBuiltinError(st, ctx.line, builtinName, message)),
  };
  const status = builtin(b, argv);
  for (const [name, v] of saved.reverse()) {
    if (v) st.vars[name] = v;
    else delete st.vars[name];
  }
  return finished(ctx, status);
}

function runExternal(ctx: ExecContext, argv: string[], assigns: [string, string][], redir: Redirections): Action {
  const { st, sys } = ctx;
  const name = argv[0] ?? '';
  const bash = st.dialect === 'bash';
  const env = exportedEnv(st, assigns);
  const provided = sys.hasCommand(name);
  if (provided && isShellCommand(name)) return runNestedShell(ctx, argv, assigns, redir);
  if (!name.includes('/') || provided) {
    const utility = sys.findUtility(name) ?? (provided ? sys.findUtility(baseName(name)) : undefined);
    if (utility) return runUtility(ctx, utility, argv, env);
    if (provided) return spawnChild(ctx, argv, env);
    complain(ctx, bash ? `${name}: command not found` : `${name}: not found`);
    return finished(ctx, 127);
  }
  // A path the image does not provide: a script in the file system, or a builtin under its usual path.
  const script = runScriptFile(ctx, argv, assigns, redir);
  if (script) return script;
  const builtin = BUILTINS[baseName(name)];
  if (builtin) return runBuiltin(ctx, builtin, argv, assigns, false);
  complain(ctx, bash ? `${name}: No such file or directory` : `${name}: not found`);
  return finished(ctx, 127);
}

/**
 * A utility runs inline with the command's streams. One that asks to sleep (`sleep 30`, `ping -c 3`) blocks the
 * shell until then; its status takes effect when the shell wakes.
 */
function runUtility(ctx: ExecContext, utility: Utility, argv: string[], env: Record<string, string>): Action {
  const result = utility(argv, utilityIO(ctx), ctx.sys, env, ctx.st.cwd);
  if (typeof result === 'number') return finished(ctx, result & 255);
  if (result.sleepMs > 0)
    return {
      kind: 'block',
      blocked: { kind: 'sleep', until: ctx.sys.now + result.sleepMs, status: result.exitCode & 255 },
    };
  return finished(ctx, result.exitCode & 255);
}

/**
 * A long-running program (nginx, a server) becomes a child process the shell waits for. Its output goes to the
 * process's own streams (or nowhere when stdout is /dev/null): redirections to files do not reach it.
 */
function spawnChild(ctx: ExecContext, argv: string[], env: Record<string, string>): Action {
  const out = lookupFd(ctx, 1);
  const r = ctx.sys.spawn(argv, { env, cwd: ctx.st.cwd, io: out.t === 'null' ? 'null' : 'inherit' });
  if (r.ok) return { kind: 'block', blocked: { kind: 'child', pid: r.pid } };
  const name = argv[0] ?? '';
  if (r.error === 'not-executable') complain(ctx, `${name}: Permission denied`);
  else complain(ctx, ctx.st.dialect === 'bash' ? `${name}: command not found` : `${name}: not found`);
  return finished(ctx, r.error === 'not-executable' ? 126 : 127);
}

/** A nested `sh -c ...` or `sh script` runs inline in a subshell, so redirections and pipes apply to it. */
function runNestedShell(ctx: ExecContext, argv: string[], assigns: [string, string][], redir: Redirections): Action {
  const dialect = dialectFor(argv[0] ?? 'sh', ctx.st.userland);
  const inv = parseInvocation(argv, dialect);
  if (inv.error) {
    writeFd(ctx, lookupFd(ctx, 2), `${inv.error}\n`);
    return finished(ctx, 2);
  }
  let text = inv.script;
  if (inv.mode === 'file') {
    const file = readTextFile(ctx.sys.fs, resolvePath(ctx.st.cwd, inv.script));
    if (!file.ok) {
      const missing = missingScript(dialect, argv[0] ?? 'sh', inv.script);
      writeFd(ctx, lookupFd(ctx, 2), missing.message);
      return finished(ctx, missing.code);
    }
    text = file.data;
  } else if (inv.mode === 'stdin') {
    text = utilityIO(ctx).stdin;
  }
  const action: Action = {
    kind: 'run',
    text,
    as: 'script',
    args: inv.args,
    name: inv.arg0,
    named: inv.named,
    dialect,
    options: inv.options,
    assigns,
    fds: redir.fds,
    owned: redir.owned,
  };
  redir.owned = [];
  return action;
}

/** `./start.sh`: a shell script (by its `#!` line) runs inline in a subshell; another interpreter is spawned. */
function runScriptFile(
  ctx: ExecContext,
  argv: string[],
  assigns: [string, string][],
  redir: Redirections,
): Action | undefined {
  const name = argv[0] ?? '';
  const path = resolvePath(ctx.st.cwd, name);
  const stat = ctx.sys.fs.stat(path);
  if (typeof stat === 'string') return undefined;
  if (stat.type === 'dir' || (stat.mode & 0o111) === 0) {
    complain(ctx, `${name}: Permission denied`);
    return finished(ctx, 126);
  }
  const text = ctx.sys.fs.read(path);
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(text);
  const interpreter = shebang?.[1] ?? 'sh';
  const viaEnv = baseName(interpreter) === 'env' ? shebang?.[2] : undefined;
  if (!isShellCommand(viaEnv ?? interpreter)) {
    const extra = shebang?.[2] !== undefined ? [shebang[2]] : [];
    return spawnChild(ctx, [interpreter, ...extra, name, ...argv.slice(1)], exportedEnv(ctx.st, assigns));
  }
  const action: Action = {
    kind: 'run',
    text,
    as: 'script',
    args: argv.slice(1),
    name,
    named: true,
    dialect: dialectFor(viaEnv ?? interpreter, ctx.st.userland),
    assigns,
    fds: redir.fds,
    owned: redir.owned,
  };
  redir.owned = [];
  return action;
}

/** An exit status operand (`exit 3`, `return 1`); undefined after reporting a bad one. */
function statusOperand(ctx: ExecContext, name: string, arg: string | undefined): number | undefined {
  if (arg === undefined) return ctx.st.status;
  if (/^-?\d+$/.test(arg)) return ((Number(arg) % 256) + 256) % 256;
  complainAs(
    ctx,
    name,
    ctx.st.dialect === 'bash' ? `${name}: ${arg}: numeric argument required` : `${name}: Illegal number: ${arg}`,
  );
  return undefined;
}

/** `.` searches PATH for a name without a slash (then, like bash, the current directory). */
function findSourceFile(ctx: ExecContext, file: string): string | undefined {
  const candidates = file.includes('/')
    ? [file]
    : [
        ...(getVar(ctx.st, 'PATH') ?? '')
          .split(':')
          .filter(Boolean)
          .map((d) => `${d}/${file}`),
        file,
      ];
  for (const candidate of candidates) {
    const r = readTextFile(ctx.sys.fs, resolvePath(ctx.st.cwd, candidate));
    if (r.ok) return r.data;
  }
  return undefined;
}

const isFunctionFrame = (f: Frame): f is Extract<Frame, { k: 'func' }> => f.k === 'func';

const loopControl: ControlBuiltin = (ctx, argv) => {
  const arg = argv[1];
  if (arg !== undefined && (!/^\d+$/.test(arg) || Number(arg) < 1)) {
    complainAs(ctx, argv[0] ?? '', `${argv[0]}: Illegal number: ${arg}`);
    return { kind: 'exit', code: 2 };
  }
  return { kind: 'break', n: arg === undefined ? 1 : Number(arg), resume: argv[0] === 'continue' };
};

const source: ControlBuiltin = (ctx, argv, _assigns, redir) => {
  const bash = ctx.st.dialect === 'bash';
  const file = argv[1];
  if (file === undefined) {
    complainAs(ctx, argv[0] ?? '.', bash ? `${argv[0]}: filename argument required` : `${argv[0]}: usage: . file`);
    return finished(ctx, 2);
  }
  const text = findSourceFile(ctx, file);
  if (text === undefined) {
    // dash and ash treat this as a special-builtin error and exit; bash reports it and goes on.
    if (bash) complain(ctx, `${file}: No such file or directory`);
    else if (ctx.st.dialect === 'ash')
      complainAs(ctx, argv[0] ?? '.', `can't open '${file}': No such file or directory`);
    else complainAs(ctx, argv[0] ?? '.', `${argv[0]}: cannot open ${file}: No such file`);
    return bash ? finished(ctx, 1) : { kind: 'exit', code: 2 };
  }
  const action: Action = {
    kind: 'run',
    text,
    as: 'source',
    ...(argv.length > 2 ? { args: argv.slice(2) } : {}),
    fds: redir.fds,
    owned: redir.owned,
  };
  redir.owned = [];
  return action;
};

const CONTROL: Record<string, ControlBuiltin> = {
  exit: (ctx, argv) => ({ kind: 'exit', code: statusOperand(ctx, 'exit', argv[1]) ?? 2 }),
  return: (ctx, argv) => ({ kind: 'return', code: statusOperand(ctx, 'return', argv[1]) ?? 2 }),
  break: loopControl,
  continue: loopControl,
  '.': source,
  source,
  eval: (ctx, argv, _assigns, redir) => {
    const text = argv.slice(1).join(' ');
    if (text.trim() === '') return finished(ctx, 0);
    const action: Action = { kind: 'run', text, as: 'eval', fds: redir.fds, owned: redir.owned };
    redir.owned = [];
    return action;
  },
  exec: (ctx, argv, assigns, redir) => {
    const st = ctx.st;
    const args = argv.slice(1);
    if (args[0] === '--') args.shift();
    if (args.length === 0) {
      // `exec >log 2>&1`: the redirections stay in force for the rest of the shell.
      Object.assign(st.fds, redir.fds);
      redir.owned = [];
      return finished(ctx, 0);
    }
    // A subshell or $(...) is part of this process here, so it cannot be replaced: run the command instead.
    if (ctx.sync || st.frames.some((f) => f.k === 'sub')) return dispatch(ctx, args, assigns, redir, true);
    const name = args[0] ?? '';
    if (!ctx.sys.hasCommand(name) && typeof ctx.sys.fs.stat(resolvePath(st.cwd, name)) === 'string') {
      complainAs(ctx, 'exec', `exec: ${name}: not found`);
      return { kind: 'exit', code: 127 };
    }
    return { kind: 'exec', argv: args, env: exportedEnv(st, assigns) };
  },
  command: (ctx, argv, assigns, redir) => {
    const args = argv.slice(1);
    let mode: 'v' | 'V' | undefined;
    while (args[0] !== undefined && /^-[pvV]+$/.test(args[0])) {
      const flag = args.shift() ?? '';
      if (flag.includes('V')) mode = 'V';
      else if (flag.includes('v')) mode = 'v';
    }
    if (args[0] === '--') args.shift();
    if (args.length === 0) return finished(ctx, 0);
    if (mode === 'V') return runBuiltin(ctx, type, ['command', ...args], [], false);
    if (mode === 'v') {
      const io = commandIO(ctx);
      let status = 0;
      for (const name of args) {
        const d = describeCommand(ctx.st, ctx.sys, name);
        if (d.kind === 'none') status = 1;
        else io.out(`${d.kind === 'file' ? d.path : name}\n`);
      }
      return finished(ctx, status);
    }
    return dispatch(ctx, args, assigns, redir, true);
  },
  local: (ctx, argv) => {
    const st = ctx.st;
    const bash = st.dialect === 'bash';
    const frame = [...st.frames].reverse().find(isFunctionFrame);
    if (!frame) {
      complainAs(ctx, 'local', bash ? 'local: can only be used in a function' : 'local: not in a function');
      return finished(ctx, bash ? 1 : 2);
    }
    let status = 0;
    for (const arg of argv.slice(1)) {
      if (arg.startsWith('-')) continue;
      const m = NAME_RE.exec(arg);
      const name = m?.[1];
      if (!name) {
        complainAs(ctx, 'local', `local: ${arg}: bad variable name`);
        status = 1;
        continue;
      }
      if (!(name in frame.locals)) frame.locals[name] = st.vars[name] ? cloneJson(st.vars[name]) : null;
      if (m[2] !== undefined) {
        const err = setVar(st, name, m[2]);
        if (err) throw new ShellError(err);
      } else if (bash) {
        // bash's `local x` starts out unset; dash's keeps the outer value.
        delete st.vars[name];
      }
    }
    return finished(ctx, status);
  },
  wait: (ctx, argv) => {
    const st = ctx.st;
    const pids: number[] = [];
    for (const a of argv.slice(1)) {
      const pid = a.startsWith('%') ? st.jobs[Number(a.slice(1)) - 1] : /^\d+$/.test(a) ? Number(a) : undefined;
      if (pid === undefined) {
        complainAs(
          ctx,
          'wait',
          st.dialect === 'bash' ? `wait: \`${a}': not a pid or valid job spec` : `wait: Illegal number: ${a}`,
        );
        return finished(ctx, 2);
      }
      pids.push(pid);
    }
    if (pids.length === 0) return { kind: 'block', blocked: { kind: 'wait', pids: [...st.jobs], last: -1, status: 0 } };
    return { kind: 'block', blocked: { kind: 'wait', pids, last: pids[pids.length - 1] ?? -1, status: 0 } };
  },
};
