/**
 * A least-recently-used cache over a plain object (JSON-serializable engine state). Object keys keep insertion
 * order, so re-inserting a key on use moves it to the back and the first key is always the least recently used.
 * Mirrors github.com/golang/groupcache/lru as client-go's event correlator uses it (Get refreshes, Add evicts).
 */
export type LruEntries<V> = Record<string, V>;

/**
 * Reads and writes one cache's entries. The recency order is mirrored in a Set (derived, rebuilt from the entries'
 * key order when a snapshot is restored), so uses and evictions never walk the keys. The entries must only change
 * through this wrapper.
 */
export class LruCache<V> {
  private readonly order: Set<string>;
  /** The most recently used key when known: using it again changes no order. */
  private newest?: string;

  constructor(
    private readonly entries: LruEntries<V>,
    private readonly maxEntries: number,
  ) {
    this.order = new Set(Object.keys(entries));
  }

  /** The entry for `key`, marking it most recently used. */
  get(key: string): V | undefined {
    if (!this.order.has(key)) return undefined;
    const value = this.entries[key]!;
    this.touch(key, value);
    return value;
  }

  /** Stores `value` as the most recently used entry, evicting the least recently used beyond `maxEntries`. */
  add(key: string, value: V): void {
    this.touch(key, value);
    while (this.order.size > this.maxEntries) this.remove(this.oldest()!);
  }

  /** The least recently used key, if any. */
  oldest(): string | undefined {
    for (const key of this.order) return key;
    return undefined;
  }

  /** The entry of `key` without marking it used. */
  peek(key: string): V | undefined {
    return this.order.has(key) ? this.entries[key] : undefined;
  }

  remove(key: string): void {
    if (key === this.newest) this.newest = undefined;
    this.order.delete(key);
    delete this.entries[key];
  }

  private touch(key: string, value: V): void {
    if (key === this.newest) {
      this.entries[key] = value;
      return;
    }
    this.order.delete(key);
    this.order.add(key);
    delete this.entries[key];
    this.entries[key] = value;
    this.newest = key;
  }
}
