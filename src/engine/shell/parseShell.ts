import type { ParseResult } from './ast';
import { parseScript } from './parser';

/**
 * Parsed scripts by source text. Parsing is deterministic, so the cache never changes what a script does; it only
 * spares re-parsing the same container command on every step. The process state keeps source text, never trees.
 */
const cache = new Map<string, ParseResult>();
const CACHE_LIMIT = 256;

/**
 * Parse a shell script into a syntax tree, or report the first syntax error (with its line and column, worded as
 * dash words it) together with the complete commands that precede it. Results are shared: never mutate them.
 */
export function parseShell(source: string): ParseResult {
  let result = cache.get(source);
  if (!result) {
    result = parseScript(source);
    if (cache.size >= CACHE_LIMIT) {
      const oldest = cache.keys().next();
      if (!oldest.done) cache.delete(oldest.value);
    }
    cache.set(source, result);
  }
  return result;
}
