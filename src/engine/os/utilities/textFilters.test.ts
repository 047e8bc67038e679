import { describe, expect, it } from 'vitest';
import { cut } from './cut';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { grep } from './grep';
import { head, tail } from './headTail';
import { sort, uniq } from './sortUniq';
import { tee } from './tee';
import { expandTrSet, tr } from './tr';
import { wc } from './wc';
import type { Utility } from '../types';

const files = { '/a.txt': 'hello\n', '/b': 'x\ny\n', '/n': '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n' };

function run(utility: Utility, argv: string[], stdin = '') {
  return runUtility(utility, argv, createFakeSystem({ files }).sys, { stdin });
}

describe('head and tail', () => {
  it('print the first or last ten lines by default', () => {
    expect(run(head, ['head', '/n']).stdout).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
    expect(run(tail, ['tail', '/n']).stdout).toBe('3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n');
  });

  it('take -n N, the old -N form, tail -n +N and byte counts', () => {
    expect(run(head, ['head', '-n', '2', '/n']).stdout).toBe('1\n2\n');
    expect(run(head, ['head', '-3'], 'a\nb\nc\nd\n').stdout).toBe('a\nb\nc\n');
    expect(run(head, ['head', '-n', '-10', '/n']).stdout).toBe('1\n2\n');
    expect(run(tail, ['tail', '-n', '+11', '/n']).stdout).toBe('11\n12\n');
    expect(run(tail, ['tail', '-1'], 'a\nb').stdout).toBe('b');
    expect(run(head, ['head', '-c', '3', '/a.txt']).stdout).toBe('hel');
  });

  it('put a header before each of several files', () => {
    expect(run(head, ['head', '-n', '1', '/a.txt', '/b']).stdout).toBe('==> /a.txt <==\nhello\n\n==> /b <==\nx\n');
    expect(run(tail, ['tail', '-n', '1', '/a.txt', '/b']).stdout).toBe('==> /a.txt <==\nhello\n\n==> /b <==\ny\n');
  });

  it('word missing files as busybox does', () => {
    expect(run(head, ['head', '/nope'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'head: /nope: No such file or directory\n',
      sleepMs: 0,
    });
    expect(run(tail, ['tail', '/nope'])).toEqual({
      code: 1,
      stdout: '',
      stderr: "tail: can't open '/nope': No such file or directory\ntail: no files\n",
      sleepMs: 0,
    });
  });

  it('tail -f keeps running after printing', () => {
    expect(run(tail, ['tail', '-f', '/dev/null'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
      sleepMs: 2_147_483_647_000,
    });
  });
});

describe('wc', () => {
  it('prints lines, words and bytes in 9-wide columns', () => {
    expect(run(wc, ['wc', '/a.txt']).stdout).toBe('        1         1         6 /a.txt\n');
    expect(run(wc, ['wc'], 'hi\n').stdout).toBe('        1         1         3\n');
    expect(run(wc, ['wc', '-lc', '/a.txt']).stdout).toBe('        1         6 /a.txt\n');
  });

  it('prints a lone count of a lone input bare', () => {
    expect(run(wc, ['wc', '-l'], 'hi\n').stdout).toBe('1\n');
    expect(run(wc, ['wc', '-l', '/a.txt']).stdout).toBe('1 /a.txt\n');
    expect(run(wc, ['wc', '-w'], 'a b\nc').stdout).toBe('3\n');
  });

  it('adds a total line for several files', () => {
    expect(run(wc, ['wc', '-l', '/a.txt', '/b']).stdout).toBe('        1 /a.txt\n        2 /b\n        3 total\n');
    expect(run(wc, ['wc', '/a.txt', '/b']).stdout).toBe(
      '        1         1         6 /a.txt\n        2         2         4 /b\n        3         3        10 total\n',
    );
  });

  it('counts UTF-8 bytes with -c and characters with -m', () => {
    expect(run(wc, ['wc', '-c'], '你好\n').stdout).toBe('7\n');
    expect(run(wc, ['wc', '-m'], '你好\n').stdout).toBe('3\n');
  });
});

describe('grep', () => {
  const log = 'GET /healthz 200\nGET /index.html 200\nPOST /api 500\n';

  it('prints matching lines and exits 0, or 1 when nothing matches', () => {
    expect(run(grep, ['grep', '200'], log)).toEqual({
      code: 0,
      stdout: 'GET /healthz 200\nGET /index.html 200\n',
      stderr: '',
      sleepMs: 0,
    });
    expect(run(grep, ['grep', 'PUT'], log)).toEqual({ code: 1, stdout: '', stderr: '', sleepMs: 0 });
  });

  it('supports -i -v -c -q -n', () => {
    expect(run(grep, ['grep', '-i', 'post'], log).stdout).toBe('POST /api 500\n');
    expect(run(grep, ['grep', '-v', 'GET'], log).stdout).toBe('POST /api 500\n');
    expect(run(grep, ['grep', '-c', 'GET'], log).stdout).toBe('2\n');
    expect(run(grep, ['grep', '-q', 'api'], log)).toEqual({ code: 0, stdout: '', stderr: '', sleepMs: 0 });
    expect(run(grep, ['grep', '-n', 'api'], log).stdout).toBe('3:POST /api 500\n');
  });

  it('reads basic regular expressions, and extended ones with -E', () => {
    expect(run(grep, ['grep', '^GET /[a-z]*\\.html'], log).stdout).toBe('GET /index.html 200\n');
    expect(run(grep, ['grep', 'a\\(p\\)i'], log).stdout).toBe('POST /api 500\n');
    expect(run(grep, ['grep', '(x)|+'], 'a(x)|+b\nplain\n').stdout).toBe('a(x)|+b\n');
    expect(run(grep, ['grep', '-E', '5[0-9]{2}$|healthz'], log).stdout).toBe('GET /healthz 200\nPOST /api 500\n');
    expect(run(grep, ['grep', '[[:digit:]]\\{3\\}$'], 'abc\n123\n').stdout).toBe('123\n');
    expect(run(grep, ['grep', '-F', '.html'], log).stdout).toBe('GET /index.html 200\n');
    expect(run(grep, ['grep', '-w', 'api'], 'rapid\nthe api\n').stdout).toBe('the api\n');
    expect(run(grep, ['grep', '-o', '[0-9]\\+'], 'a12b3\n').stdout).toBe('12\n3\n');
  });

  it('names files when given several, calls stdin (standard input), and exits 2 on a missing file', () => {
    expect(run(grep, ['grep', '-c', 'x', '/b', '/a.txt']).stdout).toBe('/b:1\n/a.txt:0\n');
    expect(run(grep, ['grep', '-n', 'x', '-', '/b'], 'x\n').stdout).toBe('(standard input):1:x\n/b:1:x\n');
    expect(run(grep, ['grep', 'x', '/nope'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'grep: /nope: No such file or directory\n',
      sleepMs: 0,
    });
    expect(run(grep, ['grep', '-l', 'x', '/b', '/a.txt']).stdout).toBe('/b\n');
  });

  it('takes several patterns with -e', () => {
    expect(run(grep, ['grep', '-e', 'healthz', '-e', 'api'], log).stdout).toBe('GET /healthz 200\nPOST /api 500\n');
  });
});

describe('sort and uniq', () => {
  it('sorts bytewise, numerically, in reverse, uniquely and by key', () => {
    expect(run(sort, ['sort'], 'b\nB\na\n').stdout).toBe('B\na\nb\n');
    expect(run(sort, ['sort', '-n'], '3\n1\n2\n10\n').stdout).toBe('1\n2\n3\n10\n');
    expect(run(sort, ['sort', '-rn'], '3\n1\n10\n').stdout).toBe('10\n3\n1\n');
    expect(run(sort, ['sort', '-u'], 'b\na\nb\n').stdout).toBe('a\nb\n');
    expect(run(sort, ['sort', '-t', ':', '-k', '2', '-n'], 'x:3\ny:1\nz:2\n').stdout).toBe('y:1\nz:2\nx:3\n');
    expect(run(sort, ['sort', '/nope']).stderr).toBe('sort: /nope: No such file or directory\n');
  });

  it('collapses adjacent duplicates, counting with -c', () => {
    expect(run(uniq, ['uniq', '-c'], 'a\na\nb\n').stdout).toBe('      2 a\n      1 b\n');
    expect(run(uniq, ['uniq'], 'a\na\nb\na\n').stdout).toBe('a\nb\na\n');
    expect(run(uniq, ['uniq', '-d'], 'a\na\nb\n').stdout).toBe('a\n');
    expect(run(uniq, ['uniq', '/nope']).stderr).toBe("uniq: can't open '/nope': No such file or directory\n");
  });
});

describe('tr', () => {
  it('translates, deletes and squeezes', () => {
    expect(run(tr, ['tr', 'a-z', 'A-Z'], 'hello\n').stdout).toBe('HELLO\n');
    expect(run(tr, ['tr', '[:lower:]', '[:upper:]'], 'abc\n').stdout).toBe('ABC\n');
    expect(run(tr, ['tr', '-d', 'l'], 'hello\n').stdout).toBe('heo\n');
    expect(run(tr, ['tr', '-s', ' a'], 'aaa  bb\n').stdout).toBe('a bb\n');
    expect(run(tr, ['tr', ':', '\\n'], 'a:b\n').stdout).toBe('a\nb\n');
    expect(run(tr, ['tr', '-cd', '0-9'], 'a1b2\n').stdout).toBe('12');
  });

  it('expands sets', () => {
    expect(expandTrSet('a-d\\t')).toEqual(['a', 'b', 'c', 'd', '\t']);
  });
});

describe('cut', () => {
  it('cuts fields and characters', () => {
    expect(run(cut, ['cut', '-d:', '-f2,3'], 'a:b:c\n').stdout).toBe('b:c\n');
    expect(run(cut, ['cut', '-d', ' ', '-f', '1'], 'GET /x 200\nnodelim\n').stdout).toBe('GET\nnodelim\n');
    expect(run(cut, ['cut', '-c2-'], 'abc\n').stdout).toBe('bc\n');
    expect(run(cut, ['cut', '-f', '2'], 'a\tb\n').stdout).toBe('b\n');
  });

  it('needs a list', () => {
    expect(run(cut, ['cut'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cut: expected a list of bytes, characters, or fields\n',
      sleepMs: 0,
    });
  });
});

describe('tee', () => {
  it('copies stdin to stdout and files, appending with -a', () => {
    const { sys } = createFakeSystem({ files: { '/log': 'old\n' } });
    expect(runUtility(tee, ['tee', '/out', '/log', '-a'], sys, { stdin: 'new\n' }).stdout).toBe('new\n');
    expect(sys.fs.read('/out')).toBe('new\n');
    expect(sys.fs.read('/log')).toBe('old\nnew\n');
    expect(runUtility(tee, ['tee', '/nope/x'], sys, { stdin: 'a' }).stderr).toBe(
      'tee: /nope/x: No such file or directory\n',
    );
  });
});
