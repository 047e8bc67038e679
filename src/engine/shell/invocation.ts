import { applyOption, applyOptionName } from './builtins';
import { baseName } from './paths';
import type { ShellOptions } from './state';

/** How a shell was asked to run: `sh -c script [name [args]]`, `sh file [args]`, or `sh` reading stdin. */
export interface ShellInvocation {
  mode: 'command' | 'file' | 'stdin';
  /** The `-c` text, or the script file's path. */
  script: string;
  arg0: string;
  args: string[];
  options: ShellOptions;
  /** A usage error, worded as the shell prints it (without the trailing newline). */
  error?: string;
}

/** Names under which images ship a POSIX shell; all run this interpreter. */
export const SHELL_NAMES = new Set(['sh', 'bash', 'ash', 'dash']);

export function isShellCommand(name: string): boolean {
  return SHELL_NAMES.has(baseName(name));
}

/** Parse a shell's argv: `-c`, `-e`, `-x`, `-u`, `-f`, `-o name`, combined (`-ec`, `-lc`), long options ignored. */
export function parseInvocation(argv: readonly string[]): ShellInvocation {
  const invoked = argv[0] ?? 'sh';
  const bash = baseName(invoked) === 'bash';
  const options: ShellOptions = { errexit: false, xtrace: false, nounset: false, noglob: false, pipefail: false };
  let command = false;
  let i = 1;
  const fail = (error: string): ShellInvocation => ({
    mode: 'command',
    script: '',
    arg0: invoked,
    args: [],
    options,
    error,
  });
  for (; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--' || a === '-') {
      i++;
      break;
    }
    if (a.startsWith('--')) continue;
    if (!/^[-+]./.test(a)) break;
    const on = a.startsWith('-');
    for (const c of a.slice(1)) {
      if (c === 'c') command = true;
      else if (c === 'o') {
        const name = argv[++i];
        if (name === undefined || !applyOptionName(options, name, on))
          return fail(
            bash ? `${invoked}: ${name ?? ''}: invalid option name` : `${invoked}: 0: Illegal option -o ${name ?? ''}`,
          );
      } else if (!applyOption(options, c, on)) {
        return fail(bash ? `${invoked}: -${c}: invalid option` : `${invoked}: 0: Illegal option -${c}`);
      }
    }
  }
  const operand = argv[i];
  if (command) {
    if (operand === undefined)
      return fail(bash ? `${invoked}: -c: option requires an argument` : `${invoked}: 0: -c requires an argument`);
    return { mode: 'command', script: operand, arg0: argv[i + 1] ?? invoked, args: argv.slice(i + 2), options };
  }
  if (operand !== undefined) return { mode: 'file', script: operand, arg0: operand, args: argv.slice(i + 1), options };
  return { mode: 'stdin', script: '', arg0: invoked, args: [], options };
}
