/**
 * Splits a command line into words the way bash hands argv to a program: blanks separate words, single quotes keep
 * everything literal, double quotes keep blanks and honour `\"`, `\\`, `\$`, `` \` `` and line continuations, a
 * backslash outside quotes escapes the next character, and `#` at the start of a word begins a comment.
 * Expansions (`$VAR`, globs) are not performed.
 */
export function splitCommandLine(line: string): string[] | { error: string } {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
      continue;
    }
    if (c === '#' && !inWord) break;
    inWord = true;
    if (c === '\\') {
      // bash: backslash-newline is a line continuation, not a character.
      if (line.charAt(i + 1) === '\n') {
        i += 2;
        if (word === '') inWord = false;
        continue;
      }
      if (i + 1 < line.length) word += line.charAt(i + 1);
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { error: "unexpected EOF while looking for matching `''" };
      word += line.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const d = line.charAt(i);
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < line.length) {
          const next = line.charAt(i + 1);
          // bash: inside double quotes a backslash only escapes these characters.
          if (next === '"' || next === '\\' || next === '$' || next === '`') word += next;
          else if (next !== '\n') word += d + next;
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      if (!closed) return { error: 'unexpected EOF while looking for matching `"\'' };
      continue;
    }
    word += c;
    i++;
  }
  if (inWord) words.push(word);
  return words;
}
