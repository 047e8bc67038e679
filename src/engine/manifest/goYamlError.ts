/**
 * kubectl reports YAML syntax errors in go-yaml v2's words (`yaml: line 5: mapping values are not allowed in this
 * context`). The document is parsed with eemeli/yaml; this module translates its error codes into the go-yaml
 * message for the same mistake and computes the line go-yaml would print (go-yaml v2: yaml.go:fail, where scanner
 * errors print the 1-based line and parser errors the 0-based one; lines count from the start of the document
 * chunk kubectl's YAML reader split off). It also finds the tabs go-yaml rejects but eemeli accepts.
 */
import { Lexer, type YAMLError } from 'yaml';

export interface GoYamlError {
  /** go-yaml's message without the `yaml: ` prefix, e.g. `line 5: could not find expected ':'`. */
  message: string;
  /** Offset in the chunk where the problem is, for the editor. */
  offset: number;
}

/** 0-based line of an offset. */
function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

/** `line N: ` unless N is 0, as go-yaml's fail() prints it. */
function withLine(line: number, problem: string): string {
  return line > 0 ? `line ${line}: ${problem}` : problem;
}

function scannerError(text: string, offset: number, problem: string): GoYamlError {
  return { message: withLine(lineOf(text, offset) + 1, problem), offset };
}

function parserError(text: string, offset: number, problem: string): GoYamlError {
  return { message: withLine(lineOf(text, offset), problem), offset };
}

/** The first `:` after `from` that is a mapping indicator (followed by a blank or the end). */
function nextMappingColon(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === ':' && (i + 1 >= text.length || /[ \t\r\n]/.test(text[i + 1]!))) return i;
  }
  return from;
}

/** Offset of the first token after the line holding `offset` (go-yaml's mark when it finds a key never ended). */
function nextTokenOffset(text: string, offset: number): number {
  let i = text.indexOf('\n', offset);
  if (i < 0) return text.length;
  while (i < text.length) {
    const lineEnd = text.indexOf('\n', i + 1);
    const line = text.slice(i + 1, lineEnd < 0 ? text.length : lineEnd);
    const trimmed = line.trim();
    if (trimmed && !trimmed.startsWith('#')) return i + 1 + (line.length - line.trimStart().length);
    if (lineEnd < 0) return text.length;
    i = lineEnd;
  }
  return text.length;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Column of the first content of the line holding `offset`, past any `- ` sequence indicators. */
function lineContentColumn(text: string, offset: number): number {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(start, offset);
  return line.length - line.replace(/^(\s*-\s+)*\s*/, '').length;
}

/**
 * The block indentation go-yaml is in when it scans the scalar at `offset`: the column of a mapping that already
 * has a key at the scalar's column, else that of the enclosing line, else -1 at the top.
 */
function blockIndent(text: string, offset: number): number {
  const column = columnOf(text, offset);
  const contentColumn = lineContentColumn(text, offset);
  if (contentColumn < column) return contentColumn;
  const above = text
    .slice(0, text.lastIndexOf('\n', offset - 1) + 1)
    .split('\n')
    .reverse();
  for (const line of above) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const lineColumn = line.length - line.replace(/^(\s*-\s+)*\s*/, '').length;
    if (lineColumn <= column) return lineColumn === column && /:(\s|$)/.test(trimmed) ? column : lineColumn;
  }
  return -1;
}

/**
 * A scalar that eemeli took as a key without `:` on its line. go-yaml continues the scalar onto the next line when
 * that line is indented deeper than the block (then the `:` there is not allowed), otherwise the key is incomplete.
 */
function implicitKeyError(text: string, offset: number): GoYamlError {
  const indent = blockIndent(text, offset);
  const next = nextTokenOffset(text, offset);
  if (next < text.length && columnOf(text, next) > indent) {
    return scannerError(text, nextMappingColon(text, next), 'mapping values are not allowed in this context');
  }
  return scannerError(text, next, "could not find expected ':'");
}

/** Whether the sequence above `offset` is indentless (`- ` at the column of its parent key). */
function isIndentlessSequence(text: string, offset: number): boolean {
  const lines = text.slice(0, offset).split('\n');
  for (let i = lines.length - 2; i >= 0; i--) {
    const dash = /^(\s*)- /.exec(lines[i]!);
    if (!dash) continue;
    const column = dash[1]!.length;
    for (let j = i - 1; j >= 0; j--) {
      const line = lines[j]!;
      if (!line.trim() || line.trim().startsWith('#') || /^\s*- /.test(line)) continue;
      return line.length - line.trimStart().length === column;
    }
    return false;
  }
  return false;
}

/** go-yaml's view of the first eemeli error of a document chunk. */
export function goYamlErrorFor(chunk: string, error: YAMLError): GoYamlError {
  const [start] = error.pos;
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return scannerError(chunk, start, 'found character that cannot start any token');
    case 'MULTILINE_IMPLICIT_KEY':
      return implicitKeyError(chunk, start);
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (message.startsWith('Nested mappings'))
        return scannerError(chunk, nextMappingColon(chunk, start), 'mapping values are not allowed in this context');
      return parserError(chunk, start, 'did not find expected key');
    case 'BAD_INDENT':
      if (message.startsWith('Flow sequence'))
        return parserError(chunk, chunk.length, "did not find expected ',' or ']'");
      if (message.startsWith('Flow map')) return parserError(chunk, chunk.length, "did not find expected ',' or '}'");
      return parserError(chunk, start, 'did not find expected key');
    case 'MISSING_CHAR':
      if (message.startsWith('Missing closing'))
        return scannerError(chunk, chunk.length, 'found unexpected end of stream');
      if (message.startsWith('Sequence item without')) {
        return parserError(
          chunk,
          start,
          isIndentlessSequence(chunk, start) ? 'did not find expected key' : "did not find expected '-' indicator",
        );
      }
      if (message.startsWith('Implicit map keys')) return implicitKeyError(chunk, start);
      return parserError(chunk, start, message);
    default:
      return parserError(chunk, start, message);
  }
}

const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/**
 * The first tab go-yaml refuses: block-context whitespace at the start of a line or right after a `-` or `?`
 * indicator, where its scanner allows only spaces (go-yaml v2: scannerc.go:yaml_parser_scan_to_next_token).
 */
export function findRejectedTab(chunk: string): GoYamlError | undefined {
  let offset = 0;
  let flowLevel = 0;
  let previous = '\n';
  let scalarNext = false;
  for (const token of new Lexer().lex(chunk)) {
    if (CONTROL_TOKENS.has(token)) {
      scalarNext = token === '\x1f';
      continue;
    }
    const isScalar = scalarNext;
    scalarNext = false;
    if (!isScalar) {
      if (token === '[' || token === '{') flowLevel++;
      if ((token === ']' || token === '}') && flowLevel > 0) flowLevel--;
      if (
        /^[ \t]+$/.test(token) &&
        token.includes('\t') &&
        flowLevel === 0 &&
        (previous === '\n' || previous === '-' || previous === '?')
      ) {
        return scannerError(chunk, offset + token.indexOf('\t'), 'found character that cannot start any token');
      }
    }
    if (!/^[ \t]+$/.test(token)) previous = token.endsWith('\n') ? '\n' : isScalar ? 'scalar' : token;
    offset += token.length;
  }
  return undefined;
}
