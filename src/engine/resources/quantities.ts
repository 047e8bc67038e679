/** Resource quantities as numbers for scheduling arithmetic (exact parsing lives in api/quantity). */
import { parseQuantity, quantityToMilli as milliOf } from '../api/quantity/quantity';

const cache = new Map<string, number>();

/**
 * Milli-units of a quantity as written in a spec (`500m` → 500, `1` → 1000, `128Mi` → 134217728000). Values
 * reached this far have passed validation; anything unparsable counts as 0. Results are memoised because the
 * scheduler and kubelet read the same few strings constantly.
 */
export function quantityToMilli(value: string | number): number {
  const text = String(value);
  let milli = cache.get(text);
  if (milli === undefined) {
    const parsed = parseQuantity(text);
    milli = parsed.ok ? milliOf(parsed.value) : 0;
    if (cache.size > 10_000) cache.clear();
    cache.set(text, milli);
  }
  return milli;
}
