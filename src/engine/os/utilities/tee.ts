import { normalizePath } from '../fs/normalizePath';
import type { Utility } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';

/** `tee [-a] [FILE]...`: copies stdin to stdout and to each file. */
export const tee: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'ai');
  if (!parsed.ok) return showUsage(io, name, '[-ai] [FILE]...', parsed.message);
  let status = 0;
  for (const operand of parsed.operands) {
    const error = sys.fs.write(normalizePath(cwd, operand), io.stdin, parsed.flags.a === true);
    if (error) status = reportFailure(io, name, `${operand}: ${errnoMessage(error)}`);
  }
  io.stdout(io.stdin);
  return status;
};
