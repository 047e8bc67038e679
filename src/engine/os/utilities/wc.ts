import { byteLength } from '../fs/fsTree';
import type { Utility } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, showUsage } from './parseOptions';
import { readInputs } from './readInputs';

const COLUMNS = ['l', 'w', 'm', 'c', 'L'] as const;

function countText(text: string): Record<(typeof COLUMNS)[number], number> {
  const lines = text.split('\n');
  return {
    l: lines.length - 1,
    w: text.split(/\s+/).filter(Boolean).length,
    m: [...text].length,
    c: byteLength(text),
    L: Math.max(0, ...lines.map((line) => line.length)),
  };
}

/**
 * `wc [-lwcmL] [FILE]...` (busybox coreutils/wc.c): columns 9 wide after the first, except that a single count of
 * a single input is printed bare (`echo hi | wc -l` prints `1`).
 */
export const wc: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'lwcmL');
  if (!parsed.ok) return showUsage(io, name, '[-cmlwL] [FILE]...', parsed.message);
  const chosen = COLUMNS.filter((column) => parsed.flags[column]);
  const columns = chosen.length > 0 ? chosen : (['l', 'w', 'c'] as const);
  const inputs = readInputs(parsed.operands, io, sys, cwd);
  const bare = columns.length === 1 && inputs.length === 1;
  const totals = { l: 0, w: 0, m: 0, c: 0, L: 0 };
  let status = 0;
  const printRow = (counts: Record<(typeof COLUMNS)[number], number>, label: string | undefined) => {
    const cells = columns.map((column, index) => {
      const value = String(counts[column]);
      return bare ? value : index === 0 ? value.padStart(9) : ` ${value.padStart(9)}`;
    });
    io.stdout(`${cells.join(bare ? ' ' : '')}${label === undefined ? '' : ` ${label}`}\n`);
  };
  for (const input of inputs) {
    if ('error' in input) {
      io.stderr(`${name}: ${input.name}: ${errnoMessage(input.error)}\n`);
      status = 1;
      continue;
    }
    const counts = countText(input.text);
    for (const column of COLUMNS)
      totals[column] = column === 'L' ? Math.max(totals.L, counts.L) : totals[column] + counts[column];
    printRow(counts, parsed.operands.length === 0 ? undefined : input.name);
  }
  if (inputs.length > 1) printRow(totals, 'total');
  return status;
};
