import { describe, expect, it } from 'vitest';
import { isPathWithin, joinPath, lastComponent, normalizePath, parentPath } from './normalizePath';

describe('normalizePath', () => {
  it('resolves relative paths against the working directory', () => {
    expect(normalizePath('/usr/share', 'nginx/html')).toBe('/usr/share/nginx/html');
    expect(normalizePath('/', 'tmp')).toBe('/tmp');
  });

  it('removes dot, dot-dot, repeated and trailing slashes', () => {
    expect(normalizePath('/a/b', '../c/./d//')).toBe('/a/c/d');
    expect(normalizePath('/tmp', '/etc/../var/log/')).toBe('/var/log');
    expect(normalizePath('/', '../../..')).toBe('/');
    expect(normalizePath('/home', '.')).toBe('/home');
  });
});

describe('path helpers', () => {
  it('splits and joins components', () => {
    expect(parentPath('/etc/hosts')).toBe('/etc');
    expect(parentPath('/etc')).toBe('/');
    expect(parentPath('/')).toBe('/');
    expect(lastComponent('/etc/hosts')).toBe('hosts');
    expect(lastComponent('/')).toBe('/');
    expect(joinPath('/', 'etc')).toBe('/etc');
    expect(joinPath('/data', '/sub/file')).toBe('/data/sub/file');
    expect(joinPath('/data', '/')).toBe('/data');
  });

  it('tells whether a path lies within another', () => {
    expect(isPathWithin('/data/x', '/data')).toBe(true);
    expect(isPathWithin('/data', '/data')).toBe(true);
    expect(isPathWithin('/database', '/data')).toBe(false);
    expect(isPathWithin('/anything', '/')).toBe(true);
  });
});
