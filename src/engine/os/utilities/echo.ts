import type { Utility } from '../types';
import { processEscapes } from './escapes';

/**
 * `echo [-neE] ARG...` (busybox coreutils/echo.c; bash's builtin and ash's behave the same): an argument counts as
 * options only if every letter is n, e or E (so `echo -x` prints -x).
 */
export const echo: Utility = (argv, io) => {
  let newline = true;
  let escapes = false;
  let index = 1;
  for (; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (!/^-[neE]+$/.test(arg)) break;
    for (const letter of arg.slice(1)) {
      if (letter === 'n') newline = false;
      else escapes = letter === 'e';
    }
  }
  const joined = argv.slice(index).join(' ');
  if (!escapes) {
    io.stdout(newline ? `${joined}\n` : joined);
    return 0;
  }
  const { text, stop } = processEscapes(joined, 'echo');
  io.stdout(newline && !stop ? `${text}\n` : text);
  return 0;
};
