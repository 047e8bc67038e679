/**
 * bc's arbitrary-precision decimal numbers: `value / 10^scale`, where `scale` is the number of digits kept after
 * the point. Every operation keeps the scale GNU bc's number.c gives its result and truncates (never rounds), so
 * results match bc digit for digit.
 */
export interface BcNumber {
  value: bigint;
  scale: number;
}

export const ZERO: BcNumber = { value: 0n, scale: 0 };
export const ONE: BcNumber = { value: 1n, scale: 0 };

/** Thrown for bc's runtime errors (division by zero...). */
export class BcRuntimeError extends Error {}

const powerOfTen = (exponent: number): bigint => 10n ** BigInt(exponent);

/** A number from its decimal text (`12`, `.5`, `3.140`): trailing zeros count toward the scale, as in bc. */
export function parseBcNumber(text: string): BcNumber {
  const [whole = '', fraction = ''] = text.split('.');
  return { value: BigInt((whole || '0') + fraction), scale: fraction.length };
}

export function fromInteger(value: number | bigint): BcNumber {
  return { value: BigInt(value), scale: 0 };
}

/** Re-expresses `n` with `scale` digits after the point, truncating toward zero when digits are dropped. */
export function rescale(n: BcNumber, scale: number): BcNumber {
  if (scale === n.scale) return n;
  if (scale > n.scale) return { value: n.value * powerOfTen(scale - n.scale), scale };
  return { value: n.value / powerOfTen(n.scale - scale), scale };
}

export function isZero(n: BcNumber): boolean {
  return n.value === 0n;
}

export function negate(n: BcNumber): BcNumber {
  return { value: -n.value, scale: n.scale };
}

export function compare(a: BcNumber, b: BcNumber): number {
  const scale = Math.max(a.scale, b.scale);
  const difference = rescale(a, scale).value - rescale(b, scale).value;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** a + b, with the larger of the two scales. */
export function add(a: BcNumber, b: BcNumber): BcNumber {
  const scale = Math.max(a.scale, b.scale);
  return { value: rescale(a, scale).value + rescale(b, scale).value, scale };
}

export function subtract(a: BcNumber, b: BcNumber): BcNumber {
  return add(a, negate(b));
}

/** a * b, keeping min(a.scale + b.scale, max(scale, a.scale, b.scale)) digits. */
export function multiply(a: BcNumber, b: BcNumber, scale: number): BcNumber {
  const full = { value: a.value * b.value, scale: a.scale + b.scale };
  return rescale(full, Math.min(full.scale, Math.max(scale, a.scale, b.scale)));
}

/** a / b to `scale` digits. */
export function divide(a: BcNumber, b: BcNumber, scale: number): BcNumber {
  if (b.value === 0n) throw new BcRuntimeError('Divide by zero');
  const numerator = a.value * powerOfTen(scale + b.scale);
  const denominator = b.value * powerOfTen(a.scale);
  return { value: numerator / denominator, scale };
}

/** a % b: a - (a / b) * b with the quotient at `scale` (bc's modulo, which is not an integer remainder). */
export function modulo(a: BcNumber, b: BcNumber, scale: number): BcNumber {
  const resultScale = Math.max(a.scale, b.scale + scale);
  const quotient = divide(a, b, scale);
  return rescale(subtract(a, multiply(quotient, b, resultScale)), Math.max(resultScale, a.scale));
}

/** a ^ exponent (an integer): exact, then truncated to min(a.scale * exponent, max(scale, a.scale)). */
export function power(a: BcNumber, exponent: bigint, scale: number): BcNumber {
  if (exponent === 0n) return ONE;
  const magnitude = exponent < 0n ? -exponent : exponent;
  const exact = { value: a.value ** magnitude, scale: a.scale * Number(magnitude) };
  if (exponent < 0n) return divide(ONE, exact, scale);
  return rescale(exact, Math.min(exact.scale, Math.max(scale, a.scale)));
}

/** The integer part of `n` (what bc uses for exponents and for `scale = expr`). */
export function toBigInt(n: BcNumber): bigint {
  return rescale(n, 0).value;
}

/** Number of integer digits, counting a lone 0 as one digit (bc's n_len). */
function integerDigits(n: BcNumber): number {
  const whole = rescale(n, 0).value;
  return (whole < 0n ? -whole : whole).toString().length;
}

/** `length(x)`: significant digits; a number below 1 counts only its fraction digits. */
export function significantDigits(n: BcNumber): number {
  const whole = rescale(n, 0).value;
  if (whole === 0n) return Math.max(n.scale, 1);
  return integerDigits(n) + n.scale;
}

/** Are all digits of |n| down to `scale` places zero, or all but a final 1 (GNU bc_is_near_zero)? */
function isNearZero(n: BcNumber, scale: number): boolean {
  const kept = rescale(n, Math.min(scale, n.scale)).value;
  return kept === 0n || kept === 1n || kept === -1n;
}

/**
 * Square root to max(scale, n.scale) digits by GNU bc's Newton iteration (number.c bc_sqrt), which works at a
 * growing precision and truncates at the end, so its last digit is what bc prints.
 */
export function squareRoot(n: BcNumber, scale: number): BcNumber {
  const order = compare(n, ZERO);
  if (order < 0) throw new BcRuntimeError('Square root of a negative number');
  if (order === 0) return ZERO;
  if (compare(n, ONE) === 0) return ONE;
  const resultScale = Math.max(scale, n.scale);
  const half = parseBcNumber('.5');
  let guess: BcNumber;
  let workScale: number;
  if (compare(n, ONE) < 0) {
    guess = ONE;
    workScale = n.scale;
  } else {
    guess = { value: powerOfTen(Math.floor(integerDigits(n) / 2)), scale: 0 };
    workScale = 3;
  }
  for (;;) {
    const previous = guess;
    guess = divide(n, guess, workScale);
    guess = add(guess, previous);
    guess = multiply(guess, half, workScale);
    const difference = rescale(subtract(guess, previous), Math.max(guess.scale, previous.scale, workScale + 1));
    if (!isNearZero(difference, workScale)) continue;
    if (workScale < resultScale + 1) workScale = Math.min(workScale * 3, resultScale + 1);
    else break;
  }
  return divide(guess, ONE, resultScale);
}

/** bc's printed form: no leading zero before the point (`.5`, `-.25`), and 0 for zero at any scale. */
export function formatBcNumber(n: BcNumber): string {
  if (n.value === 0n) return '0';
  const negative = n.value < 0n;
  const digits = (negative ? -n.value : n.value).toString().padStart(n.scale + 1, '0');
  const whole = digits.slice(0, digits.length - n.scale).replace(/^0+/, '');
  const fraction = n.scale > 0 ? `.${digits.slice(digits.length - n.scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
