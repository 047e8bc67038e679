/**
 * What `kubectl create configmap` and `create secret` share: the NAME argument, `--from-literal`, `--from-file` and
 * `--from-env-file` sources, and the `--append-hash` suffix (`KC:pkg/util/util.go`, `pkg/cmd/util/env_file.go`,
 * `pkg/util/hash/hash.go`).
 */
import { goQuote } from '../../api/selectors/goQuote';
import { utf8Bytes } from '../../api/base64';
import { regexError } from '../../api/validation/names';
import type { CommandContext } from '../command';
import { clientError, usageError } from '../errors';

/** `NameFromCommandArgs`: exactly one NAME before any `--`. */
export function commandName(ctx: CommandContext): string {
  const dash = ctx.flags.argsLenAtDash;
  const count = dash >= 0 ? dash : ctx.args.length;
  const [name] = ctx.args;
  if (count !== 1 || name === undefined) {
    throw usageError(`exactly one NAME is required, got ${count}`, ctx.commandPath);
  }
  return name;
}

/** `ParseLiteralSource`: `key=value`, split at the first `=`; the key must not be empty. */
export function parseLiteralSource(source: string): [key: string, value: string] {
  const at = source.indexOf('=');
  if (at <= 0) throw clientError(`invalid literal source ${source}, expected key=value`);
  return [source.slice(0, at), source.slice(at + 1)];
}

/** `ParseFileSource`: `path` (keyed by its basename) or `key=path`. */
function parseFileSource(source: string): { key: string; path: string } {
  const separators = source.split('=').length - 1;
  if (separators === 0) {
    const base = source.replace(/\/+$/, '').split('/').pop() ?? '';
    return { key: base === '' ? (source.startsWith('/') ? '/' : '.') : base, path: source };
  }
  if (separators > 1) throw clientError("key names or file paths cannot contain '='");
  const [key = '', path = ''] = source.split('=');
  if (key === '') throw clientError(`key name for file path ${path} missing`);
  if (path === '') throw clientError(`file path for key name ${key} missing`);
  return { key, path };
}

/**
 * A file in the host's home directory, or kubectl's `os.Stat` error. The host offers no directory listing, so a
 * directory reads as missing too.
 */
function readSourceFile(ctx: CommandContext, path: string): string {
  const text = ctx.host.readFile(path);
  if (text === undefined) throw clientError(`error reading ${path}: no such file or directory`);
  return text;
}

/** Each `--from-file` source as a key and the file's content, in order. */
export function readFileSources(ctx: CommandContext, sources: string[]): Array<[key: string, value: string]> {
  return sources.map((source) => {
    const { key, path } = parseFileSource(source);
    return [key, readSourceFile(ctx, path)];
  });
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';

/** apimachinery `IsEnvVarName` (the strict one, which env files still use). */
function envFileKeyErrors(key: string): string[] {
  const errors: string[] = [];
  if (!new RegExp(`^${ENV_VAR_NAME_FMT}$`).test(key)) {
    errors.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME_FMT,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  if (key === '.') errors.push("must not be '.'");
  else if (key === '..') errors.push("must not be '..'");
  else if (key.startsWith('..')) errors.push("must not start with '..'");
  return errors;
}

/**
 * `AddFromEnvFile`: `KEY=VALUE` lines; leading blanks, blank lines and `#` comments are skipped. A bare `KEY` takes
 * its value from kubectl's environment, which is empty here.
 */
export function readEnvFileSources(ctx: CommandContext, paths: string[]): Array<[key: string, value: string]> {
  const entries: Array<[string, string]> = [];
  for (const path of paths) {
    const text = readSourceFile(ctx, path);
    // bufio.ScanLines: no empty token after a final newline, and a trailing \r is dropped.
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((raw, i) => {
      let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (i === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
      line = line.replace(/^\s+/, '');
      if (line === '' || line.startsWith('#')) return;
      const at = line.indexOf('=');
      const key = at < 0 ? line : line.slice(0, at);
      const problems = envFileKeyErrors(key);
      if (problems.length > 0) throw clientError(`${goQuote(key)} is not a valid key name: ${problems.join(';')}`);
      entries.push([key, at < 0 ? '' : line.slice(at + 1)]);
    });
  }
  return entries;
}

/** `json.Marshal`: map keys sorted, and `<`, `>`, `&`, U+2028 and U+2029 escaped as Go's HTML-safe encoder does. */
export function goJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/**
 * `encodeHash(hash(json))`: the first 10 hex digits of the SHA-256 of the fields' JSON, with `0 1 3 a e` turned into
 * `g h k m t` so no words form.
 */
export function nameHash(fields: Record<string, unknown>): string {
  const swaps: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return sha256Hex(goJson(fields))
    .slice(0, 10)
    .replace(/[013ae]/g, (c) => swaps[c] ?? c);
}

/** FIPS 180-4 round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
];

/** SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, in lowercase hex; the engine has no crypto module. */
function sha256Hex(text: string): string {
  const bytes = utf8Bytes(text);
  const bitLength = bytes.length * 8;
  bytes.push(0x80);
  while (bytes.length % 64 !== 56) bytes.push(0);
  for (let shift = 56; shift >= 0; shift -= 8)
    bytes.push(shift >= 32 ? Math.floor(bitLength / 2 ** shift) & 0xff : (bitLength >>> shift) & 0xff);
  const h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  const w = new Array<number>(64).fill(0);
  for (let offset = 0; offset < bytes.length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] = ((bytes[j] ?? 0) << 24) | ((bytes[j + 1] ?? 0) << 16) | ((bytes[j + 2] ?? 0) << 8) | (bytes[j + 3] ?? 0);
    }
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] ?? 0;
      const b = w[i - 2] ?? 0;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0;
    }
    let [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, hh = 0] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[i] ?? 0) + (w[i] ?? 0)) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => (h[i] = ((h[i] ?? 0) + v) | 0));
  }
  return h.map((v) => (v >>> 0).toString(16).padStart(8, '0')).join('');
}
