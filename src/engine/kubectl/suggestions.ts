/** cobra's "Did you mean this?" suggestions (`spf13/cobra/command.go:SuggestionsFor`, `ld`). */

/** Levenshtein distance, ignoring case as cobra does. */
function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = row;
  }
  return prev[t.length] as number;
}

const MINIMUM_DISTANCE = 2;

/** Command names to suggest for a mistyped one, in the order the commands are listed. */
export function suggestionsFor(typed: string, commands: readonly { name: string; suggestFor?: string[] }[]): string[] {
  const found: string[] = [];
  for (const cmd of commands) {
    const close = levenshtein(typed, cmd.name) <= MINIMUM_DISTANCE;
    const prefix = cmd.name.toLowerCase().startsWith(typed.toLowerCase());
    const listed = (cmd.suggestFor ?? []).some((s) => s.toLowerCase() === typed.toLowerCase());
    if ((close || prefix || listed) && !found.includes(cmd.name)) found.push(cmd.name);
  }
  return found;
}

/** The text cobra appends to `unknown command` errors. */
export function formatSuggestions(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  return `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
}
