/**
 * A stable stand-in for a registry digest: `sha256:` and 64 hex digits from FNV-1a over the text, run with eight
 * different offsets. Not a real SHA-256 — just deterministic and well spread.
 */
export function fakeDigest(text: string): string {
  let hex = '';
  for (let round = 0; round < 8; round++) {
    let hash = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    hex += hash.toString(16).padStart(8, '0');
  }
  return `sha256:${hex}`;
}
