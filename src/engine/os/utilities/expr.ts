import type { Utility } from '../types';
import { commandName, reportFailure } from './parseOptions';
import { translatePosixRegex } from './posixRegex';

// `expr` (busybox coreutils/expr.c): exit 0 when the result is neither empty nor 0, 1 when it is, 2 on errors.

class ExprError extends Error {}

const isInteger = (value: string): boolean => /^[-+]?\d+$/.test(value);

function toInteger(value: string): number {
  if (!isInteger(value)) throw new ExprError('non-numeric argument');
  return Number(value);
}

/** `STRING : REGEX`: anchored BRE match; the first group's text if the pattern has one, else the length matched. */
function matchRegex(text: string, pattern: string): string {
  const source = translatePosixRegex(pattern, false);
  let regex: RegExp;
  let groups: number;
  try {
    if (source === undefined) throw new SyntaxError(pattern);
    regex = new RegExp(`^(?:${source})`);
    groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
  } catch {
    throw new ExprError('bad regex');
  }
  const found = regex.exec(text);
  if (groups > 0) return found?.[1] ?? '';
  return String(found?.[0].length ?? 0);
}

function evaluate(args: string[]): string {
  let position = 0;
  const peek = () => args[position];
  const take = (): string => {
    const arg = args[position++];
    if (arg === undefined) throw new ExprError('syntax error');
    return arg;
  };
  const primary = (): string => {
    const arg = take();
    if (arg === '(') {
      const value = or();
      if (take() !== ')') throw new ExprError('syntax error');
      return value;
    }
    if (arg === '+') return take();
    if (arg === 'length') return String(primary().length);
    if (arg === 'match') {
      const text = primary();
      return matchRegex(text, primary());
    }
    if (arg === 'substr') {
      const text = primary();
      const start = toInteger(primary());
      const length = toInteger(primary());
      return start < 1 || length < 1 ? '' : text.slice(start - 1, start - 1 + length);
    }
    if (arg === 'index') {
      const text = primary();
      const chars = primary();
      const at = [...text].findIndex((char) => chars.includes(char));
      return String(at + 1);
    }
    return arg;
  };
  const colon = (): string => {
    let value = primary();
    while (peek() === ':') {
      position++;
      value = matchRegex(value, primary());
    }
    return value;
  };
  const multiplicative = (): string => {
    let value = colon();
    for (let op = peek(); op === '*' || op === '/' || op === '%'; op = peek()) {
      position++;
      const left = toInteger(value);
      const right = toInteger(colon());
      if (op !== '*' && right === 0) throw new ExprError('division by zero');
      value = String(op === '*' ? left * right : op === '/' ? Math.trunc(left / right) : left % right);
    }
    return value;
  };
  const additive = (): string => {
    let value = multiplicative();
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      position++;
      const right = toInteger(multiplicative());
      value = String(op === '+' ? toInteger(value) + right : toInteger(value) - right);
    }
    return value;
  };
  const comparison = (): string => {
    let value = additive();
    for (let op = peek(); op && ['=', '==', '!=', '<', '<=', '>', '>='].includes(op); op = peek()) {
      position++;
      const right = additive();
      const order =
        isInteger(value) && isInteger(right)
          ? Number(value) - Number(right)
          : value < right
            ? -1
            : value > right
              ? 1
              : 0;
      const truth = {
        '=': order === 0,
        '==': order === 0,
        '!=': order !== 0,
        '<': order < 0,
        '<=': order <= 0,
        '>': order > 0,
        '>=': order >= 0,
      }[op];
      value = truth ? '1' : '0';
    }
    return value;
  };
  const isNull = (value: string) => value === '' || value === '0';
  const and = (): string => {
    let value = comparison();
    while (peek() === '&') {
      position++;
      const right = comparison();
      value = isNull(value) || isNull(right) ? '0' : value;
    }
    return value;
  };
  const or = (): string => {
    let value = and();
    while (peek() === '|') {
      position++;
      const right = and();
      value = !isNull(value) ? value : !isNull(right) ? right : '0';
    }
    return value;
  };
  const value = or();
  if (position < args.length) throw new ExprError('syntax error');
  return value;
}

/** `expr EXPRESSION` */
export const expr: Utility = (argv, io) => {
  const name = commandName(argv);
  if (argv.length < 2) return reportFailure(io, name, 'too few arguments', 2);
  try {
    const value = evaluate(argv.slice(1));
    io.stdout(`${value}\n`);
    return value === '' || value === '0' ? 1 : 0;
  } catch (error) {
    if (!(error instanceof ExprError)) throw error;
    return reportFailure(io, name, error.message, 2);
  }
};
