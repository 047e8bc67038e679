import { normalizePath } from '../fs/normalizePath';
import type { Utility } from '../types';
import { runBc } from './bc/runBc';
import { commandName, parseOptions } from './parseOptions';
import { readFile } from './readInputs';

/**
 * GNU `bc [-lqs] [FILE]...`: runs the files, then stdin. Output interleaves as bc's would only per stream:
 * everything written to stdout comes before what goes to stderr within one run.
 */
export const bc: Utility = (argv, io, sys, env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'lqswiv');
  if (!parsed.ok) {
    io.stderr(`${name}: ${parsed.message}\nusage: ${name} [options] [file ...]\n`);
    return 1;
  }
  let program = '';
  for (const operand of parsed.operands) {
    const read = readFile(sys.fs, normalizePath(cwd, operand));
    if ('error' in read) {
      io.stderr(`File ${operand} is unavailable.\n`);
      return 1;
    }
    program += read.text.endsWith('\n') ? read.text : `${read.text}\n`;
  }
  program += io.stdin;
  const lineLength = env.BC_LINE_LENGTH === undefined ? undefined : Number(env.BC_LINE_LENGTH) || 0;
  const result = runBc(program, { mathLibrary: parsed.flags.l === true, lineLength });
  io.stdout(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  return 0;
};
