import { normalizePath } from '../fs/normalizePath';
import type { FileStat, FileSystemView, Utility } from '../types';
import { commandName } from './parseOptions';

// The `test` / `[` evaluator (busybox coreutils/test.c, POSIX test): exit 0 true, 1 false, 2 error.

const UNARY_FILE = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-L',
  '-h',
  '-p',
  '-S',
  '-b',
  '-c',
  '-g',
  '-u',
  '-k',
  '-O',
  '-G',
]);
const UNARY = new Set([...UNARY_FILE, '-z', '-n', '-t']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

class TestError extends Error {}

function parseInteger(text: string): number {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) throw new TestError(`${text}: bad number`);
  return Number(text.trim());
}

function evaluateUnary(op: string, operand: string, fs: FileSystemView, cwd: string): boolean {
  if (op === '-z') return operand === '';
  if (op === '-n') return operand !== '';
  if (op === '-t') return false;
  const path = normalizePath(cwd, operand);
  const stat: FileStat | string = operand === '' ? 'ENOENT' : fs.stat(path);
  if (typeof stat === 'string') return false;
  switch (op) {
    case '-e':
    case '-r':
    case '-w':
    case '-O':
    case '-G':
      return true;
    case '-f':
      return stat.type === 'file' && path !== '/dev/null';
    case '-d':
      return stat.type === 'dir';
    case '-s':
      return stat.size > 0;
    case '-x':
      return stat.type === 'dir' || (stat.mode & 0o111) !== 0;
    case '-c':
      return path === '/dev/null';
    case '-k':
      return (stat.mode & 0o1000) !== 0;
    default:
      return false;
  }
}

function evaluateBinary(left: string, op: string, right: string, fs: FileSystemView, cwd: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '>':
      return left > right;
    case '-eq':
      return parseInteger(left) === parseInteger(right);
    case '-ne':
      return parseInteger(left) !== parseInteger(right);
    case '-lt':
      return parseInteger(left) < parseInteger(right);
    case '-le':
      return parseInteger(left) <= parseInteger(right);
    case '-gt':
      return parseInteger(left) > parseInteger(right);
    case '-ge':
      return parseInteger(left) >= parseInteger(right);
    default: {
      const a = fs.stat(normalizePath(cwd, left));
      const b = fs.stat(normalizePath(cwd, right));
      if (op === '-ef') return typeof a !== 'string' && normalizePath(cwd, left) === normalizePath(cwd, right);
      const timeA = typeof a === 'string' ? undefined : a.mtime;
      const timeB = typeof b === 'string' ? undefined : b.mtime;
      if (op === '-nt') return timeA !== undefined && (timeB === undefined || timeA > timeB);
      return timeB !== undefined && (timeA === undefined || timeA < timeB);
    }
  }
}

/** Recursive descent for long expressions: or := and (-o and)*; and := not (-a not)*; not := ! not | primary. */
function evaluateExpression(args: string[], fs: FileSystemView, cwd: string): boolean {
  let position = 0;
  const peek = () => args[position];
  const take = (): string => {
    const arg = args[position++];
    if (arg === undefined) throw new TestError('argument expected');
    return arg;
  };
  const primary = (): boolean => {
    const arg = take();
    if (arg === '(') {
      const value = or();
      if (take() !== ')') throw new TestError("')' expected");
      return value;
    }
    if (UNARY.has(arg) && position < args.length) return evaluateUnary(arg, take(), fs, cwd);
    const op = peek();
    if (op !== undefined && BINARY.has(op)) {
      position++;
      return evaluateBinary(arg, op, take(), fs, cwd);
    }
    return arg !== '';
  };
  const not = (): boolean => (peek() === '!' ? (position++, !not()) : primary());
  const and = (): boolean => {
    let value = not();
    while (peek() === '-a') {
      position++;
      value = not() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (peek() === '-o') {
      position++;
      value = and() || value;
    }
    return value;
  };
  const value = or();
  if (position < args.length) throw new TestError(`${args[position]}: unknown operand`);
  return value;
}

/** POSIX's rules for up to four arguments, which decide by count before looking at operators. */
function evaluateShort(args: string[], fs: FileSystemView, cwd: string): boolean {
  const [a = '', b = '', c = ''] = args;
  if (args.length === 0) return false;
  if (args.length === 1) return a !== '';
  if (args.length === 2) {
    if (a === '!') return b === '';
    if (UNARY.has(a)) return evaluateUnary(a, b, fs, cwd);
    throw new TestError(`${a}: unknown operand`);
  }
  if (args.length === 3) {
    if (BINARY.has(b)) return evaluateBinary(a, b, c, fs, cwd);
    if (b === '-a') return a !== '' && c !== '';
    if (b === '-o') return a !== '' || c !== '';
    if (a === '!') return !evaluateShort(args.slice(1), fs, cwd);
    if (a === '(' && c === ')') return b !== '';
  }
  if (args.length === 4 && a === '!') return !evaluateShort(args.slice(1), fs, cwd);
  return evaluateExpression(args, fs, cwd);
}

/**
 * Evaluates a `test` expression (without the closing `]`): 0 true, 1 false, 2 on an error, whose message (such as
 * `a: bad number`) goes to `report` without the command name. Shared with the shell's `test` and `[` builtins.
 */
export function evaluateTest(
  args: string[],
  fs: FileSystemView,
  cwd: string,
  report?: (message: string) => void,
): number {
  try {
    return evaluateShort(args, fs, cwd) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof TestError)) throw error;
    report?.(error.message);
    return 2;
  }
}

/** `test EXPRESSION` and `[ EXPRESSION ]` */
export const test: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  let args = argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      io.stderr('[: missing ]\n');
      return 2;
    }
    args = args.slice(0, -1);
  }
  return evaluateTest(args, sys.fs, cwd, (message) => io.stderr(`${name}: ${message}\n`));
};
