import { describe, expect, it } from 'vitest';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { sed } from './sed';

const run = (args: string[], stdin: string) => runUtility(sed, ['sed', ...args], createFakeSystem().sys, { stdin });

describe('sed', () => {
  it('substitutes the first match, or all with g, or the Nth', () => {
    expect(run(['s/o/0/'], 'foo\n').stdout).toBe('f0o\n');
    expect(run(['s/o/0/g'], 'foo\n').stdout).toBe('f00\n');
    expect(run(['s/X/-/2'], 'aXbXc\n').stdout).toBe('aXb-c\n');
    expect(run(['s|\\.|/|g'], 'a.b\n').stdout).toBe('a/b\n');
  });

  it('expands & and groups, with BRE and -E syntax', () => {
    expect(run(['s/a/&&/'], 'ab\n').stdout).toBe('aab\n');
    expect(run(['s/\\(a\\)\\(b\\)/\\2\\1/'], 'ab\n').stdout).toBe('ba\n');
    expect(run(['-E', 's/(a)(b)/\\2\\1/'], 'ab\n').stdout).toBe('ba\n');
    expect(run(['s/a/\\n/'], 'ab\n').stdout).toBe('\nb\n');
  });

  it('skips an empty match right after a match, as POSIX regexec does', () => {
    expect(run(['s/l*/X/g'], 'hello\n').stdout).toBe('XhXeXoX\n');
  });

  it('prints selected lines with -n and p, by number, $, regex and range', () => {
    expect(run(['-n', '2p'], 'foo\nbar\n').stdout).toBe('bar\n');
    expect(run(['-n', '/ba/p'], 'foo\nbar\n').stdout).toBe('bar\n');
    expect(run(['-n', '2,3p'], 'a\nb\nc\nd\n').stdout).toBe('b\nc\n');
    expect(run(['-n', '$='], 'a\nb\nc\n').stdout).toBe('3\n');
    expect(run(['-n', 's/a/A/p'], 'a\nb\n').stdout).toBe('A\n');
  });

  it('deletes, negates, quits, and inserts or appends text', () => {
    expect(run(['1d'], 'foo\nbar\n').stdout).toBe('bar\n');
    expect(run(['2!d'], 'a\nb\nc\n').stdout).toBe('b\n');
    expect(run(['q'], 'ab\ncd\n').stdout).toBe('ab\n');
    expect(run(['1i\\hello'], 'a\nb\n').stdout).toBe('hello\na\nb\n');
    expect(run(['$a bye'], 'a\nb\n').stdout).toBe('a\nb\nbye\n');
    expect(run(['y/ab/ba/'], 'abc\n').stdout).toBe('bac\n');
  });

  it('runs several -e scripts in order', () => {
    expect(run(['-e', 's/a/x/', '-e', 's/b/y/'], 'ab\n').stdout).toBe('xy\n');
    expect(run(['s/a/x/;s/b/y/'], 'ab\n').stdout).toBe('xy\n');
  });

  it('edits files in place with -i', () => {
    const { sys } = createFakeSystem({ files: { '/etc/app.conf': 'port=80\n' } });
    expect(runUtility(sed, ['sed', '-i', 's/80/8080/', '/etc/app.conf'], sys).stdout).toBe('');
    expect(sys.fs.read('/etc/app.conf')).toBe('port=8080\n');
  });

  it('reports bad scripts and missing files with busybox wording', () => {
    expect(run(['s/a/b'], 'a\n')).toEqual({ code: 1, stdout: '', stderr: "sed: unmatched '/'\n", sleepMs: 0 });
    expect(run(['s/a/b/z'], 'a\n').stderr).toBe('sed: bad option in substitution expression\n');
    expect(run(['zz'], 'a\n').stderr).toBe('sed: unsupported command z\n');
    expect(run(['p', '/nope'], '').stderr).toBe('sed: /nope: No such file or directory\n');
  });
});
