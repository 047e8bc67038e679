/** 32-bit FNV-1a (hash/fnv in Go) over the low byte of each UTF-16 code unit; `hash` continues an earlier sum. */
export function fnv32a(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
