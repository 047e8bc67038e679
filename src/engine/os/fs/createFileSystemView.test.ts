import { describe, expect, it } from 'vitest';
import { createFileSystemView } from './createFileSystemView';
import { createEmptyTree, createRootTree, createTreeFromFiles } from './fsTree';
import type { Mount, TreeRegistry } from './mountTable';

/** Two containers of one pod sharing an emptyDir, plus a read-only configMap volume on the first. */
function podRegistry(): { registry: TreeRegistry; nginx: Mount[]; debian: Mount[] } {
  const registry: TreeRegistry = {
    'nginx-root': createRootTree({ '/usr/share/nginx/html/index.html': 'default page\n' }, 0),
    'debian-root': createRootTree({}, 0),
    shared: createEmptyTree(0),
    config: createTreeFromFiles({ '/nginx.conf': 'events {}\n', '/conf.d/site.conf': 'server {}\n' }, 0),
  };
  const nginx: Mount[] = [
    { path: '/', treeId: 'nginx-root', readOnly: false },
    { path: '/usr/share/nginx/html', treeId: 'shared', readOnly: false },
    { path: '/etc/nginx', treeId: 'config', readOnly: true },
  ];
  const debian: Mount[] = [
    { path: '/', treeId: 'debian-root', readOnly: false },
    { path: '/pod-data', treeId: 'shared', readOnly: false },
  ];
  return { registry, nginx, debian };
}

describe('createFileSystemView', () => {
  it('lets two containers see each other’s writes through a shared emptyDir', () => {
    const { registry, nginx, debian } = podRegistry();
    let clock = 100;
    const debianFs = createFileSystemView(registry, debian, () => clock);
    const nginxFs = createFileSystemView(registry, nginx, () => clock);
    expect(debianFs.write('/pod-data/index.html', 'Hello from the debian container\n')).toBeUndefined();
    expect(nginxFs.read('/usr/share/nginx/html/index.html')).toBe('Hello from the debian container\n');
    clock = 200;
    expect(nginxFs.write('/usr/share/nginx/html/index.html', 'more\n', true)).toBeUndefined();
    expect(debianFs.read('/pod-data/index.html')).toBe('Hello from the debian container\nmore\n');
    expect(debianFs.stat('/pod-data/index.html')).toEqual({ type: 'file', size: 37, mtime: 200, mode: 0o644 });
  });

  it('hides what the image had under a mount point', () => {
    const { registry, nginx } = podRegistry();
    const fs = createFileSystemView(registry, nginx, () => 0);
    expect(fs.list('/usr/share/nginx/html')).toEqual([]);
    expect(fs.read('/usr/share/nginx/html/index.html')).toBe('ENOENT');
  });

  it('refuses every change on a read-only mount with EROFS', () => {
    const { registry, nginx } = podRegistry();
    const fs = createFileSystemView(registry, nginx, () => 0);
    expect(fs.read('/etc/nginx/nginx.conf')).toBe('events {}\n');
    expect(fs.write('/etc/nginx/nginx.conf', 'x')).toBe('EROFS');
    expect(fs.write('/etc/nginx/new.conf', 'x')).toBe('EROFS');
    expect(fs.touch('/etc/nginx/nginx.conf')).toBe('EROFS');
    expect(fs.mkdir('/etc/nginx/d')).toBe('EROFS');
    expect(fs.remove('/etc/nginx/conf.d', true)).toBe('EROFS');
    expect(fs.read('/etc/nginx/conf.d/site.conf')).toBe('server {}\n');
  });

  it('mounts a subPath directory or a single file', () => {
    const registry: TreeRegistry = {
      root: createRootTree({ '/etc/nginx/nginx.conf': 'image default\n', '/etc/nginx/mime.types': 'types {}\n' }, 0),
      config: createTreeFromFiles({ '/nginx.conf': 'from configmap\n', '/sites/a.conf': 'a\n' }, 0),
    };
    const fs = createFileSystemView(
      registry,
      [
        { path: '/', treeId: 'root', readOnly: false },
        { path: '/etc/nginx/nginx.conf', treeId: 'config', readOnly: true, subPath: 'nginx.conf' },
        { path: '/srv/sites', treeId: 'config', readOnly: false, subPath: 'sites' },
      ],
      () => 0,
    );
    expect(fs.read('/etc/nginx/nginx.conf')).toBe('from configmap\n');
    expect(fs.read('/etc/nginx/mime.types')).toBe('types {}\n');
    expect(fs.list('/etc/nginx')).toEqual(['mime.types', 'nginx.conf']);
    expect(fs.list('/srv/sites')).toEqual(['a.conf']);
    expect(fs.write('/srv/sites/b.conf', 'b\n')).toBeUndefined();
    expect(registry.config?.nodes['/sites/b.conf']).toEqual({ type: 'file', content: 'b\n', mode: 0o644, mtime: 0 });
  });

  it('shows mount points in listings and treats their missing parents as directories', () => {
    const { registry, debian } = podRegistry();
    const fs = createFileSystemView(
      registry,
      [...debian, { path: '/opt/app/data', treeId: 'shared', readOnly: false }],
      () => 0,
    );
    expect(fs.list('/')).toEqual([
      'bin',
      'dev',
      'etc',
      'home',
      'opt',
      'pod-data',
      'proc',
      'root',
      'sys',
      'tmp',
      'usr',
      'var',
    ]);
    expect(fs.list('/opt')).toEqual(['app']);
    expect(fs.stat('/opt/app')).toEqual({ type: 'dir', size: 4096, mtime: 0, mode: 0o755 });
    expect(fs.write('/opt/app/readme', 'r\n')).toBeUndefined();
    expect(fs.list('/opt/app')).toEqual(['data', 'readme']);
  });

  it('reports errno codes as the kernel would', () => {
    const { registry, debian } = podRegistry();
    const fs = createFileSystemView(registry, debian, () => 0);
    fs.write('/tmp/file', 'x');
    expect(fs.read('/nope')).toBe('ENOENT');
    expect(fs.read('/tmp')).toBe('EISDIR');
    expect(fs.read('/tmp/file/inside')).toBe('ENOTDIR');
    expect(fs.write('/no/such/file', 'x')).toBe('ENOENT');
    expect(fs.write('/tmp', 'x')).toBe('EISDIR');
    expect(fs.list('/tmp/file')).toBe('ENOTDIR');
    expect(fs.mkdir('/tmp')).toBe('EEXIST');
    expect(fs.mkdir('/a/b')).toBe('ENOENT');
    expect(fs.mkdir('/tmp/file/d', true)).toBe('ENOTDIR');
    expect(fs.mkdir('/tmp/file', true)).toBe('EEXIST');
    expect(fs.remove('/var')).toBe('ENOTEMPTY');
    expect(fs.remove('/pod-data', true)).toBe('EINVAL');
  });

  it('makes directories with parents and removes trees', () => {
    const { registry, debian } = podRegistry();
    let clock = 10;
    const fs = createFileSystemView(registry, debian, () => clock);
    expect(fs.mkdir('/a/b/c', true)).toBeUndefined();
    expect(fs.mkdir('/a/b/c', true)).toBeUndefined();
    fs.write('/a/b/c/f', 'data');
    clock = 20;
    expect(fs.remove('/a/b')).toBe('ENOTEMPTY');
    expect(fs.remove('/a/b', true)).toBeUndefined();
    expect(fs.list('/a')).toEqual([]);
    expect(fs.stat('/a')).toEqual({ type: 'dir', size: 4096, mtime: 20, mode: 0o755 });
    expect(fs.remove('/a')).toBeUndefined();
    expect(fs.stat('/a')).toBe('ENOENT');
  });

  it('empties a mounted volume when removing recursively through it', () => {
    const { registry, nginx, debian } = podRegistry();
    const fs = createFileSystemView(registry, debian, () => 0);
    fs.write('/pod-data/a', '1');
    fs.mkdir('/pod-data/d');
    expect(fs.remove('/pod-data', true)).toBe('EINVAL');
    expect(createFileSystemView(registry, nginx, () => 0).list('/usr/share/nginx/html')).toEqual([]);
  });

  it('touches: creates empty files and updates mtimes', () => {
    const { registry, debian } = podRegistry();
    let clock = 5;
    const fs = createFileSystemView(registry, debian, () => clock);
    expect(fs.touch('/tmp/healthy')).toBeUndefined();
    expect(fs.read('/tmp/healthy')).toBe('');
    clock = 9;
    fs.touch('/tmp/healthy');
    expect(fs.stat('/tmp/healthy')).toEqual({ type: 'file', size: 0, mtime: 9, mode: 0o644 });
    expect(fs.touch('/missing/x')).toBe('ENOENT');
  });

  it('discards writes to /dev/null and reads it empty', () => {
    const { registry, debian } = podRegistry();
    const fs = createFileSystemView(registry, debian, () => 0);
    expect(fs.write('/dev/null', 'gone', true)).toBeUndefined();
    expect(fs.read('/dev/null')).toBe('');
    expect(fs.stat('/dev/null')).toEqual({ type: 'file', size: 0, mtime: 0, mode: 0o666 });
  });

  it('keeps all its state in the registry, which survives a JSON round trip', () => {
    const { registry, nginx, debian } = podRegistry();
    createFileSystemView(registry, debian, () => 42).write('/pod-data/index.html', 'hi\n');
    const restored = JSON.parse(JSON.stringify(registry)) as TreeRegistry;
    expect(restored).toEqual(registry);
    const fs = createFileSystemView(restored, nginx, () => 0);
    expect(fs.read('/usr/share/nginx/html/index.html')).toBe('hi\n');
    expect(fs.stat('/usr/share/nginx/html/index.html')).toEqual({ type: 'file', size: 3, mtime: 42, mode: 0o644 });
  });
});
