/** Splitting a terminal line into the words of its last command, for completion. */

export interface LineWords {
  /** The words before the one being completed, quotes removed. */
  before: string[];
  /** The word being completed, up to the cursor (the line's end), quotes removed; '' after a space. */
  current: string;
  /** Where the word being completed starts in the line. */
  from: number;
}

/**
 * The words of the line's last command (after any `|`, `;` or `&`), as a shell splits them: blanks separate words
 * outside quotes, quotes join what they hold.
 */
export function splitLineWords(line: string): LineWords {
  let words: string[] = [];
  let word: string | undefined;
  let from = line.length;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '|' || c === ';' || c === '&') {
      if (word !== undefined) words.push(word);
      word = undefined;
      if (c !== ' ' && c !== '\t') words = [];
      continue;
    }
    if (word === undefined) {
      word = '';
      from = i;
    }
    if (c === '"' || c === "'") quote = c;
    else word += c;
  }
  if (word === undefined) return { before: words, current: '', from: line.length };
  return { before: words, current: word, from };
}
