/**
 * What an unquoted YAML scalar means to kubectl, which reads manifests with go-yaml v2 (YAML 1.1 rules) through
 * sigs.k8s.io/yaml (go-yaml v2: resolve.go): `yes`/`on`/`y` are booleans, `0777` is octal, `1_000` an int, and
 * timestamps stay strings.
 */

const BOOLEANS: Record<string, boolean> = {};
for (const word of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLEANS[word] = true;
for (const word of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLEANS[word] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
};
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/** strconv.ParseInt(s, 0, 64) (then ParseUint): base prefixes 0x, 0o, 0b and a leading 0 for octal. */
function parseGoInt(text: string): number | undefined {
  const match = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  const digits = match[2]!;
  let value: number;
  if (/^0[xX]/.test(digits)) value = parseInt(digits.slice(2), 16);
  else if (/^0[oO]/.test(digits)) value = parseInt(digits.slice(2), 8);
  else if (/^0[bB]/.test(digits)) value = parseInt(digits.slice(2), 2);
  else if (digits.length > 1 && digits.startsWith('0')) value = parseInt(digits.slice(1), 8);
  else value = parseInt(digits, 10);
  return sign * value;
}

/** The JSON value of a plain (unquoted, untagged) scalar. */
export function resolvePlainScalar(text: string): string | number | boolean | null {
  if (NULLS.has(text)) return null;
  const first = text[0] ?? '';
  if ('yYnNtTfFoO'.includes(first)) return BOOLEANS[text] ?? text;
  if (first === '.' || first === '+' || first === '-') {
    const special = SPECIAL_FLOATS[text];
    if (special !== undefined) return special;
  }
  if (first === '.') {
    const value = Number(text);
    return /^\.[0-9]/.test(text) && !Number.isNaN(value) ? value : text;
  }
  if (!/[0-9+-]/.test(first)) return text;
  // A date or timestamp would resolve to time.Time, which decoding into interface{} keeps as the string.
  if (/^[0-9]{4}-/.test(text)) return text;
  const plain = text.replace(/_/g, '');
  const int = parseGoInt(plain);
  if (int !== undefined) return int;
  if (YAML_FLOAT.test(plain)) return Number(plain);
  return text;
}
