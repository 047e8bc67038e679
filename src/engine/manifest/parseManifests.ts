/**
 * Reading a manifest file as kubectl does (cli-runtime: resource/visitor.go:StreamVisitor with
 * apimachinery: util/yaml/decoder.go and sigs.k8s.io/yaml over go-yaml v2): documents split at `---` lines, YAML 1.1
 * scalars, empty and `null` documents skipped, `*List` kinds flattened into their items, and the first syntax error
 * ending the stream. Each document keeps its syntax tree so a field can be shown at its line.
 */
import {
  LineCounter,
  Parser,
  Composer,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { findRejectedTab, goYamlErrorFor } from './goYamlError';
import { resolvePlainScalar } from './resolveScalar';

/** A span in the file, 1-based, end exclusive. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ManifestDocument {
  /** The document as plain JSON (usually an object). */
  object: unknown;
  /** Position of the document among those kept, 0-based. */
  index: number;
  /** 1-based line where the document's content starts. */
  startLine: number;
  /** Where the value at a JSON path is written (list indices as numbers); undefined when it is not in the file. */
  locate(path: readonly (string | number)[]): SourceRange | undefined;
}

export interface ManifestError {
  /** kubectl's text: `error parsing pod.yaml: error converting YAML to JSON: yaml: line 5: ...` (without `error: `). */
  message: string;
  /** 1-based position of the problem in the file. */
  line: number;
  column: number;
  /** Index of the failing document chunk in the file, 0-based. */
  document: number;
}

export interface ParseManifestsOptions {
  /** File name as kubectl shows it (`pod.yaml`, `STDIN`); without it the message starts at `error converting`. */
  source?: string;
}

interface Chunk {
  /** Offset of the chunk's first character in the file. */
  start: number;
  text: string;
}

class ConversionError extends Error {}

/** YAMLReader: documents are separated by lines starting with `---` (followed by nothing but a comment). */
function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let offset = 0;
  for (const line of text.split(/(?<=\n)/)) {
    const rest = line.startsWith('---') ? line.slice(3).trim() : undefined;
    if (rest !== undefined && (rest === '' || rest.startsWith('#'))) {
      if (offset > start) chunks.push({ start, text: text.slice(start, offset) });
      start = offset + line.length;
    }
    offset += line.length;
  }
  if (text.length > start) chunks.push({ start, text: text.slice(start) });
  return chunks;
}

/** sigs.k8s.io/yaml's string form of a non-string map key. */
function keyString(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number' || typeof key === 'boolean') return String(key);
  if (key === null) return 'null';
  return JSON.stringify(key);
}

function checkNumber(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const text = Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
    throw new ConversionError(`json: unsupported value: ${text}`);
  }
  return value;
}

/** The JSON value of a node as go-yaml v2 and sigs.k8s.io/yaml produce it. */
function toJson(node: unknown, doc: Document, depth = 0): unknown {
  if (depth > 100) throw new ConversionError('yaml: document contains excessive aliasing');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return toJson(node.resolve(doc), doc, depth + 1);
  if (isScalar(node)) {
    const text = String(node.value ?? '');
    if (node.tag === 'tag:yaml.org,2002:str' || node.tag === 'tag:yaml.org,2002:binary' || node.type !== 'PLAIN')
      return text;
    return checkNumber(resolvePlainScalar(text));
  }
  if (isSeq(node)) return node.items.map((item) => toJson(item, doc, depth + 1));
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key =
        isScalar(pair.key) && pair.key.type === 'PLAIN' && pair.key.value === '<<'
          ? '<<'
          : keyString(toJson(pair.key, doc, depth + 1));
      const value = toJson(pair.value, doc, depth + 1);
      if (key === '<<') {
        // A merge key copies the entries of a map (or of each map in a list) in place, go-yaml v2 style.
        for (const merged of Array.isArray(value) ? value : [value]) {
          if (typeof merged !== 'object' || merged === null || Array.isArray(merged)) {
            throw new ConversionError('yaml: map merge requires map or sequence of maps as the value');
          }
          Object.assign(result, merged);
        }
        continue;
      }
      result[key] = value;
    }
    return result;
  }
  return null;
}

function rangeOf(node: Node, lines: LineCounter, base: number): SourceRange | undefined {
  const range = node.range;
  if (!range) return undefined;
  const start = lines.linePos(base + range[0]);
  const end = lines.linePos(base + range[1]);
  return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

/** The node at a JSON path (aliases followed; the last of duplicate keys wins). */
function nodeAt(
  root: unknown,
  doc: Document,
  path: readonly (string | number)[],
): { node: Node; key?: Node } | undefined {
  let current: unknown = root;
  let key: Node | undefined;
  for (const step of path) {
    if (isAlias(current)) current = current.resolve(doc);
    if (typeof step === 'number' && isSeq(current)) {
      current = current.items[step];
      key = undefined;
    } else if (isMap(current)) {
      const pair = [...current.items]
        .reverse()
        .find((p) => isPair(p) && keyString(toJson(p.key, doc)) === String(step));
      if (!pair) return undefined;
      current = pair.value;
      key = pair.key as Node;
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  if (current === null) return key ? { node: key } : undefined;
  return { node: current as Node, ...(key ? { key } : {}) };
}

function makeLocator(root: unknown, doc: Document, lines: LineCounter, base: number): ManifestDocument['locate'] {
  return (path) => {
    const found = nodeAt(root, doc, path);
    return found ? rangeOf(found.node, lines, base) : undefined;
  };
}

function manifestError(
  detail: string,
  source: string | undefined,
  lines: LineCounter,
  offset: number,
  document: number,
): ManifestError {
  const position = lines.linePos(offset);
  return {
    message: source === undefined ? detail : `error parsing ${source}: ${detail}`,
    line: position.line,
    column: position.col,
    document,
  };
}

function isListKind(value: unknown): value is { kind: string; items: unknown[] } {
  const object = value as { kind?: unknown; items?: unknown } | null;
  return (
    typeof object === 'object' &&
    object !== null &&
    typeof object.kind === 'string' &&
    object.kind.endsWith('List') &&
    Array.isArray(object.items)
  );
}

/** The first eemeli error that would also stop go-yaml (anything but warnings). */
function firstError(errors: readonly YAMLError[]): YAMLError | undefined {
  return errors.find((e) => e.code !== 'DUPLICATE_KEY');
}

/**
 * Parses a manifest stream. Documents before the first syntax error are returned (kubectl has already acted on
 * them by then); the error is returned in kubectl's words with the position eemeli/yaml found.
 */
export function parseManifests(
  text: string,
  options: ParseManifestsOptions = {},
): { documents: ManifestDocument[]; errors: ManifestError[] } {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  const documents: ManifestDocument[] = [];
  const chunks = splitChunks(text);
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    const tab = findRejectedTab(chunk.text);
    const composer = new Composer({ uniqueKeys: false, schema: 'failsafe' });
    const docs = [...composer.compose(new Parser().parse(chunk.text), true)];
    const syntax = docs.map((d) => firstError(d.errors)).find((e) => e !== undefined);
    const problem = syntax ? goYamlErrorFor(chunk.text, syntax) : undefined;
    const failure = tab && (!problem || tab.offset <= problem.offset) ? tab : problem;
    if (failure) {
      const offset = chunk.start + (failure === problem && syntax ? syntax.pos[0] : failure.offset);
      return {
        documents,
        errors: [
          manifestError(`error converting YAML to JSON: yaml: ${failure.message}`, options.source, lines, offset, c),
        ],
      };
    }
    for (const doc of docs) {
      let value: unknown;
      try {
        value = toJson(doc.contents, doc);
      } catch (e) {
        if (!(e instanceof ConversionError)) throw e;
        return {
          documents,
          errors: [manifestError(`error converting YAML to JSON: ${e.message}`, options.source, lines, chunk.start, c)],
        };
      }
      if (value === null) continue;
      const locate = makeLocator(doc.contents, doc, lines, chunk.start);
      const startLine = lines.linePos(chunk.start + (doc.contents?.range?.[0] ?? 0)).line;
      if (isListKind(value)) {
        value.items.forEach((item, i) => {
          documents.push({
            object: item,
            index: documents.length,
            startLine,
            locate: (path) => locate(['items', i, ...path]),
          });
        });
      } else {
        documents.push({ object: value, index: documents.length, startLine, locate });
      }
    }
  }
  return { documents, errors: [] };
}
