import { describe, expect, it } from 'vitest';
import { expandGlob } from './glob';
import { escapePattern, hasGlobChars, matchPattern, removeAffix, replacePattern } from './pattern';
import { FakeKernel } from './testing/fakeSystem';

describe('matchPattern', () => {
  it('matches wildcards, brackets and classes', () => {
    expect(matchPattern('*.txt', 'a/b.txt')).toBe(true);
    expect(matchPattern('?', 'ab')).toBe(false);
    expect(matchPattern('[a-c]x', 'bx')).toBe(true);
    expect(matchPattern('[!a-c]x', 'bx')).toBe(false);
    expect(matchPattern('[[:digit:]][[:alpha:]]', '1z')).toBe(true);
    expect(matchPattern('[]]', ']')).toBe(true);
    expect(matchPattern('a[', 'a[')).toBe(true);
    expect(matchPattern('a.b', 'axb')).toBe(false);
  });

  it('treats escaped characters literally', () => {
    expect(matchPattern(escapePattern('*?'), '*?')).toBe(true);
    expect(matchPattern(escapePattern('*'), 'x')).toBe(false);
    expect(hasGlobChars(escapePattern('a*'))).toBe(false);
    expect(hasGlobChars('a*')).toBe(true);
  });

  it('removes prefixes and suffixes', () => {
    expect(removeAffix('/usr/local/bin', '*/', '#')).toBe('usr/local/bin');
    expect(removeAffix('/usr/local/bin', '*/', '##')).toBe('bin');
    expect(removeAffix('app.tar.gz', '.*', '%')).toBe('app.tar');
    expect(removeAffix('app.tar.gz', '.*', '%%')).toBe('app');
    expect(removeAffix('abc', 'x', '#')).toBe('abc');
  });

  it('replaces matches', () => {
    expect(replacePattern('a-b-c', '-', '+', '/')).toBe('a+b-c');
    expect(replacePattern('a-b-c', '-', '+', '//')).toBe('a+b+c');
    expect(replacePattern('abcabc', 'a', 'X', '/#')).toBe('Xbcabc');
    expect(replacePattern('abcabc', 'c', 'X', '/%')).toBe('abcabX');
  });
});

describe('expandGlob', () => {
  const k = new FakeKernel();
  k.fs.put('/data/a.log', '');
  k.fs.put('/data/b.log', '');
  k.fs.put('/data/.hidden.log', '');
  k.fs.put('/data/sub/c.log', '');

  it('expands against the file system, sorted, skipping dot files', () => {
    expect(expandGlob(k.fs, '/', '/data/*.log')).toEqual(['/data/a.log', '/data/b.log']);
    expect(expandGlob(k.fs, '/', '/data/.*.log')).toEqual(['/data/.hidden.log']);
    expect(expandGlob(k.fs, '/data', '*/*.log')).toEqual(['sub/c.log']);
    expect(expandGlob(k.fs, '/', '/data/?.log')).toEqual(['/data/a.log', '/data/b.log']);
  });

  it('returns nothing when nothing matches', () => {
    expect(expandGlob(k.fs, '/', '/data/*.txt')).toEqual([]);
    expect(expandGlob(k.fs, '/', '/nope/*')).toEqual([]);
  });
});
