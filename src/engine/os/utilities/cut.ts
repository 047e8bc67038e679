import type { Utility } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';
import { readInputs, splitLines } from './readInputs';

/** Parses a cut list (`1,3`, `2-4`, `3-`, `-2`) into a membership test on 1-based positions. */
function parseList(list: string): ((position: number) => boolean) | undefined {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const match = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!match || (match[1] === '' && match[3] === '')) return undefined;
    const start = match[1] ? Number(match[1]) : 1;
    const end = match[2] ? (match[3] ? Number(match[3]) : Infinity) : start;
    if (start < 1) return undefined;
    ranges.push([start, end]);
  }
  return (position) => ranges.some(([start, end]) => position >= start && position <= end);
}

/** `cut -f LIST [-d DELIM] [-s] | -c LIST | -b LIST [FILE]...` */
export const cut: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'b:c:f:d:sn');
  const synopsis = '[OPTIONS] [FILE]...';
  if (!parsed.ok) return showUsage(io, name, synopsis, parsed.message);
  const { flags } = parsed;
  const listText = flags.f ?? flags.c ?? flags.b;
  if (typeof listText !== 'string') return reportFailure(io, name, 'expected a list of bytes, characters, or fields');
  const inList = parseList(listText);
  if (!inList) return reportFailure(io, name, `invalid byte, character or field list`);
  const delimiter = typeof flags.d === 'string' ? flags.d : '\t';
  if (delimiter.length !== 1) return reportFailure(io, name, 'the delimiter must be a single character');
  let status = 0;
  for (const input of readInputs(parsed.operands, io, sys, cwd)) {
    if ('error' in input) {
      status = reportFailure(io, name, `${input.name}: ${errnoMessage(input.error)}`);
      continue;
    }
    for (const line of splitLines(input.text)) {
      if (flags.f === undefined) {
        io.stdout(`${[...line].filter((_, index) => inList(index + 1)).join('')}\n`);
      } else if (!line.includes(delimiter)) {
        if (!flags.s) io.stdout(`${line}\n`);
      } else {
        io.stdout(
          `${line
            .split(delimiter)
            .filter((_, index) => inList(index + 1))
            .join(delimiter)}\n`,
        );
      }
    }
  }
  return status;
};
