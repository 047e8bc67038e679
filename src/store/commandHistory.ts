/** The terminal's command history, as a shell keeps it: no blank entries, no immediate repeats, bounded. */

export const HISTORY_LIMIT = 500;

export function addToHistory(history: readonly string[], command: string): string[] {
  const entry = command.trimEnd();
  if (entry.trim() === '' || history.at(-1) === entry) return [...history];
  return [...history, entry].slice(-HISTORY_LIMIT);
}

/**
 * Moves through history with ↑ (-1) and ↓ (+1) from `position` (history.length means the line being typed);
 * returns the new position and the text to show (`draft` when back at the end).
 */
export function browseHistory(
  history: readonly string[],
  position: number,
  direction: -1 | 1,
  draft: string,
): { position: number; text: string } {
  const next = Math.max(0, Math.min(history.length, position + direction));
  return { position: next, text: next === history.length ? draft : history[next]! };
}
