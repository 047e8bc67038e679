/** bash's `[[ ... ]]`: no word splitting or globbing; `==`/`!=` match patterns, `=~` regular expressions. */
import { BINARY_TESTS, UNARY_TESTS, binaryTest, unaryTest } from '../os/utilities/test';
import type { CondNode, CondToken, Word } from './ast';
import { testWording } from './builtins';
import { ShellError, type ExecContext } from './context';
import { evaluateArith, expandPattern, expandRegex, expandString } from './expand';
import { matchPattern } from './pattern';

const COND_BINARY = new Set([...BINARY_TESTS, '=~']);
const NUMERIC = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

function wordAt(tokens: readonly CondToken[], i: number): { word: Word; raw: string } | undefined {
  const t = tokens[i];
  return t && 'word' in t ? t : undefined;
}

function isOpAt(tokens: readonly CondToken[], i: number, op: string): boolean {
  const t = tokens[i];
  return t !== undefined && 'op' in t && t.op === op;
}

/** Evaluate `[[ ... ]]` to an exit status. Operands are expanded only when needed (`&&`/`||` short-circuit). */
export function evaluateCond(ctx: ExecContext, src: number, node: CondNode): number {
  const tokens = node.tokens;
  const env = { fs: ctx.sys.fs, cwd: ctx.st.cwd, wording: testWording(ctx.st.dialect) };
  let i = 0;
  const syntaxError = (): ShellError => new ShellError('syntax error in conditional expression');
  const text = (word: Word, ev: boolean): string => (ev ? expandString(ctx, src, word) : '');
  const number = (s: string): bigint => evaluateArith(ctx, s);

  const primary = (ev: boolean): boolean => {
    if (isOpAt(tokens, i, '(')) {
      i++;
      const v = or(ev);
      if (!isOpAt(tokens, i, ')')) throw syntaxError();
      i++;
      return v;
    }
    const t = wordAt(tokens, i);
    if (!t) throw syntaxError();
    const op = wordAt(tokens, i + 1);
    const right = wordAt(tokens, i + 2);
    if (op && right && COND_BINARY.has(op.raw)) {
      i += 3;
      if (!ev) return false;
      const left = text(t.word, ev);
      if (op.raw === '==' || op.raw === '=' || op.raw === '!=')
        return matchPattern(expandPattern(ctx, src, right.word), left) === (op.raw !== '!=');
      if (op.raw === '=~') {
        try {
          return new RegExp(expandRegex(ctx, src, right.word)).test(left);
        } catch {
          throw syntaxError();
        }
      }
      if (NUMERIC.has(op.raw))
        return binaryTest(String(number(left)), op.raw, String(number(text(right.word, ev))), env);
      return binaryTest(left, op.raw, text(right.word, ev), env);
    }
    if (op && UNARY_TESTS.has(t.raw)) {
      i += 2;
      return ev && unaryTest(t.raw, text(op.word, ev), env);
    }
    i++;
    return text(t.word, ev) !== '';
  };
  const not = (ev: boolean): boolean => {
    if (!isOpAt(tokens, i, '!')) return primary(ev);
    i++;
    return !not(ev);
  };
  const and = (ev: boolean): boolean => {
    let v = not(ev);
    while (isOpAt(tokens, i, '&&')) {
      i++;
      const r = not(ev && v);
      v = v && r;
    }
    return v;
  };
  const or = (ev: boolean): boolean => {
    let v = and(ev);
    while (isOpAt(tokens, i, '||')) {
      i++;
      const r = and(ev && !v);
      v = v || r;
    }
    return v;
  };

  if (tokens.length === 0) throw syntaxError();
  const result = or(true);
  if (i < tokens.length) throw syntaxError();
  return result ? 0 : 1;
}
