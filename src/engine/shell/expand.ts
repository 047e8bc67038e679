/**
 * Word expansion: tilde, parameters, command substitution, arithmetic, then (unquoted results only) field
 * splitting on IFS and pathname expansion, with quote removal throughout.
 */
import type { Word, WordPart } from './ast';
import { ArithmeticError, evaluateArithmetic } from './arithmetic';
import { ShellError, type ExecContext } from './context';
import { expandGlob } from './glob';
import { escapePattern, removeAffix, replacePattern } from './pattern';
import { getVar, ifsOf, setVar } from './state';

/** Receives the pieces of a word as they are expanded. */
interface Sink {
  /** Quoted text: kept as is. */
  quoted(s: string): void;
  /** Unquoted text written in the script: subject to pathname expansion. */
  literal(s: string): void;
  /** An unquoted expansion's result: split on IFS, then subject to pathname expansion. */
  expansion(s: string): void;
  /** `""`: the field exists even if empty. */
  mark(): void;
  /** Between the values of "$@": a new field. */
  separate(): void;
  /** Between the values of unquoted $@ and $*: a break, like IFS white space. */
  breakField(): void;
}

interface Field {
  text: string;
  /** The field as a pattern: quoted characters escaped. */
  pat: string;
  glob: boolean;
}

class FieldSink implements Sink {
  private readonly fields: Field[] = [];
  private cur: Field | undefined;
  private pendingBreak = false;
  private readonly white: string;
  private readonly other: string;

  constructor(private readonly ifs: string) {
    this.white = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
    this.other = [...ifs].filter((c) => !this.white.includes(c)).join('');
  }

  private field(): Field {
    if (this.pendingBreak) {
      this.end();
      this.pendingBreak = false;
    }
    this.cur ??= { text: '', pat: '', glob: false };
    return this.cur;
  }

  private end(): void {
    if (this.cur) this.fields.push(this.cur);
    this.cur = undefined;
  }

  quoted(s: string): void {
    const f = this.field();
    f.text += s;
    f.pat += escapePattern(s);
  }

  literal(s: string): void {
    const f = this.field();
    f.text += s;
    f.pat += s;
    if (/[*?[]/.test(s)) f.glob = true;
  }

  mark(): void {
    this.field();
  }

  separate(): void {
    this.end();
    this.pendingBreak = false;
    this.field();
  }

  breakField(): void {
    if (this.cur) this.pendingBreak = true;
  }

  expansion(s: string): void {
    if (this.ifs === '') {
      if (s !== '') this.literal(s);
      return;
    }
    for (const c of s) {
      if (this.white.includes(c)) {
        if (this.cur) this.pendingBreak = true;
      } else if (this.other.includes(c)) {
        // White space next to a non-white IFS character belongs to that one delimiter.
        if (!this.pendingBreak && !this.cur) this.fields.push({ text: '', pat: '', glob: false });
        this.end();
        this.pendingBreak = false;
      } else {
        this.literal(c);
      }
    }
  }

  finish(): Field[] {
    this.end();
    return this.fields;
  }
}

const escapeRegex = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Joins everything into one string: assignments, redirection targets, `case` words, patterns. */
class StringSink implements Sink {
  text = '';

  constructor(private readonly mode: 'plain' | 'pattern' | 'regex') {}

  quoted(s: string): void {
    this.text += this.mode === 'pattern' ? escapePattern(s) : this.mode === 'regex' ? escapeRegex(s) : s;
  }

  literal(s: string): void {
    this.text += s;
  }

  expansion(s: string): void {
    this.text += s;
  }

  mark(): void {}

  separate(): void {
    this.text += ' ';
  }

  breakField(): void {
    this.text += ' ';
  }
}

function emit(sink: Sink, value: string, quoted: boolean): void {
  if (quoted) sink.quoted(value);
  else sink.expansion(value);
}

function flags(ctx: ExecContext): string {
  const o = ctx.st.options;
  return `${o.errexit ? 'e' : ''}${o.noglob ? 'f' : ''}${o.nounset ? 'u' : ''}${o.xtrace ? 'x' : ''}`;
}

/** The value of a parameter (`$?`, `$1`, `$HOME`, ...), undefined when unset. */
export function paramValue(ctx: ExecContext, name: string): string | undefined {
  const st = ctx.st;
  switch (name) {
    case '?':
      return String(st.status);
    case '$':
      return String(st.shellPid ?? ctx.sys.pid);
    case '!':
      return st.lastBgPid === undefined ? undefined : String(st.lastBgPid);
    case '#':
      return String(st.positional.length);
    case '-':
      return flags(ctx);
    case '0':
      return st.arg0;
    case '@':
    case '*':
      return st.positional.length ? st.positional.join(' ') : undefined;
  }
  if (/^\d+$/.test(name)) return st.positional[Number(name) - 1];
  const v = getVar(st, name);
  if (v !== undefined) return v;
  if (name === 'LINENO') return String(ctx.line);
  // bash and busybox ash (ASH_RANDOM_SUPPORT) have $RANDOM; dash does not.
  if (name === 'RANDOM' && st.dialect !== 'dash') return String(Math.floor(ctx.sys.random() * 32768));
  return undefined;
}

/** busybox shell/math.c's words: `divide by zero`, `exponent less than 0`, else `arithmetic syntax error`. */
function ashArithmeticMessage(message: string): string {
  if (message === 'division by zero') return 'divide by zero';
  return message === 'exponent less than 0' ? message : 'arithmetic syntax error';
}

/** Evaluate arithmetic text, turning its errors into shell errors worded as dash, ash or bash word them. */
export function evaluateArith(ctx: ExecContext, text: string): bigint {
  const st = ctx.st;
  try {
    return evaluateArithmetic(text, {
      get: (name) => getVar(st, name),
      set: (name, value) => {
        const err = setVar(st, name, value);
        if (err) throw new ShellError(err);
      },
    });
  } catch (e) {
    if (!(e instanceof ArithmeticError)) throw e;
    if (st.dialect === 'ash') throw new ShellError(ashArithmeticMessage(e.message));
    throw new ShellError(
      st.dialect === 'bash' ? `${text.trim()}: ${e.message}` : `arithmetic expression: ${e.message}: "${text}"`,
    );
  }
}

function homeOf(ctx: ExecContext, user: string): string {
  if (user === '') return getVar(ctx.st, 'HOME') ?? '/root';
  return user === 'root' ? '/root' : `/home/${user}`;
}

function expandParts(ctx: ExecContext, src: number, parts: Word, sink: Sink, quoted: boolean): void {
  for (const p of parts) expandPart(ctx, src, p, sink, quoted);
}

function expandPart(ctx: ExecContext, src: number, p: WordPart, sink: Sink, quoted: boolean): void {
  switch (p.t) {
    case 'lit':
      if (quoted) sink.quoted(p.v);
      else sink.literal(p.v);
      return;
    case 'sq':
      sink.quoted(p.v);
      return;
    case 'dq': {
      const only = p.parts.length === 1 ? p.parts[0] : undefined;
      // "$@" with no positional parameters expands to no field at all.
      if (!(only?.t === 'param' && only.name === '@' && !only.op && ctx.st.positional.length === 0)) sink.mark();
      expandParts(ctx, src, p.parts, sink, true);
      return;
    }
    case 'tilde':
      sink.quoted(homeOf(ctx, p.user));
      return;
    case 'param':
      expandParam(ctx, src, p, sink, quoted);
      return;
    case 'cmd':
      emit(sink, ctx.substitute(src, p.list), quoted);
      return;
    case 'arith':
      emit(sink, String(evaluateArith(ctx, expandString(ctx, src, p.expr))), quoted);
      return;
  }
}

function expandParam(
  ctx: ExecContext,
  src: number,
  p: Extract<WordPart, { t: 'param' }>,
  sink: Sink,
  quoted: boolean,
): void {
  const st = ctx.st;
  const { name, op } = p;
  const all = name === '@' || name === '*';
  if (all && op === undefined) {
    const params = st.positional;
    if (quoted && name === '@') {
      params.forEach((v, i) => {
        if (i) sink.separate();
        sink.quoted(v);
      });
    } else if (quoted) {
      sink.quoted(params.join(ifsOf(st).slice(0, 1)));
    } else {
      params.forEach((v, i) => {
        if (i) sink.breakField();
        sink.expansion(v);
      });
    }
    return;
  }
  const value = paramValue(ctx, name);
  const checkSet = (): void => {
    if (value === undefined && st.options.nounset && !all)
      throw new ShellError(st.dialect === 'bash' ? `${name}: unbound variable` : `${name}: parameter not set`);
  };
  switch (op) {
    case undefined:
      checkSet();
      emit(sink, value ?? '', quoted);
      return;
    case 'len':
      if (all) return emit(sink, String(st.positional.length), quoted);
      checkSet();
      return emit(sink, String([...(value ?? '')].length), quoted);
    case '#':
    case '##':
    case '%':
    case '%%':
      checkSet();
      return emit(sink, removeAffix(value ?? '', expandPattern(ctx, src, p.arg ?? []), op), quoted);
    case '/':
    case '//':
    case '/#':
    case '/%':
      checkSet();
      return emit(
        sink,
        replacePattern(value ?? '', expandPattern(ctx, src, p.arg ?? []), expandString(ctx, src, p.arg2 ?? []), op),
        quoted,
      );
    case 'substr': {
      checkSet();
      const chars = [...(value ?? '')];
      let start = Number(evaluateArith(ctx, expandString(ctx, src, p.arg ?? [])));
      if (start < 0) start = Math.max(0, chars.length + start);
      let end = chars.length;
      if (p.arg2) {
        const len = Number(evaluateArith(ctx, expandString(ctx, src, p.arg2)));
        end = len < 0 ? chars.length + len : start + len;
      }
      return emit(sink, chars.slice(start, Math.max(start, end)).join(''), quoted);
    }
    default:
      break;
  }
  const kind = op.slice(-1);
  const missing = value === undefined || (op.startsWith(':') && value === '');
  if (kind === '+') {
    if (!missing) expandParts(ctx, src, p.arg ?? [], sink, quoted);
    return;
  }
  if (!missing) return emit(sink, value, quoted);
  if (kind === '-') return expandParts(ctx, src, p.arg ?? [], sink, quoted);
  if (kind === '=') {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new ShellError(
        st.dialect === 'bash' ? `$${name}: cannot assign in this way` : `${name}: bad variable name`,
      );
    const v = expandString(ctx, src, p.arg ?? []);
    const err = setVar(st, name, v);
    if (err) throw new ShellError(err);
    return emit(sink, v, quoted);
  }
  const message = p.arg?.length
    ? expandString(ctx, src, p.arg)
    : op.startsWith(':')
      ? 'parameter null or not set'
      : 'parameter not set';
  throw new ShellError(`${name}: ${message}`);
}

/** Expand a word into fields (command arguments, `for` lists): splitting and pathname expansion apply. */
export function expandFields(ctx: ExecContext, src: number, word: Word): string[] {
  const sink = new FieldSink(ifsOf(ctx.st));
  expandParts(ctx, src, word, sink, false);
  const out: string[] = [];
  for (const f of sink.finish()) {
    if (f.glob && !ctx.st.options.noglob) {
      const matches = expandGlob(ctx.sys.fs, ctx.st.cwd, f.pat);
      if (matches.length) {
        out.push(...matches);
        continue;
      }
    }
    out.push(f.text);
  }
  return out;
}

export function expandWords(ctx: ExecContext, src: number, words: readonly Word[]): string[] {
  return words.flatMap((w) => expandFields(ctx, src, w));
}

/** Expand a word to one string without splitting or pathname expansion (assignments, redirections, `case`). */
export function expandString(ctx: ExecContext, src: number, word: Word): string {
  const sink = new StringSink('plain');
  expandParts(ctx, src, word, sink, false);
  return sink.text;
}

/** Expand a word as a pattern: quoted characters come out escaped, so they match literally. */
export function expandPattern(ctx: ExecContext, src: number, word: Word): string {
  const sink = new StringSink('pattern');
  expandParts(ctx, src, word, sink, false);
  return sink.text;
}

/** Expand the right side of `[[ =~ ]]`: quoted characters match literally. */
export function expandRegex(ctx: ExecContext, src: number, word: Word): string {
  const sink = new StringSink('regex');
  expandParts(ctx, src, word, sink, false);
  return sink.text;
}
