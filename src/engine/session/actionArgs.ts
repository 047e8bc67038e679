/** The arguments of a playground action: positional words and a few flags that take a value (`-n NS`, `-c NAME`). */

/** A flag an action takes: its spellings and what its value is called in an error (`-n needs a namespace`). */
export interface ActionFlag {
  long: string;
  short?: string;
  /** `namespace`, `container`. */
  value: string;
}

export type ActionArgs =
  { ok: true; positional: string[]; values: Record<string, string> } | { ok: false; error: string };

/**
 * Splits `args` as a shell tool would: `-n NS`, `-nNS`, `--namespace NS` and `--namespace=NS` all set the value (by
 * the flag's long name); a word like `-3` is an argument, any other unknown dash word an error.
 */
export function parseActionArgs(args: readonly string[], flags: readonly ActionFlag[]): ActionArgs {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const flag = flags.find(
      (f) =>
        arg === `--${f.long}` ||
        arg.startsWith(`--${f.long}=`) ||
        (f.short !== undefined && arg.startsWith(`-${f.short}`)),
    );
    if (!flag) {
      if (arg.startsWith('-') && !/^-?\d/.test(arg)) return { ok: false, error: `kubeplay: unknown flag ${arg}\n` };
      positional.push(arg);
      continue;
    }
    const attached = arg.startsWith('--')
      ? arg.includes('=')
        ? arg.slice(arg.indexOf('=') + 1)
        : undefined
      : arg.length > 2
        ? arg.slice(2)
        : undefined;
    const value = attached ?? args[++i];
    if (!value) return { ok: false, error: `kubeplay: ${arg} needs a ${flag.value}\n` };
    values[flag.long] = value;
  }
  return { ok: true, positional, values };
}

export const NAMESPACE_FLAG: ActionFlag = { long: 'namespace', short: 'n', value: 'namespace' };
export const CONTAINER_FLAG: ActionFlag = { long: 'container', short: 'c', value: 'container' };
