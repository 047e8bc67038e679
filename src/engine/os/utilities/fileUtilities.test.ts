import { describe, expect, it } from 'vitest';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { cp, mkdir, mv, rm, rmdir, touch } from './fileUtilities';

describe('touch', () => {
  it('creates an empty file and stamps it with the current time', () => {
    const { sys } = createFakeSystem();
    expect(runUtility(touch, ['touch', '/tmp/healthy'], sys).code).toBe(0);
    expect(sys.fs.stat('/tmp/healthy')).toEqual({ type: 'file', size: 0, mtime: sys.now, mode: 0o644 });
  });

  it('reports a missing directory with the operand as given, and -c creates nothing', () => {
    const { sys } = createFakeSystem();
    expect(runUtility(touch, ['touch', 'q/r'], sys, { cwd: '/tmp' })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'touch: q/r: No such file or directory\n',
      sleepMs: 0,
    });
    expect(runUtility(touch, ['touch', '-c', '/tmp/x'], sys).code).toBe(0);
    expect(sys.fs.stat('/tmp/x')).toBe('ENOENT');
  });
});

describe('rm', () => {
  it('removes files and, with -r, directories', () => {
    const { sys } = createFakeSystem({ files: { '/tmp/healthy': '', '/data/a/b': 'x' } });
    expect(runUtility(rm, ['rm', '-f', '/tmp/healthy'], sys).code).toBe(0);
    expect(sys.fs.stat('/tmp/healthy')).toBe('ENOENT');
    expect(runUtility(rm, ['rm', '-rf', '/data'], sys).code).toBe(0);
    expect(sys.fs.stat('/data')).toBe('ENOENT');
  });

  it('words its failures as busybox does', () => {
    const { sys } = createFakeSystem({ files: { '/d/f': '' } });
    expect(runUtility(rm, ['rm', '/x'], sys)).toEqual({
      code: 1,
      stdout: '',
      stderr: "rm: can't remove '/x': No such file or directory\n",
      sleepMs: 0,
    });
    expect(runUtility(rm, ['rm', 'd'], sys).stderr).toBe("rm: 'd' is a directory\n");
    expect(runUtility(rm, ['rm', '-f', '/missing'], sys)).toEqual({ code: 0, stdout: '', stderr: '', sleepMs: 0 });
    expect(runUtility(rm, ['rm', '-f'], sys).code).toBe(0);
    expect(runUtility(rm, ['rm'], sys).stderr).toBe(
      'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: rm [-irf] FILE...\n',
    );
  });
});

describe('mkdir and rmdir', () => {
  it('makes directories, with parents under -p', () => {
    const { sys } = createFakeSystem();
    expect(runUtility(mkdir, ['mkdir', '-p', '/work-dir/a/b'], sys).code).toBe(0);
    expect(sys.fs.list('/work-dir/a')).toEqual(['b']);
    expect(runUtility(mkdir, ['mkdir', 'logs'], sys, { cwd: '/work-dir' }).code).toBe(0);
    expect(sys.fs.list('/work-dir')).toEqual(['a', 'logs']);
  });

  it('reports existing and unreachable directories', () => {
    const { sys } = createFakeSystem();
    expect(runUtility(mkdir, ['mkdir', '/tmp'], sys).stderr).toBe(
      "mkdir: can't create directory '/tmp': File exists\n",
    );
    expect(runUtility(mkdir, ['mkdir', 'q/r'], sys).stderr).toBe(
      "mkdir: can't create directory 'q/r': No such file or directory\n",
    );
  });

  it('removes only empty directories', () => {
    const { sys } = createFakeSystem({ files: { '/e/f': '' } });
    expect(runUtility(rmdir, ['rmdir', '/e'], sys).stderr).toBe("rmdir: '/e': Directory not empty\n");
    expect(runUtility(rmdir, ['rmdir', '/nope'], sys).stderr).toBe("rmdir: '/nope': No such file or directory\n");
    expect(runUtility(rmdir, ['rmdir', '/tmp'], sys).code).toBe(0);
    expect(sys.fs.stat('/tmp')).toBe('ENOENT');
  });
});

describe('cp and mv', () => {
  it('copies files, into directories, and trees with -r', () => {
    const { sys } = createFakeSystem({ files: { '/src/a.txt': 'hello\n', '/src/sub/b': 'b\n' } });
    expect(runUtility(cp, ['cp', '/src/a.txt', '/tmp/copy'], sys).code).toBe(0);
    expect(sys.fs.read('/tmp/copy')).toBe('hello\n');
    expect(runUtility(cp, ['cp', 'a.txt', '/tmp'], sys, { cwd: '/src' }).code).toBe(0);
    expect(sys.fs.read('/tmp/a.txt')).toBe('hello\n');
    expect(runUtility(cp, ['cp', '-r', '/src', '/backup'], sys).code).toBe(0);
    expect(sys.fs.read('/backup/sub/b')).toBe('b\n');
  });

  it('reports what busybox cp reports', () => {
    const { sys } = createFakeSystem({ files: { '/src/a.txt': 'x' } });
    expect(runUtility(cp, ['cp', 'x', 'y'], sys).stderr).toBe("cp: can't stat 'x': No such file or directory\n");
    expect(runUtility(cp, ['cp', '/src', '/dst'], sys).stderr).toBe("cp: omitting directory '/src'\n");
    expect(runUtility(cp, ['cp', '/src/a.txt', '/nodir/x'], sys).stderr).toBe(
      "cp: can't create '/nodir/x': No such file or directory\n",
    );
    expect(runUtility(cp, ['cp', '/src/a.txt', '/src/a.txt'], sys).stderr).toBe(
      "cp: '/src/a.txt' and '/src/a.txt' are the same file\n",
    );
  });

  it('moves files and directories, removing the source', () => {
    const { sys } = createFakeSystem({ files: { '/a/f': '1', '/b/g': '2' } });
    expect(runUtility(mv, ['mv', '/a/f', '/a/renamed'], sys).code).toBe(0);
    expect(sys.fs.list('/a')).toEqual(['renamed']);
    expect(runUtility(mv, ['mv', '/b', '/a'], sys).code).toBe(0);
    expect(sys.fs.read('/a/b/g')).toBe('2');
    expect(sys.fs.stat('/b')).toBe('ENOENT');
    expect(runUtility(mv, ['mv', '/x', '/y'], sys).stderr).toBe("mv: can't rename '/x': No such file or directory\n");
    expect(runUtility(mv, ['mv', '/a', '/a/inside'], sys).stderr).toBe("mv: can't rename '/a': Invalid argument\n");
  });
});
