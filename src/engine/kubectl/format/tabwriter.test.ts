import { describe, it, expect } from 'vitest';
import { alignTabs, formatTable } from './tabwriter';

describe('formatTable', () => {
  it('aligns a kubectl get table with 3-space padding', () => {
    expect(
      formatTable([
        ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
        ['nginx', '1/1', 'Running', '0', '10s'],
      ]),
    ).toBe('NAME    READY   STATUS    RESTARTS   AGE\nnginx   1/1     Running   0          10s\n');
  });

  it('pads every column to at least 6 and never pads the last cell', () => {
    expect(
      formatTable([
        ['A', 'B'],
        ['c', 'dddddddddd'],
      ]),
    ).toBe('A     B\nc     dddddddddd\n');
  });

  it('pads empty cells', () => {
    expect(
      formatTable([
        ['NAME', 'IP', 'NODE'],
        ['p', '', 'n1'],
      ]),
    ).toBe(`NAME   IP    NODE\np${' '.repeat(12)}n1\n`);
  });

  it('counts runes, not bytes or display columns', () => {
    expect(
      formatTable([
        ['名前', 'X'],
        ['ab', 'Y'],
      ]),
    ).toBe('名前    X\nab    Y\n');
  });

  it('returns nothing for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});

describe('alignTabs', () => {
  it('computes widths per column block (Go text/tabwriter example)', () => {
    expect(alignTabs('aaaa\tbbb\td\naa\tb\tdd\na\t\naa\tcccc\teee\n').output).toBe(
      'aaaa   bbb   d\naa     b     dd\na      \naa     cccc   eee\n',
    );
  });

  it('remembers widths of earlier blocks (RememberWidths)', () => {
    const result = alignTabs('x\tlong-value\t1\ny\t\nz\ts\t2\n');
    expect(result.output).toBe('x     long-value   1\ny     \nz     s            2\n');
    expect(result.remembered).toEqual([6, 13]);
    expect(alignTabs('a\tb\tc\n', result.remembered).output).toBe('a     b            c\n');
  });

  it('starts a new block after a line without tabs', () => {
    expect(alignTabs('aaaaaaaa\tb\nheading\nc\td\n').output).toBe('aaaaaaaa   b\nheading\nc          d\n');
  });

  it('writes trailing text without a newline, dropping a final tab', () => {
    expect(alignTabs('a\tb').output).toBe('a     b');
    expect(alignTabs('abc\t').output).toBe('abc');
  });
});
