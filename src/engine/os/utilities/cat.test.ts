import { describe, expect, it } from 'vitest';
import { cat } from './cat';
import { createFakeSystem, runUtility } from './fakeSystemCalls';

describe('cat', () => {
  const { sys } = createFakeSystem({
    files: { '/usr/share/message': 'Hello from the postStart handler\n', '/tmp/a': 'a\n', '/tmp/b': 'b' },
  });

  it('prints files in order, relative to the working directory', () => {
    expect(runUtility(cat, ['cat', '/usr/share/message'], sys).stdout).toBe('Hello from the postStart handler\n');
    expect(runUtility(cat, ['cat', 'a', 'b', 'a'], sys, { cwd: '/tmp' }).stdout).toBe('a\nba\n');
  });

  it('reads stdin without operands or for -', () => {
    expect(runUtility(cat, ['cat'], sys, { stdin: 'piped\n' }).stdout).toBe('piped\n');
    expect(runUtility(cat, ['cat', '/tmp/a', '-'], sys, { stdin: 'in\n' }).stdout).toBe('a\nin\n');
  });

  it('complains about missing files and directories as busybox does, going on with the rest', () => {
    expect(runUtility(cat, ['cat', '/tmp/healthy'], sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: "cat: can't open '/tmp/healthy': No such file or directory\n",
      sleepMs: 0,
    });
    const result = runUtility(cat, ['cat', '/tmp', '/tmp/a'], sys);
    expect(result).toEqual({ code: 1, stdout: 'a\n', stderr: 'cat: read error: Is a directory\n', sleepMs: 0 });
  });

  it('numbers lines with -n', () => {
    expect(runUtility(cat, ['cat', '-n'], sys, { stdin: 'x\n\ny\n' }).stdout).toBe('     1\tx\n     2\t\n     3\ty\n');
    expect(runUtility(cat, ['cat', '-b'], sys, { stdin: 'x\n\ny\n' }).stdout).toBe('     1\tx\n\n     2\ty\n');
  });

  it('rejects unknown options with busybox usage', () => {
    const result = runUtility(cat, ['cat', '-z'], sys);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "cat: invalid option -- 'z'\nBusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: cat [-nbvteA] [FILE]...\n",
    );
  });
});
