import { describe, it, expect } from 'vitest';
import {
  addQuantities,
  compareQuantities,
  formatQuantity,
  newMilliQuantity,
  newQuantity,
  parseQuantity,
  quantityToMilli,
  quantityToNumber,
  quantityValue,
  roundUpQuantity,
  subtractQuantities,
} from './quantity';
import type { Quantity } from './quantity';

function q(text: string): Quantity {
  const parsed = parseQuantity(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The canonical form, as a value reached by arithmetic rather than parsing prints. */
function canonical(text: string): string {
  const { cached: _cached, ...value } = q(text);
  return formatQuantity(value);
}

describe('parseQuantity and formatQuantity', () => {
  // Rows from apimachinery quantity_golden_test.go (String() and the uncached canonical form) and the brief.
  it.each([
    ['0', '0', '0'],
    ['1', '1', '1'],
    ['-1', '-1', '-1'],
    ['1Ki', '1Ki', '1Ki'],
    ['1024Mi', '1Gi', '1Gi'],
    ['1000M', '1G', '1G'],
    ['1e3', '1e3', '1e3'],
    ['0.1', '100m', '100m'],
    ['0.000000000000001', '1n', '1n'],
    ['1.441', '1.441', '1441m'],
    ['1.000001', '1.000001', '1000001u'],
    ['1.000000001', '1.000000001', '1000000001n'],
    ['1.5', '1500m', '1500m'],
    ['9223372036854775807', '9223372036854775807', '9223372036854775807'],
    ['9223372036854775808', '9223372036854775808', '9223372036854775808'],
    ['18446744073709551616', '18446744073709551616', '18446744073709551616'],
    ['1E', '1E', '1E'],
    ['100E', '100E', '100E'],
    ['1000E', '1e21', '1e21'],
    ['1e100', '10e99', '10e99'],
    ['8Ei', '9223372036854775807', '9223372036854775807'],
    ['-20Ei', '-9223372036854775807', '-9223372036854775807'],
    ['-9.5Gi', '-9728Mi', '-9728Mi'],
    ['-9.5000000001Gi', '-10200547328107374183n', '-10200547328107374183n'],
    ['0.5', '500m', '500m'],
    ['1000m', '1', '1'],
    ['1.5Gi', '1536Mi', '1536Mi'],
    ['128974848', '128974848', '128974848'],
    ['129e6', '129e6', '129e6'],
    ['129M', '129M', '129M'],
    ['123Mi', '123Mi', '123Mi'],
    ['1G', '1G', '1G'],
    ['500m', '500m', '500m'],
    ['250m', '250m', '250m'],
    ['64Mi', '64Mi', '64Mi'],
    ['512Ki', '512Ki', '512Ki'],
    ['0.5Gi', '512Mi', '512Mi'],
    ['0.5Ki', '512', '512'],
    ['1.1Ki', '1126400m', '1126400m'],
    ['2000Mi', '2000Mi', '2000Mi'],
    ['+1', '+1', '1'],
    ['01', '01', '1'],
    ['1.Gi', '1.Gi', '1Gi'],
    ['1e-10', '1e-9', '1e-9'],
    ['2e-3', '2e-3', '2e-3'],
    ['1E3', '1E3', '1e3'],
    ['-0', '0', '0'],
    ['0Mi', '0', '0'],
    ['Ki', '0', '0'],
    ['.', '0', '0'],
    ['0.0001', '100u', '100u'],
  ])('%j → %j (canonical %j)', (text, printed, canonicalForm) => {
    expect(formatQuantity(q(text))).toBe(printed);
    expect(canonical(text)).toBe(canonicalForm);
  });

  it.each([
    ['', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['abc', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1 ', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1.2.3', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1Gx', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
    ['1Gii', "unable to parse quantity's suffix"],
    ['1K', "unable to parse quantity's suffix"],
    ['1e', "unable to parse quantity's suffix"],
    ['1k3', "unable to parse quantity's suffix"],
    ['--1', "unable to parse quantity's suffix"],
    ['Ei', 'unable to parse numeric part of quantity'],
  ])('%j fails with %j', (text, error) => {
    expect(parseQuantity(text)).toEqual({ ok: false, error });
  });

  it('keeps the format and value as plain data', () => {
    expect(q('1.5Gi')).toEqual({ nanos: '1610612736000000000', format: 'BinarySI' });
    expect(q('500m')).toEqual({ nanos: '500000000', format: 'DecimalSI', cached: '500m' });
    expect(q('0.5Gi').format).toBe('BinarySI');
    expect(q('0.5Ki').format).toBe('BinarySI');
    expect(q('0.0001Ki').format).toBe('DecimalSI');
  });
});

describe('arithmetic', () => {
  it.each([
    ['100m', '200m', '300m'],
    ['500m', '500m', '1'],
    ['1Gi', '512Mi', '1536Mi'],
    ['0', '1Gi', '1Gi'],
    ['1', '1Ki', '1025'],
    ['1Ki', '1', '1025'],
    ['1Gi', '1G', '2073741824'],
    ['1.441', '0', '1441m'],
  ])('%s + %s = %s', (a, b, sum) => {
    expect(formatQuantity(addQuantities(q(a), q(b)))).toBe(sum);
  });

  it.each([
    ['1', '250m', '750m'],
    ['1Gi', '512Mi', '512Mi'],
    ['100m', '200m', '-100m'],
    ['0', '1Ki', '-1Ki'],
  ])('%s - %s = %s', (a, b, difference) => {
    expect(formatQuantity(subtractQuantities(q(a), q(b)))).toBe(difference);
  });

  it.each([
    ['1', '1000m', 0],
    ['1Ki', '1k', 1],
    ['100m', '0.2', -1],
    ['-1', '0', -1],
    ['1Gi', '1073741824', 0],
  ])('compare(%s, %s) = %d', (a, b, expected) => {
    expect(compareQuantities(q(a), q(b))).toBe(expected);
  });
});

describe('conversions', () => {
  it.each([
    ['250m', 250, 1, 0.25],
    ['1', 1000, 1, 1],
    ['1Ki', 1024000, 1024, 1024],
    ['1.5', 1500, 2, 1.5],
    ['1n', 1, 1, 1e-9],
    ['-1.5', -1500, -2, -1.5],
    ['64Mi', 67108864000, 67108864, 67108864],
  ])('%s → milli %d, value %d, number %d', (text, milli, value, number) => {
    expect(quantityToMilli(q(text))).toBe(milli);
    expect(quantityValue(q(text))).toBe(value);
    expect(quantityToNumber(q(text))).toBe(number);
  });

  it('rounds up to milli like the API server does for resource lists', () => {
    expect(formatQuantity(roundUpQuantity(q('1.441'), -3))).toBe('1.441');
    expect(formatQuantity(roundUpQuantity(q('500m'), -3))).toBe('500m');
    expect(formatQuantity(roundUpQuantity(q('0.1m'), -3))).toBe('1m');
    expect(formatQuantity(roundUpQuantity(q('1.000001'), -3))).toBe('1001m');
    expect(formatQuantity(roundUpQuantity(q('1500u'), -3))).toBe('2m');
    expect(formatQuantity(roundUpQuantity(q('-1500u'), -3))).toBe('-2m');
    expect(formatQuantity(roundUpQuantity(q('1.1Ki'), 0))).toBe('1127');
  });

  it('builds quantities like NewQuantity and NewMilliQuantity', () => {
    expect(formatQuantity(newQuantity(1024, 'BinarySI'))).toBe('1Ki');
    expect(formatQuantity(newQuantity(3, 'DecimalSI'))).toBe('3');
    expect(formatQuantity(newMilliQuantity(1441, 'DecimalSI'))).toBe('1441m');
    expect(formatQuantity(newMilliQuantity(2000, 'DecimalSI'))).toBe('2');
    expect(formatQuantity(newQuantity(0, 'BinarySI'))).toBe('0');
  });
});
