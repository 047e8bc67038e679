import { isPathWithin, parentPath } from './normalizePath';

/** A regular file; `device: 'null'` makes it behave as /dev/null (reads empty, writes vanish). */
export interface FsFileNode {
  type: 'file';
  content: string;
  mode: number;
  mtime: number;
  device?: 'null';
}

export interface FsDirNode {
  type: 'dir';
  mode: number;
  mtime: number;
}

export type FsNode = FsFileNode | FsDirNode;

/**
 * One file system tree (an image's root, an emptyDir, a configMap volume...), as plain JSON data: a flat record
 * from absolute path inside the tree (`/` is its root) to node. Every ancestor of a node is a directory node.
 */
export interface FsTree {
  nodes: Record<string, FsNode>;
}

export const DIR_MODE = 0o755;
export const FILE_MODE = 0o644;
const EXECUTABLE_MODE = 0o755;

/** Directories every container root has, with their usual permission bits (/tmp is sticky and world-writable). */
const ROOT_SKELETON: Record<string, number> = {
  '/bin': DIR_MODE,
  '/dev': DIR_MODE,
  '/etc': DIR_MODE,
  '/home': DIR_MODE,
  '/proc': 0o555,
  '/root': 0o700,
  '/sys': 0o555,
  '/tmp': 0o1777,
  '/usr': DIR_MODE,
  '/var': DIR_MODE,
  '/var/log': DIR_MODE,
};

/** An empty tree: only its root directory (an emptyDir volume when first created). */
export function createEmptyTree(mtime: number): FsTree {
  return { nodes: { '/': { type: 'dir', mode: DIR_MODE, mtime } } };
}

/**
 * A tree holding `files` (absolute path → content), with parent directories created. A key ending in `/` makes an
 * empty directory. Files in a `bin` or `sbin` directory are executable; others get `fileMode` (configMap and secret
 * volumes use 0644 unless `defaultMode` says otherwise).
 */
export function createTreeFromFiles(files: Record<string, string>, mtime: number, fileMode = FILE_MODE): FsTree {
  const tree = createEmptyTree(mtime);
  for (const [rawPath, content] of Object.entries(files)) {
    const isDir = rawPath.endsWith('/');
    const path = rawPath.replace(/\/+$/, '') || '/';
    ensureTreeDirectory(tree, isDir ? path : parentPath(path), mtime);
    if (isDir) continue;
    const executable = /\/s?bin$/.test(parentPath(path));
    tree.nodes[path] = { type: 'file', content, mode: executable ? EXECUTABLE_MODE : fileMode, mtime };
  }
  return tree;
}

/**
 * A container's root file system: the standard skeleton (/bin /dev /etc /home /proc /root /sys /tmp /usr /var
 * /var/log, and /dev/null) plus the image's files and the files the runtime provides (/etc/hostname, /etc/hosts,
 * /etc/resolv.conf), which the caller passes in `files`.
 */
export function createRootTree(files: Record<string, string>, mtime: number): FsTree {
  const tree = createEmptyTree(mtime);
  for (const [path, mode] of Object.entries(ROOT_SKELETON)) tree.nodes[path] = { type: 'dir', mode, mtime };
  tree.nodes['/dev/null'] = { type: 'file', content: '', mode: 0o666, mtime, device: 'null' };
  const withFiles = createTreeFromFiles(files, mtime);
  for (const [path, node] of Object.entries(withFiles.nodes)) {
    // Images ship their scripts (a `#!` first line) executable, wherever they sit (nginx's /docker-entrypoint.sh).
    if (node.type === 'file' && node.content.startsWith('#!')) node.mode = EXECUTABLE_MODE;
    if (node.type === 'file' || !tree.nodes[path]) tree.nodes[path] = node;
  }
  return tree;
}

/**
 * Creates `path` and its missing ancestors as directories inside one tree, as the kubelet does for a volume's
 * `subPath`. Returns false if a file stands in the way.
 */
export function ensureTreeDirectory(tree: FsTree, path: string, mtime: number): boolean {
  const parts = path.split('/').filter(Boolean);
  let current = '';
  for (const part of parts) {
    current += `/${part}`;
    const node = tree.nodes[current];
    if (node?.type === 'file') return false;
    if (!node) tree.nodes[current] = { type: 'dir', mode: DIR_MODE, mtime };
  }
  return true;
}

/** Names directly inside directory `path` of a tree, sorted as `ls` sorts in the C locale. */
export function listTreeChildren(tree: FsTree, path: string): string[] {
  const prefix = path === '/' ? '/' : `${path}/`;
  const names: string[] = [];
  for (const key of Object.keys(tree.nodes)) {
    if (key.length > prefix.length && key.startsWith(prefix) && !key.includes('/', prefix.length)) {
      names.push(key.slice(prefix.length));
    }
  }
  return names.sort(compareBytes);
}

/** Deletes `path` and everything below it from a tree. */
export function removeTreeSubtree(tree: FsTree, path: string): void {
  for (const key of Object.keys(tree.nodes)) {
    if (isPathWithin(key, path)) delete tree.nodes[key];
  }
}

/** Size in bytes of a file's content as UTF-8, the way `stat` and `wc -c` count. */
export function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** strcmp order (code unit order), which `ls` and `sort` use in the C locale. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
