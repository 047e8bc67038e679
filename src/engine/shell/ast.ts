/**
 * The syntax tree of a shell script. Every node carries an `id` (its index in `Script.nodes`), so the executor's
 * JSON-serializable frames can point at nodes by number while the tree itself stays out of the process state.
 */

/** One piece of a word, before expansion. */
export type WordPart =
  /** Unquoted text: subject to pathname expansion (`*`, `?`, `[`). */
  | { t: 'lit'; v: string }
  /** Quoted text ('...', \x, $'...'): taken literally. */
  | { t: 'sq'; v: string }
  | { t: 'dq'; parts: Word }
  | { t: 'param'; name: string; op?: ParamOp; arg?: Word; arg2?: Word }
  | { t: 'cmd'; list: ListNode }
  | { t: 'arith'; expr: Word }
  | { t: 'tilde'; user: string };

export type Word = WordPart[];

/**
 * `${name<op>arg}`. `len` is `${#name}`; `substr` is bash's `${name:arg:arg2}`; the `/` forms are bash's
 * `${name/pattern/replacement}` (arg2 is the replacement).
 */
export type ParamOp =
  | '-'
  | ':-'
  | '='
  | ':='
  | '?'
  | ':?'
  | '+'
  | ':+'
  | '#'
  | '##'
  | '%'
  | '%%'
  | 'len'
  | 'substr'
  | '/'
  | '//'
  | '/#'
  | '/%';

export type RedirectOp = '<' | '>' | '>>' | '>|' | '<>' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** The descriptor redirected (0 for input operators, 1 for output ones unless a number was written). */
  fd: number;
  op: RedirectOp;
  /** File name, descriptor number, here-string, or (for here-documents) the delimiter. */
  target: Word;
  /** Here-document body; quoted delimiters give a single literal part. */
  body?: Word;
}

interface NodeBase {
  id: number;
  /** 1-based line where the node starts. */
  line: number;
}

export interface ListNode extends NodeBase {
  type: 'list';
  items: { cmd: AndOrNode; async: boolean }[];
}

export interface AndOrNode extends NodeBase {
  type: 'andor';
  pipelines: PipelineNode[];
  /** ops[i] joins pipelines[i] and pipelines[i + 1]. */
  ops: ('&&' | '||')[];
}

export interface PipelineNode extends NodeBase {
  type: 'pipeline';
  bang: boolean;
  commands: CommandNode[];
}

export interface Assignment {
  name: string;
  value: Word;
}

export interface SimpleNode extends NodeBase {
  type: 'simple';
  assigns: Assignment[];
  words: Word[];
  redirects: Redirect[];
}

export interface IfNode extends NodeBase {
  type: 'if';
  clauses: { cond: ListNode; body: ListNode }[];
  otherwise?: ListNode;
  redirects: Redirect[];
}

export interface LoopNode extends NodeBase {
  type: 'loop';
  until: boolean;
  cond: ListNode;
  body: ListNode;
  redirects: Redirect[];
}

export interface ForNode extends NodeBase {
  type: 'for';
  name: string;
  /** Absent for `for x; do` (iterates over "$@"). */
  items?: Word[];
  body: ListNode;
  redirects: Redirect[];
}

export interface CaseNode extends NodeBase {
  type: 'case';
  word: Word;
  arms: { patterns: Word[]; body?: ListNode }[];
  redirects: Redirect[];
}

export interface GroupNode extends NodeBase {
  type: 'group';
  body: ListNode;
  redirects: Redirect[];
}

export interface SubshellNode extends NodeBase {
  type: 'subshell';
  body: ListNode;
  redirects: Redirect[];
}

export interface FunctionNode extends NodeBase {
  type: 'function';
  name: string;
  body: CommandNode;
}

/** An element of `[[ ... ]]`: an operator or an operand word. */
export type CondToken = { op: '&&' | '||' | '!' | '(' | ')' } | { word: Word; raw: string };

export interface CondNode extends NodeBase {
  type: 'cond';
  tokens: CondToken[];
  redirects: Redirect[];
}

/** bash's `(( expression ))`. */
export interface ArithNode extends NodeBase {
  type: 'arith';
  expr: Word;
  redirects: Redirect[];
}

export type CommandNode =
  SimpleNode | IfNode | LoopNode | ForNode | CaseNode | GroupNode | SubshellNode | FunctionNode | CondNode | ArithNode;

export type Node = ListNode | AndOrNode | PipelineNode | CommandNode;

export interface Script {
  /** The top-level command list. */
  body: ListNode;
  /** Every node by id. */
  nodes: Node[];
}

/** A syntax error, located and worded the way dash reports it (`Syntax error: <message>`). */
export interface ShellSyntaxError {
  message: string;
  line: number;
  column: number;
  /** The offending token as written (`done`, `;;`, `newline`), absent at end of file or for lexical errors. */
  token?: string;
  /** Set when a token (or the end of file) came where it may not stand, rather than for a lexical error. */
  unexpected?: true;
  /** What should have come instead, when it was one thing (`fi`, `)`). */
  expecting?: string;
}

/**
 * A parse outcome. On error, `script` holds the complete commands before the line with the error: like dash,
 * the shell runs them before reporting the error.
 */
export type ParseResult = { ok: true; script: Script } | { ok: false; error: ShellSyntaxError; script: Script };
