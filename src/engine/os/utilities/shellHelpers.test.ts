import { describe, expect, it } from 'vitest';
import { expr } from './expr';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { basename, dirname, which } from './paths';
import { seq } from './seq';
import { runTest, test } from './test';

const sys = createFakeSystem({
  files: { '/tmp/healthy': '', '/etc/hosts': '127.0.0.1 localhost\n', '/usr/sbin/nginx': '' },
  commands: ['sh', 'nginx'],
}).sys;

describe('seq', () => {
  it('counts as busybox does', () => {
    expect(runUtility(seq, ['seq', '3'], sys).stdout).toBe('1\n2\n3\n');
    expect(runUtility(seq, ['seq', '1', '2', '10'], sys).stdout).toBe('1\n3\n5\n7\n9\n');
    expect(runUtility(seq, ['seq', '-s,', '3'], sys).stdout).toBe('1,2,3\n');
    expect(runUtility(seq, ['seq', '-w', '8', '10'], sys).stdout).toBe('08\n09\n10\n');
    expect(runUtility(seq, ['seq', '1.5', '3'], sys).stdout).toBe('1.5\n2.5\n');
    expect(runUtility(seq, ['seq', '3', '1'], sys).stdout).toBe('');
    expect(runUtility(seq, ['seq', '3', '-1', '1'], sys).stdout).toBe('3\n2\n1\n');
    expect(runUtility(seq, ['seq', 'x'], sys).stderr).toBe("seq: invalid number 'x'\n");
  });
});

describe('expr', () => {
  const run = (...args: string[]) => runUtility(expr, ['expr', ...args], sys);

  it('does integer arithmetic and comparisons', () => {
    expect(run('3', '+', '4')).toEqual({ code: 0, stdout: '7\n', stderr: '', sleepMs: 0 });
    expect(run('2', '+', '3', '*', '4').stdout).toBe('14\n');
    expect(run('7', '/', '2').stdout).toBe('3\n');
    expect(run('5', '>', '3').stdout).toBe('1\n');
    expect(run('a', '<', 'b').stdout).toBe('1\n');
    expect(run('0')).toEqual({ code: 1, stdout: '0\n', stderr: '', sleepMs: 0 });
  });

  it('matches, measures and slices strings', () => {
    expect(run('length', 'abc').stdout).toBe('3\n');
    expect(run('abc', ':', 'a\\(.\\)').stdout).toBe('b\n');
    expect(run('abc', ':', 'a.').stdout).toBe('2\n');
    expect(run('substr', 'kubernetes', '1', '4').stdout).toBe('kube\n');
    expect(run('index', 'abc', 'c').stdout).toBe('3\n');
  });

  it('fails with exit 2 and busybox messages', () => {
    expect(run('1', '+', 'a')).toEqual({ code: 2, stdout: '', stderr: 'expr: non-numeric argument\n', sleepMs: 0 });
    expect(run('3', '/', '0').stderr).toBe('expr: division by zero\n');
    expect(runUtility(expr, ['expr'], sys).stderr).toBe('expr: too few arguments\n');
  });
});

describe('basename, dirname and which', () => {
  it('split paths', () => {
    expect(runUtility(basename, ['basename', '/a/b.txt', '.txt'], sys).stdout).toBe('b\n');
    expect(runUtility(basename, ['basename', '/usr/share/'], sys).stdout).toBe('share\n');
    expect(runUtility(dirname, ['dirname', 'a'], sys).stdout).toBe('.\n');
    expect(runUtility(dirname, ['dirname', '/usr/share/nginx/'], sys).stdout).toBe('/usr/share\n');
    expect(runUtility(dirname, ['dirname', '/etc'], sys).stdout).toBe('/\n');
  });

  it('finds commands on PATH', () => {
    expect(runUtility(which, ['which', 'nginx'], sys).stdout).toBe('/usr/sbin/nginx\n');
    expect(runUtility(which, ['which', 'sh'], sys).stdout).toBe('/bin/sh\n');
    expect(runUtility(which, ['which', 'ps'], sys)).toEqual({ code: 1, stdout: '', stderr: '', sleepMs: 0 });
  });
});

describe('test and [', () => {
  const check = (...args: string[]) => runTest(args, { fs: sys.fs, cwd: '/tmp', wording: 'busybox' }).status;

  it('tests files relative to the working directory', () => {
    expect(check('-f', 'healthy')).toBe(0);
    expect(check('-e', '/tmp/missing')).toBe(1);
    expect(check('-d', '/tmp')).toBe(0);
    expect(check('-s', '/etc/hosts')).toBe(0);
    expect(check('-s', 'healthy')).toBe(1);
    expect(check('!', '-f', 'healthy')).toBe(1);
  });

  it('compares strings and integers', () => {
    expect(check('a', '=', 'a')).toBe(0);
    expect(check('a', '!=', 'a')).toBe(1);
    expect(check('-z', '')).toBe(0);
    expect(check('-n', '')).toBe(1);
    expect(check('x')).toBe(0);
    expect(check()).toBe(1);
    expect(check('10', '-gt', '9')).toBe(0);
    expect(check('1', '-eq', '1', '-a', '2', '-lt', '1')).toBe(1);
    expect(check('1', '-eq', '2', '-o', '(', 'b', '=', 'b', ')')).toBe(0);
  });

  it('reports errors with status 2', () => {
    expect(runTest(['1', '-eq', 'a'], { fs: sys.fs, cwd: '/', wording: 'busybox' })).toEqual({
      status: 2,
      error: 'a: bad number',
    });
    expect(runUtility(test, ['test', '1', '-eq', 'a'], sys)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'test: a: bad number\n',
      sleepMs: 0,
    });
    expect(runUtility(test, ['[', '1', '=', '1'], sys)).toEqual({
      code: 2,
      stdout: '',
      stderr: '[: missing ]\n',
      sleepMs: 0,
    });
    expect(runUtility(test, ['[', '-f', '/tmp/healthy', ']'], sys).code).toBe(0);
  });
});
