/**
 * A least-recently-used cache kept in a plain object (JSON-serializable engine state). Object keys keep insertion
 * order, so re-inserting a key on use moves it to the back and the first key is always the least recently used.
 * Mirrors github.com/golang/groupcache/lru as client-go's event correlator uses it (Get refreshes, Add evicts).
 */
export type LruCache<V> = Record<string, V>;

/** The entry for `key`, marking it most recently used. */
export function lruGet<V>(cache: LruCache<V>, key: string): V | undefined {
  if (!Object.prototype.hasOwnProperty.call(cache, key)) return undefined;
  const value = cache[key]!;
  delete cache[key];
  cache[key] = value;
  return value;
}

/** Stores `value` as the most recently used entry, evicting the least recently used beyond `maxEntries`. */
export function lruAdd<V>(cache: LruCache<V>, key: string, value: V, maxEntries: number): void {
  delete cache[key];
  cache[key] = value;
  let size = Object.keys(cache).length;
  for (const oldest in cache) {
    if (size <= maxEntries) break;
    delete cache[oldest];
    size--;
  }
}
