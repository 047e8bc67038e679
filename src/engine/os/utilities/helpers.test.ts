import { describe, expect, it } from 'vitest';
import { divide, formatBcNumber, modulo, multiply, parseBcNumber, power, squareRoot } from './bc/bcNumber';
import type { Utility } from '../types';
import { createFakeSystem, runUtility } from './fakeSystemCalls';
import { selectUtilities, utilities, utilityFlavourOf, utilityOverrides } from './index';
import { parseOptions } from './parseOptions';
import { findHeader, formatUrl, parseUrl, resolveLocation } from './parseUrl';
import { translatePosixRegex } from './posixRegex';
import { splitLines } from './readInputs';

describe('parseOptions', () => {
  it('parses grouped flags, attached and separate arguments, and permutes operands', () => {
    expect(parseOptions(['-rf', 'dir', '-n5', '-o', 'out', '--', '-x'], 'rfn:o:')).toEqual({
      ok: true,
      flags: { r: true, f: true, n: '5', o: 'out' },
      operands: ['dir', '-x'],
    });
    expect(parseOptions(['a', '-b'], 'b', true)).toEqual({ ok: true, flags: {}, operands: ['a', '-b'] });
    expect(parseOptions(['-'], '')).toEqual({ ok: true, flags: {}, operands: ['-'] });
  });

  it('reports getopt errors', () => {
    expect(parseOptions(['-z'], 'a')).toEqual({ ok: false, message: "invalid option -- 'z'" });
    expect(parseOptions(['-n'], 'n:')).toEqual({ ok: false, message: "option requires an argument -- 'n'" });
  });
});

describe('translatePosixRegex', () => {
  it('turns BRE operators into JS and BRE literals into escaped characters', () => {
    expect(translatePosixRegex('\\(ab\\)\\{2\\}x+?|y', false)).toBe('(ab){2}x\\+\\?\\|y');
    expect(translatePosixRegex('*a', false)).toBe('\\*a');
    expect(translatePosixRegex('^*a', false)).toBe('^\\*a');
    expect(translatePosixRegex('(a|b)+', true)).toBe('(a|b)+');
    expect(translatePosixRegex('[[:digit:]\\]', false)).toBe('[0-9\\\\]');
    expect(translatePosixRegex('[]a]', false)).toBe('[\\]a]');
    expect(translatePosixRegex('\\<word\\>', false)).toBe('\\bword\\b');
    expect(translatePosixRegex('[abc', false)).toBeUndefined();
  });
});

describe('parseUrl', () => {
  it('splits URLs, defaulting to http and port 80', () => {
    expect(parseUrl('myservice')).toEqual({
      scheme: 'http',
      host: 'myservice',
      port: 80,
      path: '/',
      hostHeader: 'myservice',
    });
    expect(parseUrl('http://10.96.0.1:8080/healthz?x=1')).toEqual({
      scheme: 'http',
      host: '10.96.0.1',
      port: 8080,
      path: '/healthz?x=1',
      hostHeader: '10.96.0.1:8080',
    });
    expect(parseUrl('https://kubernetes.default.svc/api')?.port).toBe(443);
    expect(parseUrl('ftp://x/')).toBeUndefined();
    expect(parseUrl('http://x:99999/')).toBeUndefined();
  });

  it('resolves redirects and formats URLs', () => {
    const base = parseUrl('http://a:8080/dir/page')!;
    expect(formatUrl(resolveLocation(base, '/other')!)).toBe('http://a:8080/other');
    expect(formatUrl(resolveLocation(base, 'next')!)).toBe('http://a:8080/dir/next');
    expect(formatUrl(resolveLocation(base, 'http://b/')!)).toBe('http://b/');
    expect(findHeader({ location: '/x' }, 'Location')).toBe('/x');
  });
});

describe('bc numbers', () => {
  const n = parseBcNumber;

  it('keep bc’s result scales and truncate', () => {
    expect(formatBcNumber(multiply(n('1.25'), n('1.5'), 0))).toBe('1.87');
    expect(formatBcNumber(multiply(n('1.25'), n('1.5'), 5))).toBe('1.875');
    expect(formatBcNumber(divide(n('-2'), n('3'), 4))).toBe('-.6666');
    expect(formatBcNumber(modulo(n('7'), n('3'), 2))).toBe('.01');
    expect(formatBcNumber(power(n('1.5'), 3n, 0))).toBe('3.3');
    expect(formatBcNumber(power(n('1.5'), 3n, 5))).toBe('3.375');
    expect(formatBcNumber(power(n('2'), -2n, 3))).toBe('.250');
    expect(formatBcNumber(squareRoot(n('2'), 10))).toBe('1.4142135623');
    expect(formatBcNumber(squareRoot(n('0.5'), 0))).toBe('.7');
  });

  it('throw bc’s runtime errors', () => {
    expect(() => divide(n('1'), n('0'), 0)).toThrow('Divide by zero');
    expect(() => squareRoot(n('-1'), 0)).toThrow('Square root of a negative number');
  });
});

describe('readInputs', () => {
  it('splits lines without inventing an empty last one', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\nb')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('\n')).toEqual(['']);
  });
});

describe('utility registry', () => {
  it('offers every command by basename', () => {
    expect(Object.keys(utilities).sort()).toEqual(
      [
        '[',
        'basename',
        'bc',
        'cat',
        'cp',
        'curl',
        'cut',
        'date',
        'dirname',
        'echo',
        'env',
        'expr',
        'false',
        'grep',
        'head',
        'hostname',
        'id',
        'kill',
        'ls',
        'mkdir',
        'mv',
        'nc',
        'nslookup',
        'perl',
        'ping',
        'printenv',
        'ps',
        'pwd',
        'rm',
        'rmdir',
        'sed',
        'seq',
        'sleep',
        'sort',
        'tail',
        'tee',
        'test',
        'touch',
        'tr',
        'true',
        'uname',
        'uniq',
        'wc',
        'wget',
        'which',
        'whoami',
      ].sort(),
    );
  });

  it('picks the tools by the userland of the image', () => {
    expect(utilityFlavourOf({ kind: 'busybox', version: '1.28.4' })).toBe('busybox-1.28');
    expect(utilityFlavourOf({ kind: 'busybox', version: '1.22.1' })).toBe('busybox-1.28');
    expect(utilityFlavourOf({ kind: 'busybox', version: '1.29.3' })).toBe('busybox');
    expect(utilityFlavourOf({ kind: 'busybox', version: '1.37.0' })).toBe('busybox');
    expect(utilityFlavourOf({ kind: 'gnu', sh: 'dash' })).toBe('debian');
    expect(utilityFlavourOf({ kind: 'none' })).toBe('busybox');
    expect(utilityFlavourOf(undefined)).toBe('busybox');
    expect(selectUtilities('debian', { kubectl: utilities.true as Utility }).kubectl).toBe(utilities.true);
  });

  it('swaps in the tools of older busybox and Debian images', () => {
    expect(selectUtilities('busybox')).toEqual(utilities);
    expect(selectUtilities('busybox-1.28').nslookup).toBe(utilityOverrides['busybox-1.28'].nslookup);
    expect(selectUtilities('debian').ps).toBe(utilityOverrides.debian.ps);
    expect(selectUtilities('debian').echo).toBe(utilities.echo);
  });
});

describe('GNU wording for Debian images', () => {
  const debian = selectUtilities('debian');
  const sys = createFakeSystem({ files: { '/d/f': '' } }).sys;
  const run = (...argv: string[]) => runUtility(debian[argv[0] ?? ''] as Utility, argv, sys);

  it('rewrites busybox diagnostics into coreutils ones', () => {
    expect(run('cat', '/x')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cat: /x: No such file or directory\n',
      sleepMs: 0,
    });
    expect(run('ls', '/x')).toEqual({
      code: 2,
      stdout: '',
      stderr: "ls: cannot access '/x': No such file or directory\n",
      sleepMs: 0,
    });
    expect(run('rm', '/d').stderr).toBe("rm: cannot remove '/d': Is a directory\n");
    expect(run('mkdir', '/d').stderr).toBe("mkdir: cannot create directory '/d': File exists\n");
    expect(run('touch', '/q/r').stderr).toBe("touch: cannot touch '/q/r': No such file or directory\n");
    expect(run('tail', '/x')).toEqual({
      code: 1,
      stdout: '',
      stderr: "tail: cannot open '/x' for reading: No such file or directory\n",
      sleepMs: 0,
    });
    expect(run('sed', 'p', '/x').code).toBe(2);
  });

  it('turns the busybox usage banner into the --help hint', () => {
    expect(run('rm').stderr).toBe("rm: missing operand\nTry 'rm --help' for more information.\n");
    expect(run('cat', '-z').stderr).toBe("cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n");
  });
});
