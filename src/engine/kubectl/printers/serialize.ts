/**
 * kubectl's `-o json` and `-o yaml` renderings of an object: keys sorted (objects are unstructured maps in
 * kubectl), JSON indented by 4 spaces with Go's HTML escaping, YAML in go-yaml v2 style (YAML 1.1 quoting,
 * sequences not indented under their key, literal blocks for multi-line strings).
 */
import { Document, isScalar, parse, visit } from 'yaml';
import { foldYamlLines } from './foldYamlLines';

/** A deep copy with object keys in sorted order, as Go marshals a map. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) sorted[key] = sortKeys(v);
    }
    return sorted;
  }
  return value;
}

// encoding/json escapes <, > and & for safe embedding in HTML.
function escapeHtml(json: string): string {
  return json.replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}

/** `json.MarshalIndent(obj, "", "    ")` + newline, as `kubectl get -o json` prints. */
export function toKubectlJson(value: unknown): string {
  return `${escapeHtml(JSON.stringify(sortKeys(value), null, 4))}\n`;
}

/** `json.Marshal` (compact, sorted keys), as kubectl encodes last-applied-configuration (newline added by the caller). */
export function toCompactJson(value: unknown): string {
  return escapeHtml(JSON.stringify(sortKeys(value)));
}

/** Whether YAML 1.1 would read the plain text as something other than a string (`true`, `1`, a timestamp). */
function resolvesAsNonString(text: string): boolean {
  try {
    const value: unknown = parse(text, { version: '1.1' });
    return (
      value === null ||
      typeof value === 'number' ||
      typeof value === 'boolean' ||
      typeof value === 'bigint' ||
      value instanceof Date
    );
  } catch {
    return false;
  }
}

/**
 * The YAML kubectl prints for an object (`sigs.k8s.io/yaml` over go-yaml v2): strings that would read back as
 * another type are double-quoted, other strings that cannot be plain are single-quoted, long ones folded past
 * column 80.
 */
export function toKubectlYaml(value: unknown): string {
  const doc = new Document(sortKeys(value), { version: '1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (
        isScalar(node) &&
        typeof node.value === 'string' &&
        !node.value.includes('\n') &&
        resolvesAsNonString(node.value)
      ) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  const unfolded = doc.toString({
    indentSeq: false,
    lineWidth: 0,
    blockQuote: 'literal',
    nullStr: 'null',
    singleQuote: true,
  });
  return foldYamlLines(unfolded);
}
