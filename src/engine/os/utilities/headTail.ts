import type { Utility, UtilityResult } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, showUsage } from './parseOptions';
import { readInputs } from './readInputs';
import { SLEEP_FOREVER_MS } from './sleep';

/** Rewrites the obsolete `-5` form into `-n 5`, as busybox head and tail still accept it. */
function expandCountShorthand(args: string[]): string[] {
  return args.flatMap((arg, index) => {
    const previous = args[index - 1];
    return /^-\d+$/.test(arg) && previous !== '-n' && previous !== '-c' ? ['-n', arg.slice(1)] : [arg];
  });
}

/** Splits text into lines that keep their newline, so the last line may lack one. */
function linesWithEnds(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** `head [-n [-]N] [-c N] [FILE]...` (busybox coreutils/head.c) */
export const head: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(expandCountShorthand(argv.slice(1)), 'n:c:qv');
  if (!parsed.ok) return showUsage(io, name, '[OPTIONS] [FILE]...', parsed.message);
  const count = Number(parsed.flags.n ?? parsed.flags.c ?? 10);
  if (!Number.isInteger(count))
    return showUsage(io, name, '[OPTIONS] [FILE]...', `invalid number '${String(parsed.flags.n ?? parsed.flags.c)}'`);
  const inputs = readInputs(parsed.operands, io, sys, cwd);
  const headers = (inputs.length > 1 || parsed.flags.v === true) && !parsed.flags.q;
  let status = 0;
  let first = true;
  for (const input of inputs) {
    if ('error' in input) {
      io.stderr(`${name}: ${input.name}: ${errnoMessage(input.error)}\n`);
      status = 1;
      continue;
    }
    if (headers) io.stdout(`${first ? '' : '\n'}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    first = false;
    if (parsed.flags.c !== undefined) {
      io.stdout(input.text.slice(0, count));
      continue;
    }
    const lines = linesWithEnds(input.text);
    io.stdout(lines.slice(0, count).join(''));
  }
  return status;
};

/** `tail [-n [+]N] [-c N] [-f] [FILE]...`; `-f` prints what is there and then waits forever (no later growth is seen). */
export const tail: Utility = (argv, io, sys, _env, cwd): UtilityResult => {
  const name = commandName(argv);
  const parsed = parseOptions(expandCountShorthand(argv.slice(1)), 'n:c:fFqvs:');
  if (!parsed.ok) return showUsage(io, name, '[OPTIONS] [FILE]...', parsed.message);
  const spec = String(parsed.flags.n ?? parsed.flags.c ?? '10');
  const fromStart = spec.startsWith('+');
  const count = Math.abs(Number(spec));
  if (!Number.isInteger(count)) return showUsage(io, name, '[OPTIONS] [FILE]...', `invalid number '${spec}'`);
  const inputs = readInputs(parsed.operands, io, sys, cwd);
  const headers = (inputs.length > 1 || parsed.flags.v === true) && !parsed.flags.q;
  let status = 0;
  let opened = 0;
  for (const input of inputs) {
    if ('error' in input) {
      io.stderr(`${name}: can't open '${input.name}': ${errnoMessage(input.error)}\n`);
      status = 1;
      continue;
    }
    if (headers) io.stdout(`${opened > 0 ? '\n' : ''}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`);
    opened++;
    if (parsed.flags.c !== undefined) {
      io.stdout(fromStart ? input.text.slice(Math.max(0, count - 1)) : count === 0 ? '' : input.text.slice(-count));
      continue;
    }
    const lines = linesWithEnds(input.text);
    io.stdout((fromStart ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-count)).join(''));
  }
  if (opened === 0) {
    io.stderr(`${name}: no files\n`);
    return 1;
  }
  if (parsed.flags.f || parsed.flags.F) return { exitCode: status, sleepMs: SLEEP_FOREVER_MS };
  return status;
};
