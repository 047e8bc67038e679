/** `test` / `[` evaluation (POSIX rules by argument count, then -a/-o/!/() precedence), shared with `[[ ]]`. */
import type { FileSystemView } from '../os/types';
import { resolvePath } from './paths';
import type { Dialect } from './state';

export interface TestEnv {
  fs: FileSystemView;
  cwd: string;
  dialect: Dialect;
}

export class TestError extends Error {}

export const UNARY_TESTS = new Set([
  '-e',
  '-f',
  '-d',
  '-s',
  '-r',
  '-w',
  '-x',
  '-h',
  '-L',
  '-b',
  '-c',
  '-p',
  '-S',
  '-t',
  '-z',
  '-n',
  '-g',
  '-u',
  '-k',
]);
export const BINARY_TESTS = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

/** Parse an integer operand as `test` does (surrounding blanks allowed). */
export function testInteger(s: string, env: TestEnv): bigint {
  if (/^\s*[+-]?\d+\s*$/.test(s)) return BigInt(s.trim());
  throw new TestError(env.dialect === 'bash' ? `${s}: integer expression expected` : `Illegal number: ${s}`);
}

/** A unary primary such as `-f path` or `-z string`. The file system is seen as root sees it. */
export function unaryTest(op: string, arg: string, env: TestEnv): boolean {
  if (op === '-z') return arg === '';
  if (op === '-n') return arg !== '';
  if (op === '-t') return false;
  if (arg === '') return false;
  const st = env.fs.stat(resolvePath(env.cwd, arg));
  if (typeof st === 'string') return false;
  switch (op) {
    case '-e':
    case '-r':
    case '-w':
      return true;
    case '-f':
      return st.type === 'file';
    case '-d':
      return st.type === 'dir';
    case '-s':
      return st.type === 'dir' || st.size > 0;
    case '-x':
      return st.type === 'dir' || (st.mode & 0o111) !== 0;
    case '-u':
      return (st.mode & 0o4000) !== 0;
    case '-g':
      return (st.mode & 0o2000) !== 0;
    case '-k':
      return (st.mode & 0o1000) !== 0;
    default:
      // No symlinks, devices, pipes or sockets in the simulated file system.
      return false;
  }
}

function mtimeOf(path: string, env: TestEnv): number | undefined {
  const st = env.fs.stat(resolvePath(env.cwd, path));
  return typeof st === 'string' ? undefined : st.mtime;
}

/** A binary primary such as `a = b` or `3 -lt 4`. */
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
      return mtimeOf(left, env) !== undefined && resolvePath(env.cwd, left) === resolvePath(env.cwd, right);
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

class TestParser {
  private i = 0;

  constructor(
    private readonly args: string[],
    private readonly env: TestEnv,
  ) {}

  run(): boolean {
    const v = this.or();
    const extra = this.args[this.i];
    if (extra !== undefined)
      throw new TestError(this.env.dialect === 'bash' ? 'too many arguments' : `${extra}: unexpected operator`);
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.i] === '-o') {
      this.i++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.i] === '-a') {
      this.i++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.i] === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args[this.i];
    if (a === undefined) throw new TestError('argument expected');
    const op = this.args[this.i + 1];
    const b = this.args[this.i + 2];
    if (op !== undefined && BINARY_TESTS.has(op) && b !== undefined) {
      this.i += 3;
      return binaryTest(a, op, b, this.env);
    }
    if (a === '(') {
      this.i++;
      const v = this.or();
      if (this.args[this.i] !== ')')
        throw new TestError(this.env.dialect === 'bash' ? "`)' expected" : 'closing paren expected');
      this.i++;
      return v;
    }
    if (UNARY_TESTS.has(a) && op !== undefined) {
      this.i += 2;
      return unaryTest(a, op, this.env);
    }
    this.i++;
    return a !== '';
  }
}

function evaluate(args: string[], env: TestEnv): boolean {
  const [a = '', b = '', c = '', d] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return a !== '';
    case 2:
      if (a === '!') return b === '';
      if (UNARY_TESTS.has(a)) return unaryTest(a, b, env);
      throw new TestError(env.dialect === 'bash' ? `${a}: unary operator expected` : `${a}: unexpected operator`);
    case 3:
      if (BINARY_TESTS.has(b)) return binaryTest(a, b, c, env);
      if (b === '-a') return a !== '' && c !== '';
      if (b === '-o') return a !== '' || c !== '';
      if (a === '!') return !evaluate([b, c], env);
      if (a === '(' && c === ')') return b !== '';
      throw new TestError(env.dialect === 'bash' ? `${b}: binary operator expected` : `${b}: unexpected operator`);
    case 4:
      if (a === '!') return !evaluate([b, c, d ?? ''], env);
      if (a === '(' && d === ')') return evaluate([b, c], env);
      return new TestParser(args, env).run();
    default:
      return new TestParser(args, env).run();
  }
}

/** Run `test` on its operands: 0 true, 1 false, 2 with an error message (without the `test:` prefix). */
export function runTest(args: string[], env: TestEnv): { status: 0 | 1 | 2; error?: string } {
  try {
    return { status: evaluate(args, env) ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { status: 2, error: e.message };
    throw e;
  }
}
