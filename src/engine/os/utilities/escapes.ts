/** Backslash escapes as `echo -e`, printf's `%b` and printf formats expand them (busybox libbb/process_escape_sequence.c). */

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** Quotes a printf format may escape; `echo -e` and `%b` keep the backslash. */
const QUOTE_ESCAPES: Record<string, string> = { '"': '"', "'": "'" };

/**
 * Expands backslash escapes. `echo` mode (echo -e, %b) reads octal as `\0nnn` and honours `\c` (stop all output);
 * `format` mode (a printf format) reads octal as `\nnn`. Unknown escapes stay as written.
 */
export function processEscapes(text: string, mode: 'echo' | 'format'): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char !== '\\' || i + 1 >= text.length) {
      out += char;
      continue;
    }
    const next = text.charAt(i + 1);
    if (next === 'c' && mode === 'echo') return { text: out, stop: true };
    const simple = SIMPLE_ESCAPES[next] ?? (mode === 'format' ? QUOTE_ESCAPES[next] : undefined);
    if (simple !== undefined) {
      out += simple;
      i++;
      continue;
    }
    const hex = next === 'x' ? /^[0-9A-Fa-f]{1,2}/.exec(text.slice(i + 2)) : null;
    if (hex) {
      out += String.fromCharCode(parseInt(hex[0], 16));
      i += 1 + hex[0].length;
      continue;
    }
    const octalStart = mode === 'echo' ? i + 2 : i + 1;
    const octal = mode === 'echo' && next !== '0' ? null : /^[0-7]{0,3}/.exec(text.slice(octalStart));
    if (octal && (mode === 'echo' || octal[0] !== '')) {
      out += String.fromCharCode(parseInt(octal[0] || '0', 8) & 0xff);
      i = octalStart + octal[0].length - 1;
      continue;
    }
    out += char;
  }
  return { text: out, stop: false };
}
