import { describe, expect, it } from 'vitest';
import type { Userland } from '../os/types';
import { dialectFor } from './dialect';
import { FakeKernel, runScript } from './testing/fakeSystem';

const BUSYBOX: Userland = { kind: 'busybox', version: '1.36.1' };
const DEBIAN: Userland = { kind: 'gnu', sh: 'dash' };
const ORACLE: Userland = { kind: 'gnu', sh: 'bash' };

const ash = (script: string, options: Parameters<typeof runScript>[1] = {}) =>
  runScript(script, { ...options, userland: BUSYBOX });

describe('dialectFor', () => {
  it('follows the name first, then what /bin/sh is in the image', () => {
    expect(dialectFor('/bin/bash', BUSYBOX)).toBe('bash');
    expect(dialectFor('ash', DEBIAN)).toBe('ash');
    expect(dialectFor('/bin/sh', BUSYBOX)).toBe('ash');
    expect(dialectFor('sh', DEBIAN)).toBe('dash');
    expect(dialectFor('sh', ORACLE)).toBe('bash');
    expect(dialectFor('sh', { kind: 'none' })).toBe('dash');
    expect(dialectFor('sh')).toBe('dash');
  });
});

describe('ash (busybox images)', () => {
  it('words a missing command and failed redirections as busybox does', () => {
    expect(ash('nope; echo $?')).toMatchObject({ out: '127\n', err: 'sh: nope: not found\n' });
    expect(ash('/bin/nope')).toMatchObject({ err: 'sh: /bin/nope: not found\n', code: 127 });
    expect(ash('echo hi > /x/y; echo $?')).toMatchObject({
      out: '1\n',
      err: "sh: can't create /x/y: nonexistent directory\n",
    });
    expect(ash('cat < /x')).toMatchObject({ err: "sh: can't open /x: no such file\n", code: 1 });
    expect(ash('echo > /tmp')).toMatchObject({ err: "sh: can't create /tmp: Is a directory\n", code: 1 });
  });

  it('names the line only for a script with a name of its own', () => {
    expect(ash('nope', { argv: ['probe'] }).err).toBe('probe: line 1: nope: not found\n');
    const k = new FakeKernel(BUSYBOX);
    k.fs.put('/app/start.sh', 'echo start\nnope\n');
    expect(k.runUntilExit(k.start(['sh', '/app/start.sh']))).toMatchObject({
      out: 'start\n',
      err: '/app/start.sh: line 2: nope: not found\n',
      exitCode: 127,
    });
    expect(k.runUntilExit(k.start(['sh', 'missing.sh']))).toMatchObject({
      err: "sh: can't open 'missing.sh': No such file or directory\n",
      exitCode: 2,
    });
  });

  it('speaks for scripts it runs as their own shell', () => {
    const script = (k: FakeKernel) => k.fs.put('/app/run.sh', '#!/bin/sh\nnope\n', 0o755);
    expect(ash('/app/run.sh; sh -c nope', { setup: script }).err).toBe(
      '/app/run.sh: line 2: nope: not found\nsh: nope: not found\n',
    );
    expect(runScript('bash -c nope; sh -c nope', { userland: DEBIAN }).err).toBe(
      'bash: line 1: nope: command not found\nsh: 1: nope: not found\n',
    );
  });

  it('reports syntax errors in its own words', () => {
    expect(ash('if true; fi')).toMatchObject({
      err: 'sh: syntax error: unexpected "fi" (expecting "then")\n',
      code: 2,
    });
    expect(ash('if true; then').err).toBe('sh: syntax error: unexpected end of file (expecting "fi")\n');
    expect(ash('echo a; done').err).toBe('sh: syntax error: unexpected "done"\n');
    expect(ash('echo >\n').err).toBe('sh: syntax error: unexpected newline\n');
    expect(ash("echo 'abc").err).toBe('sh: syntax error: unterminated quoted string\n');
    expect(ash('echo one\necho two )', { argv: ['x.sh'] })).toMatchObject({
      out: 'one\n',
      err: 'x.sh: line 2: syntax error: unexpected ")"\n',
    });
  });

  it('names a failing builtin before the line, and leaves the line out when reading commands', () => {
    expect(ash('cd /nope; echo $?')).toMatchObject({
      out: '2\n',
      err: "sh: cd: line 1: can't cd to /nope: No such file or directory\n",
    });
    expect(ash('exit x').err).toBe('sh: exit: line 1: Illegal number: x\n');
    const k = new FakeKernel(BUSYBOX);
    expect(k.runUntilExit(k.start(['sh'], { stdin: 'cd /nope\n' })).err).toBe(
      "sh: cd: can't cd to /nope: No such file or directory\n",
    );
  });

  it('runs kill, test and printf as the busybox applets they are', () => {
    expect(ash('kill 999; echo $?')).toMatchObject({ out: '1\n', err: "sh: can't kill pid 999: No such process\n" });
    expect(ash('[ 1 -eq a ]; echo $?')).toMatchObject({ out: '2\n', err: 'sh: a: bad number\n' });
    expect(ash('[ a = a').err).toBe('sh: missing ]\n');
    expect(ash('printf "%d\\n" abc')).toMatchObject({ out: '0\n', err: "sh: invalid number 'abc'\n" });
  });

  it('has its own arithmetic messages, $RANDOM, and a quiet shift', () => {
    expect(ash('echo $((1/0))')).toMatchObject({ err: 'sh: divide by zero\n', code: 2 });
    expect(ash('echo $((1+))').err).toBe('sh: arithmetic syntax error\n');
    expect(ash('echo $RANDOM').out).toMatch(/^\d+\n$/);
    expect(runScript('echo "[$RANDOM]"', { userland: DEBIAN }).out).toBe('[]\n');
    expect(ash('shift 3; echo $?')).toMatchObject({ out: '1\n', err: '' });
  });

  it('words bad command lines as busybox does', () => {
    const k = new FakeKernel(BUSYBOX);
    expect(k.runUntilExit(k.start(['sh', '-q']))).toMatchObject({ err: 'sh: illegal option -q\n', exitCode: 2 });
    expect(k.runUntilExit(k.start(['sh', '-o', 'nope']))).toMatchObject({ err: 'sh: illegal option -o nope\n' });
    expect(k.runUntilExit(k.start(['sh', '-c']))).toMatchObject({ err: 'sh: -c requires an argument\n' });
  });
});

describe('dash and bash as /bin/sh', () => {
  it('speaks dash in Debian images and bash in the Red Hat family', () => {
    expect(runScript('nope', { userland: DEBIAN }).err).toBe('sh: 1: nope: not found\n');
    expect(runScript('echo > /x/y', { userland: DEBIAN }).err).toBe(
      'sh: 1: cannot create /x/y: Directory nonexistent\n',
    );
    expect(runScript('nope', { userland: ORACLE }).err).toBe('sh: line 1: nope: command not found\n');
  });
});
