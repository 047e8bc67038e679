/**
 * Shell pattern matching (`case`, `[[ == ]]`, `${x#pattern}`, pathname expansion). A pattern is text in which
 * quoted characters are escaped with a backslash, so `"*"` and `\*` match a literal star.
 */

const CHAR_CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
};

const escapeRegex = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');

/** Escape text so a pattern matches it literally. */
export function escapePattern(s: string): string {
  return s.replace(/[\\*?[\]]/g, '\\$&');
}

/** Does the pattern contain an unescaped `*`, `?` or `[`? */
export function hasGlobChars(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Remove the escaping backslashes of a pattern that has no special characters. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\(.)/gs, '$1');
}

/** A bracket expression starting at `start` (`[`), as a regex class and the index of its `]`. */
function parseBracket(pattern: string, start: number): { re: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  while (i < pattern.length) {
    const c = pattern[i] ?? '';
    if (c === ']' && !first)
      return { re: body ? `[${negate ? '^' : ''}${body}]` : negate ? '[\\s\\S]' : '[^\\s\\S]', end: i };
    first = false;
    if (c === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const cls = close > 0 ? CHAR_CLASSES[pattern.slice(i + 2, close)] : undefined;
      if (cls !== undefined) {
        body += cls;
        i = close + 2;
        continue;
      }
    }
    let ch = c;
    if (c === '\\' && i + 1 < pattern.length) ch = pattern[++i] ?? '';
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      let hi = pattern[i + 2] ?? '';
      let skip = 2;
      if (hi === '\\' && pattern[i + 3] !== undefined) {
        hi = pattern[i + 3] ?? '';
        skip = 3;
      }
      body += `${escapeRegex(ch)}-${escapeRegex(hi)}`;
      i += skip + 1;
      continue;
    }
    body += escapeRegex(ch);
    i++;
  }
  return undefined;
}

/**
 * The regular-expression source for a pattern. With `pathname`, wildcards do not match `/` (one path segment).
 */
export function patternToRegexSource(pattern: string, pathname = false): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      out += escapeRegex(pattern[i + 1] ?? '\\');
      i++;
    } else if (c === '*') {
      out += pathname ? '[^/]*' : '[\\s\\S]*';
    } else if (c === '?') {
      out += pathname ? '[^/]' : '[\\s\\S]';
    } else if (c === '[') {
      const bracket = parseBracket(pattern, i);
      if (bracket) {
        out += bracket.re;
        i = bracket.end;
      } else {
        out += '\\[';
      }
    } else {
      out += escapeRegex(c);
    }
  }
  return out;
}

export function compilePattern(pattern: string, pathname = false): RegExp {
  return new RegExp(`^${patternToRegexSource(pattern, pathname)}$`);
}

/** Does the whole of `text` match the pattern? */
export function matchPattern(pattern: string, text: string): boolean {
  return compilePattern(pattern).test(text);
}

/** `${v#p}`, `${v##p}`, `${v%p}`, `${v%%p}`: remove the shortest or longest matching prefix or suffix. */
export function removeAffix(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  const re = compilePattern(pattern);
  const n = value.length;
  if (op === '#' || op === '##') {
    for (let k = 0; k <= n; k++) {
      const len = op === '#' ? k : n - k;
      if (re.test(value.slice(0, len))) return value.slice(len);
    }
  } else {
    for (let k = 0; k <= n; k++) {
      const start = op === '%' ? n - k : k;
      if (re.test(value.slice(start))) return value.slice(0, start);
    }
  }
  return value;
}

/** bash's `${v/p/r}` (first), `${v//p/r}` (all), `${v/#p/r}` (prefix), `${v/%p/r}` (suffix); longest match wins. */
export function replacePattern(
  value: string,
  pattern: string,
  replacement: string,
  op: '/' | '//' | '/#' | '/%',
): string {
  if (pattern === '') return value;
  const re = compilePattern(pattern);
  const n = value.length;
  if (op === '/#') {
    for (let end = n; end >= 0; end--) if (re.test(value.slice(0, end))) return replacement + value.slice(end);
    return value;
  }
  if (op === '/%') {
    for (let start = 0; start <= n; start++)
      if (re.test(value.slice(start))) return value.slice(0, start) + replacement;
    return value;
  }
  let out = '';
  let i = 0;
  while (i <= n) {
    let matched = -1;
    for (let end = n; end > i; end--) {
      if (re.test(value.slice(i, end))) {
        matched = end;
        break;
      }
    }
    if (matched < 0) {
      out += value[i] ?? '';
      i++;
      continue;
    }
    out += replacement;
    i = matched;
    if (op === '/') return out + value.slice(i);
  }
  return out;
}
