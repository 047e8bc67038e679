import type { ListNode, ParamOp, Redirect, ShellSyntaxError, Word, WordPart } from './ast';

/** A token of the shell grammar. Newlines are the operator `\n`. */
export type Token =
  | { k: 'word'; parts: Word; raw: string; line: number; col: number; end: number }
  | { k: 'op'; op: string; line: number; col: number; end: number }
  | { k: 'io'; fd: number; raw: string; line: number; col: number; end: number }
  | { k: 'eof'; line: number; col: number; end: number };

/** Thrown inside the parser; `parseScript` turns it into a `ParseResult`. */
export class SyntaxFailure extends Error {
  constructor(readonly detail: ShellSyntaxError) {
    super(detail.message);
  }
}

/** What the lexer asks of the parser: command substitutions are parsed recursively, in place. */
export interface LexerHost {
  /** Parse a command list from the lexer's position through the `)` closing `$(`. */
  parseCommandSubstitution(): ListNode;
  /** Parse separate text (backquote contents) starting at `line`. */
  parseNestedList(text: string, line: number): ListNode;
  /** Parse an unquoted here-document body starting at `line`. */
  parseNestedHeredoc(text: string, line: number): Word;
}

type Mode =
  | { kind: 'word' }
  | { kind: 'dq' }
  | { kind: 'heredoc' }
  /** The operand of `${name op operand}`, ending at a character of `stops` outside nested braces. */
  | { kind: 'param'; stops: string; dq: boolean }
  /** `$(( ... ))`, ending at a `)` outside nested parentheses. */
  | { kind: 'arith' }
  /** A `[[ =~ ]]` operand: ends at white space (or a closing `)`) outside parentheses. */
  | { kind: 'regex' };

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  quoted: boolean;
}

const OPERATORS = [
  '<<<',
  '<<-',
  '&>>',
  '&&',
  '||',
  ';;',
  ';&',
  '<<',
  '>>',
  '<&',
  '>&',
  '<>',
  '>|',
  '&>',
  ';',
  '&',
  '|',
  '<',
  '>',
  '(',
  ')',
];
const METACHARS = ';&|<>()';
const SPECIAL_PARAMS = '@*#?$!-';
const ANSI_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** Characters a backslash quotes inside double quotes, here-documents and `${...}` within double quotes. */
const escapableIn = (mode: Mode): string =>
  mode.kind === 'heredoc' ? '$`\\' : mode.kind === 'param' ? '$`"\\}' : '$`"\\';

const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);
const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** An on-demand tokenizer; the parser pulls tokens and the lexer calls back for `$(...)`. */
export class Lexer {
  private pos = 0;
  private readonly lineStarts: number[] = [0];
  private pending: PendingHeredoc[] = [];

  constructor(
    private readonly src: string,
    private readonly host: LexerHost,
    private readonly lineOffset: number,
  ) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1);
  }

  /** Line and column (both 1-based) of a position. */
  locate(pos: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1 + this.lineOffset, col: pos - (this.lineStarts[lo] ?? 0) + 1 };
  }

  fail(message: string, pos = this.pos, token?: string): never {
    const { line, col } = this.locate(pos);
    throw new SyntaxFailure({ message, line, column: col, ...(token === undefined ? {} : { token }) });
  }

  charAt(pos: number): string | undefined {
    return this.src[pos];
  }

  /** Register a here-document whose body starts after the next newline. */
  addHeredoc(redirect: Redirect, delimiter: string, stripTabs: boolean, quoted: boolean): void {
    this.pending.push({ redirect, delimiter, stripTabs, quoted });
  }

  next(): Token {
    this.skipBlanks();
    const start = this.pos;
    const { line, col } = this.locate(start);
    const c = this.src[start];
    if (c === undefined) {
      for (const h of this.pending) h.redirect.body = [];
      this.pending = [];
      return { k: 'eof', line, col, end: start };
    }
    if (c === '\n') {
      this.pos++;
      this.readHeredocs();
      return { k: 'op', op: '\n', line, col, end: start + 1 };
    }
    const op = OPERATORS.find((o) => this.src.startsWith(o, start));
    if (op) {
      this.pos += op.length;
      return { k: 'op', op, line, col, end: this.pos };
    }
    if (isDigit(c)) {
      let j = start;
      while (isDigit(this.src[j])) j++;
      const after = this.src[j];
      if (after === '<' || after === '>') {
        this.pos = j;
        const raw = this.src.slice(start, j);
        return { k: 'io', fd: Number(raw), raw, line, col, end: j };
      }
    }
    const parts = this.readParts({ kind: 'word' });
    return { k: 'word', parts, raw: this.src.slice(start, this.pos), line, col, end: this.pos };
  }

  /**
   * Try to read bash's `(( expression ))` whose content starts at `pos`; on failure the position is left
   * unchanged and undefined is returned (the text is then a nested subshell).
   */
  tryArithCommand(pos: number): Word | undefined {
    const saved = this.pos;
    this.pos = pos;
    const expr = this.tryArithBody();
    if (!expr) this.pos = saved;
    return expr;
  }

  /**
   * Read the right side of `[[ x =~ regex ]]`, where parentheses and `|` belong to the regular expression: up to
   * white space outside parentheses.
   */
  readRegexWord(): Extract<Token, { k: 'word' }> {
    this.skipBlanks();
    const start = this.pos;
    const { line, col } = this.locate(start);
    const parts = this.readParts({ kind: 'regex' });
    if (parts.length === 0) this.fail('unexpected argument to conditional binary operator', start);
    return { k: 'word', parts, raw: this.src.slice(start, this.pos), line, col, end: this.pos };
  }

  /** Read the whole remaining text as a here-document body (expansions, no quoting). */
  readHeredocBody(): Word {
    return this.readParts({ kind: 'heredoc' });
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') this.pos += 2;
      else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private readHeredocs(): void {
    const pending = this.pending;
    this.pending = [];
    for (const h of pending) {
      const startLine = this.locate(this.pos).line;
      let body = '';
      while (this.pos < this.src.length) {
        const nl = this.src.indexOf('\n', this.pos);
        const end = nl < 0 ? this.src.length : nl;
        let text = this.src.slice(this.pos, end);
        this.pos = nl < 0 ? this.src.length : nl + 1;
        if (h.stripTabs) text = text.replace(/^\t+/, '');
        if (text === h.delimiter) break;
        body += text + '\n';
      }
      h.redirect.body = h.quoted ? [{ t: 'sq', v: body }] : this.host.parseNestedHeredoc(body, startLine);
    }
  }

  private readParts(mode: Mode): Word {
    const parts: Word = [];
    let lit = '';
    let depth = 0;
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit });
      lit = '';
    };
    const unquotedContext = mode.kind === 'word' || mode.kind === 'regex' || (mode.kind === 'param' && !mode.dq);
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) break;
      if (mode.kind === 'word' && (c === ' ' || c === '\t' || c === '\n' || METACHARS.includes(c))) break;
      if (mode.kind === 'dq' && c === '"') break;
      if (mode.kind === 'param' && depth === 0 && mode.stops.includes(c)) break;
      if (mode.kind === 'arith' && depth === 0 && c === ')') break;
      if (
        mode.kind === 'regex' &&
        depth === 0 &&
        (c === ' ' || c === '\t' || c === '\n' || c === ')' || c === ';' || c === '&')
      )
        break;
      if (c === '\\') {
        const n = this.src[this.pos + 1];
        if (n === '\n') {
          this.pos += 2;
          continue;
        }
        const escapable = n !== undefined && (unquotedContext || escapableIn(mode).includes(n));
        if (escapable) {
          flush();
          parts.push({ t: 'sq', v: n });
          this.pos += 2;
          continue;
        }
        lit += '\\';
        this.pos++;
        continue;
      }
      if (c === "'" && unquotedContext) {
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) this.fail('Unterminated quoted string', this.src.length);
        flush();
        parts.push({ t: 'sq', v: this.src.slice(this.pos + 1, end) });
        this.pos = end + 1;
        continue;
      }
      if (c === '"' && mode.kind !== 'dq' && mode.kind !== 'heredoc') {
        this.pos++;
        const inner = this.readParts({ kind: 'dq' });
        if (this.src[this.pos] !== '"') this.fail('Unterminated quoted string', this.src.length);
        this.pos++;
        flush();
        parts.push({ t: 'dq', parts: inner });
        continue;
      }
      if (c === '`') {
        flush();
        parts.push(this.readBackquote(!unquotedContext));
        continue;
      }
      if (c === '$') {
        const part = this.readDollar(mode);
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
      }
      if (c === '~' && mode.kind === 'word' && parts.length === 0 && lit === '') {
        const tilde = this.readTilde();
        if (tilde) {
          parts.push(tilde);
          continue;
        }
      }
      if (mode.kind === 'param') depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      if (mode.kind === 'arith' || mode.kind === 'regex') depth += c === '(' ? 1 : c === ')' ? -1 : 0;
      lit += c;
      this.pos++;
    }
    flush();
    return parts;
  }

  private readTilde(): WordPart | undefined {
    let j = this.pos + 1;
    while (j < this.src.length && /[A-Za-z0-9._-]/.test(this.src[j] ?? '')) j++;
    const after = this.src[j];
    if (
      after !== undefined &&
      after !== '/' &&
      after !== ' ' &&
      after !== '\t' &&
      after !== '\n' &&
      !METACHARS.includes(after)
    )
      return undefined;
    const user = this.src.slice(this.pos + 1, j);
    this.pos = j;
    return { t: 'tilde', user };
  }

  private readBackquote(inDoubleQuotes: boolean): WordPart {
    const startLine = this.locate(this.pos).line;
    this.pos++;
    let text = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('EOF in backquote substitution', this.src.length);
      if (c === '`') {
        this.pos++;
        break;
      }
      const n = this.src[this.pos + 1];
      if (c === '\\' && n !== undefined && ('$`\\'.includes(n) || (inDoubleQuotes && n === '"'))) {
        text += n;
        this.pos += 2;
        continue;
      }
      text += c;
      this.pos++;
    }
    return { t: 'cmd', list: this.host.parseNestedList(text, startLine) };
  }

  private readDollar(mode: Mode): WordPart | undefined {
    const n = this.src[this.pos + 1];
    if (n === '{')
      return this.readBraceParam(
        !(mode.kind === 'word' || mode.kind === 'regex' || (mode.kind === 'param' && !mode.dq)),
      );
    if (n === '(') {
      if (this.src[this.pos + 2] === '(') {
        const saved = this.pos;
        this.pos += 3;
        const expr = this.tryArithBody();
        if (expr) return { t: 'arith', expr };
        this.pos = saved;
      }
      this.pos += 2;
      return { t: 'cmd', list: this.host.parseCommandSubstitution() };
    }
    if (n === "'" && mode.kind === 'word') return this.readAnsiQuoted();
    if (isNameStart(n)) {
      let j = this.pos + 1;
      while (isNameChar(this.src[j])) j++;
      const name = this.src.slice(this.pos + 1, j);
      this.pos = j;
      return { t: 'param', name };
    }
    if (n !== undefined && (isDigit(n) || SPECIAL_PARAMS.includes(n))) {
      this.pos += 2;
      return { t: 'param', name: n };
    }
    return undefined;
  }

  /** Reads `expr))` at the current position; undefined (position unspecified) when it does not close with `))`. */
  private tryArithBody(): Word | undefined {
    try {
      const expr = this.readParts({ kind: 'arith' });
      if (this.src[this.pos] === ')' && this.src[this.pos + 1] === ')') {
        this.pos += 2;
        return expr;
      }
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
    }
    return undefined;
  }

  private readAnsiQuoted(): WordPart {
    this.pos += 2;
    let v = '';
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined) this.fail('Unterminated quoted string', this.src.length);
      if (c === "'") {
        this.pos++;
        return { t: 'sq', v };
      }
      if (c !== '\\') {
        v += c;
        this.pos++;
        continue;
      }
      const e = this.src[this.pos + 1] ?? '';
      const hex = /^x([0-9A-Fa-f]{1,2})/.exec(this.src.slice(this.pos + 1, this.pos + 4));
      const oct = /^[0-7]{1,3}/.exec(this.src.slice(this.pos + 1, this.pos + 4));
      if (hex?.[1]) {
        v += String.fromCharCode(parseInt(hex[1], 16));
        this.pos += 1 + hex[0].length;
      } else if (oct) {
        v += String.fromCharCode(parseInt(oct[0], 8));
        this.pos += 1 + oct[0].length;
      } else {
        v += ANSI_ESCAPES[e] ?? '\\' + e;
        this.pos += 2;
      }
    }
  }

  private readBraceParam(inDoubleQuotes: boolean): WordPart {
    const start = this.pos;
    this.pos += 2;
    const bad = (): never => this.fail('Bad substitution', start);
    const operand = (stops: string): Word => this.readParts({ kind: 'param', stops, dq: inDoubleQuotes });
    const close = (): void => {
      if (this.src[this.pos] !== '}') this.fail("Missing '}'", start);
      this.pos++;
    };
    const after = this.src[this.pos + 1];
    if (
      this.src[this.pos] === '#' &&
      after !== '}' &&
      after !== undefined &&
      (isNameStart(after) || isDigit(after) || '@*#?$!'.includes(after))
    ) {
      this.pos++;
      const name = this.readParamName() ?? bad();
      close();
      return { t: 'param', name, op: 'len' };
    }
    const name = this.readParamName() ?? bad();
    const c = this.src[this.pos];
    if (c === '}' || c === undefined) {
      close();
      return { t: 'param', name };
    }
    let op: ParamOp;
    let arg: Word | undefined;
    let arg2: Word | undefined;
    const c2 = this.src[this.pos + 1] ?? '';
    if (c === ':' && '-=?+'.includes(c2) && c2 !== '') {
      op = `:${c2}` as ParamOp;
      this.pos += 2;
    } else if (c === ':') {
      op = 'substr';
      this.pos++;
      arg = operand('}:');
      if (this.src[this.pos] === ':') {
        this.pos++;
        arg2 = operand('}');
      }
    } else if (c !== undefined && '-=?+'.includes(c)) {
      op = c as ParamOp;
      this.pos++;
    } else if (c === '#' || c === '%') {
      op = (c2 === c ? c + c : c) as ParamOp;
      this.pos += op.length;
    } else if (c === '/') {
      op = c2 === '/' || c2 === '#' || c2 === '%' ? (`/${c2}` as ParamOp) : '/';
      this.pos += op.length;
      arg = operand('}/');
      if (this.src[this.pos] === '/') {
        this.pos++;
        arg2 = operand('}');
      }
    } else {
      return bad();
    }
    arg ??= operand('}');
    close();
    return { t: 'param', name, op, arg, ...(arg2 ? { arg2 } : {}) };
  }

  private readParamName(): string | undefined {
    const c = this.src[this.pos];
    let j = this.pos;
    if (isNameStart(c)) while (isNameChar(this.src[j])) j++;
    else if (isDigit(c)) while (isDigit(this.src[j])) j++;
    else if (c !== undefined && SPECIAL_PARAMS.includes(c)) j++;
    else return undefined;
    const name = this.src.slice(this.pos, j);
    this.pos = j;
    return name;
  }
}
