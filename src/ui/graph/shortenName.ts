/**
 * A name that fits a card: it keeps as much of the head as fits and the whole last `-` segment, the random tail
 * that tells sibling pods apart (`web-7d9f8c6b5-x2k4p` → `web-7d9…x2k4p`); the full name is in the tooltip.
 */
export function shortenName(name: string, max: number): string {
  if (name.length <= max) return name;
  const dash = name.lastIndexOf('-');
  const tail = dash > 0 ? name.slice(dash + 1) : '';
  // Keep the tail only with at least three characters of head before it.
  if (tail.length > 0 && tail.length + 4 <= max) {
    const head = name.slice(0, max - 1 - tail.length).replace(/-+$/, '');
    if (head.length >= 3) return `${head}…${tail}`;
  }
  return `${name.slice(0, max - 1)}…`;
}
