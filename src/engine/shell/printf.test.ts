import { describe, expect, it } from 'vitest';
import { formatPrintf } from './printf';

const fmt = (format: string, ...args: string[]): string => formatPrintf(format, args, 'dash').output;

describe('formatPrintf', () => {
  it('formats strings and characters', () => {
    expect(fmt('%s-%s\\n', 'a', 'b')).toBe('a-b\n');
    expect(fmt('[%5s][%-5s][%.2s]', 'ab', 'ab', 'abc')).toBe('[   ab][ab   ][ab]');
    expect(fmt('%c%c', 'xyz', 'q')).toBe('xq');
    expect(fmt('%b', 'a\\tb\\0101')).toBe('a\tbA');
    expect(fmt('100%%')).toBe('100%');
  });

  it('formats integers', () => {
    expect(fmt('%d %i %5d %-5d| %05d %+d', '42', '-7', '3', '3', '-42', '5')).toBe('42 -7     3 3    | -0042 +5');
    expect(fmt('%x %X %o %#x %#o %u', '255', '255', '8', '255', '8', '-1')).toBe(
      'ff FF 10 0xff 010 18446744073709551615',
    );
    expect(fmt('%.3d', '7')).toBe('007');
    expect(fmt('%d', "'A")).toBe('65');
    expect(fmt('%*d|', '4', '1')).toBe('   1|');
  });

  it('formats floating point as C does', () => {
    expect(fmt('%f %.2f %8.3f', '3.14159', '2.005', '1')).toBe('3.141590 2.00    1.000');
    expect(fmt('%e %E', '12345.678', '0.00012')).toBe('1.234568e+04 1.200000E-04');
    expect(fmt('%g %g %g %g', '0.0001', '123456789', '100', '1.5')).toBe('0.0001 1.23457e+08 100 1.5');
  });

  it('reuses the format while arguments remain, defaulting missing ones', () => {
    expect(fmt('%s=%d\\n', 'a', '1', 'b')).toBe('a=1\nb=0\n');
    expect(fmt('x\\n')).toBe('x\n');
  });

  it('reports bad numbers and directives the way dash does', () => {
    expect(formatPrintf('%d', ['abc'], 'dash')).toEqual({ output: '0', errors: ['abc: expected numeric value'] });
    expect(formatPrintf('%d', ['12abc'], 'dash')).toEqual({
      output: '12',
      errors: ['12abc: not completely converted'],
    });
    expect(formatPrintf('%d', ['abc'], 'bash')).toEqual({ output: '0', errors: ['abc: invalid number'] });
    expect(formatPrintf('a%kb', [], 'dash')).toEqual({ output: 'a', errors: ['%k: invalid directive'] });
  });
});
