/** The shape of a kubectl command and what its run function receives. */
import type { ApiClient } from '../api/types';
import type { KubectlHost } from './types';
import type { FlagDef, FlagValue, ParsedFlags } from './flags/parseFlags';
import type { KubectlError } from './errors';

/** What a command prints; hints are advice for a learner shown apart from kubectl's own output. */
export interface Output {
  stdout: string;
  stderr: string;
  hints: string[];
  /** Errors a command collected while it went on (cobra `ContinueOnError`); printed at the end. */
  errors: KubectlError[];
  /** Objects printed in an `-o` format so far (the YAML printer separates documents with `---`). */
  objectsPrinted: number;
}

export interface CommandContext {
  host: KubectlHost;
  api: ApiClient;
  /** Positional arguments (after flags were taken out). */
  args: string[];
  flags: ParsedFlags;
  /** e.g. `kubectl get`, for usage messages. */
  commandPath: string;
  /** Every word of the command line that is not a flag, command names included, in the order typed (`--record`). */
  words: readonly string[];
  stdin: string | undefined;
  out: Output;
  /** `-n` or the current context's namespace. */
  namespace: string;
  /** Whether `-n` was given (kubectl's `enforceNamespace`). */
  namespaceExplicit: boolean;
}

export interface CommandDef {
  name: string;
  aliases?: string[];
  /** cobra `SuggestFor`: words that should suggest this command. */
  suggestFor?: string[];
  /** One-line description (`kubectl --help`). */
  short: string;
  /** Usage line, e.g. `kubectl get [(-o|--output=)json|yaml|...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]`. */
  use: string;
  flags?: FlagDef[];
  subcommands?: CommandDef[];
  run?: (ctx: CommandContext) => void;
}

export function flagString(ctx: CommandContext, name: string, fallback = ''): string {
  const v = ctx.flags.values[name];
  return typeof v === 'string' ? v : fallback;
}

export function flagBool(ctx: CommandContext, name: string, fallback = false): boolean {
  const v = ctx.flags.values[name];
  return typeof v === 'boolean' ? v : fallback;
}

export function flagInt(ctx: CommandContext, name: string, fallback: number): number {
  const v = ctx.flags.values[name];
  return typeof v === 'number' ? v : fallback;
}

export function flagList(ctx: CommandContext, name: string): string[] {
  const v: FlagValue | undefined = ctx.flags.values[name];
  return Array.isArray(v) ? v : [];
}

export function flagGiven(ctx: CommandContext, name: string): boolean {
  return ctx.flags.values[name] !== undefined;
}

/** Appends a warning line as kubectl's WarningPrinter does (`Warning: ...` on stderr). */
export function printWarning(ctx: CommandContext, message: string): void {
  ctx.out.stderr += `Warning: ${message}\n`;
}
