/**
 * What the terminal does with what the learner entered: most of it goes to the engine as session script (kubectl,
 * heredocs, `kubeplay` actions, shell commands); a few things are the terminal's own (`clear`, a streaming watch,
 * `kubectl edit` opening the editor, `kubectl exec -it … sh` opening a shell in the pod).
 */
import { parseScript } from '../engine/script/parseScript';
import { splitCommandLine } from '../engine/kubectl/splitCommandLine';

export type TerminalInput =
  | { kind: 'clear' }
  /** A heredoc or a `\` continuation still open: wait for more lines. */
  | { kind: 'incomplete' }
  | { kind: 'watch'; command: string }
  | { kind: 'edit'; target: string[]; namespaceArgs: string[]; command: string }
  | { kind: 'exec-shell'; pod: string; execArgs: string[]; command: string }
  | { kind: 'run'; script: string };

const SHELLS = new Set(['sh', 'bash', '/bin/sh', '/bin/bash', 'ash', '/bin/ash']);

/** Reads one entry (a typed line, or a pasted block) of terminal input. */
export function readTerminalInput(text: string): TerminalInput {
  const trimmed = text.trim();
  if (trimmed === 'clear') return { kind: 'clear' };
  const parsed = parseScript(text);
  if (!parsed.ok && /delimited by end-of-file/.test(parsed.error)) return { kind: 'incomplete' };
  if (/\\\s*$/.test(text)) return { kind: 'incomplete' };
  if (!trimmed.includes('\n')) {
    const words = splitCommandLine(trimmed);
    if (Array.isArray(words) && words[0] === 'kubectl') {
      const special = readKubectl(words.slice(1), trimmed);
      if (special) return special;
    }
  }
  return { kind: 'run', script: text };
}

function readKubectl(args: string[], command: string): TerminalInput | undefined {
  const verb = args.find((arg) => !arg.startsWith('-'));
  if (verb === 'get' && args.some((arg) => /^(-w|--watch|--watch-only)(=true)?$/.test(arg)))
    return { kind: 'watch', command };
  if (verb === 'edit') {
    const rest = args.slice(args.indexOf('edit') + 1);
    const namespaceArgs: string[] = [];
    const target: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i]!;
      if (arg === '-n' || arg === '--namespace') namespaceArgs.push(arg, rest[++i] ?? '');
      else if (arg.startsWith('--namespace=')) namespaceArgs.push(arg);
      else if (!arg.startsWith('-')) target.push(arg);
    }
    return target.length > 0 ? { kind: 'edit', target, namespaceArgs, command } : undefined;
  }
  if (verb === 'exec') {
    const dash = args.indexOf('--');
    if (dash < 0) return undefined;
    const before = args.slice(args.indexOf('exec') + 1, dash);
    const after = args.slice(dash + 1);
    const interactive = before.some((arg) => /^-(it|ti|i|t)$/.test(arg) || arg === '--stdin' || arg === '--tty');
    if (!interactive || after.length !== 1 || !SHELLS.has(after[0]!)) return undefined;
    const execArgs = before.filter((arg) => !/^-(it|ti|i|t)$/.test(arg) && arg !== '--stdin' && arg !== '--tty');
    const pod = execArgs.find((arg, index) => !arg.startsWith('-') && !/^-(c|n)$/.test(execArgs[index - 1] ?? ''));
    return pod ? { kind: 'exec-shell', pod, execArgs, command } : undefined;
  }
  return undefined;
}

/** Quotes a word for the shell, as `sh -c` will read it. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A line typed in a pod's shell, as the kubectl command that runs it there: `kubectl exec` of `sh -c`, in the
 * shell's working directory; a `cd` reports the new directory so the terminal can keep it.
 */
export function podShellCommand(execArgs: string[], cwd: string, line: string): { script: string; cd: boolean } {
  const cd = /^cd(\s|$)/.test(line.trim());
  const program = cd ? `cd ${shellQuote(cwd)} && ${line.trim()} && pwd` : `cd ${shellQuote(cwd)} && ${line}`;
  return { script: `kubectl exec ${execArgs.join(' ')} -- sh -c ${shellQuote(program)}`, cd };
}

/** A heredoc terminator the text does not contain, for sending it as a here-document. */
export function heredocFor(command: string, text: string): string {
  let terminator = 'EOF';
  for (let n = 1; text.split('\n').some((line) => line.trim() === terminator); n++) terminator = `EOF_${n}`;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${command} <<'${terminator}'\n${body}${terminator}`;
}
