/** What Tab does with the engine's completion: one choice is filled in, several fill their common prefix. */
import type { Completion } from '../../worker/protocol';

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

export function applyCompletion(line: string, completion: Completion): { text: string; choices: string[] } {
  const { from, candidates } = completion;
  if (candidates.length === 0) return { text: line, choices: [] };
  const head = line.slice(0, from);
  if (candidates.length === 1) {
    const word = candidates[0]!;
    return { text: `${head}${word}${word.endsWith('/') || word.endsWith('=') ? '' : ' '}`, choices: [] };
  }
  const prefix = commonPrefix(candidates);
  const typed = line.slice(from);
  return { text: prefix.length > typed.length ? head + prefix : line, choices: [...candidates] };
}
