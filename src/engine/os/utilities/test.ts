/**
 * `test` and `[`: POSIX's rules by argument count, then `!`, `-a`, `-o` and parentheses by precedence. One evaluator
 * serves the busybox and coreutils utilities, the shells' builtins and bash's `[[ ]]`; only the wording of errors
 * differs (busybox coreutils/test.c, dash src/bltin/test.c, bash test.c, GNU coreutils src/test.c).
 */
import { normalizePath } from '../fs/normalizePath';
import type { FileSystemView, Utility } from '../types';
import { commandName } from './parseOptions';

/** Whose `test` is speaking. */
export type TestWording = 'busybox' | 'dash' | 'bash' | 'gnu';

export interface TestEnv {
  fs: FileSystemView;
  cwd: string;
  wording: TestWording;
}

/** An exit status (0 true, 1 false, 2 error) and, on error, the message without the command's name. */
export interface TestResult {
  status: 0 | 1 | 2;
  error?: string;
}

interface Messages {
  badInteger(text: string): string;
  /** `[ a b ]`: the first of two operands is no unary operator. */
  notUnary(first: string, second: string): string;
  /** `[ a b c ]`: the middle of three operands is no binary operator. */
  notBinary(middle: string): string;
  /** Operands left over after a complete expression. */
  extra(operand: string): string;
  /** An operator at the end, its operand missing. */
  argumentExpected(operator: string): string;
  closingParen: string;
  missingBracket: string;
}

const MESSAGES: Record<TestWording, Messages> = {
  busybox: {
    badInteger: (text) => `${text}: bad number`,
    notUnary: (_first, second) => `${second}: unknown operand`,
    notBinary: (middle) => `${middle}: unknown operand`,
    extra: (operand) => `${operand}: unknown operand`,
    argumentExpected: (operator) => `${operator}: argument expected`,
    closingParen: 'closing paren expected',
    missingBracket: 'missing ]',
  },
  dash: {
    badInteger: (text) => `Illegal number: ${text}`,
    notUnary: (first) => `${first}: unexpected operator`,
    notBinary: (middle) => `${middle}: unexpected operator`,
    extra: (operand) => `${operand}: unexpected operator`,
    argumentExpected: (operator) => `${operator}: argument expected`,
    closingParen: 'closing paren expected',
    missingBracket: 'missing ]',
  },
  bash: {
    badInteger: (text) => `${text}: integer expression expected`,
    notUnary: (first) => `${first}: unary operator expected`,
    notBinary: (middle) => `${middle}: binary operator expected`,
    extra: () => 'too many arguments',
    argumentExpected: () => 'argument expected',
    closingParen: "`)' expected",
    missingBracket: "missing `]'",
  },
  gnu: {
    badInteger: (text) => `invalid integer '${text}'`,
    notUnary: (first) => `'${first}': unary operator expected`,
    notBinary: (middle) => `'${middle}': binary operator expected`,
    extra: (operand) => `extra argument '${operand}'`,
    argumentExpected: (operator) => `missing argument after '${operator}'`,
    closingParen: "')' expected",
    missingBracket: "missing ']'",
  },
};

/** Operators taking one operand (`-f path`), and two (`a = b`). */
// prettier-ignore
export const UNARY_TESTS: ReadonlySet<string> = new Set([
  '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-h', '-L', '-b', '-c', '-p', '-S', '-t', '-z', '-n', '-g', '-u', '-k',
  '-O', '-G',
]);
// prettier-ignore
export const BINARY_TESTS: ReadonlySet<string> = new Set([
  '=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef',
]);

class TestError extends Error {}

/** An integer operand as test reads it: digits with an optional sign, blanks around allowed. */
function testInteger(text: string, env: TestEnv): bigint {
  if (/^\s*[+-]?\d+\s*$/.test(text)) return BigInt(text.trim());
  throw new TestError(MESSAGES[env.wording].badInteger(text));
}

/** A unary primary such as `-f path` or `-z string`. Root owns everything, so read, write and owner tests pass. */
export function unaryTest(op: string, operand: string, env: TestEnv): boolean {
  if (op === '-z') return operand === '';
  if (op === '-n') return operand !== '';
  if (op === '-t' || operand === '') return false;
  const path = normalizePath(env.cwd, operand);
  const stat = env.fs.stat(path);
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
    case '-c':
      return path === '/dev/null';
    case '-d':
      return stat.type === 'dir';
    case '-s':
      return stat.type === 'dir' || stat.size > 0;
    case '-x':
      return stat.type === 'dir' || (stat.mode & 0o111) !== 0;
    case '-u':
      return (stat.mode & 0o4000) !== 0;
    case '-g':
      return (stat.mode & 0o2000) !== 0;
    case '-k':
      return (stat.mode & 0o1000) !== 0;
    default:
      // No symlinks, block devices, pipes or sockets in the simulated file system.
      return false;
  }
}

function mtimeOf(path: string, env: TestEnv): number | undefined {
  const stat = env.fs.stat(normalizePath(env.cwd, path));
  return typeof stat === 'string' ? undefined : stat.mtime;
}

/** A binary primary such as `a = b`, `3 -lt 4` or `new -nt old`. */
export function binaryTest(left: string, op: string, right: string, env: TestEnv): boolean {
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
    case '-nt':
    case '-ot': {
      const a = mtimeOf(left, env);
      const b = mtimeOf(right, env);
      if (op === '-nt') return a !== undefined && (b === undefined || a > b);
      return b !== undefined && (a === undefined || a < b);
    }
    case '-ef':
      return mtimeOf(left, env) !== undefined && normalizePath(env.cwd, left) === normalizePath(env.cwd, right);
    default: {
      const a = testInteger(left, env);
      const b = testInteger(right, env);
      if (op === '-eq') return a === b;
      if (op === '-ne') return a !== b;
      if (op === '-lt') return a < b;
      if (op === '-le') return a <= b;
      if (op === '-gt') return a > b;
      return a >= b;
    }
  }
}

/** Recursive descent for longer expressions: or := and (-o and)*; and := not (-a not)*; not := ! not | primary. */
function evaluateExpression(args: readonly string[], env: TestEnv): boolean {
  const messages = MESSAGES[env.wording];
  let position = 0;
  const primary = (): boolean => {
    const arg = args[position];
    if (arg === undefined) throw new TestError(messages.argumentExpected(args[position - 1] ?? ''));
    const op = args[position + 1];
    const right = args[position + 2];
    if (op !== undefined && right !== undefined && BINARY_TESTS.has(op)) {
      position += 3;
      return binaryTest(arg, op, right, env);
    }
    if (arg === '(') {
      position++;
      const value = or();
      if (args[position] !== ')') throw new TestError(messages.closingParen);
      position++;
      return value;
    }
    if (op !== undefined && UNARY_TESTS.has(arg)) {
      position += 2;
      return unaryTest(arg, op, env);
    }
    position++;
    return arg !== '';
  };
  const not = (): boolean => {
    if (args[position] !== '!') return primary();
    position++;
    return !not();
  };
  const and = (): boolean => {
    let value = not();
    while (args[position] === '-a') {
      position++;
      const right = not();
      value = value && right;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (args[position] === '-o') {
      position++;
      const right = and();
      value = value || right;
    }
    return value;
  };
  const value = or();
  const extra = args[position];
  if (extra !== undefined) throw new TestError(messages.extra(extra));
  return value;
}

/** POSIX's rules for up to four operands, which decide by count before looking at operators. */
function evaluate(args: readonly string[], env: TestEnv): boolean {
  const [a = '', b = '', c = '', d = ''] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return a !== '';
    case 2:
      if (a === '!') return b === '';
      if (UNARY_TESTS.has(a)) return unaryTest(a, b, env);
      throw new TestError(MESSAGES[env.wording].notUnary(a, b));
    case 3:
      if (BINARY_TESTS.has(b)) return binaryTest(a, b, c, env);
      if (b === '-a') return a !== '' && c !== '';
      if (b === '-o') return a !== '' || c !== '';
      if (a === '!') return !evaluate([b, c], env);
      if (a === '(' && c === ')') return b !== '';
      throw new TestError(MESSAGES[env.wording].notBinary(b));
    case 4:
      if (a === '!') return !evaluate([b, c, d], env);
      if (a === '(' && d === ')') return evaluate([b, c], env);
      return evaluateExpression(args, env);
    default:
      return evaluateExpression(args, env);
  }
}

/** Evaluates test's operands (without a closing `]`). */
export function runTest(args: readonly string[], env: TestEnv): TestResult {
  try {
    return { status: evaluate(args, env) ? 0 : 1 };
  } catch (error) {
    if (!(error instanceof TestError)) throw error;
    return { status: 2, error: error.message };
  }
}

/** `test EXPR` or `[ EXPR ]` as invoked (argv[0] names which); `[` insists on its closing `]`. */
export function runTestCommand(argv: readonly string[], env: TestEnv): TestResult {
  const args = argv.slice(1);
  if (commandName(argv) !== '[') return runTest(args, env);
  if (args[args.length - 1] !== ']') return { status: 2, error: MESSAGES[env.wording].missingBracket };
  return runTest(args.slice(0, -1), env);
}

/** The `test` / `[` utility of busybox or GNU coreutils: `test: a: bad number`, `[: missing ]`. */
export function testUtility(wording: 'busybox' | 'gnu'): Utility {
  return (argv, io, sys, _env, cwd) => {
    const result = runTestCommand(argv, { fs: sys.fs, cwd, wording });
    if (result.error !== undefined) io.stderr(`${commandName(argv)}: ${result.error}\n`);
    return result.status;
  };
}

/** busybox's `test` and `[`. */
export const test: Utility = testUtility('busybox');
