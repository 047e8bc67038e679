/**
 * The kubectl interpreter shared by the CLI and the page's terminal: argv in, kubectl's stdout, stderr and exit code
 * out (kubectl v1.34 wording).
 */
import type { CommandContext, CommandDef, Output } from './command';
import { KubectlError, flagError, formatError, formatErrors, clientError } from './errors';
import { GLOBAL_FLAGS } from './flags/commonFlags';
import { parseFlags, type FlagDef } from './flags/parseFlags';
import { hintsForError } from './hints';
import type { KubectlHost, KubectlResult } from './types';
import { COMMANDS } from './commands/commandTable';
import { formatSuggestions, suggestionsFor } from './suggestions';
import { helpText, rootHelp } from './help';
import { withDeprecationWarnings } from './deprecationWarnings';

export { splitCommandLine } from './splitCommandLine';

/**
 * Whether a flag written as `arg` takes the next word with it while the command is being looked up (cobra
 * `stripFlags`): a flag without `=` does, unless the command being looked into (or the global set) knows it as a
 * boolean — so `kubectl --record deploy/x set image …` skips `deploy/x` and finds `set`.
 */
function consumesNext(arg: string, known: readonly FlagDef[]): boolean {
  if (arg.includes('=')) return false;
  if (!arg.startsWith('--') && arg.length !== 2) return false;
  const def = arg.startsWith('--')
    ? known.find((f) => f.name === arg.slice(2))
    : known.find((f) => f.shorthand === arg.slice(1));
  return def?.type !== 'bool';
}

/** The non-flag words of the whole command line, in order (command names are words to the flag parser). */
function allWords(argv: readonly string[], defs: readonly FlagDef[], fallback: string[]): string[] {
  const parsed = parseFlags(argv, defs);
  return parsed.ok ? parsed.flags.args : fallback;
}

/** Finds the command named by argv: its definition, the words that named it, and the remaining argv. */
function findCommand(
  argv: readonly string[],
): { path: CommandDef[]; rest: string[] } | { unknown: string; parent: CommandDef[] } {
  const path: CommandDef[] = [];
  const rest = [...argv];
  let candidates: readonly CommandDef[] = COMMANDS;
  for (;;) {
    let index = -1;
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i] as string;
      if (arg === '--') break;
      if (arg.startsWith('-') && arg !== '-') {
        if (consumesNext(arg, [...GLOBAL_FLAGS, ...(path[path.length - 1]?.flags ?? [])])) i++;
        continue;
      }
      index = i;
      break;
    }
    if (index < 0) return { path, rest };
    const word = rest[index] as string;
    const found = candidates.find((c) => c.name === word || (c.aliases ?? []).includes(word));
    if (!found) {
      // Only the root and commands without their own run reject unknown words; others take them as arguments.
      const parent = path[path.length - 1];
      if (parent?.run) return { path, rest };
      return { unknown: word, parent: path };
    }
    path.push(found);
    rest.splice(index, 1);
    if (!found.subcommands) return { path, rest };
    candidates = found.subcommands;
  }
}

function emptyOutput(): Output {
  return { stdout: '', stderr: '', hints: [], errors: [], objectsPrinted: 0 };
}

function finish(out: Output, exitCode: number): KubectlResult {
  const result: KubectlResult = { stdout: out.stdout, stderr: out.stderr, exitCode };
  if (out.hints.length > 0) result.hints = out.hints;
  return result;
}

/** Hints for every error printed, after those a command added itself. */
function collectHints(out: Output, errors: readonly KubectlError[]): void {
  for (const err of errors) for (const hint of hintsForError(err)) if (!out.hints.includes(hint)) out.hints.push(hint);
}

function fail(out: Output, errors: KubectlError[]): KubectlResult {
  out.stderr += formatErrors(errors);
  collectHints(out, errors);
  return finish(out, errors[0]?.exitCode ?? 1);
}

/**
 * Runs one kubectl invocation (`argv` without the leading `kubectl`) against the host. Never throws for user
 * errors: they come back as kubectl prints them, with exit code 1 (or the remote command's for `exec`).
 */
export function runKubectl(argv: string[], host: KubectlHost, stdin?: string): KubectlResult {
  const out = emptyOutput();
  const found = findCommand(argv);
  if ('unknown' in found) {
    const parentPath = ['kubectl', ...found.parent.map((c) => c.name)].join(' ');
    const siblings = found.parent.length > 0 ? (found.parent[found.parent.length - 1]?.subcommands ?? []) : COMMANDS;
    const suggestions = formatSuggestions(
      suggestionsFor(
        found.unknown,
        [...siblings].sort((a, b) => a.name.localeCompare(b.name)),
      ),
    );
    return fail(out, [clientError(`unknown command "${found.unknown}" for "${parentPath}"${suggestions}`)]);
  }
  const command = found.path[found.path.length - 1];
  const commandPath = ['kubectl', ...found.path.map((c) => c.name)].join(' ');
  const defs: FlagDef[] = [...GLOBAL_FLAGS, ...(command?.flags ?? [])];
  const parsed = parseFlags(found.rest, defs);
  if (!parsed.ok) return fail(out, [flagError(parsed.error, commandPath)]);
  const flags = parsed.flags;
  if (!command || flags.values.help === true || !command.run) {
    out.stdout += command ? helpText(command, commandPath) : rootHelp(COMMANDS);
    return finish(out, 0);
  }
  for (const given of flags.given) {
    const def = defs.find((d) => d.name === given.name);
    if (def?.deprecated && !out.stderr.includes(`Flag --${def.name} has`)) {
      out.stderr += `Flag --${def.name} has been deprecated, ${def.deprecated}\n`;
    }
  }
  const namespaceFlag = flags.values.namespace;
  const ctx: CommandContext = {
    host,
    api: withDeprecationWarnings(host.api, (message) => (out.stderr += `Warning: ${message}\n`)),
    args: flags.args,
    flags,
    commandPath,
    words: allWords(argv, defs, flags.args),
    stdin,
    out,
    namespace: typeof namespaceFlag === 'string' && namespaceFlag !== '' ? namespaceFlag : host.currentNamespace(),
    namespaceExplicit: typeof namespaceFlag === 'string' && namespaceFlag !== '',
  };
  try {
    command.run(ctx);
  } catch (e) {
    if (!(e instanceof KubectlError)) throw e;
    if (out.errors.length === 0) {
      out.stderr += formatError(e);
      collectHints(out, [e]);
      return finish(out, e.exitCode);
    }
    out.errors.push(e);
  }
  if (out.errors.length > 0) return fail(out, out.errors);
  return finish(out, 0);
}
