/**
 * Places what `kubectl apply -f -` printed on stderr back into the manifest text as editor markers: YAML syntax
 * errors where the YAML parser finds them, API errors at the field they name in the document they name, and
 * warnings that name a deprecated kind or a field.
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Pair, type YAMLMap } from 'yaml';

/** A problem to underline in the editor; Monaco's marker shape (1-based lines and columns, end exclusive). */
export interface EditorMarker {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  severity: 'error' | 'warning';
}

type Severity = EditorMarker['severity'];
type PathSegment = string | number;

/** One object kubectl sends: a document, or an item of a `*List` document (kubectl flattens those). */
interface Manifest {
  root: YAMLMap;
  kind?: string;
  apiVersion?: string;
  name?: string;
  namespace?: string;
}

/** Start and end offsets in the text. */
type Span = readonly [number, number];

class ManifestText {
  readonly lines: string[];
  private readonly lineStarts: number[] = [0];
  readonly documents: Document.Parsed[];
  readonly manifests: Manifest[] = [];
  /** The manifest the previous error was about: kubectl reports documents in order. */
  cursor = -1;

  constructor(readonly text: string) {
    this.lines = text.split('\n');
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    // kubectl reads YAML 1.1 (go-yaml v2) and keeps the last of duplicate keys.
    const parsed = parseAllDocuments(text, { version: '1.1', uniqueKeys: false });
    this.documents = Array.isArray(parsed) ? parsed : [];
    for (const document of this.documents) {
      const root = document.contents;
      if (!isMap(root)) continue;
      const kind = scalarAt(root, ['kind']);
      const items = valueAt(root, ['items']);
      if (kind?.endsWith('List') && isSeq(items)) {
        for (const item of items.items) if (isMap(item)) this.manifests.push(describe(item));
      } else {
        this.manifests.push(describe(root));
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }

  offset(line: number, column: number): number {
    return (this.lineStarts[line - 1] ?? this.text.length) + column - 1;
  }

  marker([start, end]: Span, message: string, severity: Severity = 'error'): EditorMarker {
    const from = this.position(start);
    const to = this.position(Math.max(end, start + 1));
    return {
      startLineNumber: from.line,
      startColumn: from.column,
      endLineNumber: to.line,
      endColumn: to.column,
      message,
      severity,
    };
  }

  /** From `start` to the end of its line's text. */
  lineSpan(start: number): Span {
    const { line } = this.position(start);
    const text = (this.lines[line - 1] ?? '').trimEnd();
    return [start, Math.max(this.offset(line, text.length + 1), start + 1)];
  }

  /** The manifest to blame: among `candidates`, the first after the previous error's, else the first. */
  pick(candidates: Manifest[]): Manifest | undefined {
    const index = (m: Manifest) => this.manifests.indexOf(m);
    const chosen = candidates.find((m) => index(m) > this.cursor) ?? candidates[0];
    if (chosen) this.cursor = index(chosen);
    return chosen;
  }

  firstLine(manifest: Manifest): Span {
    return this.lineSpan(manifest.root.range?.[0] ?? 0);
  }
}

function describe(root: YAMLMap): Manifest {
  return {
    root,
    kind: scalarAt(root, ['kind']),
    apiVersion: scalarAt(root, ['apiVersion']),
    name: scalarAt(root, ['metadata', 'name']),
    namespace: scalarAt(root, ['metadata', 'namespace']),
  };
}

/** The pair with `key`; the last one if the key repeats, as go-yaml keeps the last value. */
function findPair(map: YAMLMap, key: string): Pair | undefined {
  let found: Pair | undefined;
  for (const item of map.items) if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) found = item;
  return found;
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) node = isMap(node) ? findPair(node, key)?.value : undefined;
  return node;
}

function scalarAt(root: YAMLMap, path: readonly string[]): string | undefined {
  const node = valueAt(root, path);
  return isScalar(node) && node.value !== null ? String(node.value) : undefined;
}

/** What to underline for a node reached by a sequence index: a scalar or flow collection whole, else its first field. */
function nodeSpan(node: unknown): Span | undefined {
  if (isScalar(node) || ((isMap(node) || isSeq(node)) && node.flow))
    return node.range ? [node.range[0], node.range[1]] : undefined;
  if (isMap(node)) {
    const first = node.items[0];
    return first ? pairSpan(first) : undefined;
  }
  if (isSeq(node)) return nodeSpan(node.items[0]);
  return undefined;
}

/** `key: value` on one line, or the key alone when a block collection or block scalar follows. */
function pairSpan(pair: Pair): Span | undefined {
  const key = pair.key;
  if (!isScalar(key) || !key.range) return undefined;
  const value = pair.value;
  const inline =
    (isScalar(value) && value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED') ||
    ((isMap(value) || isSeq(value)) && value.flow);
  if (inline && value.range) return [key.range[0], value.range[1]];
  return [key.range[0], key.range[1]];
}

/** `spec.containers[0].resources.limits[cpu]` → ['spec', 'containers', 0, 'resources', 'limits', 'cpu']. */
function parseFieldPath(field: string): PathSegment[] {
  const path: PathSegment[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (match[1] !== undefined) path.push(match[1]);
    else path.push(/^\d+$/.test(match[2]!) ? Number(match[2]) : match[2]!);
  }
  return path;
}

/** Where a field path is written: the field (complete), else its nearest written parent, else nothing. */
function locatePath(root: YAMLMap, path: readonly PathSegment[]): { span?: Span; complete: boolean } {
  let node: unknown = root;
  let span: Span | undefined;
  for (const segment of path) {
    let next: unknown;
    let nextSpan: Span | undefined;
    if (isMap(node)) {
      const pair = findPair(node, String(segment));
      next = pair?.value;
      nextSpan = pair ? pairSpan(pair) : undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      nextSpan = nodeSpan(next);
    }
    if (!nextSpan) return { span, complete: false };
    node = next;
    span = nextSpan;
  }
  return { span, complete: true };
}

/** JSON's name for a YAML value's type, as Go's encoding/json prints it in `cannot unmarshal X`. */
function jsonKind(node: unknown): string {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  if (!isScalar(node) || node.value === null) return 'null';
  if (typeof node.value === 'number' || typeof node.value === 'bigint') return 'number';
  if (typeof node.value === 'boolean') return 'bool';
  return 'string';
}

/**
 * Every place a Go struct field path without indices (`spec.containers.ports.containerPort`) is written, through
 * every list item; with `kind`, only values of that JSON kind (looking into a map or list whose elements are wrong).
 */
function findFieldValues(root: YAMLMap, names: readonly string[], kind?: string): Span[] {
  const found: { span: Span; value: unknown }[] = [];
  const walk = (node: unknown, i: number, span: Span | undefined) => {
    if (i === names.length) {
      found.push({ span: span!, value: node });
      if (kind && kind !== 'object' && isMap(node))
        for (const pair of node.items) walk(pair.value, i, pairSpan(pair) ?? span);
      if (kind && kind !== 'array' && isSeq(node)) for (const item of node.items) walk(item, i, nodeSpan(item) ?? span);
      return;
    }
    if (isSeq(node)) for (const item of node.items) walk(item, i, span);
    if (!isMap(node)) return;
    const pair = findPair(node, names[i]!);
    const pairRange = pair && pairSpan(pair);
    if (pair && pairRange) walk(pair.value, i + 1, pairRange);
  };
  walk(root, 0, undefined);
  const matching = kind ? found.filter((f) => jsonKind(f.value) === kind) : found;
  return (matching.length > 0 ? matching : found).map((f) => f.span);
}

// apimachinery: pkg/api/resource/quantity.go (splitREString)
const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_MAPS = new Set(['limits', 'requests', 'hard', 'capacity', 'allocatable', 'default', 'defaultRequest']);

/** Values of resource maps (`limits`, `requests`, …) that are not quantities. */
function findBadQuantities(root: YAMLMap): Span[] {
  const spans: Span[] = [];
  const walk = (node: unknown, parentKey: string | undefined) => {
    if (isSeq(node)) for (const item of node.items) walk(item, undefined);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const quantity =
        (parentKey !== undefined && QUANTITY_MAPS.has(parentKey)) || key === 'storage' || key === 'sizeLimit';
      if (quantity && isScalar(pair.value) && !QUANTITY.test(String(pair.value.value))) {
        const span = pairSpan(pair);
        if (span) spans.push(span);
      }
      walk(pair.value, key);
    }
  };
  walk(root, undefined);
  return spans;
}

// apimachinery: pkg/util/validation/field/errors.go (ErrorType strings)
const FIELD_ERROR =
  /^(Not found|Required value|Duplicate value|Invalid value|Unsupported value|Forbidden|Too long|Too many|Internal error)/;

/** `[a: Invalid value: …, b: Required value]`: an aggregate's items, split where the next field error starts. */
function splitAggregate(text: string): string[] {
  const inner = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const parts: string[] = [];
  let start = 0;
  for (const match of inner.matchAll(/, (?=[^\s:,]+: )/g)) {
    const rest = inner.slice(match.index + 2);
    const colon = rest.indexOf(': ');
    if (!FIELD_ERROR.test(rest.slice(colon + 2))) continue;
    parts.push(inner.slice(start, match.index));
    start = match.index + 2;
  }
  parts.push(inner.slice(start));
  return parts;
}

/** Markers for one field of one manifest: the field, else its nearest parent, else the document's first line. */
function fieldMarker(
  doc: ManifestText,
  manifest: Manifest,
  path: readonly PathSegment[],
  message: string,
  severity: Severity = 'error',
): EditorMarker {
  const { span } = locatePath(manifest.root, path);
  return doc.marker(span ?? doc.firstLine(manifest), message, severity);
}

/** The manifest that holds `path` completely, preferring the next one in order; else any candidate. */
function pickHolding(doc: ManifestText, candidates: Manifest[], path: readonly PathSegment[]): Manifest | undefined {
  const holding = candidates.filter((m) => locatePath(m.root, path).complete);
  return doc.pick(holding.length > 0 ? holding : candidates);
}

/** go-yaml stops at the first syntax error: mark where eemeli/yaml finds it (with its clearer words). */
function yamlMarkers(doc: ManifestText, entry: string): EditorMarker[] {
  const error = doc.documents.flatMap((d) => d.errors)[0];
  if (error) {
    let start = error.pos[0];
    let { line } = doc.position(start);
    // An error at the end of the stream (an unclosed `[`) belongs to the last written line.
    while (line > 1 && (doc.lines[line - 1] ?? '').trim() === '') line--;
    if (doc.position(start).line !== line) start = doc.offset(line, 1 + doc.lines[line - 1]!.search(/\S|$/));
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return [doc.marker(doc.lineSpan(start), message)];
  }
  // go-yaml rejected what eemeli/yaml accepts (a tab it does not allow): kubectl's line counts from the `---`.
  const match = /yaml: line (\d+): (.*)$/m.exec(entry);
  if (!match) return [];
  const starts = chunkStarts(doc.lines);
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1]! - 1 : doc.lines.length;
    const index = starts[i]! + Number(match[1]) - 1;
    if (index >= end) continue;
    const start = doc.offset(index + 1, 1);
    return [doc.marker([start, start + doc.lines[index]!.length], match[2]!)];
  }
  return [];
}

/** 0-based line indices where kubectl's YAML reader starts each document (after each `---` line). */
function chunkStarts(lines: readonly string[]): number[] {
  const starts = [0];
  lines.forEach((line, i) => {
    if (/^---(\s|$)/.test(line)) starts.push(i + 1);
  });
  return starts;
}

/** `The Deployment "web" is invalid: …` and `Deployment.apps "web" is invalid: [...]` (one cause per field). */
function invalidMarkers(doc: ManifestText, entry: string): EditorMarker[] | undefined {
  const match = /(\w+)(?:\.[\w.-]+)? "([^"]*)" is invalid(?:: ?(.*))?$/m.exec(entry);
  if (!match) return undefined;
  const [, kind, name, rest = ''] = match;
  const causes = rest.trim() ? splitAggregate(rest.trim()) : [];
  for (const line of entry.split('\n')) if (line.startsWith('* ')) causes.push(line.slice(2));
  const candidates = doc.manifests.filter((m) => m.kind === kind && (m.name ?? '') === name);
  const manifest = doc.pick(candidates) ?? doc.pick(doc.manifests.filter((m) => m.kind === kind));
  if (!manifest) return fallbackMarkers(doc, entry);
  if (causes.length === 0) return [doc.marker(doc.firstLine(manifest), match[0])];
  return causes.map((cause) => {
    const field = /^([^\s:]+): /.exec(cause);
    if (!field) return doc.marker(doc.firstLine(manifest), cause);
    const path = parseFieldPath(field[1]!);
    // A bad map key (a label name) is the key written under that map.
    const key = /^[^\s:]+: Invalid value: "([^"]*)"/.exec(cause)?.[1];
    if (key !== undefined && locatePath(manifest.root, [...path, key]).complete)
      return fieldMarker(doc, manifest, [...path, key], cause);
    return fieldMarker(doc, manifest, path, cause);
  });
}

/** `Deployment in version "v1" cannot be handled as a Deployment: …`: strict decoding and type errors. */
function decodeMarkers(doc: ManifestText, entry: string): EditorMarker[] | undefined {
  const match = /(\w+) in version "([^"]+)" cannot be handled as a (\w+): (.*)$/m.exec(entry);
  if (!match) return undefined;
  const [, kind, version, , detail = ''] = match;
  // `error when applying patch:` names the object on its own line.
  const name = /^Name: "([^"]*)", Namespace: "[^"]*"$/m.exec(entry)?.[1];
  const candidates = doc.manifests.filter(
    (m) => m.kind === kind && m.apiVersion?.split('/').pop() === version && (name === undefined || m.name === name),
  );
  const strict = /^strict decoding error: (.*)$/.exec(detail);
  if (strict) {
    const unknown = [...strict[1]!.matchAll(/unknown field "([^"]+)"/g)];
    const manifest = pickHolding(doc, candidates, parseFieldPath(unknown[0]?.[1] ?? ''));
    if (!manifest) return fallbackMarkers(doc, entry);
    if (unknown.length === 0) return [doc.marker(doc.firstLine(manifest), detail)];
    return unknown.map((m) => fieldMarker(doc, manifest, parseFieldPath(m[1]!), m[0]));
  }
  const unmarshal = /^json: cannot unmarshal (\w+)(?: \S+)? into Go struct field \w+\.(\S+) of type .+$/.exec(detail);
  if (unmarshal) {
    const names = unmarshal[2]!.split('.');
    const withValue = candidates.filter((m) => findFieldValues(m.root, names).length > 0);
    const manifest = doc.pick(withValue.length > 0 ? withValue : candidates);
    if (!manifest) return fallbackMarkers(doc, entry);
    const span = findFieldValues(manifest.root, names, unmarshal[1])[0];
    return [doc.marker(span ?? doc.firstLine(manifest), detail)];
  }
  const manifest = doc.pick(candidates);
  if (!manifest) return fallbackMarkers(doc, entry);
  if (detail.startsWith('quantities must match')) {
    const spans = findBadQuantities(manifest.root);
    if (spans.length > 0) return spans.map((span) => doc.marker(span, detail));
  }
  return [doc.marker(doc.firstLine(manifest), detail)];
}

/**
 * kubectl's client-side schema check (`--validate` against an API server without field validation):
 * `error validating data: [ValidationError(Deployment.spec): unknown field "foo" in io.k8s.api.apps.v1.DeploymentSpec, …]`.
 */
function validationMarkers(doc: ManifestText, entry: string): EditorMarker[] | undefined {
  const data = /error validating data: (.*)$/m.exec(entry)?.[1];
  if (data === undefined) return undefined;
  const missing = /^(kind|apiVersion) not set/.exec(data);
  if (missing) return missingMarkers(doc, missing[1] === 'kind' ? 'kind' : 'apiVersion', entry);
  const markers: EditorMarker[] = [];
  for (const item of data.matchAll(/ValidationError\(([^)]*)\): (.*?)(?=, ValidationError\(|\]; |\]$|$)/g)) {
    const [kind, ...rest] = parseFieldPath(item[1]!);
    const message = item[2]!;
    const child = /^(?:unknown field|missing required field) "([^"]+)"/.exec(message)?.[1];
    const path = child === undefined ? rest : [...rest, child];
    const manifest = pickHolding(
      doc,
      doc.manifests.filter((m) => m.kind === kind),
      path,
    );
    if (manifest) markers.push(fieldMarker(doc, manifest, path, message));
  }
  return markers.length > 0 ? markers : fallbackMarkers(doc, entry);
}

/** A document without `kind` or `apiVersion`: its first line. */
function missingMarkers(doc: ManifestText, field: 'kind' | 'apiVersion', entry: string): EditorMarker[] {
  const manifest = doc.pick(doc.manifests.filter((m) => m[field] === undefined));
  return manifest ? [doc.marker(doc.firstLine(manifest), message(entry))] : fallbackMarkers(doc, entry);
}

/** The namespace field of the manifest that names `namespace`. */
function namespaceMarkers(doc: ManifestText, namespace: string, entry: string): EditorMarker[] {
  const manifest = doc.pick(doc.manifests.filter((m) => m.namespace === namespace));
  return manifest
    ? [fieldMarker(doc, manifest, ['metadata', 'namespace'], message(entry))]
    : fallbackMarkers(doc, entry);
}

/** `Kind` → its resource as the API server names it (apimachinery: meta.UnsafeGuessKindToResource). */
function guessResource(kind: string): string {
  const lower = kind.toLowerCase();
  if (lower === 'endpoints') return lower;
  if (lower.endsWith('s')) return `${lower}es`;
  if (lower.endsWith('y')) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

function objectMarkers(doc: ManifestText, entry: string): EditorMarker[] | undefined {
  const noMatch = /no matches for kind "([^"]+)" in version "([^"]*)"/.exec(entry);
  if (noMatch) {
    const manifest = doc.pick(doc.manifests.filter((m) => m.kind === noMatch[1] && m.apiVersion === noMatch[2]));
    if (!manifest) return fallbackMarkers(doc, entry);
    return [
      fieldMarker(doc, manifest, ['apiVersion'], message(entry)),
      fieldMarker(doc, manifest, ['kind'], message(entry)),
    ];
  }
  const missing = /Object '(Kind|apiVersion)' is missing in/.exec(entry);
  if (missing) return missingMarkers(doc, missing[1] === 'Kind' ? 'kind' : 'apiVersion', entry);
  if (/cannot unmarshal \w+ into Go value of type map\[string\]interface/.test(entry)) {
    const document = doc.documents.find((d) => d.contents !== null && !isMap(d.contents));
    const start = document?.contents?.range[0];
    return start === undefined ? fallbackMarkers(doc, entry) : [doc.marker(doc.lineSpan(start), message(entry))];
  }
  const namespace =
    /namespaces "([^"]+)" not found/.exec(entry) ?? /the namespace from the provided object "([^"]+)"/.exec(entry);
  if (namespace) return namespaceMarkers(doc, namespace[1]!, entry);
  const named = /\b([a-z][a-z0-9]*)(?:\.[\w.-]+)? "([^"]+)" (?:is forbidden|already exists|not found)/.exec(entry);
  if (named) {
    const manifest = doc.pick(
      doc.manifests.filter((m) => m.kind && guessResource(m.kind) === named[1] && m.name === named[2]),
    );
    if (manifest) return [doc.marker(doc.firstLine(manifest), message(entry))];
  }
  return undefined;
}

function warningMarkers(doc: ManifestText, entry: string): EditorMarker[] {
  const text = entry.slice('Warning: '.length);
  const deprecated = /^(\S+) (\w+) is deprecated/.exec(text);
  if (deprecated) {
    return doc.manifests
      .filter((m) => m.apiVersion === deprecated[1] && m.kind === deprecated[2])
      .map((m) => fieldMarker(doc, m, ['kind'], text, 'warning'));
  }
  const field = /^([\w.[\]/-]+): /.exec(text);
  if (!field) return [];
  const path = parseFieldPath(field[1]!);
  const manifest = doc.manifests.find((m) => locatePath(m.root, path).complete);
  return manifest ? [fieldMarker(doc, manifest, path, text, 'warning')] : [];
}

/** An error we cannot place more precisely: the first line of the next document kubectl would have sent. */
function fallbackMarkers(doc: ManifestText, entry: string): EditorMarker[] {
  const manifest = doc.manifests[doc.cursor + 1] ?? doc.manifests[0];
  if (manifest) {
    doc.cursor = doc.manifests.indexOf(manifest);
    return [doc.marker(doc.firstLine(manifest), message(entry))];
  }
  return doc.text.trim() === '' ? [] : [doc.marker(doc.lineSpan(0), message(entry))];
}

/** An entry as the learner reads it at the field, without kubectl's prefixes (`error: `, `Error from server`). */
function message(entry: string): string {
  return entry
    .replace(/^error: /, '')
    .replace(/^Error from server \(\w+\): /, '')
    .replace(/^error when \w+ "[^"]*": /, '');
}

// The lines that start a new message in kubectl's stderr (cmdutil.CheckErr, the warning handler).
const ENTRY_START = /^(?:error: |error |Error from server|The |Warning: )/;

/** kubectl's stderr cut into messages: each starts at a known prefix and takes the lines that follow it. */
function splitEntries(stderr: string): string[] {
  const entries: string[] = [];
  for (const line of stderr.split('\n')) {
    if (line.trim() === '') continue;
    if (entries.length === 0 || ENTRY_START.test(line)) entries.push(line);
    else entries[entries.length - 1] += `\n${line}`;
  }
  return entries;
}

/**
 * Markers for the errors and warnings `kubectl apply -f -` printed (`stderr`) for the manifest `text`: YAML syntax
 * errors at the positions the YAML parser finds; API errors in the document with the named kind and name, at the
 * named field (or its nearest written parent, or the document's first line); deprecation and field warnings.
 */
export function locateApplyErrors(text: string, stderr: string): EditorMarker[] {
  const doc = new ManifestText(text);
  const markers: EditorMarker[] = [];
  let yamlReported = false;
  for (const entry of splitEntries(stderr)) {
    if (entry.startsWith('Warning: ')) {
      markers.push(...warningMarkers(doc, entry));
    } else if (/error converting YAML to JSON|yaml: line \d+:/.test(entry)) {
      if (!yamlReported) markers.push(...yamlMarkers(doc, entry));
      yamlReported = true;
    } else {
      markers.push(
        ...(invalidMarkers(doc, entry) ??
          decodeMarkers(doc, entry) ??
          validationMarkers(doc, entry) ??
          objectMarkers(doc, entry) ??
          fallbackMarkers(doc, entry)),
      );
    }
  }
  return dedupe(markers);
}

function dedupe(markers: EditorMarker[]): EditorMarker[] {
  const seen = new Set<string>();
  return markers.filter((m) => {
    const key = JSON.stringify(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
