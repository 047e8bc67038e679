import type { Utility } from '../types';
import { commandName, parseOptions, showUsage } from './parseOptions';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

const CLASSES: Record<string, string> = {
  upper: UPPER,
  lower: LOWER,
  digit: DIGITS,
  alpha: UPPER + LOWER,
  alnum: UPPER + LOWER + DIGITS,
  space: ' \t\n\r\f\v',
  blank: ' \t',
};

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' };

/** Expands a tr set: escapes, `a-z` ranges and `[:class:]` names, into its list of characters. */
export function expandTrSet(set: string): string[] {
  const chars: string[] = [];
  for (let i = 0; i < set.length; i++) {
    const classMatch = /^\[:(\w+):\]/.exec(set.slice(i));
    const members = classMatch ? CLASSES[classMatch[1] ?? ''] : undefined;
    if (classMatch && members !== undefined) {
      chars.push(...members);
      i += classMatch[0].length - 1;
      continue;
    }
    let char = set.charAt(i);
    if (char === '\\' && i + 1 < set.length) {
      const next = set.charAt(++i);
      const octal = /^[0-7]{1,3}/.exec(set.slice(i))?.[0];
      if (octal) {
        char = String.fromCharCode(parseInt(octal, 8));
        i += octal.length - 1;
      } else char = ESCAPES[next] ?? next;
    }
    if (set.charAt(i + 1) === '-' && i + 2 < set.length) {
      const end = set.charCodeAt(i + 2);
      for (let code = char.charCodeAt(0); code <= end; code++) chars.push(String.fromCharCode(code));
      i += 2;
      continue;
    }
    chars.push(char);
  }
  return chars;
}

/** `tr [-cds] SET1 [SET2]`: translates stdin to stdout (busybox coreutils/tr.c). */
export const tr: Utility = (argv, io) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'cdsC');
  const synopsis = '[-cds] STRING1 [STRING2]';
  if (!parsed.ok) return showUsage(io, name, synopsis, parsed.message);
  const { flags, operands } = parsed;
  const [first, second] = operands;
  if (first === undefined || (!flags.d && !flags.s && second === undefined)) return showUsage(io, name, synopsis);
  const complement = flags.c === true || flags.C === true;
  const set1 = new Set(expandTrSet(first));
  const inSet1 = (char: string) => set1.has(char) !== complement;
  const set2 = second === undefined ? [] : expandTrSet(second);
  const squeezeSet = new Set(flags.d ? set2 : second === undefined ? set1 : set2);
  const from = [...set1];
  let out = '';
  let previous = '';
  for (const char of io.stdin) {
    let mapped = char;
    if (flags.d) {
      if (inSet1(char)) continue;
    } else if (set2.length > 0 && inSet1(char)) {
      const index = complement ? set2.length - 1 : from.indexOf(char);
      mapped = set2[Math.min(index, set2.length - 1)] ?? char;
    }
    if (flags.s && mapped === previous && squeezeSet.has(mapped)) continue;
    out += mapped;
    previous = mapped;
  }
  io.stdout(out);
  return 0;
};
