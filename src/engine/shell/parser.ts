import type {
  AndOrNode,
  Assignment,
  CaseNode,
  CommandNode,
  CondNode,
  CondToken,
  ForNode,
  FunctionNode,
  IfNode,
  ListNode,
  LoopNode,
  Node,
  ParseResult,
  PipelineNode,
  Redirect,
  RedirectOp,
  ShellSyntaxError,
  SimpleNode,
  Word,
  WordPart,
} from './ast';
import { Lexer, SyntaxFailure, type LexerHost, type Token } from './lexer';

type CompoundNode = Exclude<CommandNode, FunctionNode | SimpleNode>;

const REDIRECT_OPS = new Set<string>(['<', '>', '>>', '>|', '<>', '<&', '>&', '&>', '&>>', '<<', '<<-', '<<<']);
const LIST_END_WORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);
const LIST_END_OPS = new Set([')', ';;', ';&']);
const COND_OPS = new Set(['&&', '||', '(', ')']);

/** The text of a word that is a single unquoted literal (how reserved words are recognised). */
function keywordOf(t: Token): string | undefined {
  if (t.k !== 'word' || t.parts.length !== 1) return undefined;
  const p = t.parts[0];
  return p?.t === 'lit' ? p.v : undefined;
}

const isKeyword = (t: Token, kw: string): boolean => keywordOf(t) === kw;
const isOp = (t: Token, op: string): boolean => t.k === 'op' && t.op === op;
const isRedirect = (t: Token): boolean => t.k === 'io' || (t.k === 'op' && REDIRECT_OPS.has(t.op));
const isName = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s);

/** A word's text after quote removal, for here-document delimiters. */
function literalText(word: Word): string {
  return word
    .map((p) =>
      p.t === 'lit' || p.t === 'sq' ? p.v : p.t === 'dq' ? literalText(p.parts) : p.t === 'param' ? `$${p.name}` : '',
    )
    .join('');
}

/** `NAME=value` as the first word of a simple command, split into name and value. */
function splitAssignment(word: Word): Assignment | undefined {
  const first = word[0];
  if (first?.t !== 'lit') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
  if (!m?.[1]) return undefined;
  const rest = first.v.slice(m[0].length);
  const value: Word = [];
  const tilde = /^~([A-Za-z0-9._-]*)(?=\/|$)/.exec(rest);
  if (tilde && (rest.length > tilde[0].length || word.length === 1)) {
    value.push({ t: 'tilde', user: tilde[1] ?? '' });
    if (rest.length > tilde[0].length) value.push({ t: 'lit', v: rest.slice(tilde[0].length) });
  } else if (rest) {
    value.push({ t: 'lit', v: rest });
  }
  return { name: m[1], value: [...value, ...word.slice(1)] };
}

class Parser implements LexerHost {
  readonly lex: Lexer;
  private peeked: Token | undefined;

  constructor(
    source: string,
    private readonly nodes: Node[],
    lineOffset: number,
  ) {
    this.lex = new Lexer(source, this, lineOffset);
  }

  parseProgram(): { body: ListNode; error?: ShellSyntaxError } {
    const body = this.add<ListNode>({ type: 'list', id: 0, line: 1, items: [] });
    const items: ListNode['items'] = [];
    let committed = 0;
    try {
      this.skipNewlines();
      while (this.peek().k !== 'eof') {
        const item = { cmd: this.parseAndOr(), async: false };
        items.push(item);
        const t = this.peek();
        if (isOp(t, ';') || isOp(t, '&')) {
          this.next();
          item.async = isOp(t, '&');
          if (isOp(this.peek(), '\n')) {
            this.skipNewlines();
            committed = items.length;
          }
        } else if (isOp(t, '\n')) {
          this.skipNewlines();
          committed = items.length;
        } else if (t.k !== 'eof') {
          this.unexpected(t);
        }
      }
      body.items = items;
      return { body };
    } catch (e) {
      if (!(e instanceof SyntaxFailure)) throw e;
      body.items = items.slice(0, committed);
      return { body, error: e.detail };
    }
  }

  parseCommandSubstitution(): ListNode {
    const list = this.parseCompoundList('');
    const t = this.next();
    if (!isOp(t, ')')) this.unexpected(t, ')');
    return list;
  }

  parseNestedList(text: string, line: number): ListNode {
    const nested = new Parser(text, this.nodes, line - 1);
    const list = nested.parseCompoundList('');
    const t = nested.peek();
    if (t.k !== 'eof') nested.unexpected(t);
    return list;
  }

  parseNestedHeredoc(text: string, line: number): Word {
    return new Parser(text, this.nodes, line - 1).lex.readHeredocBody();
  }

  private add<T extends Node>(node: T): T {
    node.id = this.nodes.length;
    this.nodes.push(node);
    return node;
  }

  private peek(): Token {
    this.peeked ??= this.lex.next();
    return this.peeked;
  }

  private next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private skipNewlines(): void {
    while (isOp(this.peek(), '\n')) this.next();
  }

  /** dash's wording: `"done" unexpected (expecting "fi")`, `end of file unexpected`, `newline unexpected`. */
  private unexpected(t: Token, expecting?: string): never {
    const token = t.k === 'eof' ? undefined : t.k === 'op' ? (t.op === '\n' ? 'newline' : t.op) : t.raw;
    const what = token === undefined ? 'end of file' : token === 'newline' ? 'newline' : `"${token}"`;
    const suffix = expecting ? ` (expecting "${expecting}")` : '';
    throw new SyntaxFailure({
      message: `${what} unexpected${suffix}`,
      line: t.line,
      column: t.col,
      ...(token === undefined ? {} : { token }),
      unexpected: true,
      ...(expecting ? { expecting } : {}),
    });
  }

  private expectKeyword(kw: string): void {
    const t = this.next();
    if (!isKeyword(t, kw)) this.unexpected(t, kw);
  }

  private expectWord(): Extract<Token, { k: 'word' }> {
    const t = this.next();
    if (t.k !== 'word') this.unexpected(t);
    return t;
  }

  private isListEnd(t: Token): boolean {
    if (t.k === 'eof') return true;
    if (t.k === 'op') return LIST_END_OPS.has(t.op);
    const kw = keywordOf(t);
    return kw !== undefined && LIST_END_WORDS.has(kw);
  }

  /**
   * A list inside a compound command. `closer` is the word dash says it expected if the input ends before the
   * first command; '' allows an empty list (`$()`).
   */
  private parseCompoundList(closer: string): ListNode {
    this.skipNewlines();
    const list = this.add<ListNode>({ type: 'list', id: 0, line: this.peek().line, items: [] });
    while (!this.isListEnd(this.peek())) {
      const item = { cmd: this.parseAndOr(), async: false };
      list.items.push(item);
      const t = this.peek();
      if (isOp(t, ';') || isOp(t, '&')) {
        this.next();
        item.async = isOp(t, '&');
      } else if (!isOp(t, '\n')) {
        break;
      }
      this.skipNewlines();
    }
    const t = this.peek();
    if (list.items.length === 0 && closer !== '') this.unexpected(t, t.k === 'eof' ? closer : undefined);
    return list;
  }

  private parseAndOr(): AndOrNode {
    const first = this.parsePipeline();
    const node = this.add<AndOrNode>({ type: 'andor', id: 0, line: first.line, pipelines: [first], ops: [] });
    for (;;) {
      const t = this.peek();
      if (!isOp(t, '&&') && !isOp(t, '||')) return node;
      this.next();
      node.ops.push(isOp(t, '&&') ? '&&' : '||');
      this.skipNewlines();
      node.pipelines.push(this.parsePipeline());
    }
  }

  private parsePipeline(): PipelineNode {
    const line = this.peek().line;
    let bang = false;
    if (isKeyword(this.peek(), '!')) {
      this.next();
      bang = true;
    }
    const commands = [this.parseCommand()];
    while (isOp(this.peek(), '|')) {
      this.next();
      this.skipNewlines();
      commands.push(this.parseCommand());
    }
    return this.add<PipelineNode>({ type: 'pipeline', id: 0, line, bang, commands });
  }

  private parseCommand(): CommandNode {
    const t = this.peek();
    if (t.k === 'op' && t.op === '(') return this.withRedirects(this.parseParenthesized(t));
    if (isRedirect(t)) return this.parseSimple();
    if (t.k !== 'word') this.unexpected(t);
    const kw = keywordOf(t);
    switch (kw) {
      case '{':
        return this.withRedirects(this.parseGroup());
      case 'if':
        return this.withRedirects(this.parseIf());
      case 'while':
      case 'until':
        return this.withRedirects(this.parseLoop(kw === 'until'));
      case 'for':
        return this.withRedirects(this.parseFor());
      case 'case':
        return this.withRedirects(this.parseCase());
      case '[[':
        return this.withRedirects(this.parseCond());
      case 'function':
        return this.parseFunctionKeyword();
      default:
        if (kw !== undefined && LIST_END_WORDS.has(kw)) this.unexpected(t);
    }
    this.next();
    if (kw !== undefined && !kw.includes('=') && isOp(this.peek(), '(')) {
      const paren = this.next();
      if (!isOp(this.peek(), ')')) this.unexpected(paren);
      this.next();
      return this.parseFunctionBody(kw, t.line);
    }
    return this.parseSimple(t);
  }

  private withRedirects<T extends CompoundNode>(node: T): T {
    while (isRedirect(this.peek())) node.redirects.push(this.parseRedirect());
    return node;
  }

  private parseParenthesized(open: Token): CompoundNode {
    if (this.lex.charAt(open.end) === '(') {
      const expr = this.lex.tryArithCommand(open.end + 1);
      if (expr) {
        this.peeked = undefined;
        return this.add({ type: 'arith', id: 0, line: open.line, expr, redirects: [] });
      }
    }
    this.next();
    const body = this.parseCompoundList(')');
    const close = this.next();
    if (!isOp(close, ')')) this.unexpected(close, ')');
    return this.add({ type: 'subshell', id: 0, line: open.line, body, redirects: [] });
  }

  private parseGroup(): CompoundNode {
    const line = this.next().line;
    const body = this.parseCompoundList('}');
    this.expectKeyword('}');
    return this.add({ type: 'group', id: 0, line, body, redirects: [] });
  }

  private parseIf(): IfNode {
    const line = this.next().line;
    const clauses: IfNode['clauses'] = [];
    let otherwise: ListNode | undefined;
    const cond = this.parseCompoundList('then');
    this.expectKeyword('then');
    clauses.push({ cond, body: this.parseCompoundList('fi') });
    for (;;) {
      const t = this.next();
      if (isKeyword(t, 'fi')) break;
      if (isKeyword(t, 'elif')) {
        const c = this.parseCompoundList('then');
        this.expectKeyword('then');
        clauses.push({ cond: c, body: this.parseCompoundList('fi') });
      } else if (isKeyword(t, 'else')) {
        otherwise = this.parseCompoundList('fi');
        this.expectKeyword('fi');
        break;
      } else {
        this.unexpected(t, 'fi');
      }
    }
    return this.add<IfNode>({ type: 'if', id: 0, line, clauses, ...(otherwise ? { otherwise } : {}), redirects: [] });
  }

  private parseLoop(until: boolean): LoopNode {
    const line = this.next().line;
    const cond = this.parseCompoundList('do');
    this.expectKeyword('do');
    const body = this.parseCompoundList('done');
    this.expectKeyword('done');
    return this.add<LoopNode>({ type: 'loop', id: 0, line, until, cond, body, redirects: [] });
  }

  private parseFor(): ForNode {
    const line = this.next().line;
    const nameTok = this.next();
    const name = keywordOf(nameTok);
    if (name === undefined || !isName(name))
      this.lex.fail('Bad for loop variable', nameTok.end, nameTok.k === 'word' ? nameTok.raw : undefined);
    let items: Word[] | undefined;
    this.skipNewlines();
    if (isKeyword(this.peek(), 'in')) {
      this.next();
      items = [];
      while (this.peek().k === 'word') items.push(this.expectWord().parts);
      const t = this.peek();
      if (!isOp(t, ';') && !isOp(t, '\n')) this.unexpected(t, 'do');
      this.next();
    } else if (isOp(this.peek(), ';')) {
      this.next();
    }
    this.skipNewlines();
    this.expectKeyword('do');
    const body = this.parseCompoundList('done');
    this.expectKeyword('done');
    return this.add<ForNode>({ type: 'for', id: 0, line, name, ...(items ? { items } : {}), body, redirects: [] });
  }

  private parseCase(): CaseNode {
    const line = this.next().line;
    const word = this.expectWord().parts;
    this.skipNewlines();
    this.expectKeyword('in');
    this.skipNewlines();
    const arms: CaseNode['arms'] = [];
    while (!isKeyword(this.peek(), 'esac')) {
      if (isOp(this.peek(), '(')) this.next();
      const patterns = [this.expectWord().parts];
      while (isOp(this.peek(), '|')) {
        this.next();
        patterns.push(this.expectWord().parts);
      }
      const close = this.next();
      if (!isOp(close, ')')) this.unexpected(close, ')');
      this.skipNewlines();
      const t = this.peek();
      const body = isOp(t, ';;') || isOp(t, ';&') || isKeyword(t, 'esac') ? undefined : this.parseCompoundList('esac');
      const end = this.peek();
      // bash's `;&` (fall through) is accepted and treated as `;;`.
      if (isOp(end, ';;') || isOp(end, ';&')) {
        this.next();
        this.skipNewlines();
      } else if (!isKeyword(end, 'esac')) {
        this.unexpected(end, 'esac');
      }
      arms.push({ patterns, ...(body ? { body } : {}) });
    }
    this.next();
    return this.add<CaseNode>({ type: 'case', id: 0, line, word, arms, redirects: [] });
  }

  private parseCond(): CondNode {
    const line = this.next().line;
    const tokens: CondToken[] = [];
    for (;;) {
      const t = this.next();
      if (t.k === 'eof') this.unexpected(t, ']]');
      if (isKeyword(t, ']]')) break;
      if (t.k === 'op' && COND_OPS.has(t.op)) tokens.push({ op: t.op as '&&' | '||' | '(' | ')' });
      else if (isOp(t, '<') || isOp(t, '>'))
        tokens.push({ word: [{ t: 'lit', v: t.k === 'op' ? t.op : '' }], raw: t.k === 'op' ? t.op : '' });
      else if (isKeyword(t, '!')) tokens.push({ op: '!' });
      else if (t.k === 'word') {
        tokens.push({ word: t.parts, raw: t.raw });
        if (t.raw === '=~') {
          const regex = this.lex.readRegexWord();
          tokens.push({ word: regex.parts, raw: regex.raw });
        }
      } else if (!isOp(t, '\n')) this.unexpected(t);
    }
    return this.add<CondNode>({ type: 'cond', id: 0, line, tokens, redirects: [] });
  }

  private parseFunctionKeyword(): FunctionNode {
    const line = this.next().line;
    const nameTok = this.expectWord();
    if (isOp(this.peek(), '(')) {
      this.next();
      const close = this.next();
      if (!isOp(close, ')')) this.unexpected(close, ')');
    }
    return this.parseFunctionBody(nameTok.raw, line);
  }

  private parseFunctionBody(name: string, line: number): FunctionNode {
    this.skipNewlines();
    const body = this.parseCommand();
    return this.add<FunctionNode>({ type: 'function', id: 0, line, name, body });
  }

  private parseSimple(first?: Extract<Token, { k: 'word' }>): SimpleNode {
    const node = this.add<SimpleNode>({
      type: 'simple',
      id: 0,
      line: (first ?? this.peek()).line,
      assigns: [],
      words: [],
      redirects: [],
    });
    const take = (t: Extract<Token, { k: 'word' }>): void => {
      const assignment = node.words.length === 0 ? splitAssignment(t.parts) : undefined;
      if (assignment) node.assigns.push(assignment);
      else node.words.push(t.parts);
    };
    if (first) take(first);
    for (;;) {
      const t = this.peek();
      if (isRedirect(t)) node.redirects.push(this.parseRedirect());
      else if (t.k === 'word') take(this.expectWord());
      else break;
    }
    if (!node.assigns.length && !node.words.length && !node.redirects.length) this.unexpected(this.peek());
    return node;
  }

  private parseRedirect(): Redirect {
    let t = this.next();
    let fd: number | undefined;
    if (t.k === 'io') {
      fd = t.fd;
      t = this.next();
    }
    if (t.k !== 'op' || !REDIRECT_OPS.has(t.op)) this.unexpected(t);
    const op = t.op as RedirectOp;
    const target = this.next();
    if (target.k !== 'word') this.unexpected(target);
    const redirect: Redirect = { fd: fd ?? (op.startsWith('<') ? 0 : 1), op, target: target.parts };
    if (op === '<<' || op === '<<-') {
      const quoted = target.parts.some((p: WordPart) => p.t !== 'lit');
      this.lex.addHeredoc(redirect, literalText(target.parts), op === '<<-', quoted);
    }
    return redirect;
  }
}

/** Parse a whole script. Deterministic; see `parseShell` for the cached entry point. */
export function parseScript(source: string): ParseResult {
  const nodes: Node[] = [];
  const { body, error } = new Parser(source, nodes, 0).parseProgram();
  const script = { body, nodes };
  return error ? { ok: false, error, script } : { ok: true, script };
}
