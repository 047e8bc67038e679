import { describe, expect, it } from 'vitest';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { formatMode, ls } from './ls';

function system() {
  const { sys } = createFakeSystem({ files: { '/app/a.txt': 'hello\n', '/app/.hidden': '', '/app/d/inner': 'x' } });
  sys.fs.write('/app/b', 'x\ny\n');
  return sys;
}

const TTY = { TERM: 'xterm' };

describe('ls', () => {
  it('prints one name per line when output is not a terminal', () => {
    expect(runUtility(ls, ['ls', '/app'], system()).stdout).toBe('a.txt\nb\nd\n');
  });

  it('lays names out in columns for a terminal, as the seed shows for a busybox root', () => {
    expect(runUtility(ls, ['ls'], createFakeSystem().sys, { env: TTY }).stdout).toBe(
      'bin   dev   etc   home  proc  root  sys   tmp   usr   var\n',
    );
    expect(runUtility(ls, ['ls'], system(), { env: TTY, cwd: '/app' }).stdout).toBe('a.txt  b      d\n');
  });

  it('fills columns top to bottom when the names need several rows (checked against busybox)', () => {
    const { sys } = createFakeSystem();
    for (const name of ['container_info.json', 'lib', 'lib64', 'boot', 'media', 'mnt', 'opt']) sys.fs.mkdir(`/${name}`);
    const out = runUtility(ls, ['ls', '/'], sys, { env: TTY }).stdout;
    expect(out).toBe(
      [
        'bin                  lib                  root',
        'boot                 lib64                sys',
        'container_info.json  media                tmp',
        'dev                  mnt                  usr',
        'etc                  opt                  var',
        'home                 proc',
        '',
      ].join('\n'),
    );
  });

  it('shows hidden names with -a (with . and ..) and -A', () => {
    expect(runUtility(ls, ['ls', '-a', '/app'], system()).stdout).toBe('.\n..\n.hidden\na.txt\nb\nd\n');
    expect(runUtility(ls, ['ls', '-A1', '/app'], system()).stdout).toBe('.hidden\na.txt\nb\nd\n');
  });

  it('prints the busybox long format with a total of 1K blocks', () => {
    expect(runUtility(ls, ['ls', '-l', '/app'], system()).stdout).toBe(
      [
        'total 12',
        '-rw-r--r--    1 root     root             6 Jan  1  1970 a.txt',
        '-rw-r--r--    1 root     root             4 Jan  2 15:04 b',
        'drwxr-xr-x    2 root     root          4096 Jan  1  1970 d',
        '',
      ].join('\n'),
    );
    expect(runUtility(ls, ['ls', '-ld', '/tmp', '/dev/null'], system()).stdout).toBe(
      'crw-rw-rw-    1 root     root        1,   3 Jan  1  1970 /dev/null\ndrwxrwxrwt    2 root     root          4096 Jan  1  1970 /tmp\n',
    );
  });

  it('lists files first, then each directory under a header', () => {
    expect(runUtility(ls, ['ls', '/app/d', '/app/a.txt', '/app'], system()).stdout).toBe(
      '/app/a.txt\n\n/app:\na.txt\nb\nd\n\n/app/d:\ninner\n',
    );
  });

  it('reports missing operands and still lists the rest', () => {
    const result = runUtility(ls, ['ls', '/nonexist', '/app/b'], system());
    expect(result).toEqual({
      code: 1,
      stdout: '/app/b\n',
      stderr: 'ls: /nonexist: No such file or directory\n',
      sleepMs: 0,
    });
  });

  it('sorts by time or size and reverses, and marks directories with -p/-F', () => {
    expect(runUtility(ls, ['ls', '-t', '/app'], system()).stdout).toBe('b\na.txt\nd\n');
    expect(runUtility(ls, ['ls', '-r', '/app'], system()).stdout).toBe('d\nb\na.txt\n');
    expect(runUtility(ls, ['ls', '-p', '/app'], system()).stdout).toBe('a.txt\nb\nd/\n');
  });

  it('formats modes', () => {
    expect(formatMode({ type: 'file', size: 0, mtime: 0, mode: 0o755 })).toBe('-rwxr-xr-x');
    expect(formatMode({ type: 'dir', size: 0, mtime: 0, mode: 0o1776 })).toBe('drwxrwxrwT');
  });
});
