import { applyOption, applyOptionName } from './builtins';
import { baseName } from './paths';
import type { Dialect, ShellOptions } from './state';

/** How a shell was asked to run: `sh -c script [name [args]]`, `sh file [args]`, or `sh` reading stdin. */
export interface ShellInvocation {
  mode: 'command' | 'file' | 'stdin';
  /** The `-c` text, or the script file's path. */
  script: string;
  arg0: string;
  /** `$0` names the script: a script file, or `-c` followed by a name. */
  named: boolean;
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

/** How each shell words a bad command line (dash src/options.c, busybox shell/ash.c procargs, bash shell.c). */
const USAGE_ERRORS: Record<
  Dialect,
  { option(flag: string): string; optionName(name: string): string; noCommand: string }
> = {
  dash: {
    option: (flag) => `0: Illegal option ${flag}`,
    optionName: (name) => `0: Illegal option -o ${name}`,
    noCommand: '0: -c requires an argument',
  },
  ash: {
    option: (flag) => `illegal option ${flag}`,
    optionName: (name) => `illegal option -o ${name}`,
    noCommand: '-c requires an argument',
  },
  bash: {
    option: (flag) => `${flag}: invalid option`,
    optionName: (name) => `${name}: invalid option name`,
    noCommand: '-c: option requires an argument',
  },
};

/**
 * Parse a shell's argv: `-c`, `-e`, `-x`, `-u`, `-f`, `-o name`, combined (`-ec`, `-lc`), long options ignored.
 * Usage errors are worded as `dialect` words them.
 */
export function parseInvocation(argv: readonly string[], dialect: Dialect): ShellInvocation {
  const invoked = argv[0] ?? 'sh';
  const usage = USAGE_ERRORS[dialect];
  const options: ShellOptions = { errexit: false, xtrace: false, nounset: false, noglob: false, pipefail: false };
  let command = false;
  let i = 1;
  const fail = (error: string): ShellInvocation => ({
    mode: 'command',
    script: '',
    arg0: invoked,
    named: false,
    args: [],
    options,
    error: `${invoked}: ${error}`,
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
        if (name === undefined || !applyOptionName(options, name, on)) return fail(usage.optionName(name ?? ''));
      } else if (!applyOption(options, c, on)) {
        return fail(usage.option(`-${c}`));
      }
    }
  }
  const operand = argv[i];
  if (command) {
    if (operand === undefined) return fail(usage.noCommand);
    const name = argv[i + 1];
    return {
      mode: 'command',
      script: operand,
      arg0: name ?? invoked,
      named: name !== undefined,
      args: argv.slice(i + 2),
      options,
    };
  }
  if (operand !== undefined)
    return { mode: 'file', script: operand, arg0: operand, named: true, args: argv.slice(i + 1), options };
  return { mode: 'stdin', script: '', arg0: invoked, named: false, args: [], options };
}
