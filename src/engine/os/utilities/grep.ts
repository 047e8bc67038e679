import type { Utility } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, showUsage } from './parseOptions';
import { translatePosixRegex } from './posixRegex';
import { readInputs, splitLines } from './readInputs';

const SYNOPSIS = '[-HhnlLoqvsrRiwFExzc] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...';

function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Wraps a JS pattern for -w (GNU: bounded by non-word characters) and -x (whole line), then compiles it. */
function compileMatcher(source: string, flags: Record<string, string | true>): RegExp | undefined {
  const worded = flags.w ? `(?<!\\w)(?:${source})(?!\\w)` : source;
  const whole = flags.x ? `^(?:${worded})$` : worded;
  try {
    return new RegExp(whole, flags.i ? 'gi' : 'g');
  } catch {
    return undefined;
  }
}

/** Collects every `-e PATTERN` (parseOptions keeps only the last of a repeated option). */
function extractPatterns(args: string[]): { patterns: string[]; rest: string[] } {
  const patterns: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-e') patterns.push(args[++i] ?? '');
    else if (arg.startsWith('-e') && !arg.startsWith('--')) patterns.push(arg.slice(2));
    else rest.push(arg);
  }
  return { patterns, rest };
}

/**
 * `grep [-ivcqnHhlLwxEFos] PATTERN [FILE]...`: POSIX basic regular expressions (extended with -E), translated to
 * JS. Exit 0 on a match, 1 on none, 2 on an error (busybox findutils/grep.c).
 */
export const grep: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const { patterns, rest } = extractPatterns(argv.slice(1));
  const parsed = parseOptions(rest, 'ivcqnHhlLwxEFosr');
  if (!parsed.ok) return showUsage(io, name, SYNOPSIS, parsed.message);
  const { flags } = parsed;
  const operands = [...parsed.operands];
  if (patterns.length === 0) {
    const pattern = operands.shift();
    if (pattern === undefined) return showUsage(io, name, SYNOPSIS);
    patterns.push(...pattern.split('\n'));
  }
  const matchers: RegExp[] = [];
  for (const pattern of patterns) {
    const translated = flags.F ? escapeLiteral(pattern) : translatePosixRegex(pattern, flags.E === true);
    const compiled = translated === undefined ? undefined : compileMatcher(translated, flags);
    if (!compiled) {
      io.stderr(`${name}: bad regex '${pattern}'\n`);
      return 2;
    }
    matchers.push(compiled);
  }
  const matches = (line: string) => matchers.some((regex) => ((regex.lastIndex = 0), regex.test(line)));
  const inputs = readInputs(operands, io, sys, cwd);
  const prefixNames = (inputs.length > 1 || flags.H === true) && !flags.h;
  let matched = false;
  let failed = false;
  for (const input of inputs) {
    if ('error' in input) {
      if (!flags.s) io.stderr(`${name}: ${input.name}: ${errnoMessage(input.error)}\n`);
      failed = true;
      continue;
    }
    const label = input.name === '-' ? '(standard input)' : input.name;
    let count = 0;
    for (const [index, line] of splitLines(input.text).entries()) {
      if (matches(line) === (flags.v === true)) continue;
      count++;
      matched = true;
      if (flags.q) return 0;
      if (flags.c || flags.l || flags.L) continue;
      const prefix = `${prefixNames ? `${label}:` : ''}${flags.n ? `${index + 1}:` : ''}`;
      if (flags.o && !flags.v) {
        for (const regex of matchers) {
          regex.lastIndex = 0;
          for (const found of line.matchAll(regex)) if (found[0] !== '') io.stdout(`${prefix}${found[0]}\n`);
        }
      } else {
        io.stdout(`${prefix}${line}\n`);
      }
    }
    if (flags.c) io.stdout(`${prefixNames ? `${label}:` : ''}${count}\n`);
    if (flags.l && count > 0) io.stdout(`${label}\n`);
    if (flags.L && count === 0) io.stdout(`${label}\n`);
  }
  if (failed) return 2;
  return matched ? 0 : 1;
};
