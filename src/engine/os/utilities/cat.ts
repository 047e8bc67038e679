import type { Utility } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, showUsage } from './parseOptions';
import { readInputs, splitLines } from './readInputs';

/** `cat [-n] [FILE]...`; `-` or no operand reads stdin. Messages from busybox coreutils/cat.c. */
export const cat: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'nbvteAu');
  if (!parsed.ok) return showUsage(io, name, '[-nbvteA] [FILE]...', parsed.message);
  let status = 0;
  let lineNumber = 0;
  for (const input of readInputs(parsed.operands, io, sys, cwd)) {
    if ('error' in input) {
      io.stderr(
        input.error === 'EISDIR'
          ? `${name}: read error: Is a directory\n`
          : `${name}: can't open '${input.name}': ${errnoMessage(input.error)}\n`,
      );
      status = 1;
      continue;
    }
    if (!parsed.flags.n && !parsed.flags.b) {
      io.stdout(input.text);
      continue;
    }
    const numbered = splitLines(input.text).map((line) => {
      if (parsed.flags.b && line === '') return line;
      lineNumber++;
      return `${String(lineNumber).padStart(6)}\t${line}`;
    });
    const tail = input.text.endsWith('\n') ? '\n' : '';
    if (numbered.length > 0) io.stdout(numbered.join('\n') + tail);
  }
  return status;
};
