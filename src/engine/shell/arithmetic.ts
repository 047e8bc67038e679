/**
 * Shell arithmetic (`$((...))`, `((...))`, `${x:1:2}` offsets): C integer expressions on 64-bit signed integers,
 * with variables, assignment operators, `++`/`--`, `?:`, `**` (bash) and short-circuit `&&`/`||`.
 */

/** Reading and writing shell variables from an expression. */
export interface ArithmeticEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithmeticError extends Error {}

const OPERATORS = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '=',
  '!',
  '~',
  '&',
  '^',
  '|',
  '?',
  ':',
  '(',
  ')',
  ',',
];
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);
const BINARY_LEVELS: string[][] = [
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];
const MAX_DEPTH = 16;

const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);
const truth = (b: boolean): bigint => (b ? 1n : 0n);

/** An integer constant as the shell reads it: decimal, 0x hex, 0 octal, or bash's base#digits. */
export function parseInteger(text: string): bigint | undefined {
  const s = text.trim();
  const m = /^([+-]?)(.*)$/.exec(s);
  const sign = m?.[1] === '-' ? -1n : 1n;
  const body = m?.[2] ?? '';
  let v: bigint | undefined;
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) v = BigInt(body);
  else if (/^0[0-7]+$/.test(body)) v = BigInt(`0o${body.slice(1)}`);
  else if (/^[0-9]+$/.test(body)) v = BigInt(body);
  else {
    const based = /^(\d+)#([0-9A-Za-z@_]+)$/.exec(body);
    const base = Number(based?.[1]);
    if (!based?.[2] || base < 2 || base > 64) return undefined;
    const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@_';
    v = 0n;
    for (const ch of based[2]) {
      const d = digits.indexOf(base <= 36 ? ch.toLowerCase() : ch);
      if (d < 0 || d >= base) return undefined;
      v = v * BigInt(base) + BigInt(d);
    }
  }
  return wrap(sign * v);
}

function tokenize(expr: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const word = /^[A-Za-z0-9_#@]+/.exec(expr.slice(i));
    if (word) {
      tokens.push(word[0]);
      i += word[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => expr.startsWith(o, i));
    if (!op) throw new ArithmeticError(`expecting primary`);
    tokens.push(op);
    i += op.length;
  }
  return tokens;
}

class Evaluator {
  private i = 0;
  private readonly tokens: string[];

  constructor(
    expr: string,
    private readonly env: ArithmeticEnv,
    private readonly depth: number,
  ) {
    this.tokens = tokenize(expr);
  }

  run(): bigint {
    if (this.tokens.length === 0) return 0n;
    const v = this.comma(true);
    if (this.i < this.tokens.length) throw new ArithmeticError('expecting EOF');
    return v;
  }

  private peek(): string | undefined {
    return this.tokens[this.i];
  }

  private take(tok: string): boolean {
    if (this.tokens[this.i] !== tok) return false;
    this.i++;
    return true;
  }

  private isName(tok: string | undefined): tok is string {
    return tok !== undefined && /^[A-Za-z_][A-Za-z0-9_]*$/.test(tok);
  }

  private variable(name: string): bigint {
    const raw = this.env.get(name);
    if (raw === undefined || raw.trim() === '') return 0n;
    const n = parseInteger(raw);
    if (n !== undefined) return n;
    // bash evaluates a variable holding an expression; the depth limit stops `a=a` recursion.
    if (this.depth >= MAX_DEPTH) throw new ArithmeticError('expression recursion level exceeded');
    return new Evaluator(raw, this.env, this.depth + 1).run();
  }

  private assignTo(name: string, value: bigint, evaluate: boolean): bigint {
    if (evaluate) this.env.set(name, String(value));
    return value;
  }

  private comma(ev: boolean): bigint {
    let v = this.assignment(ev);
    while (this.take(',')) v = this.assignment(ev);
    return v;
  }

  private assignment(ev: boolean): bigint {
    const name = this.peek();
    const op = this.tokens[this.i + 1];
    if (this.isName(name) && op !== undefined && ASSIGN_OPS.has(op)) {
      this.i += 2;
      const rhs = this.assignment(ev);
      if (op === '=') return this.assignTo(name, rhs, ev);
      const current = ev ? this.variable(name) : 0n;
      return this.assignTo(name, this.binary(op.slice(0, -1), current, rhs, ev), ev);
    }
    return this.ternary(ev);
  }

  private ternary(ev: boolean): bigint {
    const c = this.logicalOr(ev);
    if (!this.take('?')) return c;
    const a = this.comma(ev && c !== 0n);
    if (!this.take(':')) throw new ArithmeticError("expecting ':'");
    const b = this.assignment(ev && c === 0n);
    return c !== 0n ? a : b;
  }

  private logicalOr(ev: boolean): bigint {
    let l = this.logicalAnd(ev);
    while (this.take('||')) {
      const r = this.logicalAnd(ev && l === 0n);
      l = truth(l !== 0n || r !== 0n);
    }
    return l;
  }

  private logicalAnd(ev: boolean): bigint {
    let l = this.level(0, ev);
    while (this.take('&&')) {
      const r = this.level(0, ev && l !== 0n);
      l = truth(l !== 0n && r !== 0n);
    }
    return l;
  }

  private level(n: number, ev: boolean): bigint {
    const ops = BINARY_LEVELS[n];
    if (!ops) return this.power(ev);
    let l = this.level(n + 1, ev);
    for (;;) {
      const op = this.peek();
      if (op === undefined || !ops.includes(op)) return l;
      this.i++;
      const r = this.level(n + 1, ev);
      l = this.binary(op, l, r, ev);
    }
  }

  private binary(op: string, l: bigint, r: bigint, ev: boolean): bigint {
    switch (op) {
      case '+':
        return wrap(l + r);
      case '-':
        return wrap(l - r);
      case '*':
        return wrap(l * r);
      case '/':
      case '%':
        if (r === 0n) {
          if (ev) throw new ArithmeticError('division by zero');
          return 0n;
        }
        return wrap(op === '/' ? l / r : l % r);
      case '<<':
        return wrap(l << r);
      case '>>':
        return l >> r;
      case '&':
        return l & r;
      case '|':
        return l | r;
      case '^':
        return l ^ r;
      case '<':
        return truth(l < r);
      case '<=':
        return truth(l <= r);
      case '>':
        return truth(l > r);
      case '>=':
        return truth(l >= r);
      case '==':
        return truth(l === r);
      case '!=':
        return truth(l !== r);
      case '**':
        if (r < 0n) throw new ArithmeticError('exponent less than 0');
        return wrap(l ** r);
      default:
        throw new ArithmeticError('expecting primary');
    }
  }

  private power(ev: boolean): bigint {
    const base = this.unary(ev);
    if (!this.take('**')) return base;
    return this.binary('**', base, this.power(ev), ev);
  }

  private unary(ev: boolean): bigint {
    const tok = this.peek();
    if (tok === '++' || tok === '--') {
      this.i++;
      const name = this.peek();
      if (!this.isName(name)) throw new ArithmeticError('expecting primary');
      this.i++;
      const v = ev ? this.variable(name) : 0n;
      return this.assignTo(name, wrap(tok === '++' ? v + 1n : v - 1n), ev);
    }
    if (tok === '!' || tok === '~' || tok === '-' || tok === '+') {
      this.i++;
      const v = this.unary(ev);
      return tok === '!' ? truth(v === 0n) : tok === '~' ? ~v : tok === '-' ? wrap(-v) : v;
    }
    return this.postfix(ev);
  }

  private postfix(ev: boolean): bigint {
    const tok = this.peek();
    if (this.isName(tok)) {
      this.i++;
      const v = ev ? this.variable(tok) : 0n;
      const op = this.peek();
      if (op === '++' || op === '--') {
        this.i++;
        this.assignTo(tok, wrap(op === '++' ? v + 1n : v - 1n), ev);
      }
      return v;
    }
    if (this.take('(')) {
      const v = this.comma(ev);
      if (!this.take(')')) throw new ArithmeticError("expecting ')'");
      return v;
    }
    if (tok === undefined) throw new ArithmeticError('expecting primary');
    const n = parseInteger(tok);
    if (n === undefined) throw new ArithmeticError(`invalid number "${tok}"`);
    this.i++;
    return n;
  }
}

/** Evaluate an (already parameter-expanded) arithmetic expression; throws `ArithmeticError`. */
export function evaluateArithmetic(expr: string, env: ArithmeticEnv): bigint {
  return new Evaluator(expr, env, 0).run();
}
