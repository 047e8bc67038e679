import type { Utility } from '../types';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';

const decimalsOf = (text: string): number => (text.includes('.') ? text.length - text.indexOf('.') - 1 : 0);

/** `seq [-w] [-s SEP] [FIRST [INC]] LAST` (busybox coreutils/seq.c): as many decimals as the most precise operand. */
export const seq: Utility = (argv, io) => {
  const name = commandName(argv);
  // Negative numbers are operands, not options.
  const args = argv.slice(1);
  const optionArgs: string[] = [];
  while (args.length > 0 && /^-[ws]/.test(args[0] ?? '')) {
    const arg = args.shift() ?? '';
    optionArgs.push(arg);
    if (arg === '-s') optionArgs.push(args.shift() ?? '');
  }
  const parsed = parseOptions(optionArgs, 'ws:');
  const synopsis = '[-w] [-s SEP] [FIRST [INC]] LAST';
  if (!parsed.ok) return showUsage(io, name, synopsis, parsed.message);
  if (args.length < 1 || args.length > 3) return showUsage(io, name, synopsis);
  for (const arg of args) {
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(arg)) return reportFailure(io, name, `invalid number '${arg}'`);
  }
  const [first, increment, last] =
    args.length === 1
      ? ['1', '1', args[0] ?? '']
      : args.length === 2
        ? [args[0] ?? '', '1', args[1] ?? '']
        : (args as [string, string, string]);
  const decimals = Math.max(decimalsOf(first), decimalsOf(increment));
  const start = Number(first);
  const step = Number(increment);
  const end = Number(last);
  if (step === 0) return 0;
  const values: string[] = [];
  for (let index = 0; ; index++) {
    const value = start + index * step;
    if (step > 0 ? value > end + 1e-9 : value < end - 1e-9) break;
    values.push(value.toFixed(decimals));
  }
  const width = Math.max(...values.map((value) => value.length));
  const separator = typeof parsed.flags.s === 'string' ? parsed.flags.s : '\n';
  const shown = parsed.flags.w
    ? values.map((value) =>
        value.startsWith('-') ? `-${value.slice(1).padStart(width - 1, '0')}` : value.padStart(width, '0'),
      )
    : values;
  if (shown.length > 0) io.stdout(`${shown.join(separator)}\n`);
  return 0;
};
