import type { ProcessIO, Utility, UtilityResult } from '../types';
import { commandName } from './parseOptions';

/** A busybox message and its GNU coreutils wording (C locale), with the exit status GNU uses if it differs. */
interface Rewrite {
  pattern: RegExp;
  replacement: string;
  exitCode?: number;
}

// GNU coreutils 9 / sed 4.9 / procps kill wordings, as Debian images print them.
const REWRITES: Rewrite[] = [
  { pattern: /^cat: can't open '(.*)': (.*)$/, replacement: 'cat: $1: $2' },
  { pattern: /^ls: (.*): (No such file or directory)$/, replacement: "ls: cannot access '$1': $2", exitCode: 2 },
  { pattern: /^rm: can't remove '(.*)': (.*)$/, replacement: "rm: cannot remove '$1': $2" },
  { pattern: /^rm: '(.*)' is a directory$/, replacement: "rm: cannot remove '$1': Is a directory" },
  { pattern: /^mkdir: can't create directory '(.*)': (.*)$/, replacement: "mkdir: cannot create directory '$1': $2" },
  { pattern: /^rmdir: '(.*)': (.*)$/, replacement: "rmdir: failed to remove '$1': $2" },
  { pattern: /^touch: (.*): (.*)$/, replacement: "touch: cannot touch '$1': $2" },
  { pattern: /^head: (.*): (.*)$/, replacement: "head: cannot open '$1' for reading: $2" },
  { pattern: /^tail: can't open '(.*)': (.*)$/, replacement: "tail: cannot open '$1' for reading: $2" },
  { pattern: /^tail: no files$/, replacement: '' },
  { pattern: /^cp: can't stat '(.*)': (.*)$/, replacement: "cp: cannot stat '$1': $2" },
  { pattern: /^cp: omitting directory '(.*)'$/, replacement: "cp: -r not specified; omitting directory '$1'" },
  { pattern: /^cp: can't create '(.*)': (.*)$/, replacement: "cp: cannot create regular file '$1': $2" },
  { pattern: /^mv: can't rename '(.*)': (No such file or directory)$/, replacement: "mv: cannot stat '$1': $2" },
  { pattern: /^mv: can't rename '(.*)': (.*)$/, replacement: "mv: cannot move '$1': $2" },
  {
    pattern: /^sleep: invalid number '(.*)'$/,
    replacement: "sleep: invalid time interval '$1'\nTry 'sleep --help' for more information.",
  },
  { pattern: /^sort: (.*): (.*)$/, replacement: 'sort: cannot read: $1: $2' },
  { pattern: /^uniq: can't open '(.*)': (.*)$/, replacement: 'uniq: $1: $2' },
  { pattern: /^sed: (.*): (No such file or directory)$/, replacement: "sed: can't read $1: $2", exitCode: 2 },
  {
    pattern: /^cut: expected a list of bytes, characters, or fields$/,
    replacement: "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.",
  },
  {
    pattern: /^expr: too few arguments$/,
    replacement: "expr: missing operand\nTry 'expr --help' for more information.",
  },
  { pattern: /^kill: can't kill pid (\d+): (.*)$/, replacement: 'kill: ($1): $2' },
  { pattern: /^env: can't execute '(.*)': (.*)$/, replacement: "env: '$1': $2" },
];

/**
 * Wraps a busybox-worded utility so its diagnostics read as GNU coreutils print them in Debian-based images
 * (`cat: /x: No such file or directory` instead of `cat: can't open '/x': ...`). Busybox's usage banner becomes
 * GNU's `Try 'cmd --help'` hint. Standard output is untouched.
 */
export function withGnuMessages(utility: Utility): Utility {
  return (argv, io, sys, env, cwd): UtilityResult => {
    const name = commandName(argv);
    let complained = false;
    let exitOverride: number | undefined;
    const translate = (line: string): string => {
      // Only the command's own lines: `env` passes on those of the command it runs, already GNU-worded.
      if (!line.startsWith(`${name}: `)) return line;
      const rule = REWRITES.find((candidate) => candidate.pattern.test(line));
      if (!rule) return line;
      if (rule.exitCode !== undefined) exitOverride = rule.exitCode;
      return line.replace(rule.pattern, rule.replacement);
    };
    const gnuIo: ProcessIO = {
      stdin: io.stdin,
      stdout: (text) => io.stdout(text),
      stderr: (text) => {
        if (text.startsWith('BusyBox v')) {
          io.stderr(`${complained ? '' : `${name}: missing operand\n`}Try '${name} --help' for more information.\n`);
          return;
        }
        complained = true;
        const lines = text
          .replace(/\n$/, '')
          .split('\n')
          .map(translate)
          .filter((line) => line !== '');
        if (lines.length > 0) io.stderr(`${lines.join('\n')}\n`);
      },
    };
    const result = utility(argv, gnuIo, sys, env, cwd);
    if (exitOverride === undefined) return result;
    return typeof result === 'number' ? exitOverride : { ...result, exitCode: exitOverride };
  };
}
