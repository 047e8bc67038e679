/**
 * ControllerRevision hashes and names (pkg/controller/history/controller_history.go: HashControllerRevision,
 * ControllerRevisionName): FNV-1 (32-bit, not 1a) over the revision's data, then the collision count in decimal,
 * printed in decimal and mapped into the name alphabet. Kubernetes hashes the raw JSON bytes of the data, which
 * json.Marshal wrote with sorted map keys; the simulator hashes the data's canonical JSON, keys sorted the same way.
 */
import { canonicalJson, safeEncodeString } from '../podTemplateHash';

/** Longest name prefix kept, so `<prefix>-<hash>` stays within 253 characters. */
const MAX_PREFIX_LENGTH = 223;

function fnv1(text: string): number {
  let hash = 0x811c9dc5;
  const add = (byte: number) => {
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash = (hash ^ byte) >>> 0;
  };
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    // UTF-8, as Go hashes the bytes of the string.
    if (code < 0x80) add(code);
    else if (code < 0x800) [0xc0 | (code >> 6), 0x80 | (code & 63)].forEach(add);
    else if (code < 0x10000) [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)].forEach(add);
    else [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 63), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63)].forEach(add);
  }
  return hash;
}

/** HashControllerRevision: the hash of a revision's data and (when given) the owner's collision count. */
export function hashControllerRevision(data: unknown, collisionCount?: number): string {
  const text = canonicalJson(data) + (collisionCount === undefined ? '' : String(collisionCount));
  return safeEncodeString(String(fnv1(text)));
}

/** ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.slice(0, MAX_PREFIX_LENGTH)}-${hash}`;
}
