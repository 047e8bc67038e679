/**
 * Builtins that only read and change shell state and streams. Those that steer the interpreter (exit, return,
 * break, eval, ., exec, command, local, wait) live in `simpleCommand.ts`.
 */
import type { ProcessIO, Signal, SystemCalls, Utility } from '../os/types';
import { echo as echoUtility } from '../os/utilities/echo';
import { kill as busyboxKill } from '../os/utilities/kill';
import { runTestCommand, type TestWording } from '../os/utilities/test';
import type { CommandIO } from './io';
import { baseName, resolvePath } from './paths';
import { formatPrintf } from './printf';
import { listSignals, parseSignal, signalByNumber, signalNumber } from './signals';
import { ifsOf, setVar, singleQuote, unsetVar, type Dialect, type ShellOptions, type ShellState } from './state';

export interface BuiltinContext {
  st: ShellState;
  sys: SystemCalls;
  io: CommandIO;
  /** Print the builtin's `name: message` complaint as the shell words it (`sh: 1: cd: ...`) on the command's stderr. */
  fail(message: string): void;
}

/** Runs with the full argv (argv[0] is the name as invoked) and returns the exit status. */
export type Builtin = (b: BuiltinContext, argv: string[]) => number;

/** POSIX special builtins: their variable assignments persist. */
export const SPECIAL_BUILTINS = new Set([
  ':',
  '.',
  'break',
  'continue',
  'eval',
  'exec',
  'exit',
  'export',
  'readonly',
  'return',
  'set',
  'shift',
  'trap',
  'unset',
  'source',
]);

/** Builtins implemented by the interpreter itself. */
export const CONTROL_BUILTINS = new Set([
  '.',
  'source',
  'eval',
  'exec',
  'exit',
  'return',
  'break',
  'continue',
  'command',
  'local',
  'wait',
]);

export const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'do',
  'done',
  'case',
  'esac',
  'while',
  'until',
  'for',
  'in',
  '{',
  '}',
  '!',
  '[[',
  ']]',
  'function',
]);

const OPTION_LETTERS: Record<string, keyof ShellOptions> = { e: 'errexit', x: 'xtrace', u: 'nounset', f: 'noglob' };
const OPTION_NAMES: Record<string, keyof ShellOptions> = {
  errexit: 'errexit',
  xtrace: 'xtrace',
  nounset: 'nounset',
  noglob: 'noglob',
  pipefail: 'pipefail',
};
/** Flags accepted and ignored: they change nothing a container script can observe here. */
const IGNORED_FLAGS = 'abhmnvCBHiklpPstT';

/** `NAME` or `NAME=value`, as export, readonly and local take them. */
export const NAME_RE = /^([A-Za-z_][A-Za-z0-9_]*)(?:=([\s\S]*))?$/;

/** Apply a `set` option letter (`e`, `x`, ...); false when the letter is unknown. */
export function applyOption(options: ShellOptions, letter: string, on: boolean): boolean {
  const name = OPTION_LETTERS[letter];
  if (name) options[name] = on;
  return name !== undefined || IGNORED_FLAGS.includes(letter);
}

/** Apply a `set -o` option name (`errexit`, `pipefail`, ...); false when the name is unknown. */
export function applyOptionName(options: ShellOptions, name: string, on: boolean): boolean {
  const key = OPTION_NAMES[name];
  if (key) options[key] = on;
  return key !== undefined;
}

/**
 * Runs a busybox applet's code as a builtin, the way ash runs its `kill` (and every shell here its `echo`): messages
 * carry the shell's applet name and no line number, `sh: can't kill pid 9: No such process`.
 */
function runApplet(b: BuiltinContext, utility: Utility, argv: string[]): number {
  const io: ProcessIO = { stdin: '', stdout: b.io.out, stderr: b.io.err };
  const result = utility([baseName(b.st.shellName), ...argv.slice(1)], io, b.sys, {}, b.st.cwd);
  return typeof result === 'number' ? result : result.exitCode;
}

const echo: Builtin = (b, argv) => runApplet(b, echoUtility, argv);

const printf: Builtin = (b, argv) => {
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  const format = args.shift();
  if (format === undefined) {
    b.fail(
      b.st.dialect === 'bash'
        ? 'printf: usage: printf [-v var] format [arguments]'
        : 'printf: usage: printf format [arg ...]',
    );
    return 2;
  }
  const r = formatPrintf(format, args, b.st.dialect);
  b.io.out(r.output);
  for (const e of r.errors) {
    // ash's printf is busybox's applet, which names the shell and no line.
    if (b.st.dialect === 'ash') b.io.err(`${baseName(b.st.shellName)}: ${e}\n`);
    else b.fail(`printf: ${e}`);
  }
  return r.errors.length ? 1 : 0;
};

const cd: Builtin = (b, argv) => {
  const st = b.st;
  const args = argv.slice(1).filter((a) => a !== '-L' && a !== '-P');
  if (args[0] === '--') args.shift();
  let target = args[0];
  let print = false;
  if (target === undefined) {
    target = st.vars.HOME?.value;
    if (target === undefined) {
      b.fail('cd: HOME not set');
      return 1;
    }
  } else if (target === '-') {
    target = st.vars.OLDPWD?.value;
    if (target === undefined) {
      b.fail('cd: OLDPWD not set');
      return 1;
    }
    print = true;
  }
  const path = resolvePath(st.cwd, target);
  const stat = b.sys.fs.stat(path);
  if (typeof stat === 'string' || stat.type !== 'dir') {
    // dash: "cd: can't cd to DIR" with status 2 (src/cd.c); ash adds the errno (shell/ash.c cdcmd); bash names it.
    const reason = typeof stat === 'string' ? 'No such file or directory' : 'Not a directory';
    if (st.dialect === 'bash') {
      b.fail(`cd: ${target}: ${reason}`);
      return 1;
    }
    b.fail(st.dialect === 'ash' ? `cd: can't cd to ${target}: ${reason}` : `cd: can't cd to ${target}`);
    return 2;
  }
  setVar(st, 'OLDPWD', st.cwd);
  st.cwd = path;
  setVar(st, 'PWD', path);
  if (print) b.io.out(`${path}\n`);
  return 0;
};

const pwd: Builtin = (b) => {
  b.io.out(`${b.st.cwd}\n`);
  return 0;
};

function listVars(b: BuiltinContext, which: 'exported' | 'readonly'): void {
  const bash = b.st.dialect === 'bash';
  for (const name of Object.keys(b.st.vars).sort()) {
    const v = b.st.vars[name];
    if (!v?.[which]) continue;
    const value =
      v.value === undefined ? '' : bash ? `="${v.value.replace(/(["\\$`])/g, '\\$1')}"` : `=${singleQuote(v.value)}`;
    const prefix = bash
      ? which === 'exported'
        ? 'declare -x'
        : 'declare -r'
      : which === 'exported'
        ? 'export'
        : 'readonly';
    b.io.out(`${prefix} ${name}${value}\n`);
  }
}

function declare(which: 'exported' | 'readonly'): Builtin {
  return (b, argv) => {
    const args = argv.slice(1).filter((a) => a !== '-p');
    if (args.length === 0) {
      listVars(b, which);
      return 0;
    }
    let status = 0;
    for (const arg of args) {
      const m = NAME_RE.exec(arg);
      if (!m?.[1]) {
        b.fail(
          b.st.dialect === 'bash'
            ? `${argv[0]}: \`${arg}': not a valid identifier`
            : `${argv[0]}: ${arg}: bad variable name`,
        );
        status = b.st.dialect === 'bash' ? 1 : 2;
        continue;
      }
      const name = m[1];
      if (m[2] !== undefined) {
        const err = setVar(b.st, name, m[2]);
        if (err) {
          b.fail(`${argv[0]}: ${err}`);
          status = 1;
          continue;
        }
      }
      const v = (b.st.vars[name] ??= {});
      v[which] = true;
    }
    return status;
  };
}

const unset: Builtin = (b, argv) => {
  let functions = false;
  let status = 0;
  for (const arg of argv.slice(1)) {
    if (arg === '-f' || arg === '-v') {
      functions = arg === '-f';
      continue;
    }
    if (functions) {
      delete b.st.functions[arg];
      continue;
    }
    const err = unsetVar(b.st, arg);
    if (err) {
      b.fail(`unset: ${err}`);
      status = 1;
    }
  }
  return status;
};

function printOptions(b: BuiltinContext, asCommands: boolean): void {
  for (const name of Object.keys(OPTION_NAMES).sort()) {
    const on = b.st.options[OPTION_NAMES[name] as keyof ShellOptions];
    b.io.out(asCommands ? `set ${on ? '-' : '+'}o ${name}\n` : `${name.padEnd(15)} ${on ? 'on' : 'off'}\n`);
  }
}

const set: Builtin = (b, argv) => {
  const st = b.st;
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const name of Object.keys(st.vars).sort()) {
      const value = st.vars[name]?.value;
      if (value !== undefined) b.io.out(`${name}=${singleQuote(value)}\n`);
    }
    return 0;
  }
  let i = 0;
  while (i < args.length) {
    const a = args[i] ?? '';
    if (a === '--') {
      st.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-' || a === '+') {
      st.options.xtrace = false;
      i++;
      break;
    }
    if (!/^[-+]./.test(a)) break;
    const on = a.startsWith('-');
    for (const c of a.slice(1)) {
      if (c === 'o') {
        const name = args[++i];
        if (name === undefined) {
          printOptions(b, !on);
          return 0;
        }
        if (!applyOptionName(st.options, name, on)) {
          b.fail(`set: Illegal option -o ${name}`);
          return 2;
        }
      } else if (!applyOption(st.options, c, on)) {
        b.fail(`set: Illegal option ${on ? '-' : '+'}${c}`);
        return 2;
      }
    }
    i++;
  }
  if (i < args.length) st.positional = args.slice(i);
  return 0;
};

const shift: Builtin = (b, argv) => {
  const arg = argv[1];
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    b.fail(`shift: Illegal number: ${arg}`);
    return 2;
  }
  const n = arg === undefined ? 1 : Number(arg);
  if (n > b.st.positional.length) {
    // bash and ash (shell/ash.c shiftcmd) just fail; dash complains.
    if (b.st.dialect !== 'dash') return 1;
    b.fail("shift: can't shift that many");
    return 2;
  }
  b.st.positional = b.st.positional.slice(n);
  return 0;
};

/** Split a line for `read`: one field per name, the last name taking the rest (IFS white space trimmed). */
export function splitForRead(line: string, count: number, ifs: string): string[] {
  const white = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
  const isWhite = (c: string | undefined): boolean => c !== undefined && white.includes(c);
  const isDelim = (c: string | undefined): boolean => c !== undefined && ifs.includes(c);
  let i = 0;
  const skipWhite = (): void => {
    while (isWhite(line[i])) i++;
  };
  const out: string[] = [];
  skipWhite();
  for (let k = 0; k < count - 1; k++) {
    const start = i;
    while (i < line.length && !isDelim(line[i])) i++;
    out.push(line.slice(start, i));
    skipWhite();
    if (isDelim(line[i]) && !isWhite(line[i])) {
      i++;
      skipWhite();
    }
  }
  let rest = line.slice(i);
  while (rest && isWhite(rest[rest.length - 1])) rest = rest.slice(0, -1);
  out.push(rest);
  return out;
}

const read: Builtin = (b, argv) => {
  const st = b.st;
  let raw = false;
  let prompt: string | undefined;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'r') raw = true;
      else if (c === 'p' || c === 't' || c === 'n' || c === 'd' || c === 'u') {
        // Options with a value: the rest of this word or the next word.
        const value = a.slice(j + 1) || argv[++i] || '';
        if (c === 'p') prompt = value;
        break;
      } else if (c !== 's') {
        b.fail(`read: Illegal option -${c}`);
        return 2;
      }
    }
  }
  const names = argv.slice(i);
  if (prompt !== undefined) b.io.err(prompt);
  let got = b.io.readLine();
  let line = got?.line ?? '';
  if (!raw) {
    while (got?.complete && /(^|[^\\])(\\\\)*\\$/.test(line)) {
      got = b.io.readLine();
      line = line.slice(0, -1) + (got?.line ?? '');
    }
    line = line.replace(/\\(.)/g, '$1');
  }
  if (names.length === 0) {
    setVar(st, 'REPLY', line);
  } else {
    const fields = splitForRead(line, names.length, ifsOf(st));
    for (const [k, name] of names.entries()) {
      const err = setVar(st, name, fields[k] ?? '');
      if (err) {
        b.fail(`read: ${err}`);
        return 2;
      }
    }
  }
  return got?.complete ? 0 : 1;
};

/** Whose `test` a shell's builtin is: ash's is busybox's applet. */
export function testWording(dialect: Dialect): TestWording {
  return dialect === 'ash' ? 'busybox' : dialect;
}

const test: Builtin = (b, argv) => {
  const r = runTestCommand(argv, { fs: b.sys.fs, cwd: b.st.cwd, wording: testWording(b.st.dialect) });
  if (r.error === undefined) return r.status;
  if (b.st.dialect === 'ash') b.io.err(`${baseName(b.st.shellName)}: ${r.error}\n`);
  else b.fail(`${argv[0] ?? 'test'}: ${r.error}`);
  return r.status;
};

/** `EXIT`, or the signal a trap or kill names. */
function trapKey(spec: string): string | undefined {
  if (spec === '0' || /^(SIG)?EXIT$/i.test(spec)) return 'EXIT';
  return parseSignal(spec);
}

const shortName = (key: string): string => key.replace(/^SIG/, '');

const trap: Builtin = (b, argv) => {
  const st = b.st;
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.length === 0 || args[0] === '-p') {
    const keys = Object.keys(st.traps).sort((x, y) =>
      x === 'EXIT' ? -1 : y === 'EXIT' ? 1 : signalNumber(x as Signal) - signalNumber(y as Signal),
    );
    for (const key of keys)
      b.io.out(
        `trap -- ${singleQuote(st.traps[key] ?? '')} ${st.dialect === 'bash' || key === 'EXIT' ? key : shortName(key)}\n`,
      );
    return 0;
  }
  if (args[0] === '-l') {
    for (const s of listSignals()) b.io.out(`${shortName(s)}\n`);
    return 0;
  }
  // One operand: reset that condition (as bash and POSIX do for `trap SIG`).
  const action = args.length === 1 || args[0] === '-' ? undefined : args[0];
  let status = 0;
  for (const spec of args.length === 1 ? args : args.slice(1)) {
    const key = trapKey(spec);
    if (!key) {
      b.fail(st.dialect === 'bash' ? `trap: ${spec}: invalid signal specification` : `trap: ${spec}: bad trap`);
      status = 1;
      continue;
    }
    if (action === undefined) delete st.traps[key];
    else st.traps[key] = action;
  }
  return status;
};

const kill: Builtin = (b, argv) => {
  const st = b.st;
  // ash hands its kill to busybox's applet once `%N` job specs are turned into pids.
  if (st.dialect === 'ash') {
    const jobPid = (arg: string) => (/^%\d+$/.test(arg) ? String(st.jobs[Number(arg.slice(1)) - 1] ?? arg) : arg);
    return runApplet(b, busyboxKill, argv.map(jobPid));
  }
  const bash = st.dialect === 'bash';
  const args = argv.slice(1);
  const usage = (): number => {
    b.fail('kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or kill -l [exitstatus]');
    return 2;
  };
  if (args.length === 0) return usage();
  if (args[0] === '-l' || args[0] === '-L') {
    const spec = args[1];
    if (spec === undefined) {
      for (const s of listSignals()) b.io.out(`${shortName(s)}\n`);
      return 0;
    }
    const n = Number(spec);
    const sig = /^\d+$/.test(spec) ? signalByNumber(n > 128 ? n - 128 : n) : parseSignal(spec);
    if (!sig) {
      b.fail(bash ? `kill: ${spec}: invalid signal specification` : `kill: invalid signal number or name: ${spec}`);
      return 1;
    }
    b.io.out(/^\d+$/.test(spec) ? `${shortName(sig)}\n` : `${signalNumber(sig)}\n`);
    return 0;
  }
  let i = 0;
  let spec: string | undefined;
  if (args[0] === '-s' || args[0] === '-n') {
    spec = args[1];
    i = 2;
  } else if (args[0] !== undefined && args[0].startsWith('-') && args[0] !== '--' && args[0].length > 1) {
    spec = args[0].slice(1);
    i = 1;
  }
  if (args[i] === '--') i++;
  let signal: Signal | 0 = 'SIGTERM';
  if (spec !== undefined) {
    const parsed = spec === '0' ? 0 : parseSignal(spec);
    if (parsed === undefined) {
      b.fail(bash ? `kill: ${spec}: invalid signal specification` : `kill: invalid signal number or name: ${spec}`);
      return 1;
    }
    signal = parsed;
  }
  const targets = args.slice(i);
  if (targets.length === 0) return usage();
  let status = 0;
  for (const t of targets) {
    const pid = t.startsWith('%') ? st.jobs[Number(t.slice(1)) - 1] : /^\d+$/.test(t) ? Number(t) : undefined;
    if (pid === undefined) {
      b.fail(bash ? `kill: ${t}: arguments must be process or job IDs` : `kill: Illegal number: ${t}`);
      status = 1;
      continue;
    }
    const result =
      signal === 0 ? (b.sys.processes().some((p) => p.pid === pid) ? 'ok' : 'ESRCH') : b.sys.kill(pid, signal);
    if (result === 'ok') continue;
    const reason = result === 'ESRCH' ? 'No such process' : 'Operation not permitted';
    b.fail(bash ? `kill: (${pid}) - ${reason}` : `kill: ${reason}`);
    status = 1;
  }
  return status;
};

/** What a command name refers to, as `type` and `command -v` report it. */
export type CommandKind =
  | { kind: 'keyword' }
  | { kind: 'function' }
  | { kind: 'builtin'; special: boolean }
  | { kind: 'file'; path: string }
  | { kind: 'none' };

/** The path of an image command: the first PATH directory holding it, else /usr/bin. */
function commandPath(st: ShellState, sys: SystemCalls, name: string): string {
  for (const dir of (st.vars.PATH?.value ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(
    ':',
  )) {
    const path = resolvePath('/', `${dir || '.'}/${name}`);
    if (typeof sys.fs.stat(path) !== 'string') return path;
  }
  return `/usr/bin/${name}`;
}

export function describeCommand(st: ShellState, sys: SystemCalls, name: string): CommandKind {
  if (KEYWORDS.has(name)) return { kind: 'keyword' };
  if (st.functions[name]) return { kind: 'function' };
  if (BUILTINS[name] || CONTROL_BUILTINS.has(name)) return { kind: 'builtin', special: SPECIAL_BUILTINS.has(name) };
  if (name.includes('/')) {
    const stat = sys.fs.stat(resolvePath(st.cwd, name));
    return typeof stat !== 'string' && stat.type === 'file' ? { kind: 'file', path: name } : { kind: 'none' };
  }
  if (sys.hasCommand(name)) return { kind: 'file', path: commandPath(st, sys, name) };
  return { kind: 'none' };
}

/** `type NAME` (and `command -V`): one description per name; 127 (dash) or 1 (bash) if one is unknown. */
export const type: Builtin = (b, argv) => {
  const bash = b.st.dialect === 'bash';
  let status = 0;
  for (const name of argv.slice(1)) {
    const d = describeCommand(b.st, b.sys, name);
    if (d.kind === 'keyword') b.io.out(`${name} is a shell keyword\n`);
    else if (d.kind === 'function') b.io.out(bash ? `${name} is a function\n` : `${name} is a shell function\n`);
    else if (d.kind === 'builtin') b.io.out(`${name} is a ${d.special && !bash ? 'special ' : ''}shell builtin\n`);
    else if (d.kind === 'file') b.io.out(`${name} is ${d.path}\n`);
    else if (bash) {
      b.fail(`type: ${name}: not found`);
      status = 1;
    } else {
      b.io.out(`${name}: not found\n`);
      status = 127;
    }
  }
  return status;
};

const umask: Builtin = (b, argv) => {
  if (argv[1] === undefined) b.io.out('0022\n');
  return 0;
};

export const BUILTINS: Record<string, Builtin> = {
  ':': () => 0,
  true: () => 0,
  false: () => 1,
  echo,
  printf,
  cd,
  pwd,
  export: declare('exported'),
  readonly: declare('readonly'),
  unset,
  set,
  shift,
  read,
  test,
  '[': test,
  trap,
  kill,
  type,
  umask,
};
