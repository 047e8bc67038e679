/**
 * What `kubectl create configmap` and `create secret` share: the NAME argument, `--from-literal`, `--from-file` and
 * `--from-env-file` sources, and the `--append-hash` suffix (`KC:pkg/util/util.go`, `pkg/cmd/util/env_file.go`,
 * `pkg/util/hash/hash.go`).
 */
import { goQuote } from '../../api/selectors/goQuote';
import { sha256Hex } from '../../api/sha256';
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
