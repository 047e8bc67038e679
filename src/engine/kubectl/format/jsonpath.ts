// client-go: util/jsonpath/{parser.go,jsonpath.go} and third_party/forked/golang/template/funcs.go (filter
// comparisons); kubectl: cmd/get/customcolumn.go (RelaxedJSONPathExpression). Parsing, evaluation order,
// quirks and error texts follow client-go; maps are walked in key insertion order where Go's is random.
import { formatGoValue, GoByte, GoFloat, isGoInt, isRecord, marshalGoJson } from './goValueText';

interface SliceParam {
  known: boolean;
  value: number;
  /** The end of `[n]`, derived as n+1 rather than written. */
  derived: boolean;
}

/** A node of a parsed template (plain data). */
export type JsonPathNode =
  | { type: 'text'; text: string }
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'field'; name: string }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'union'; branches: JsonPathNode[][] }
  | { type: 'filter'; left: JsonPathNode[]; right: JsonPathNode[]; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'identifier'; name: string };

/** A parsed template: literal text and `{...}` actions, in order. */
export interface JsonPathProgram {
  nodes: JsonPathNode[];
}

export interface JsonPathOptions {
  /** Missing fields yield nothing instead of `<key> is not found` (kubectl's default for `get`). */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: each result set printed as an indented JSON array. */
  jsonOutput?: boolean;
}

class JsonPathError extends Error {
  /** What the failing Go function returned alongside its error (an existence filter still looks at it). */
  constructor(
    message: string,
    readonly partial: unknown[] = [],
  ) {
    super(message);
  }
}

// ---- parser ------------------------------------------------------------------------------------------------

const EOF = '';
const isDigit = (r: string): boolean => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string): boolean => r === EOF || ' \t\r\n.,[]$@{}'.includes(r);

/** Go's %#U: `U+0027 '''`, without the quoted character when it is not printable. */
function formatRune(r: string): string {
  const code = r.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = code >= 0x20 && code !== 0x7f && /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r);
  return printable ? `${hex} '${r}'` : hex;
}

/** strconv.UnquoteChar-based unquoting that also accepts single quotes (UnquoteExtend). */
function unquoteExtend(quoted: string): string {
  const quote = quoted[0];
  if (quoted.length < 2 || quote !== quoted[quoted.length - 1] || (quote !== '"' && quote !== "'"))
    throw new Error('invalid syntax');
  let s = quoted.slice(1, -1);
  if (!s.includes('\\') && !s.includes(quote)) return s;
  let out = '';
  const simple: Record<string, string> = {
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v',
    '\\': '\\',
  };
  while (s.length > 0) {
    const c = s[0] ?? '';
    if (c === quote) throw new Error('invalid syntax');
    if (c !== '\\') {
      const ch = String.fromCodePoint(s.codePointAt(0) ?? 0);
      out += ch;
      s = s.slice(ch.length);
      continue;
    }
    if (s.length <= 1) throw new Error('invalid syntax');
    const e = s[1] ?? '';
    s = s.slice(2);
    const mapped = simple[e];
    if (mapped !== undefined) {
      out += mapped;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = s.slice(0, n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(digits)) throw new Error('invalid syntax');
      const code = parseInt(digits, 16);
      if (e !== 'x' && (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))) throw new Error('invalid syntax');
      out += String.fromCodePoint(code);
      s = s.slice(n);
    } else if (e >= '0' && e <= '7') {
      const digits = e + s.slice(0, 2);
      if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) throw new Error('invalid syntax');
      out += String.fromCharCode(parseInt(digits, 8));
      s = s.slice(2);
    } else if (e === quote) {
      out += e;
    } else {
      throw new Error('invalid syntax');
    }
  }
  return out;
}

const DICT_KEY = /^'([^']*)'$/;
const SLICE_OPERATOR = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

/** Go's strconv.Atoi (64-bit int). */
function atoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? Number(value) : undefined;
}

class Parser {
  private pos = 0;
  private start = 0;
  private width = 0;
  readonly root: JsonPathNode[] = [];

  constructor(private readonly input: string) {}

  parse(): JsonPathNode[] {
    // parseText and parseInsideAction call each other in tail position in Go; here they alternate in a loop.
    let action: JsonPathNode[] | undefined;
    for (;;) {
      if (action === undefined) {
        action = this.parseText();
        if (action === undefined) return this.root;
      } else if (!this.parseInsideAction(action)) {
        action = undefined;
      }
    }
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.width = r.length;
    this.pos += r.length;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  /** Literal text up to the next `{`; returns the new action's node list, or undefined at the end. */
  private parseText(): JsonPathNode[] | undefined {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) this.root.push({ type: 'text', text: this.consumeText() });
        this.pos += 1;
        this.consumeText();
        const list: JsonPathNode = { type: 'list', nodes: [] };
        this.root.push(list);
        return list.nodes;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) this.root.push({ type: 'text', text: this.consumeText() });
    return undefined;
  }

  /** One step inside `{...}`; false once the closing `}` is consumed. */
  private parseInsideAction(cur: JsonPathNode[]): boolean {
    if (this.input.startsWith('}', this.pos)) {
      this.pos += 1;
      this.consumeText();
      return false;
    }
    if (this.input.startsWith('[?(', this.pos)) {
      this.parseFilter(cur);
      return true;
    }
    if (this.input.startsWith('..', this.pos)) {
      this.parseRecursive(cur);
      return true;
    }
    const r = this.next();
    if (r === EOF || r === '\r' || r === '\n') throw new JsonPathError('unclosed action');
    if (r === ' ' || r === '@' || r === '$') {
      this.consumeText();
    } else if (r === '[') {
      this.parseArray(cur);
    } else if (r === '"' || r === "'") {
      this.parseQuote(cur, r);
    } else if (r === '.') {
      this.parseField(cur);
    } else if (r === '+' || r === '-' || isDigit(r)) {
      this.backup();
      this.parseNumber(cur);
    } else if (isAlphaNumeric(r)) {
      this.backup();
      this.parseIdentifier(cur);
    } else {
      throw new JsonPathError(`unrecognized character in action: ${formatRune(r)}`);
    }
    return true;
  }

  private parseIdentifier(cur: JsonPathNode[]): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consumeText();
    if (value === 'true' || value === 'false') cur.push({ type: 'bool', value: value === 'true' });
    else cur.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: JsonPathNode[]): void {
    if (cur[cur.length - 1]?.type === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
    this.pos += 2;
    this.consumeText();
    cur.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JsonPathNode[]): void {
    const first = this.peek();
    if (first === '+' || first === '-') this.next();
    for (;;) {
      const r = this.next();
      if (r !== '.' && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const int = atoi(value);
    if (int !== undefined) cur.push({ type: 'int', value: int });
    else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) cur.push({ type: 'float', value: Number(value) });
    else throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: JsonPathNode[]): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const branches = parts.map((part) => parseAction(`[${part.replace(/^ +| +$/g, '')}]`));
      cur.push({ type: 'union', branches });
      return;
    }

    const dictKey = DICT_KEY.exec(text);
    if (dictKey) {
      cur.push(...parseAction(`.${dictKey[1] ?? ''}`));
      return;
    }

    const slice = SLICE_OPERATOR.exec(text);
    if (!slice) throw new JsonPathError(`invalid array index ${text}`);
    const params: [SliceParam, SliceParam, SliceParam] = [
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let part = slice[i + 1] ?? '';
      const param = params[i] as SliceParam;
      if (part !== '') {
        if (i > 0) part = part.slice(1);
        if (i > 0 && part === '') continue;
        const value = atoi(part);
        if (value === undefined) throw new JsonPathError(`array index ${part} is not a number`);
        param.known = true;
        param.value = value;
      } else if (i === 1) {
        param.known = true;
        param.value = params[0].value + 1;
        param.derived = true;
      }
    }
    cur.push({ type: 'array', params });
  }

  private parseFilter(cur: JsonPathNode[]): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) {
        break;
      }
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    const text = this.consumeText().slice(0, -2);
    const match = FILTER.exec(text);
    if (!match) {
      cur.push({ type: 'filter', left: parseAction(text), right: [], operator: 'exists' });
    } else {
      cur.push({
        type: 'filter',
        left: parseAction(match[1] ?? ''),
        right: parseAction(match[3] ?? ''),
        operator: match[2] ?? '',
      });
    }
  }

  private parseQuote(cur: JsonPathNode[], quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consumeText();
    let text: string;
    try {
      text = unquoteExtend(value);
    } catch (e) {
      throw new JsonPathError(`unquote string ${value} error ${(e as Error).message}`);
    }
    cur.push({ type: 'text', text });
  }

  private parseField(cur: JsonPathNode[]): void {
    this.consumeText();
    while (this.advance());
    const value = this.consumeText();
    if (value === '*') cur.push({ type: 'wildcard' });
    else cur.push({ type: 'field', name: value.replace(/\\/g, '') });
  }

  /** Moves past the next rune unless it ends a field; a backslash escapes the rune after it. */
  private advance(): boolean {
    const r = this.next();
    if (r === '\\') {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** A sub-expression (union member, filter side, bracket key) parsed as the single action `{text}`. */
function parseAction(text: string): JsonPathNode[] {
  const first = new Parser(`{${text}}`).parse()[0];
  return first?.type === 'list' ? first.nodes : [];
}

/** Parses a kubectl JSONPath template (`{.items[*].metadata.name}`, text outside braces is literal). */
export function parseJsonPath(template: string): { ok: true; program: JsonPathProgram } | { ok: false; error: string } {
  try {
    return { ok: true, program: { nodes: new Parser(template).parse() } };
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, error: e.message };
    throw e;
  }
}

// ---- evaluation --------------------------------------------------------------------------------------------

interface RangeState {
  allowMissingKeys: boolean;
  beginRange: number;
  inRange: number;
  endRange: number;
  /** Index (in the program's top-level nodes) of the last `{end}` that closed a range body. */
  lastEndNode: number;
}

function isNil(value: unknown): boolean {
  return value === null || value === undefined;
}

/** reflect Type names as client-go's errors print them. */
function goTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return isGoInt(value) ? 'int64' : 'float64';
  if (value instanceof GoFloat) return 'float64';
  if (value instanceof GoByte) return 'uint8';
  return 'map[string]interface {}';
}

/** UTF-8 bytes of a string, which Go yields when it indexes one. */
function stringBytes(text: string): GoByte[] {
  const bytes: GoByte[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(new GoByte(code));
    else if (code < 0x800) bytes.push(new GoByte(0xc0 | (code >> 6)), new GoByte(0x80 | (code & 0x3f)));
    else if (code < 0x10000) {
      bytes.push(
        new GoByte(0xe0 | (code >> 12)),
        new GoByte(0x80 | ((code >> 6) & 0x3f)),
        new GoByte(0x80 | (code & 0x3f)),
      );
    } else {
      bytes.push(
        new GoByte(0xf0 | (code >> 18)),
        new GoByte(0x80 | ((code >> 12) & 0x3f)),
        new GoByte(0x80 | ((code >> 6) & 0x3f)),
        new GoByte(0x80 | (code & 0x3f)),
      );
    }
  }
  return bytes;
}

/** What a wildcard or recursive descent walks into: map values, list items, or a string's bytes. */
function childrenOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') return stringBytes(value);
  if (isRecord(value)) return Object.values(value).filter((v) => v !== undefined);
  return [];
}

type Kind = 'bool' | 'int' | 'uint' | 'float' | 'string';

function basicKind(value: unknown): { kind: Kind; value: number | string | boolean } {
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'string') return { kind: 'string', value };
  if (typeof value === 'number') return { kind: isGoInt(value) ? 'int' : 'float', value };
  if (value instanceof GoFloat) return { kind: 'float', value: value.value };
  if (value instanceof GoByte) return { kind: 'uint', value: value.value };
  throw new Error('invalid type for comparison');
}

function goEqual(left: unknown, right: unknown): boolean {
  const a = basicKind(left);
  const b = basicKind(right);
  if (a.kind !== b.kind) {
    const signedUnsigned = (a.kind === 'int' && b.kind === 'uint') || (a.kind === 'uint' && b.kind === 'int');
    if (!signedUnsigned) throw new Error('incompatible types for comparison');
  }
  return a.value === b.value;
}

function goLess(left: unknown, right: unknown): boolean {
  const a = basicKind(left);
  const b = basicKind(right);
  if (a.kind !== b.kind) {
    const signedUnsigned = (a.kind === 'int' && b.kind === 'uint') || (a.kind === 'uint' && b.kind === 'int');
    if (!signedUnsigned) throw new Error('incompatible types for comparison');
  } else if (a.kind === 'bool') {
    throw new Error('invalid type for comparison');
  }
  return a.value < b.value;
}

function compare(operator: string, left: unknown, right: unknown): boolean {
  switch (operator) {
    case '<':
      return goLess(left, right);
    case '>':
      return !(goLess(left, right) || goEqual(left, right));
    case '==':
      return goEqual(left, right);
    case '!=':
      return !goEqual(left, right);
    case '<=':
      return goLess(left, right) || goEqual(left, right);
    case '>=':
      return !goLess(left, right);
    default:
      throw new JsonPathError(`unrecognized filter operator ${operator}`);
  }
}

class Evaluator {
  constructor(private readonly state: RangeState) {}

  evalList(values: unknown[], nodes: JsonPathNode[]): unknown[] {
    let current = values;
    for (const node of nodes) current = this.walk(current, node);
    return current;
  }

  walk(values: unknown[], node: JsonPathNode): unknown[] {
    switch (node.type) {
      case 'list':
        return this.evalList(values, node.nodes);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(values, node.name);
      case 'array':
        return this.evalArray(values, node.params);
      case 'filter':
        return this.evalFilter(values, node);
      case 'int':
      case 'bool':
        return values.map(() => node.value);
      case 'float':
        return values.map(() => new GoFloat(node.value));
      case 'wildcard':
        return values.flatMap((v) => (isNil(v) ? [] : childrenOf(v)));
      case 'recursive':
        return this.evalRecursive(values);
      case 'union':
        return this.evalUnion(values, node.branches);
      case 'identifier':
        return this.evalIdentifier(values, node.name);
    }
  }

  private evalField(values: unknown[], name: string): unknown[] {
    if (values.length === 0) return [];
    const results: unknown[] = [];
    for (const value of values) {
      if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, name) && value[name] !== undefined)
        results.push(value[name]);
    }
    if (results.length === 0 && !this.state.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
    return results;
  }

  private evalArray(values: unknown[], template: [SliceParam, SliceParam, SliceParam]): unknown[] {
    const result: unknown[] = [];
    for (const value of values) {
      if (isNil(value)) continue;
      if (!Array.isArray(value)) throw new JsonPathError(`${goTypeName(value)} is not array or slice`, values);
      const start = { ...template[0] };
      const end = { ...template[1] };
      const step = template[2];
      const length = value.length;
      if (!start.known) start.value = 0;
      if (start.value < 0) start.value += length;
      if (!end.known) end.value = length;
      if (end.value < 0 || (end.value === 0 && end.derived)) end.value += length;
      // Zero elements requested: client-go returns at once, skipping any further inputs.
      if (end.value === start.value) return result;
      if (start.value >= length || start.value < 0) {
        throw new JsonPathError(`array index out of bounds: index ${start.value}, length ${length}`, values);
      }
      if (end.value > length || end.value < 0) {
        throw new JsonPathError(`array index out of bounds: index ${end.value - 1}, length ${length}`, values);
      }
      if (start.value > end.value) {
        throw new JsonPathError(`starting index ${start.value} is greater than ending index ${end.value}`, values);
      }
      let stride = 1;
      if (step.known) {
        if (step.value <= 0) throw new JsonPathError('step must be > 0', values);
        stride = step.value;
      }
      for (let i = start.value; i < end.value; i += stride) result.push(value[i]);
    }
    return result;
  }

  private evalRecursive(values: unknown[]): unknown[] {
    const result: unknown[] = [];
    for (const value of values) {
      if (isNil(value)) continue;
      const children = childrenOf(value);
      if (children.length === 0) continue;
      result.push(value, ...this.evalRecursive(children));
    }
    return result;
  }

  private evalUnion(values: unknown[], branches: JsonPathNode[][]): unknown[] {
    const result: unknown[] = [];
    for (const branch of branches) {
      try {
        result.push(...this.evalList(values, branch));
      } catch (e) {
        if (e instanceof JsonPathError) throw new JsonPathError(e.message, values);
        throw e;
      }
    }
    return result;
  }

  private evalIdentifier(values: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.state.beginRange++;
      return values;
    }
    if (name === 'end') {
      if (this.state.inRange === 0) throw new JsonPathError('not in range, nothing to end');
      this.state.endRange++;
      return [];
    }
    throw new JsonPathError(`unrecognized identifier ${name}`, values);
  }

  private evalFilter(values: unknown[], node: Extract<JsonPathNode, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of values) {
      if (!Array.isArray(value)) {
        const shown = value === undefined ? '<invalid reflect.Value>' : formatGoValue(value);
        throw new JsonPathError(`${shown} is not array or slice and cannot be filtered`, values);
      }
      for (const item of value) {
        let lefts: unknown[];
        let leftError: JsonPathError | undefined;
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          lefts = e.partial;
          leftError = e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (leftError) throw new JsonPathError(leftError.message, values);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time', values);
        let rights: unknown[];
        try {
          rights = this.evalList([item], node.right);
        } catch (e) {
          if (e instanceof JsonPathError) throw new JsonPathError(e.message, values);
          throw e;
        }
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time', values);
        let pass: boolean;
        try {
          pass = compare(node.operator, lefts[0], rights[0]);
        } catch (e) {
          throw new JsonPathError((e as Error).message, results);
        }
        if (pass) results.push(item);
      }
    }
    return results;
  }
}

/** FindResults: one result set per top-level node, with `{range}`…`{end}` bodies run once per item. */
function findResults(
  nodes: JsonPathNode[],
  from: number,
  data: unknown,
  evaluator: Evaluator,
  state: RangeState,
): unknown[][] {
  const full: unknown[][] = [];
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i] as JsonPathNode;
    const results = evaluator.walk([data], node);
    if (state.endRange > 0 && state.endRange <= state.inRange) {
      state.endRange--;
      state.lastEndNode = i;
      break;
    }
    if (state.beginRange > 0) {
      state.beginRange--;
      state.inRange++;
      if (results.length > 0) {
        for (const value of results) full.push(...findResults(nodes, i + 1, value, evaluator, state));
      } else {
        // Still walk the body so the matching {end} is found.
        findResults(nodes, i + 1, undefined, evaluator, state);
      }
      state.inRange--;
      for (let k = i + 1; k < nodes.length; k++) {
        if (k === state.lastEndNode) {
          i = k;
          break;
        }
      }
      continue;
    }
    full.push(results);
  }
  return full;
}

function isContainer(value: unknown): boolean {
  return Array.isArray(value) || isRecord(value);
}

/** PrintResults: values space-separated; maps and lists as compact JSON, the rest as Go prints them. */
function printResults(results: unknown[], jsonOutput: boolean): string {
  if (jsonOutput) return `${marshalGoJson(results, '    ')}\n`;
  return results.map((r) => (isContainer(r) ? marshalGoJson(r) : formatGoValue(r))).join(' ');
}

/** Runs a parsed template against decoded JSON data and returns what kubectl would print. */
export function executeJsonPath(
  program: JsonPathProgram,
  data: unknown,
  options: JsonPathOptions = {},
): { ok: true; output: string } | { ok: false; error: string } {
  const found = findJsonPathResults(program, data, options);
  if (!found.ok) return found;
  return { ok: true, output: found.results.map((r) => printResults(r, options.jsonOutput ?? false)).join('') };
}

/** The raw result sets of a template (custom columns print these values themselves). */
export function findJsonPathResults(
  program: JsonPathProgram,
  data: unknown,
  options: JsonPathOptions = {},
): { ok: true; results: unknown[][] } | { ok: false; error: string } {
  const state: RangeState = {
    allowMissingKeys: options.allowMissingKeys ?? false,
    beginRange: 0,
    inRange: 0,
    endRange: 0,
    lastEndNode: -1,
  };
  try {
    return { ok: true, results: findResults(program.nodes, 0, data, new Evaluator(state), state) };
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, error: e.message };
    throw e;
  }
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/**
 * kubectl's RelaxedJSONPathExpression (custom columns, `--sort-by`): `metadata.name`, `.metadata.name`,
 * `{metadata.name}` and `{.metadata.name}` all become `{.metadata.name}`; `""` stays empty.
 */
export function relaxedJsonPath(expression: string): { ok: true; expression: string } | { ok: false; error: string } {
  if (expression.length === 0) return { ok: true, expression };
  const match = RELAXED.exec(expression);
  if (!match) {
    return {
      ok: false,
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  return { ok: true, expression: `{.${match[1] || match[2] || ''}}` };
}
