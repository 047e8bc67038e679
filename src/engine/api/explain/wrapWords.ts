/**
 * Word wrapping as kubectl explain does it (kubectl: pkg/util/term/term_writer.go, which calls
 * github.com/mitchellh/go-wordwrap WrapString): breaks only at spaces, keeps existing line breaks and runs of
 * spaces, and never splits a word longer than the limit.
 */
export function wrapWords(text: string, limit: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of text) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + space.length <= limit) out += space;
      } else {
        out += space + word;
      }
      space = '';
      word = '';
      out += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += space.length + [...word].length;
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      const wordLength = [...word].length;
      if (current + space.length + wordLength > limit && wordLength < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}
