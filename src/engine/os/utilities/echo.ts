import type { Utility } from '../types';

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/**
 * Expands backslash escapes as `echo -e` does (busybox: coreutils/echo.c). Returns the text and whether `\c`
 * asked to stop output there.
 */
export function expandEchoEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char !== '\\' || i + 1 >= text.length) {
      out += char;
      continue;
    }
    const next = text.charAt(i + 1);
    if (next === 'c') return { text: out, stop: true };
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (next === '0') {
      const digits = /^[0-7]{0,3}/.exec(text.slice(i + 2))?.[0] ?? '';
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i += 1 + digits.length;
    } else if (next === 'x' && /^[0-9a-fA-F]/.test(text.slice(i + 2))) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 2))?.[0] ?? '';
      out += String.fromCharCode(parseInt(digits, 16));
      i += 1 + digits.length;
    } else {
      out += char;
    }
  }
  return { text: out, stop: false };
}

/**
 * `echo [-neE] ARG...`: an argument counts as options only if every letter is n, e or E (so `echo -x` prints -x).
 */
export const echo: Utility = (argv, io) => {
  let newline = true;
  let escapes = false;
  let index = 1;
  for (; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (!/^-[neE]+$/.test(arg)) break;
    for (const letter of arg.slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
  }
  const joined = argv.slice(index).join(' ');
  if (!escapes) {
    io.stdout(newline ? `${joined}\n` : joined);
    return 0;
  }
  const { text, stop } = expandEchoEscapes(joined);
  io.stdout(newline && !stop ? `${text}\n` : text);
  return 0;
};
