import { describe, expect, it } from 'vitest';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { runTest, runTestCommand, test, testUtility, type TestEnv } from './test';

const { sys } = createFakeSystem({
  files: { '/tmp/file': 'data', '/tmp/empty': '', '/tmp/run.sh': '#!/bin/sh\necho' },
});
const env: TestEnv = { fs: sys.fs, cwd: '/tmp', wording: 'dash' };
const t = (...args: string[]): number => runTest(args, env).status;

describe('runTest', () => {
  it('follows the POSIX rules by argument count', () => {
    expect(t()).toBe(1);
    expect(t('')).toBe(1);
    expect(t('x')).toBe(0);
    expect(t('-n')).toBe(0);
    expect(t('!', '')).toBe(0);
    expect(t('!', 'x', '=', 'x')).toBe(1);
    expect(t('(', 'x', ')')).toBe(0);
  });

  it('tests files', () => {
    expect(t('-f', 'file')).toBe(0);
    expect(t('-d', '/tmp')).toBe(0);
    expect(t('-e', '/nope')).toBe(1);
    expect(t('-s', 'file')).toBe(0);
    expect(t('-s', 'empty')).toBe(1);
    expect(t('-x', 'run.sh')).toBe(0);
    expect(t('-x', 'file')).toBe(1);
    expect(t('-r', 'file')).toBe(0);
    expect(t('-w', 'file')).toBe(0);
    expect(t('-L', 'file')).toBe(1);
  });

  it('compares strings and integers', () => {
    expect(t('-z', '')).toBe(0);
    expect(t('-n', '')).toBe(1);
    expect(t('a', '=', 'a')).toBe(0);
    expect(t('a', '!=', 'a')).toBe(1);
    expect(t('a', '<', 'b')).toBe(0);
    expect(t(' 10', '-gt', '9')).toBe(0);
    expect(t('-1', '-lt', '0')).toBe(0);
    expect(t('3', '-eq', '3', '-a', 'x', '=', 'y')).toBe(1);
    expect(t('3', '-eq', '4', '-o', 'x', '=', 'x')).toBe(0);
    expect(t('!', '(', '1', '-eq', '2', ')', '-a', '-f', 'file')).toBe(0);
  });

  it('reports errors with status 2', () => {
    expect(runTest(['abc', '-gt', '1'], env)).toEqual({ status: 2, error: 'Illegal number: abc' });
    expect(runTest(['abc', '-gt', '1'], { ...env, wording: 'bash' })).toEqual({
      status: 2,
      error: 'abc: integer expression expected',
    });
    expect(runTest(['a', 'b'], env)).toEqual({ status: 2, error: 'a: unexpected operator' });
    expect(runTest(['a', 'b', 'c'], env)).toEqual({ status: 2, error: 'b: unexpected operator' });
  });

  it('words errors as each implementation does', () => {
    const errors = (wording: TestEnv['wording']) =>
      [
        ['x', '-lt', 'y'],
        ['a', 'b'],
        ['a', 'b', 'c'],
        ['1', '=', '1', '2'],
        ['(', 'a', '-a', 'b'],
        ['a', '=', 'a', '-o'],
      ].map((args) => runTest(args, { ...env, wording }).error);
    expect(errors('busybox')).toEqual([
      'x: bad number',
      'b: unknown operand',
      'b: unknown operand',
      '2: unknown operand',
      'closing paren expected',
      '-o: argument expected',
    ]);
    expect(errors('dash')).toEqual([
      'Illegal number: x',
      'a: unexpected operator',
      'b: unexpected operator',
      '2: unexpected operator',
      'closing paren expected',
      '-o: argument expected',
    ]);
    expect(errors('bash')).toEqual([
      'x: integer expression expected',
      'a: unary operator expected',
      'b: binary operator expected',
      'too many arguments',
      "`)' expected",
      'argument expected',
    ]);
    expect(errors('gnu')).toEqual([
      "invalid integer 'x'",
      "'a': unary operator expected",
      "'b': binary operator expected",
      "extra argument '2'",
      "')' expected",
      "missing argument after '-o'",
    ]);
  });
});

describe('runTestCommand', () => {
  it('wants the closing ] only when invoked as [', () => {
    expect(runTestCommand(['[', '-f', '/tmp/file', ']'], env)).toEqual({ status: 0 });
    expect(runTestCommand(['test', '-f', '/tmp/file'], env)).toEqual({ status: 0 });
    expect(runTestCommand(['/usr/bin/[', 'a'], env)).toEqual({ status: 2, error: 'missing ]' });
    expect(runTestCommand(['[', 'a'], { ...env, wording: 'bash' })).toEqual({ status: 2, error: "missing `]'" });
  });
});

describe('the test utilities', () => {
  it('name themselves in busybox and coreutils wording', () => {
    expect(runUtility(test, ['test', '1', '-eq', 'a'], sys).stderr).toBe('test: a: bad number\n');
    expect(runUtility(testUtility('gnu'), ['test', '1', '-eq', 'a'], sys)).toEqual({
      code: 2,
      stdout: '',
      stderr: "test: invalid integer 'a'\n",
      sleepMs: 0,
    });
    expect(runUtility(testUtility('gnu'), ['[', '1'], sys).stderr).toBe("[: missing ']'\n");
  });
});
