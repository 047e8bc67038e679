import { describe, expect, it } from 'vitest';
import {
  byteLength,
  createEmptyTree,
  createRootTree,
  createTreeFromFiles,
  ensureTreeDirectory,
  listTreeChildren,
  removeTreeSubtree,
} from './fsTree';

describe('createRootTree', () => {
  it('lays the standard skeleton, /dev/null and the given files with their parent directories', () => {
    const tree = createRootTree(
      { '/etc/hostname': 'web-0\n', '/usr/share/nginx/html/index.html': '<h1>hi</h1>\n' },
      1000,
    );
    expect(listTreeChildren(tree, '/')).toEqual([
      'bin',
      'dev',
      'etc',
      'home',
      'proc',
      'root',
      'sys',
      'tmp',
      'usr',
      'var',
    ]);
    expect(listTreeChildren(tree, '/var')).toEqual(['log']);
    expect(tree.nodes['/dev/null']).toEqual({ type: 'file', content: '', mode: 0o666, mtime: 1000, device: 'null' });
    expect(tree.nodes['/tmp']).toEqual({ type: 'dir', mode: 0o1777, mtime: 1000 });
    expect(tree.nodes['/usr/share/nginx']).toEqual({ type: 'dir', mode: 0o755, mtime: 1000 });
    expect(tree.nodes['/etc/hostname']).toEqual({ type: 'file', content: 'web-0\n', mode: 0o644, mtime: 1000 });
  });

  it('makes files in bin directories executable and keys ending in a slash directories', () => {
    const tree = createTreeFromFiles({ '/usr/local/bin/run.sh': 'echo hi\n', '/data/': '' }, 5);
    expect(tree.nodes['/usr/local/bin/run.sh']?.mode).toBe(0o755);
    expect(tree.nodes['/data']).toEqual({ type: 'dir', mode: 0o755, mtime: 5 });
  });

  it('gives configMap-style files the requested mode', () => {
    const tree = createTreeFromFiles({ '/game.properties': 'lives=3\n' }, 0, 0o400);
    expect(tree.nodes['/game.properties']?.mode).toBe(0o400);
  });
});

describe('tree helpers', () => {
  it('creates missing directories and refuses to pass through a file', () => {
    const tree = createTreeFromFiles({ '/a/file': 'x' }, 0);
    expect(ensureTreeDirectory(tree, '/a/b/c', 7)).toBe(true);
    expect(listTreeChildren(tree, '/a/b')).toEqual(['c']);
    expect(ensureTreeDirectory(tree, '/a/file/d', 7)).toBe(false);
  });

  it('removes a whole subtree and nothing beside it', () => {
    const tree = createTreeFromFiles({ '/a/b/c': '1', '/a/bb': '2' }, 0);
    removeTreeSubtree(tree, '/a/b');
    expect(Object.keys(tree.nodes).sort()).toEqual(['/', '/a', '/a/bb']);
  });

  it('counts UTF-8 bytes', () => {
    expect(byteLength('abc')).toBe(3);
    expect(byteLength('é')).toBe(2);
    expect(byteLength('你好')).toBe(6);
    expect(byteLength('😀')).toBe(4);
  });

  it('starts an empty tree with only its root', () => {
    expect(createEmptyTree(3)).toEqual({ nodes: { '/': { type: 'dir', mode: 0o755, mtime: 3 } } });
  });
});
