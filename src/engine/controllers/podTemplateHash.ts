/**
 * `pod-template-hash` and `controller-revision-hash` values: FNV-32a over the pod template plus the collision count,
 * printed in decimal and each digit mapped into the name alphabet (kubernetes controller_utils.go:ComputeHash,
 * apimachinery util/rand.SafeEncodeString). Kubernetes hashes Go's deep-printed struct, which cannot be reproduced
 * outside Go; hashing the template's canonical JSON gives values of the same shape (`7c79c4bf97`), stable per template.
 */
import { fnv32a } from '../runtime/hash';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON with object keys sorted, so equal templates hash equally whatever order their fields were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SafeEncodeString: each character of `text` replaced by the alphabet letter at (its code mod 27). */
export function safeEncodeString(text: string): string {
  let encoded = '';
  for (let i = 0; i < text.length; i++) encoded += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return encoded;
}

/** The hash of a pod template, as a Deployment labels its ReplicaSets (`pod-template-hash`). */
export function computeTemplateHash(template: unknown, collisionCount?: number): string {
  let hash = fnv32a(canonicalJson(template));
  // ComputeHash writes the collision count's little-endian bytes into the hasher after the template.
  if (collisionCount !== undefined) {
    for (let shift = 0; shift < 32; shift += 8)
      hash = fnv32a(String.fromCharCode((collisionCount >>> shift) & 0xff), hash);
  }
  return safeEncodeString(String(hash));
}
