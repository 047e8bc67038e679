import type { ProcessIO } from '../types';

export type ParsedOptions =
  { ok: true; flags: Record<string, string | true>; operands: string[] } | { ok: false; message: string };

/**
 * getopt-style parsing of short options. `spec` lists the option letters; a letter followed by `:` takes an
 * argument (`-n 5` or `-n5`). Options may follow operands (glibc's getopt permutes) unless `stopAtOperand`; `--` ends
 * options and a lone `-` is an operand (stdin). A repeated option keeps its last argument.
 */
export function parseOptions(args: readonly string[], spec: string, stopAtOperand = false): ParsedOptions {
  const flags: Record<string, string | true> = {};
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      if (stopAtOperand) {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg.charAt(j);
      const at = spec.indexOf(letter);
      if (at < 0 || letter === ':') return { ok: false, message: `invalid option -- '${letter}'` };
      if (spec.charAt(at + 1) !== ':') {
        flags[letter] = true;
        continue;
      }
      const rest = arg.slice(j + 1);
      if (rest) flags[letter] = rest;
      else if (i + 1 < args.length) flags[letter] = args[++i] ?? '';
      else return { ok: false, message: `option requires an argument -- '${letter}'` };
      break;
    }
  }
  return { ok: true, flags, operands };
}

/** The applet name busybox reports in messages: the basename of argv[0]. */
export function commandName(argv: readonly string[]): string {
  const first = argv[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}

/** Prints `name: message` to stderr and returns `code`, the way most applets fail. */
export function reportFailure(io: ProcessIO, name: string, message: string, code = 1): number {
  io.stderr(`${name}: ${message}\n`);
  return code;
}

/**
 * Busybox's answer to a bad command line: the optional complaint, then the multi-call banner and a one-line usage
 * (the real help text is longer), exit status 1.
 */
export function showUsage(io: ProcessIO, name: string, synopsis: string, complaint?: string): number {
  if (complaint) io.stderr(`${name}: ${complaint}\n`);
  io.stderr(`BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: ${name} ${synopsis}\n`);
  return 1;
}
