/** Characters of the POSIX bracket classes, in JS character-class syntax. */
const BRACKET_CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~',
  graph: '!-~',
};

/** Translates a bracket expression starting at `start` (the `[`); returns the JS text and the index after `]`. */
function translateBracket(pattern: string, start: number): { text: string; end: number } | undefined {
  let i = start + 1;
  let out = '[';
  if (pattern.charAt(i) === '^') {
    out += '^';
    i++;
  }
  let first = true;
  while (i < pattern.length) {
    const char = pattern.charAt(i);
    if (char === ']' && !first) return { text: `${out}]`, end: i + 1 };
    first = false;
    if (char === '[' && pattern.charAt(i + 1) === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const chars = close > 0 ? BRACKET_CLASSES[pattern.slice(i + 2, close)] : undefined;
      if (chars !== undefined) {
        out += chars;
        i = close + 2;
        continue;
      }
    }
    // Inside POSIX brackets a backslash is an ordinary character; JS needs these escaped.
    out += char === '\\' || char === ']' || char === '[' ? `\\${char}` : char;
    i++;
  }
  return undefined;
}

/**
 * Translates a POSIX basic (grep, sed, expr) or extended (grep -E, sed -E) regular expression into JS syntax:
 * in a BRE, `\( \) \{ \} \| \+ \?` are the operators and the bare characters are literals; bracket expressions
 * and their `[:class:]` names are rewritten; GNU's `\< \>` become word boundaries. Returns undefined when the
 * pattern is malformed (unbalanced brackets).
 */
export function translatePosixRegex(pattern: string, extended: boolean): string | undefined {
  let out = '';
  // Whether something precedes that `*` could repeat: a leading `*` (or one after `^` or a group opening) is literal.
  let atomBefore = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '[') {
      const bracket = translateBracket(pattern, i);
      if (!bracket) return undefined;
      out += bracket.text;
      i = bracket.end - 1;
      atomBefore = true;
      continue;
    }
    if (char === '\\' && i + 1 < pattern.length) {
      const next = pattern.charAt(++i);
      const operator = !extended && '(){}|+?'.includes(next);
      if (next === '<' || next === '>') out += '\\b';
      else out += operator ? next : `\\${next}`;
      atomBefore = !(operator && (next === '(' || next === '|'));
      continue;
    }
    if (!extended && '(){}|+?'.includes(char)) {
      out += `\\${char}`;
      atomBefore = true;
      continue;
    }
    if (char === '*' && !atomBefore) {
      out += '\\*';
      atomBefore = true;
      continue;
    }
    out += char === '/' ? '\\/' : char;
    atomBefore = !(char === '^' && i === 0) && !(extended && (char === '(' || char === '|'));
  }
  return out;
}

/** Compiles a POSIX regular expression; undefined if it is invalid. */
export function compilePosixRegex(
  pattern: string,
  options: { extended?: boolean; ignoreCase?: boolean; global?: boolean } = {},
): RegExp | undefined {
  const source = translatePosixRegex(pattern, options.extended ?? false);
  if (source === undefined) return undefined;
  try {
    return new RegExp(source, `${options.global ? 'g' : ''}${options.ignoreCase ? 'i' : ''}`);
  } catch {
    return undefined;
  }
}
