// How Go prints the decoded JSON values kubectl works on: fmt's %v (fmt/print.go, strconv 'g' formatting) and
// encoding/json's Marshal/MarshalIndent (sorted map keys, HTML-safe string escapes).

/** A float64 constant that happens to hold an integer value (JS cannot tell 2.0 from 2). */
export class GoFloat {
  constructor(readonly value: number) {}
}

/** A byte of a Go string, as the JSONPath wildcard yields when it walks a string. */
export class GoByte {
  constructor(readonly value: number) {}
}

/** Decoded JSON integers are int64 in unstructured objects; everything else numeric is float64. */
export function isGoInt(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) < 2 ** 63;
}

/** strconv.FormatFloat(f, 'g', -1, 64): shortest digits, exponent form below 1e-4 or from 1e+06 on. */
function formatFloat(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/** A decoded JSON object (not an array, nor one of the Go value wrappers). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof GoFloat) &&
    !(value instanceof GoByte)
  );
}

function sortedKeys(map: Record<string, unknown>): string[] {
  return Object.keys(map)
    .filter((k) => map[k] !== undefined)
    .sort();
}

/** fmt.Sprint of a decoded JSON value: `map[a:1 b:[x y]]`, `<nil>` for null, Go float formatting. */
export function formatGoValue(value: unknown): string {
  if (value === undefined) return '<no value>';
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return isGoInt(value) ? BigInt(value).toString() : formatFloat(value);
  if (value instanceof GoFloat) return formatFloat(value.value);
  if (value instanceof GoByte) return String(value.value);
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`;
  if (isRecord(value))
    return `map[${sortedKeys(value)
      .map((k) => `${k}:${formatGoValue(value[k])}`)
      .join(' ')}]`;
  return String(value);
}

const JSON_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

function quoteJson(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const escape = JSON_ESCAPES[ch];
    if (escape !== undefined) out += escape;
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

function jsonNumber(value: number): string {
  if (isGoInt(value)) return BigInt(value).toString();
  return String(value);
}

/**
 * encoding/json Marshal of a decoded JSON value (`indent` set: MarshalIndent with that indent): map keys
 * sorted, `<`, `>`, `&` escaped as \u003c etc.
 */
export function marshalGoJson(value: unknown, indent?: string, depth = 0): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return quoteJson(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return jsonNumber(value);
  if (value instanceof GoFloat || value instanceof GoByte) return jsonNumber(value.value);
  const open = (items: string[], left: string, right: string): string => {
    if (items.length === 0) return `${left}${right}`;
    if (indent === undefined) return `${left}${items.join(',')}${right}`;
    const inner = `\n${indent.repeat(depth + 1)}`;
    return `${left}${inner}${items.join(`,${inner}`)}\n${indent.repeat(depth)}${right}`;
  };
  if (Array.isArray(value))
    return open(
      value.map((v) => marshalGoJson(v, indent, depth + 1)),
      '[',
      ']',
    );
  if (isRecord(value)) {
    const colon = indent === undefined ? ':' : ': ';
    return open(
      sortedKeys(value).map((k) => `${quoteJson(k)}${colon}${marshalGoJson(value[k], indent, depth + 1)}`),
      '{',
      '}',
    );
  }
  return 'null';
}
