import type { Utility, UtilityResult } from '../types';
import { scaledPi } from './piDigits';
import { parseSleepDuration } from './sleep';

// Just enough perl for container commands seen in tutorials: the Kubernetes docs' Job
// `perl -Mbignum=bpi -wle 'print bpi(2000)'`, `print` of constant strings and numbers, and `sleep N`.

/** Math::BigFloat's default precision, which bpi() without a usable argument uses. */
const DEFAULT_PI_DIGITS = 40;

/** π to `digits` significant digits, rounded, as Math::BigFloat::bpi prints it. */
export function formatPi(digits: number): string {
  const significant = digits >= 1 ? digits : DEFAULT_PI_DIGITS;
  const guard = 5;
  const scaled = scaledPi(significant - 1 + guard);
  const rounded = ((scaled + 5n * 10n ** BigInt(guard - 1)) / 10n ** BigInt(guard)).toString();
  return significant === 1 ? rounded : `${rounded.slice(0, 1)}.${rounded.slice(1)}`;
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  '\\': '\\',
  '"': '"',
  $: '$',
  '@': '@',
  r: '\r',
  '0': '\0',
  e: '\x1b',
};

/** Evaluates one item of a print list, or undefined when it is beyond this perl. */
function evaluateItem(item: string, bignum: boolean): string | undefined {
  const text = item.trim();
  const double = /^"((?:[^"\\$@]|\\.)*)"$/.exec(text);
  if (double) return (double[1] ?? '').replace(/\\(.)/g, (_whole, char: string) => ESCAPES[char] ?? char);
  const single = /^'((?:[^'\\]|\\.)*)'$/.exec(text);
  if (single) return (single[1] ?? '').replace(/\\([\\'])/g, '$1');
  const pi = /^bpi\s*\(\s*(\d+)\s*\)$/.exec(text);
  if (pi && bignum) return formatPi(Number(pi[1]));
  if (/^-?\d+(\.\d+)?$/.test(text)) return String(Number(text));
  return undefined;
}

/** Splits on commas outside quotes. */
function splitList(list: string): string[] {
  const items: string[] = [];
  let current = '';
  let quote = '';
  for (let i = 0; i < list.length; i++) {
    const char = list.charAt(i);
    if (quote) {
      current += char;
      if (char === '\\') current += list.charAt(++i);
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === ',') {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items;
}

interface PerlInvocation {
  code?: string;
  newline: boolean;
  bignum: boolean;
  version: boolean;
}

function parsePerlArgs(args: string[]): PerlInvocation {
  const invocation: PerlInvocation = { newline: false, bignum: false, version: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-v' || arg === '--version') invocation.version = true;
    else if (arg.startsWith('-M'))
      invocation.bignum ||= /^-M(bignum|bigrat|Math::BigFloat)\b/.test(arg) && /bpi/.test(arg);
    else if (/^-[wlse]+$/.test(arg)) {
      if (arg.includes('l')) invocation.newline = true;
      if (arg.endsWith('e')) invocation.code = args[++i];
    } else if (invocation.code === undefined && !arg.startsWith('-')) break;
  }
  return invocation;
}

/** `perl [-wl] [-Mbignum=bpi] -e CODE` for the statements above; anything else is refused with a message. */
export const perl: Utility = (argv, io): UtilityResult => {
  const invocation = parsePerlArgs(argv.slice(1));
  if (invocation.version) {
    io.stdout('\nThis is perl 5, version 36, subversion 0 (v5.36.0) built for x86_64-linux-gnu-thread-multi\n');
    return 0;
  }
  const refuse = (): number => {
    io.stderr(
      "perl: this playground's perl runs only `print` of constant strings and numbers, `bpi(N)` with -Mbignum=bpi, and `sleep N`\n",
    );
    return 255;
  };
  if (invocation.code === undefined) return refuse();
  let out = '';
  let sleepMs = 0;
  for (const statement of invocation.code
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const print = /^print\b\s*(.*)$/s.exec(statement);
    const sleep = /^sleep\s*\(?\s*(\d+)\s*\)?$/.exec(statement);
    if (sleep) {
      sleepMs += parseSleepDuration(sleep[1] ?? '0') ?? 0;
      continue;
    }
    if (!print) return refuse();
    const values = splitList(print[1] ?? '').map((item) => evaluateItem(item, invocation.bignum));
    if (values.some((value) => value === undefined)) return refuse();
    out += values.join('') + (invocation.newline ? '\n' : '');
  }
  io.stdout(out);
  return sleepMs > 0 ? { exitCode: 0, sleepMs } : 0;
};
