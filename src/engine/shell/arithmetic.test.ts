import { describe, expect, it } from 'vitest';
import { ArithmeticError, evaluateArithmetic, parseInteger } from './arithmetic';

function evaluate(expr: string, vars: Record<string, string> = {}): bigint {
  return evaluateArithmetic(expr, { get: (n) => vars[n], set: (n, v) => (vars[n] = v) });
}

describe('evaluateArithmetic', () => {
  it('follows C precedence and associativity', () => {
    expect(evaluate('3 + 4 * 2')).toBe(11n);
    expect(evaluate('(3 + 4) * 2')).toBe(14n);
    expect(evaluate('10 - 4 - 3')).toBe(3n);
    expect(evaluate('2 ** 3 ** 2')).toBe(512n);
    expect(evaluate('-2 ** 2')).toBe(4n);
    expect(evaluate('1 + 2 == 3 && 4 > 3')).toBe(1n);
    expect(evaluate('7 % 3 + 7 / 2')).toBe(4n);
    expect(evaluate('-7 / 2')).toBe(-3n);
    expect(evaluate('1 << 4 | 1')).toBe(17n);
    expect(evaluate('!0 + ~0')).toBe(0n);
    expect(evaluate('5 > 3 ? 10 : 20')).toBe(10n);
    expect(evaluate('')).toBe(0n);
  });

  it('reads constants in any base', () => {
    expect(evaluate('0x1F + 010 + 2#101')).toBe(44n);
    expect(parseInteger(' -42 ')).toBe(-42n);
    expect(parseInteger('12abc')).toBeUndefined();
  });

  it('reads and assigns variables', () => {
    const vars: Record<string, string> = { a: '5', e: 'a * 2', empty: '' };
    expect(evaluate('a + b + empty', vars)).toBe(5n);
    expect(evaluate('e + 1', vars)).toBe(11n);
    expect(evaluate('b = a += 2', vars)).toBe(7n);
    expect(vars).toMatchObject({ a: '7', b: '7' });
    expect(evaluate('a++ + ++a', vars)).toBe(16n);
    expect(vars.a).toBe('9');
  });

  it('short-circuits without side effects', () => {
    const vars: Record<string, string> = {};
    expect(evaluate('0 && (x = 1)', vars)).toBe(0n);
    expect(evaluate('1 || (y = 1)', vars)).toBe(1n);
    expect(evaluate('1 ? 2 : (z = 3)', vars)).toBe(2n);
    expect(vars).toEqual({});
  });

  it('wraps at 64 bits', () => {
    expect(evaluate('9223372036854775807 + 1')).toBe(-9223372036854775808n);
  });

  it('reports errors', () => {
    expect(() => evaluate('1 / 0')).toThrow(new ArithmeticError('division by zero'));
    expect(() => evaluate('1 +')).toThrow(new ArithmeticError('expecting primary'));
    expect(() => evaluate('1 2')).toThrow(new ArithmeticError('expecting EOF'));
    expect(() => evaluate('(1')).toThrow(new ArithmeticError("expecting ')'"));
    expect(() => evaluate('a', { a: 'a' })).toThrow(new ArithmeticError('expression recursion level exceeded'));
  });
});
