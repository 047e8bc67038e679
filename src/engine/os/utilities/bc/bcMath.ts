import { scaledArctanOfInverse, scaledPi } from '../piDigits';
import {
  add,
  compare,
  divide,
  fromInteger,
  isZero,
  multiply,
  negate,
  ONE,
  parseBcNumber,
  power,
  squareRoot,
  subtract,
  toBigInt,
  ZERO,
} from './bcNumber';
import type { BcNumber } from './bcNumber';

// The functions `bc -l` loads: a (arctan), s (sine), c (cosine), l (natural log), e (exponential). Each follows the
// method of GNU bc's math library: the same argument reduction, series, working precision and final truncation,
// so the printed digits, including the last one, are those bc prints.

const TWO = fromInteger(2);
const POINT_TWO = parseBcNumber('.2');
const HALF = parseBcNumber('.5');

/** Working scale of an assignment `scale = expr`: bc keeps only the integer part. */
const integerScale = (n: BcNumber): number => Number(toBigInt(n));

/** Below 61 digits bc answers a(1) and a(.2) from stored constants: their true values, truncated. */
function truncatedConstant(x: BcNumber, scale: number): BcNumber | undefined {
  if (scale > 60) return undefined;
  if (compare(x, ONE) === 0) return { value: scaledPi(scale + 2) / 400n, scale };
  if (compare(x, POINT_TWO) === 0) return { value: scaledArctanOfInverse(5n, scale + 10) / 10n ** 10n, scale };
  return undefined;
}

/** a(x): reduce x below .2 with atan(x) = atan(.2) + atan((x − .2)/(1 + .2x)), then the Taylor series. */
export function arctan(input: BcNumber, scale: number): BcNumber {
  const negative = compare(input, ZERO) < 0;
  let x = negative ? negate(input) : input;
  const sign = fromInteger(negative ? -1 : 1);
  const constant = truncatedConstant(x, scale);
  if (constant) return negative ? negate(constant) : constant;
  const atanOfFifth = compare(x, POINT_TWO) > 0 ? arctan(POINT_TWO, scale + 5) : ZERO;
  const work = scale + 3;
  let reductions = 0;
  while (compare(x, POINT_TWO) > 0) {
    reductions++;
    x = divide(subtract(x, POINT_TWO), add(ONE, multiply(x, POINT_TWO, work)), work);
  }
  let sum = x;
  let numerator = x;
  const square = multiply(negate(x), x, work);
  for (let i = 3; ; i += 2) {
    numerator = multiply(numerator, square, work);
    const term = divide(numerator, fromInteger(i), work);
    if (isZero(term)) return divide(add(multiply(fromInteger(reductions), atanOfFifth, scale), sum), sign, scale);
    sum = add(sum, term);
  }
}

/** e(x): halve x until it is at most 1, sum the series, square back; 1/e(−x) for negative x. */
export function exponential(input: BcNumber, scale: number): BcNumber {
  const negative = compare(input, ZERO) < 0;
  let x = negative ? negate(input) : input;
  const seriesScale = integerScale(add(fromInteger(6 + scale), multiply(parseBcNumber('.44'), x, scale)));
  let halvingScale = x.scale + 1;
  let halvings = 0;
  while (compare(x, ONE) > 0) {
    halvings++;
    x = divide(x, TWO, halvingScale);
    halvingScale++;
  }
  let sum = add(ONE, x);
  let numerator = x;
  let factorial = ONE;
  for (let i = 2; ; i++) {
    numerator = multiply(numerator, x, seriesScale);
    factorial = multiply(factorial, fromInteger(i), seriesScale);
    const term = divide(numerator, factorial, seriesScale);
    if (isZero(term)) break;
    sum = add(sum, term);
  }
  for (; halvings > 0; halvings--) sum = multiply(sum, sum, seriesScale);
  return negative ? divide(ONE, sum, scale) : divide(sum, ONE, scale);
}

/** l(x): square roots bring x into (.5, 2), then ln(x) = 2·atanh((x−1)/(x+1)); x ≤ 0 gives bc's −(10^scale − 1). */
export function naturalLog(input: BcNumber, scale: number): BcNumber {
  if (compare(input, ZERO) <= 0) return divide(subtract(ONE, power(fromInteger(10), BigInt(scale), scale)), ONE, scale);
  const work = 6 + scale;
  let x = input;
  let factor = TWO;
  while (compare(x, TWO) >= 0) {
    factor = multiply(factor, TWO, work);
    x = squareRoot(x, work);
  }
  while (compare(x, HALF) <= 0) {
    factor = multiply(factor, TWO, work);
    x = squareRoot(x, work);
  }
  let numerator = divide(subtract(x, ONE), add(x, ONE), work);
  let sum = numerator;
  const square = multiply(numerator, numerator, work);
  for (let i = 3; ; i += 2) {
    numerator = multiply(numerator, square, work);
    const term = divide(numerator, fromInteger(i), work);
    if (isZero(term)) return divide(multiply(factor, sum, work), ONE, scale);
    sum = add(sum, term);
  }
}

/** s(x): subtract the nearest multiple of π (flipping the sign for odd multiples), then the Taylor series. */
export function sine(input: BcNumber, scale: number): BcNumber {
  const reductionScale = integerScale(add(multiply(parseBcNumber('1.1'), fromInteger(scale), scale), TWO));
  const quarterPi = arctan(ONE, reductionScale);
  const negative = compare(input, ZERO) < 0;
  let x = negative ? negate(input) : input;
  const multiple = divide(add(divide(x, quarterPi, 0), TWO), fromInteger(4), 0);
  x = subtract(x, multiply(multiply(fromInteger(4), multiple, 0), quarterPi, 0));
  if (toBigInt(multiple) % 2n !== 0n) x = negate(x);
  const work = scale + 2;
  let sum = x;
  let term = x;
  const square = multiply(negate(x), x, work);
  for (let i = 3; ; i += 2) {
    term = multiply(term, divide(square, fromInteger(i * (i - 1)), work), work);
    if (isZero(term)) return divide(negative ? negate(sum) : sum, ONE, scale);
    sum = add(sum, term);
  }
}

/** c(x) = s(x + π/2), computed at 1.2 times the scale. */
export function cosine(input: BcNumber, scale: number): BcNumber {
  const work = integerScale(multiply(fromInteger(scale), parseBcNumber('1.2'), scale));
  const shifted = add(input, multiply(arctan(ONE, work), TWO, work));
  return divide(sine(shifted, work), ONE, scale);
}
