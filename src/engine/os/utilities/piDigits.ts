/** arctan(1/n) scaled by 10^digits (truncated), from its Taylor series with exact BigInt terms. */
export function scaledArctanOfInverse(n: bigint, digits: number): bigint {
  const unit = 10n ** BigInt(digits);
  const squared = n * n;
  let term = unit / n;
  let sum = term;
  for (let k = 3n, sign = -1n; term !== 0n; k += 2n, sign = -sign) {
    term /= squared;
    sum += (sign * term) / k;
  }
  return sum;
}

const GUARD_DIGITS = 12;

/**
 * π × 10^digits, truncated, by Machin's formula π = 16·atan(1/5) − 4·atan(1/239). Twelve guard digits absorb
 * the series' truncation errors (pi has no long run of 9s or 0s early enough to defeat them below 10^5 digits).
 */
export function scaledPi(digits: number): bigint {
  const working = digits + GUARD_DIGITS;
  const pi = 16n * scaledArctanOfInverse(5n, working) - 4n * scaledArctanOfInverse(239n, working);
  return pi / 10n ** BigInt(GUARD_DIGITS);
}
