// apimachinery: pkg/api/resource/{quantity.go,amount.go,suffix.go}. Values are exact: parsing rounds up
// (away from zero) to nano precision, so a quantity is an integer count of nano-units, kept as a decimal
// string so that quantities stay plain JSON data; arithmetic runs on BigInt.

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI';

export interface Quantity {
  /** The value in units of 10^-9, as a decimal integer string, e.g. `"1500000000"` for 1.5. */
  nanos: string;
  /** How the value is written back: `k`/`M`/`m`… (DecimalSI), `Ki`/`Mi`… (BinarySI) or `e3` (DecimalExponent). */
  format: QuantityFormat;
  /** The input text, when ParseQuantity keeps it as the serialized form (e.g. `500m`, `1Gi`, `1.441`). */
  cached?: string;
}

const ERR_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const ERR_NUMERIC = 'unable to parse numeric part of quantity';
const ERR_SUFFIX = "unable to parse quantity's suffix";

const NANO = 10n ** 9n;
const MAX_INT64 = 2n ** 63n - 1n;
/** BinarySI values are capped at int64 max when parsed. */
const MAX_BINARY_NANOS = MAX_INT64 * NANO;
/** Exponents beyond this are not expanded (Go would build a huge decimal); larger inputs are rejected. */
const MAX_EXPANDED_EXPONENT = 4096;

const DECIMAL_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

interface Scanned {
  positive: boolean;
  /** The numeric text (sign included); only its emptiness matters past the scanner. */
  value: string;
  /** Integer digits without leading zeros ("0" when there are none). */
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString: sign, digits, fraction, then a suffix of suffix letters and an optional signed number. */
function scan(text: string): Scanned | undefined {
  const end = text.length;
  let positive = true;
  let pos = 0;
  if (text[0] === '-') {
    positive = false;
    pos++;
  } else if (text[0] === '+') {
    pos++;
  }
  while (text[pos] === '0') pos++;
  if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (isDigit(text[i])) i++;
  let num = text.slice(pos, i);
  if (i >= end) return { positive, value: text, num, denom: '', suffix: '' };
  pos = i;
  if (num.length === 0) num = '0';
  let denom = '';
  if (text[pos] === '.') {
    pos++;
    i = pos;
    while (isDigit(text[i])) i++;
    denom = text.slice(pos, i);
    if (i >= end) return { positive, value: text, num, denom, suffix: '' };
    pos = i;
  }
  const value = text.slice(0, pos);
  const suffixStart = pos;
  while (pos < end && SUFFIX_CHARS.includes(text[pos] ?? '')) pos++;
  if (pos >= end) return { positive, value, num, denom, suffix: text.slice(suffixStart) };
  if (text[pos] === '-' || text[pos] === '+') pos++;
  while (isDigit(text[pos])) pos++;
  return pos >= end ? { positive, value, num, denom, suffix: text.slice(suffixStart) } : undefined;
}

/** suffixer.interpret: base, exponent and format of a suffix. */
function interpretSuffix(suffix: string): { base: 2 | 10; exponent: number; format: QuantityFormat } | undefined {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined) return { base: 10, exponent: decimal, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined) return { base: 2, exponent: binary, format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?[0-9]+$/.test(suffix.slice(1))) {
    const parsed = BigInt(suffix.slice(1));
    if (parsed < -(2n ** 63n) || parsed > MAX_INT64) return undefined;
    // Go keeps int32(parsed).
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** ceil(a / b) for a >= 0, b > 0. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** Whether ParseQuantity takes its int64 fast path (otherwise it goes through inf.Dec). */
function takesFastPath(scanned: Scanned, base: 2 | 10, exponent: number): boolean {
  const { num, denom } = scanned;
  if (base === 10) return 18 - (num.length + denom.length) >= 0 && exponent - denom.length >= -9;
  if (exponent < 0 || denom.length > 0) return false;
  if (15 - num.length - Math.trunc((exponent * 3) / 10) - 1 < 0) return false;
  return BigInt(num) << BigInt(exponent) <= MAX_INT64;
}

/** On the fast path the input is kept as the serialized form when it looks canonical already. */
function keepsInput(scanned: Scanned, base: 2 | 10, exponent: number): boolean {
  if (!takesFastPath(scanned, base, exponent)) return false;
  const shifted = scanned.num + scanned.denom;
  if (base === 2) return exponent % 10 === 0 && (BigInt(scanned.num) & 7n) !== 0n;
  return (exponent - scanned.denom.length) % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0';
}

/**
 * resource.ParseQuantity: `100m`, `0.5`, `1Gi`, `1.5Gi`, `129M`, `129e6`, `128974848`. Errors are
 * apimachinery's (`quantities must match the regular expression …`, `unable to parse quantity's suffix`).
 */
export function parseQuantity(text: string): { ok: true; value: Quantity } | { ok: false; error: string } {
  if (text.length === 0) return { ok: false, error: ERR_FORMAT_WRONG };
  if (text === '0') return { ok: true, value: { nanos: '0', format: 'DecimalSI', cached: '0' } };
  const scanned = scan(text);
  if (!scanned) return { ok: false, error: ERR_FORMAT_WRONG };
  const suffix = interpretSuffix(scanned.suffix);
  if (!suffix) return { ok: false, error: ERR_SUFFIX };
  const { base, exponent } = suffix;
  let format = suffix.format;
  // inf.Dec cannot read a number without digits ("Ei", ".Pi"); the fast path reads it as 0.
  if (/^[+-]?\.?$/.test(scanned.value) && !takesFastPath(scanned, base, exponent))
    return { ok: false, error: ERR_NUMERIC };

  const digits = BigInt(scanned.num + scanned.denom);
  let magnitude: bigint;
  if (base === 10) {
    const shift = exponent - scanned.denom.length + 9;
    if (shift > MAX_EXPANDED_EXPONENT) return { ok: false, error: ERR_NUMERIC };
    if (shift >= 0) magnitude = digits * 10n ** BigInt(shift);
    else if (shift < -MAX_EXPANDED_EXPONENT) magnitude = digits === 0n ? 0n : 1n;
    else magnitude = ceilDiv(digits, 10n ** BigInt(-shift));
  } else {
    magnitude = ceilDiv((digits << BigInt(exponent)) * NANO, 10n ** BigInt(scanned.denom.length));
    if (magnitude > MAX_BINARY_NANOS) magnitude = MAX_BINARY_NANOS;
    // Fractions of one byte are not binary amounts.
    if (magnitude > 0n && magnitude < NANO) format = 'DecimalSI';
  }
  const nanos = scanned.positive ? magnitude : -magnitude;
  const quantity: Quantity = { nanos: nanos.toString(), format };
  if (keepsInput(scanned, base, exponent)) quantity.cached = text;
  return { ok: true, value: quantity };
}

function nanosOf(q: Quantity): bigint {
  return BigInt(q.nanos);
}

/** Removes all factors of `base` (amount.go removeBigIntFactors). */
function removeFactors(value: bigint, base: bigint): { mantissa: bigint; times: number } {
  let mantissa = value;
  let times = 0;
  while (mantissa !== 0n && mantissa % base === 0n) {
    mantissa /= base;
    times++;
  }
  return { mantissa, times };
}

const DECIMAL_SUFFIX_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIXES).map(([s, e]) => [e, s]));
const BINARY_SUFFIX_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIXES).map(([s, e]) => [e, s]));

/** Base-10 canonical form: exponent a multiple of 3, as large as possible without a fraction. */
function formatDecimal(nanos: bigint, format: QuantityFormat): string {
  const removed = removeFactors(nanos, 10n);
  let mantissa = removed.mantissa;
  let exponent = removed.times - 9;
  while (exponent % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  const si = format === 'DecimalSI' ? DECIMAL_SUFFIX_BY_EXPONENT.get(exponent) : undefined;
  // Past E (1e21 and up) DecimalSI falls back to the exponent form.
  const suffix = si ?? (exponent === 0 ? '' : `e${exponent}`);
  return `${mantissa}${suffix}`;
}

/**
 * Quantity.String(): the kept input if ParseQuantity kept it, else the canonical form (CanonicalizeBytes):
 * `0.5` → `500m`, `1000m` → `1`, `1024Mi` → `1Gi`, `1.5Gi` → `1536Mi`, `1000M` → `1G`, `1e100` → `10e99`.
 */
export function formatQuantity(q: Quantity): string {
  if (q.cached !== undefined) return q.cached;
  const nanos = nanosOf(q);
  if (nanos === 0n) return '0';
  if (q.format === 'BinarySI') {
    // Small or fractional binary amounts print as DecimalSI rather than rounding.
    const small = nanos > -1024n * NANO && nanos < 1024n * NANO;
    if (!small && nanos % NANO === 0n) {
      const { mantissa, times } = removeFactors(nanos / NANO, 1024n);
      const suffix = BINARY_SUFFIX_BY_EXPONENT.get(times * 10) ?? (times === 0 ? '' : undefined);
      if (suffix !== undefined) return `${mantissa}${suffix}`;
    }
    return formatDecimal(nanos, 'DecimalSI');
  }
  return formatDecimal(nanos, q.format);
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const x = nanosOf(a);
  const y = nanosOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Quantity.Add: the sum takes the first operand's format, or the second's when the first is zero. */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  const x = nanosOf(a);
  return { nanos: (x + nanosOf(b)).toString(), format: x === 0n ? b.format : a.format };
}

/** Quantity.Sub, with Add's format rule. */
export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  const x = nanosOf(a);
  return { nanos: (x - nanosOf(b)).toString(), format: x === 0n ? b.format : a.format };
}

/** value / unit rounded away from zero (ScaledValue). */
function scaledValue(nanos: bigint, unit: bigint): number {
  const magnitude = ceilDiv(nanos < 0n ? -nanos : nanos, unit);
  return Number(nanos < 0n ? -magnitude : magnitude);
}

/** Quantity.MilliValue(): ceil(q·1000) away from zero, e.g. `250m` → 250, `1` → 1000, `1Ki` → 1024000. */
export function quantityToMilli(q: Quantity): number {
  return scaledValue(nanosOf(q), 10n ** 6n);
}

/** Quantity.Value(): the value rounded up to an integer (away from zero), e.g. `1Gi` → 1073741824, `100m` → 1. */
export function quantityValue(q: Quantity): number {
  return scaledValue(nanosOf(q), NANO);
}

/** Quantity.AsApproximateFloat64(), e.g. `1500m` → 1.5. */
export function quantityToNumber(q: Quantity): number {
  const nanos = nanosOf(q);
  const whole = nanos / NANO;
  return Number(whole) + Number(nanos - whole * NANO) / 1e9;
}

/**
 * Quantity.RoundUp(scale) for a power-of-ten scale that is a multiple of 3 (the API server rounds resource
 * lists up to milli, `-3`): an exact value keeps its kept input, a finer one is rounded away from zero and
 * loses it (`1.0001` → `1001m`).
 */
export function roundUpQuantity(q: Quantity, scale: number): Quantity {
  const unit = 10n ** BigInt(Math.max(scale + 9, 0));
  const nanos = nanosOf(q);
  if (nanos % unit === 0n) return q;
  const magnitude = ceilDiv(nanos < 0n ? -nanos : nanos, unit) * unit;
  return { nanos: (nanos < 0n ? -magnitude : magnitude).toString(), format: q.format };
}

/** resource.NewQuantity(value, format) for an integer value. */
export function newQuantity(value: number, format: QuantityFormat): Quantity {
  return { nanos: (BigInt(Math.trunc(value)) * NANO).toString(), format };
}

/** resource.NewMilliQuantity(value, format): value/1000, e.g. `newMilliQuantity(250, 'DecimalSI')` → `250m`. */
export function newMilliQuantity(milli: number, format: QuantityFormat): Quantity {
  return { nanos: (BigInt(Math.trunc(milli)) * 10n ** 6n).toString(), format };
}
