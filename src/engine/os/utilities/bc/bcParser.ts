import { parseBcNumber } from './bcNumber';
import type { BcNumber } from './bcNumber';

// A parser for the bc language (POSIX bc plus GNU's !, &&, ||, # comments, print): expressions, assignments,
// strings, blocks, if/else, while, for, break, quit, halt. Function definitions and arrays are not supported.

export type BcExpression =
  | { kind: 'number'; value: BcNumber }
  | { kind: 'variable'; name: string }
  | { kind: 'assign'; name: string; operator: string; value: BcExpression }
  | { kind: 'binary'; operator: string; left: BcExpression; right: BcExpression }
  | { kind: 'negate'; operand: BcExpression }
  | { kind: 'not'; operand: BcExpression }
  | { kind: 'step'; name: string; delta: 1 | -1; prefix: boolean }
  | { kind: 'call'; name: string; args: BcExpression[] };

export type BcStatement =
  | { kind: 'expression'; expression: BcExpression }
  | { kind: 'string'; text: string }
  | { kind: 'print'; items: ({ text: string } | { expression: BcExpression })[] }
  | { kind: 'block'; body: BcStatement[] }
  | { kind: 'if'; condition: BcExpression; then: BcStatement; otherwise?: BcStatement }
  | { kind: 'while'; condition: BcExpression; body: BcStatement }
  | { kind: 'for'; init?: BcExpression; condition?: BcExpression; step?: BcExpression; body: BcStatement }
  | { kind: 'break' }
  | { kind: 'quit' }
  | { kind: 'halt' };

interface Token {
  type: 'number' | 'name' | 'string' | 'op' | 'newline' | 'end';
  text: string;
  /** Line the lexer is on once this token has been read (bc reports errors with it). */
  line: number;
}

export class BcSyntaxError extends Error {
  constructor(readonly line: number) {
    super('syntax error');
  }
}

const OPERATORS = [
  '++',
  '--',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '=',
  '<',
  '>',
  '!',
  '(',
  ')',
  ',',
  ';',
  '{',
  '}',
  '[',
  ']',
];
const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '^=']);
const RELATIONS = new Set(['==', '!=', '<', '<=', '>', '>=']);

/** Splits a program into tokens; comments and backslash-newlines vanish. */
export function tokenizeBc(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < source.length) {
    const char = source.charAt(i);
    if (char === '\\' && source.charAt(i + 1) === '\n') {
      i += 2;
      line++;
    } else if (char === ' ' || char === '\t' || char === '\r') {
      i++;
    } else if (char === '\n') {
      line++;
      tokens.push({ type: 'newline', text: '\n', line });
      i++;
    } else if (char === '#') {
      while (i < source.length && source.charAt(i) !== '\n') i++;
    } else if (source.startsWith('/*', i)) {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      line += (source.slice(i, stop).match(/\n/g) ?? []).length;
      i = stop;
    } else if (/[0-9.A-F]/.test(char)) {
      const text = /^[0-9A-F]*\.?[0-9A-F]*/.exec(source.slice(i))?.[0] ?? char;
      tokens.push({ type: 'number', text, line });
      i += text.length;
    } else if (/[a-z]/.test(char)) {
      const text = /^[a-z][a-z0-9_]*/.exec(source.slice(i))?.[0] ?? char;
      tokens.push({ type: 'name', text, line });
      i += text.length;
    } else if (char === '"') {
      const end = source.indexOf('"', i + 1);
      const stop = end < 0 ? source.length : end;
      const text = source.slice(i + 1, stop);
      line += (text.match(/\n/g) ?? []).length;
      tokens.push({ type: 'string', text, line });
      i = stop + 1;
    } else {
      const operator = OPERATORS.find((candidate) => source.startsWith(candidate, i));
      tokens.push({ type: 'op', text: operator ?? char, line });
      i += operator?.length ?? 1;
    }
  }
  tokens.push({ type: 'end', text: '', line });
  return tokens;
}

/** A cursor over the tokens of a whole program, parsing one top-level statement at a time. */
export class BcParser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'end') this.position++;
    return token;
  }

  private is(text: string): boolean {
    const token = this.peek();
    return (token.type === 'op' || token.type === 'name') && token.text === text;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text || token.type === 'string') throw new BcSyntaxError(token.line);
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.next();
  }

  atEnd(): boolean {
    while (this.peek().type === 'newline' || this.is(';')) this.next();
    return this.peek().type === 'end';
  }

  /** After a syntax error: drop tokens up to and including the next newline, as bc's error recovery does. */
  recover(errorLine: number): void {
    const previous = this.tokens[this.position - 1];
    if (previous?.type === 'newline' && previous.line === errorLine) return;
    while (this.peek().type !== 'end' && this.next().type !== 'newline');
  }

  /** Parses the next top-level statement. */
  parseTopLevel(): BcStatement {
    const statement = this.parseStatement();
    const end = this.peek();
    if (end.type === 'newline' || end.type === 'end' || this.is(';')) {
      this.next();
      return statement;
    }
    throw new BcSyntaxError(this.next().line);
  }

  private parseStatement(): BcStatement {
    const token = this.peek();
    if (token.type === 'string') {
      this.next();
      return { kind: 'string', text: token.text };
    }
    if (this.is('{')) {
      this.next();
      const body: BcStatement[] = [];
      for (;;) {
        while (this.peek().type === 'newline' || this.is(';')) this.next();
        if (this.is('}')) break;
        body.push(this.parseStatement());
      }
      this.next();
      return { kind: 'block', body };
    }
    if (token.type === 'name') {
      switch (token.text) {
        case 'quit':
          this.next();
          return { kind: 'quit' };
        case 'halt':
          this.next();
          return { kind: 'halt' };
        case 'break':
          this.next();
          return { kind: 'break' };
        case 'print':
          return this.parsePrint();
        case 'if': {
          this.next();
          this.expect('(');
          const condition = this.parseExpression();
          this.expect(')');
          this.skipNewlines();
          const then = this.parseStatement();
          const save = this.position;
          this.skipNewlines();
          if (this.is('else')) {
            this.next();
            this.skipNewlines();
            return { kind: 'if', condition, then, otherwise: this.parseStatement() };
          }
          this.position = save;
          return { kind: 'if', condition, then };
        }
        case 'while': {
          this.next();
          this.expect('(');
          const condition = this.parseExpression();
          this.expect(')');
          this.skipNewlines();
          return { kind: 'while', condition, body: this.parseStatement() };
        }
        case 'for': {
          this.next();
          this.expect('(');
          const init = this.is(';') ? undefined : this.parseExpression();
          this.expect(';');
          const condition = this.is(';') ? undefined : this.parseExpression();
          this.expect(';');
          const step = this.is(')') ? undefined : this.parseExpression();
          this.expect(')');
          this.skipNewlines();
          return { kind: 'for', init, condition, step, body: this.parseStatement() };
        }
        default:
          break;
      }
    }
    return { kind: 'expression', expression: this.parseExpression() };
  }

  private parsePrint(): BcStatement {
    this.next();
    const items: ({ text: string } | { expression: BcExpression })[] = [];
    do {
      const token = this.peek();
      if (token.type === 'string') {
        this.next();
        items.push({ text: token.text });
      } else items.push({ expression: this.parseExpression() });
    } while (this.is(',') && this.next());
    return { kind: 'print', items };
  }

  parseExpression(): BcExpression {
    return this.parseOr();
  }

  private parseOr(): BcExpression {
    let left = this.parseAnd();
    while (this.is('||')) {
      this.next();
      left = { kind: 'binary', operator: '||', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): BcExpression {
    let left = this.parseNot();
    while (this.is('&&')) {
      this.next();
      left = { kind: 'binary', operator: '&&', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): BcExpression {
    if (this.is('!')) {
      this.next();
      return { kind: 'not', operand: this.parseNot() };
    }
    return this.parseRelation();
  }

  private parseRelation(): BcExpression {
    const left = this.parseAssignment();
    const token = this.peek();
    if (token.type === 'op' && RELATIONS.has(token.text)) {
      this.next();
      return { kind: 'binary', operator: token.text, left, right: this.parseAssignment() };
    }
    return left;
  }

  private parseAssignment(): BcExpression {
    const left = this.parseAdditive();
    const token = this.peek();
    if (token.type === 'op' && ASSIGNMENTS.has(token.text)) {
      if (left.kind !== 'variable') throw new BcSyntaxError(token.line);
      this.next();
      return { kind: 'assign', name: left.name, operator: token.text, value: this.parseAssignment() };
    }
    return left;
  }

  private parseAdditive(): BcExpression {
    let left = this.parseMultiplicative();
    while (this.is('+') || this.is('-')) {
      const operator = this.next().text;
      left = { kind: 'binary', operator, left, right: this.parseMultiplicative() };
    }
    return left;
  }

  private parseMultiplicative(): BcExpression {
    let left = this.parsePower();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const operator = this.next().text;
      left = { kind: 'binary', operator, left, right: this.parsePower() };
    }
    return left;
  }

  private parsePower(): BcExpression {
    const base = this.parseUnary();
    if (!this.is('^')) return base;
    this.next();
    return { kind: 'binary', operator: '^', left: base, right: this.parsePower() };
  }

  private parseUnary(): BcExpression {
    if (this.is('-')) {
      this.next();
      return { kind: 'negate', operand: this.parseUnary() };
    }
    if (this.is('++') || this.is('--')) {
      const delta = this.next().text === '++' ? 1 : -1;
      const target = this.next();
      if (target.type !== 'name') throw new BcSyntaxError(target.line);
      return { kind: 'step', name: target.text, delta, prefix: true };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): BcExpression {
    const token = this.next();
    if (token.type === 'number') return { kind: 'number', value: parseBcNumber(token.text) };
    if (token.type === 'op' && token.text === '(') {
      const inner = this.parseExpression();
      this.expect(')');
      return inner;
    }
    if (
      token.type !== 'name' ||
      ['quit', 'halt', 'if', 'while', 'for', 'print', 'else', 'define', 'auto', 'return', 'break'].includes(token.text)
    ) {
      throw new BcSyntaxError(token.line);
    }
    if (this.is('(')) {
      this.next();
      const args: BcExpression[] = [];
      if (!this.is(')')) {
        args.push(this.parseExpression());
        while (this.is(',')) {
          this.next();
          args.push(this.parseExpression());
        }
      }
      this.expect(')');
      return { kind: 'call', name: token.text, args };
    }
    if (this.is('++') || this.is('--')) {
      return { kind: 'step', name: token.text, delta: this.next().text === '++' ? 1 : -1, prefix: false };
    }
    return { kind: 'variable', name: token.text };
  }
}
