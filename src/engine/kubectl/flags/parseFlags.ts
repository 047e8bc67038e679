/**
 * Command-line flags with spf13/pflag semantics, as kubectl's cobra commands parse them: `--flag=value`,
 * `--flag value`, `-f value`, `-fvalue`, `-f=value`, grouped boolean shorthands (`-it`), repeated flags, flags
 * interspersed with arguments, and `--` ending flag parsing.
 */

export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagDef {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Value a flag takes when given without `=value` (pflag `NoOptDefVal`), e.g. `--dry-run` → `unchanged`. */
  noOptDefault?: string;
  /** Hidden or deprecated flags still parse; `deprecated` prints kubectl's warning. */
  deprecated?: string;
}

export type FlagValue = string | boolean | number | string[];

export interface ParsedFlags {
  /** Values of the flags that were set, by long name (slices and arrays accumulate). */
  values: Record<string, FlagValue>;
  /** Flags in the order they were given, with their raw text values (for `--record`). */
  given: { name: string; value: string }[];
  args: string[];
  /** Number of arguments before `--` (cobra `ArgsLenAtDash`), or -1 when there was no `--`. */
  argsLenAtDash: number;
}

export type ParseResult = { ok: true; flags: ParsedFlags } | { ok: false; error: string };

/** Parses argv against the flag definitions; errors carry pflag's wording. */
export function parseFlags(argv: readonly string[], defs: readonly FlagDef[]): ParseResult {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const byShort = new Map(defs.filter((d) => d.shorthand).map((d) => [d.shorthand as string, d]));
  const flags: ParsedFlags = { values: {}, given: [], args: [], argsLenAtDash: -1 };

  const set = (def: FlagDef, raw: string, spelled: string): string | undefined => {
    const error = assignFlag(flags.values, def, raw, spelled);
    if (error) return error;
    flags.given.push({ name: def.name, value: raw });
    return undefined;
  };

  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] as string;
    i++;
    if (arg === '--') {
      flags.argsLenAtDash = flags.args.length;
      flags.args.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--')) {
      const body = arg.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const def = byName.get(name);
      if (!def) return { ok: false, error: `unknown flag: --${name}` };
      let raw: string;
      if (eq >= 0) raw = body.slice(eq + 1);
      else if (def.type === 'bool') raw = 'true';
      else if (def.noOptDefault !== undefined) raw = def.noOptDefault;
      else if (i < argv.length) raw = argv[i++] as string;
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const error = set(def, raw, `--${name}`);
      if (error) return { ok: false, error };
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      // pflag parseShortArg: each letter is a flag until one takes a value.
      let rest = arg.slice(1);
      while (rest.length > 0) {
        const letter = rest.charAt(0);
        const def = byShort.get(letter);
        if (!def) return { ok: false, error: `unknown shorthand flag: '${letter}' in ${arg}` };
        let raw: string;
        if (rest.length > 2 && rest.charAt(1) === '=') {
          raw = rest.slice(2);
          rest = '';
        } else if (def.type === 'bool') {
          raw = 'true';
          rest = rest.slice(1);
        } else if (def.noOptDefault !== undefined) {
          raw = def.noOptDefault;
          rest = rest.slice(1);
        } else if (rest.length > 1) {
          raw = rest.slice(1);
          rest = '';
        } else if (i < argv.length) {
          raw = argv[i++] as string;
          rest = '';
        } else {
          return { ok: false, error: `flag needs an argument: '${letter}' in ${arg}` };
        }
        const error = set(def, raw, `-${letter}`);
        if (error) return { ok: false, error };
      }
      continue;
    }
    flags.args.push(arg);
  }
  return { ok: true, flags };
}

function assignFlag(values: Record<string, FlagValue>, def: FlagDef, raw: string, spelled: string): string | undefined {
  const invalid = (detail: string) => `invalid argument "${raw}" for "${spelled}" flag: ${detail}`;
  switch (def.type) {
    case 'bool': {
      const parsed = parseGoBool(raw);
      if (parsed === undefined) return invalid(`strconv.ParseBool: parsing "${raw}": invalid syntax`);
      values[def.name] = parsed;
      return undefined;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) return invalid(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
      values[def.name] = Number(raw);
      return undefined;
    }
    case 'duration': {
      if (parseGoDuration(raw) === undefined) return invalid(`time: invalid duration "${raw}"`);
      values[def.name] = raw;
      return undefined;
    }
    case 'stringArray': {
      const prev = values[def.name];
      values[def.name] = [...(Array.isArray(prev) ? prev : []), raw];
      return undefined;
    }
    case 'stringSlice': {
      // pflag stringSlice: comma-separated values, accumulated over repeats.
      const prev = values[def.name];
      const parts = raw === '' ? [] : raw.split(',');
      values[def.name] = [...(Array.isArray(prev) ? prev : []), ...parts];
      return undefined;
    }
    case 'string':
      values[def.name] = raw;
      return undefined;
  }
}

/** strconv.ParseBool. */
function parseGoBool(raw: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(raw)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(raw)) return false;
  return undefined;
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration, in milliseconds (`30s`, `1m30s`, `0`). */
export function parseGoDuration(raw: string): number | undefined {
  if (raw === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  let sign = 1;
  if (raw.startsWith('-') || raw.startsWith('+')) {
    sign = raw.startsWith('-') ? -1 : 1;
    pos = 1;
  }
  if (pos >= raw.length) return undefined;
  while (pos < raw.length) {
    re.lastIndex = pos;
    const m = re.exec(raw);
    if (!m) return undefined;
    total += Number(m[1]) * (DURATION_UNITS[m[2] as string] as number);
    pos = re.lastIndex;
  }
  return sign * total;
}
