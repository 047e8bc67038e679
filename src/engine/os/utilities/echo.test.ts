import { describe, expect, it } from 'vitest';
import { echo } from './echo';
import { processEscapes } from './escapes';
import { createFakeSystem, runUtility } from './fakeSystemCalls';

const run = (...args: string[]) => runUtility(echo, ['echo', ...args], createFakeSystem().sys);

describe('echo', () => {
  it('joins its arguments with spaces and ends the line', () => {
    expect(run('Hello', 'from', 'the', 'Kubernetes cluster')).toEqual({
      code: 0,
      stdout: 'Hello from the Kubernetes cluster\n',
      stderr: '',
      sleepMs: 0,
    });
    expect(run().stdout).toBe('\n');
  });

  it('leaves out the newline with -n and expands escapes with -e', () => {
    expect(run('-n', 'x').stdout).toBe('x');
    expect(run('-e', 'a\\tb\\nc').stdout).toBe('a\tb\nc\n');
    expect(run('-ne', 'x\\n').stdout).toBe('x\n');
    expect(run('-e', 'a\\tb\\c', 'ignored').stdout).toBe('a\tb');
  });

  it('prints escapes literally without -e and treats unknown options as text', () => {
    expect(run('a\\nb').stdout).toBe('a\\nb\n');
    expect(run('-x', 'y').stdout).toBe('-x y\n');
    expect(run('-n-', 'y').stdout).toBe('-n- y\n');
  });

  it('expands octal and hex escapes', () => {
    expect(processEscapes('\\0101\\x42\\\\', 'echo')).toEqual({ text: 'AB\\', stop: false });
  });
});
