/** `printf` formatting. */
import { processEscapes } from '../os/utilities/escapes';
import type { Dialect } from './state';

interface Spec {
  minus: boolean;
  plus: boolean;
  space: boolean;
  zero: boolean;
  alt: boolean;
  width: number;
  precision: number | undefined;
}

function pad(prefix: string, body: string, spec: Spec, zeroOk: boolean): string {
  const len = prefix.length + body.length;
  if (len >= spec.width) return prefix + body;
  if (spec.minus) return (prefix + body).padEnd(spec.width);
  if (spec.zero && zeroOk) return prefix + body.padStart(spec.width - prefix.length, '0');
  return (prefix + body).padStart(spec.width);
}

function formatInteger(v: bigint, conv: string, spec: Spec): string {
  const signed = conv === 'd' || conv === 'i';
  let value = v;
  if (!signed && value < 0n) value = BigInt.asUintN(64, value);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
  let digits = magnitude.toString(base);
  if (conv === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined)
    digits = spec.precision === 0 && magnitude === 0n ? '' : digits.padStart(spec.precision, '0');
  let prefix = negative ? '-' : signed && spec.plus ? '+' : signed && spec.space ? ' ' : '';
  if (spec.alt && conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
  if (spec.alt && (conv === 'x' || conv === 'X') && magnitude !== 0n) prefix += conv === 'x' ? '0x' : '0X';
  return pad(prefix, digits, spec, spec.precision === undefined);
}

function exponential(v: number, precision: number): string {
  const [mantissa = '', exp = '0'] = v.toExponential(precision).split('e');
  const n = Number(exp);
  return `${mantissa}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
}

function stripZeros(s: string): string {
  const [num = '', exp] = s.split('e');
  const trimmed = num.includes('.') ? num.replace(/0+$/, '').replace(/\.$/, '') : num;
  return exp === undefined ? trimmed : `${trimmed}e${exp}`;
}

function formatFloat(x: number, conv: string, spec: Spec): string {
  const upper = conv === 'F' || conv === 'E' || conv === 'G';
  const negative = x < 0 || Object.is(x, -0);
  const prefix = negative ? '-' : spec.plus ? '+' : spec.space ? ' ' : '';
  const a = Math.abs(x);
  let body: string;
  if (!Number.isFinite(a)) {
    body = Number.isNaN(a) ? 'nan' : 'inf';
  } else {
    const p = spec.precision ?? 6;
    const lower = conv.toLowerCase();
    if (lower === 'f') body = a.toFixed(p);
    else if (lower === 'e') body = exponential(a, p);
    else {
      const g = p === 0 ? 1 : p;
      const exp = a === 0 ? 0 : Number(a.toExponential(g - 1).split('e')[1]);
      body = exp < -4 || exp >= g ? exponential(a, g - 1) : a.toFixed(g - 1 - exp);
      if (!spec.alt) body = stripZeros(body);
    }
  }
  if (upper) body = body.toUpperCase();
  return pad(prefix, body, spec, Number.isFinite(a));
}

/** strtoimax with base 0: the value of the longest numeric prefix and whether the whole text was used. */
function parseIntegerArg(s: string): { value: bigint; complete: boolean; empty: boolean } {
  const quoted = /^['"](.)/su.exec(s);
  if (quoted?.[1]) return { value: BigInt(quoted[1].codePointAt(0) ?? 0), complete: true, empty: false };
  const m = /^\s*([+-]?)(0[xX][0-9A-Fa-f]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m?.[2]) return { value: 0n, complete: false, empty: true };
  const body = m[2];
  const magnitude = /^0[0-7]+$/.test(body) ? BigInt(`0o${body.slice(1)}`) : BigInt(body);
  return {
    value: BigInt.asIntN(64, m[1] === '-' ? -magnitude : magnitude),
    complete: m[0].length === s.length,
    empty: false,
  };
}

function parseFloatArg(s: string): { value: number; complete: boolean; empty: boolean } {
  const quoted = /^['"](.)/su.exec(s);
  if (quoted?.[1]) return { value: quoted[1].codePointAt(0) ?? 0, complete: true, empty: false };
  const m = /^\s*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(s);
  if (!m) return { value: 0, complete: false, empty: true };
  const text = m[0].trim().toLowerCase().replace('infinity', 'inf');
  const value = text.endsWith('inf')
    ? text.startsWith('-')
      ? -Infinity
      : Infinity
    : text.endsWith('nan')
      ? NaN
      : Number(text);
  return { value, complete: m[0].length === s.length, empty: false };
}

/**
 * Format like printf(1): the format is reused while arguments remain; missing arguments read as '' or 0.
 * Errors are worded as dash, bash or busybox (ash's printf) report them, without the `printf:` prefix.
 */
export function formatPrintf(format: string, args: string[], dialect: Dialect): { output: string; errors: string[] } {
  let output = '';
  const errors: string[] = [];
  let argi = 0;
  const nextArg = (): string | undefined => (argi < args.length ? args[argi++] : undefined);
  const numericError = (arg: string, empty: boolean): void => {
    if (dialect === 'bash') errors.push(`${arg}: invalid number`);
    else if (dialect === 'ash') errors.push(`invalid number '${arg}'`);
    else errors.push(empty ? `${arg}: expected numeric value` : `${arg}: not completely converted`);
  };
  const intArg = (): bigint => {
    const a = nextArg();
    if (a === undefined || a === '') return 0n;
    const r = parseIntegerArg(a);
    if (!r.complete) numericError(a, r.empty);
    return r.value;
  };
  for (;;) {
    const before = argi;
    for (let i = 0; i < format.length; i++) {
      const c = format[i] ?? '';
      if (c === '\\') {
        const end = /^\\(?:x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|.)/s.exec(format.slice(i));
        const piece = end?.[0] ?? '\\';
        output += processEscapes(piece, 'format').text;
        i += piece.length - 1;
        continue;
      }
      if (c !== '%') {
        output += c;
        continue;
      }
      if (format[i + 1] === '%') {
        output += '%';
        i++;
        continue;
      }
      const m = /^%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?[hlLqjzt]*(.)?/s.exec(format.slice(i));
      const flags = m?.[1] ?? '';
      const conv = m?.[4];
      const spec: Spec = {
        minus: flags.includes('-'),
        plus: flags.includes('+'),
        space: flags.includes(' '),
        zero: flags.includes('0'),
        alt: flags.includes('#'),
        width: 0,
        precision: undefined,
      };
      if (m?.[2] === '*') {
        const w = Number(intArg());
        spec.width = Math.abs(w);
        if (w < 0) spec.minus = true;
      } else if (m?.[2]) spec.width = Number(m[2]);
      if (m?.[3] === '*') spec.precision = Math.max(0, Number(intArg()));
      else if (m?.[3] !== undefined) spec.precision = Number(m[3] || '0');
      if (conv === undefined || !'sbcdiouxXfFeEgG'.includes(conv)) {
        errors.push(`%${conv ?? ''}: ${dialect === 'ash' ? 'invalid format' : 'invalid directive'}`);
        return { output, errors };
      }
      i += (m?.[0].length ?? 1) - 1;
      if (conv === 's' || conv === 'b' || conv === 'c') {
        let s = nextArg() ?? '';
        if (conv === 'b') {
          const r = processEscapes(s, 'echo');
          if (r.stop) return { output: output + pad('', r.text, spec, false), errors };
          s = r.text;
        }
        if (conv === 'c') s = [...s][0] ?? '';
        if (spec.precision !== undefined && conv !== 'c') s = s.slice(0, spec.precision);
        output += pad('', s, spec, false);
      } else if ('diouxX'.includes(conv)) {
        output += formatInteger(intArg(), conv, spec);
      } else {
        const a = nextArg();
        let value = 0;
        if (a !== undefined && a !== '') {
          const r = parseFloatArg(a);
          if (!r.complete) numericError(a, r.empty);
          value = r.value;
        }
        output += formatFloat(value, conv, spec);
      }
    }
    if (argi >= args.length || argi === before) break;
  }
  return { output, errors };
}
