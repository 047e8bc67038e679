import { describe, expect, it } from 'vitest';
import { runTest, type TestEnv } from './testCommand';
import { FakeKernel } from './testing/fakeSystem';

const k = new FakeKernel();
k.fs.put('/tmp/file', 'data');
k.fs.put('/tmp/empty', '');
k.fs.put('/tmp/run.sh', 'echo', 0o755);
const env: TestEnv = { fs: k.fs, cwd: '/tmp', dialect: 'sh' };
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
    expect(runTest(['abc', '-gt', '1'], { ...env, dialect: 'bash' })).toEqual({
      status: 2,
      error: 'abc: integer expression expected',
    });
    expect(runTest(['a', 'b'], env)).toEqual({ status: 2, error: 'a: unexpected operator' });
    expect(runTest(['a', 'b', 'c'], env)).toEqual({ status: 2, error: 'b: unexpected operator' });
  });
});
