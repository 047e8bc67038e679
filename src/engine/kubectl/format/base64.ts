// RFC 4648 standard base64, as Go's encoding/base64.StdEncoding decodes Secret and ConfigMap binary data.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The bytes of a base64 text (characters outside the alphabet are skipped). */
export function decodeBase64(text: string): number[] {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) continue;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** The bytes of a base64 text read as UTF-8 (as Latin-1 when they are not valid UTF-8). */
export function decodeBase64Text(text: string): string {
  const bytes = decodeBase64(text);
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return String.fromCharCode(...bytes);
  }
}
