import { compareBytes } from '../fs/fsTree';
import { normalizePath } from '../fs/normalizePath';
import type { Utility } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';
import { readInputs, splitLines } from './readInputs';

/** The leading number of a line as `sort -n` reads it (no number sorts as zero). */
function leadingNumber(line: string): number {
  const match = /^\s*(-?\d*\.?\d+)/.exec(line);
  return match ? Number(match[1]) : 0;
}

/** The sort key of `-k N` (field N to the end of the line; fields split by `-t SEP` or runs of blanks). */
function keyOf(line: string, field: number | undefined, separator: string | undefined): string {
  if (field === undefined) return line;
  const fields = separator === undefined ? line.trim().split(/\s+/) : line.split(separator);
  return fields.slice(field - 1).join(separator ?? ' ');
}

/** `sort [-nrufb] [-t SEP] [-k N] [FILE]...`: byte order as in the C locale. */
export const sort: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'nrufbsk:t:o:');
  if (!parsed.ok) return showUsage(io, name, '[-nrufbs] [-k START] [-t CHAR] [-o FILE] [FILE]...', parsed.message);
  const { flags } = parsed;
  const lines: string[] = [];
  for (const input of readInputs(parsed.operands, io, sys, cwd)) {
    if ('error' in input) return reportFailure(io, name, `${input.name}: ${errnoMessage(input.error)}`, 2);
    lines.push(...splitLines(input.text));
  }
  const field = typeof flags.k === 'string' ? parseInt(flags.k, 10) : undefined;
  const separator = typeof flags.t === 'string' ? flags.t : undefined;
  const fold = (text: string) => (flags.f ? text.toUpperCase() : text);
  const compare = (a: string, b: string): number => {
    const keyA = keyOf(a, field, separator);
    const keyB = keyOf(b, field, separator);
    const primary = flags.n ? leadingNumber(keyA) - leadingNumber(keyB) : compareBytes(fold(keyA), fold(keyB));
    return primary !== 0 || flags.u ? primary : compareBytes(a, b);
  };
  let sorted = [...lines].sort(compare);
  if (flags.r) sorted.reverse();
  if (flags.u) sorted = sorted.filter((line, index) => index === 0 || compare(sorted[index - 1] ?? '', line) !== 0);
  const text = sorted.map((line) => `${line}\n`).join('');
  if (typeof flags.o === 'string') {
    const error = sys.fs.write(normalizePath(cwd, flags.o), text);
    return error ? reportFailure(io, name, `can't open '${flags.o}': ${errnoMessage(error)}`, 2) : 0;
  }
  io.stdout(text);
  return 0;
};

/** `uniq [-cdui] [INPUT [OUTPUT]]`: collapses adjacent equal lines. */
export const uniq: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'cdui');
  if (!parsed.ok) return showUsage(io, name, '[-cdui] [-f,s,w N] [INPUT [OUTPUT]]', parsed.message);
  const { flags } = parsed;
  const [input] = readInputs(parsed.operands.slice(0, 1), io, sys, cwd);
  if (!input) return 0;
  if ('error' in input) return reportFailure(io, name, `can't open '${input.name}': ${errnoMessage(input.error)}`);
  const same = (a: string, b: string) => (flags.i ? a.toLowerCase() === b.toLowerCase() : a === b);
  const groups: { line: string; count: number }[] = [];
  for (const line of splitLines(input.text)) {
    const last = groups[groups.length - 1];
    if (last && same(last.line, line)) last.count++;
    else groups.push({ line, count: 1 });
  }
  const text = groups
    .filter((group) => (!flags.d || group.count > 1) && (!flags.u || group.count === 1))
    .map((group) => (flags.c ? `${String(group.count).padStart(7)} ${group.line}\n` : `${group.line}\n`))
    .join('');
  const output = parsed.operands[1];
  if (output === undefined) {
    io.stdout(text);
    return 0;
  }
  const error = sys.fs.write(normalizePath(cwd, output), text);
  return error ? reportFailure(io, name, `can't open '${output}': ${errnoMessage(error)}`) : 0;
};
