import type { FileStat, FileSystemView, FsErrorCode } from '../types';
import {
  byteLength,
  compareBytes,
  DIR_MODE,
  ensureTreeDirectory,
  FILE_MODE,
  listTreeChildren,
  removeTreeSubtree,
} from './fsTree';
import type { FsNode } from './fsTree';
import { listMountPointNames, resolveMount } from './mountTable';
import type { Mount, MountResolution, TreeRegistry } from './mountTable';
import { isPathWithin, joinPath, parentPath } from './normalizePath';

/** What a container path currently is: a node of some tree, or a directory that exists only as a mount point. */
interface Found {
  node: FsNode;
  at: MountResolution & { tree: NonNullable<MountResolution['tree']> };
  /** A mount point (or an ancestor of one) missing from its tree: the runtime made it, so it is a directory. */
  synthetic: boolean;
}

const DIR_SIZE = 4096;

/**
 * One container's file system: its mounts (the root tree at `/` among them) over trees kept in `registry`. The view
 * holds no state of its own: every change goes into the registry's plain data, so two views over the same tree (two
 * containers sharing an emptyDir) see each other's writes. `now` stamps modification times.
 */
export function createFileSystemView(
  registry: TreeRegistry,
  mounts: readonly Mount[],
  now: () => number,
): FileSystemView {
  const isMountPointOrAbove = (path: string): boolean =>
    mounts.some((mount) => mount.path !== '/' && isPathWithin(mount.path, path));

  const find = (path: string): Found | FsErrorCode => {
    const at = resolveMount(registry, mounts, path);
    if (!at?.tree) return 'ENOENT';
    const resolved = { ...at, tree: at.tree };
    const node = at.tree.nodes[at.treePath];
    if (node) return { node, at: resolved, synthetic: false };
    if (isMountPointOrAbove(path)) {
      const mtime = at.tree.nodes['/']?.mtime ?? 0;
      return { node: { type: 'dir', mode: DIR_MODE, mtime }, at: resolved, synthetic: true };
    }
    if (path === '/') return 'ENOENT';
    const parent = find(parentPath(path));
    if (typeof parent === 'string') return parent;
    return parent.node.type === 'file' ? 'ENOTDIR' : 'ENOENT';
  };

  const touchParent = (found: Found['at']): void => {
    const parent = found.tree.nodes[parentPath(found.treePath)];
    if (parent?.type === 'dir') parent.mtime = now();
  };

  /** Creates a new node at `path` after checking that its parent is a directory and the mount is writable. */
  const create = (path: string, node: FsNode): FsErrorCode | undefined => {
    const parent = find(parentPath(path));
    if (typeof parent === 'string') return parent;
    if (parent.node.type !== 'dir') return 'ENOTDIR';
    const at = resolveMount(registry, mounts, path);
    if (!at?.tree) return 'ENOENT';
    if (at.mount.readOnly) return 'EROFS';
    if (!ensureTreeDirectory(at.tree, parentPath(at.treePath), now())) return 'ENOTDIR';
    at.tree.nodes[at.treePath] = node;
    touchParent({ ...at, tree: at.tree });
    return undefined;
  };

  const list = (path: string): string[] | FsErrorCode => {
    const found = find(path);
    if (typeof found === 'string') return found;
    if (found.node.type !== 'dir') return 'ENOTDIR';
    const names = new Set(found.synthetic ? [] : listTreeChildren(found.at.tree, found.at.treePath));
    for (const name of listMountPointNames(mounts, path)) names.add(name);
    return [...names].sort(compareBytes);
  };

  const mkdirOne = (path: string): FsErrorCode | undefined => {
    const found = find(path);
    if (typeof found !== 'string') return 'EEXIST';
    if (found === 'ENOTDIR') return found;
    return create(path, { type: 'dir', mode: DIR_MODE, mtime: now() });
  };

  const remove = (path: string, recursive = false): FsErrorCode | undefined => {
    const found = find(path);
    if (typeof found === 'string') return found;
    if (path === '/') return 'EINVAL';
    if (found.at.mount.readOnly) return 'EROFS';
    if (found.node.type === 'dir') {
      const children = list(path);
      if (typeof children === 'string') return children;
      if (children.length > 0 && !recursive) return 'ENOTEMPTY';
      let failure: FsErrorCode | undefined;
      for (const child of children) failure = remove(joinPath(path, child), true) ?? failure;
      // A mount point cannot be removed (EBUSY, which the contract lacks: EINVAL stands in for it).
      if (isMountPointOrAbove(path)) return failure ?? 'EINVAL';
      if (failure) return failure;
    }
    removeTreeSubtree(found.at.tree, found.at.treePath);
    touchParent(found.at);
    return undefined;
  };

  return {
    read(path) {
      const found = find(path);
      if (typeof found === 'string') return found;
      if (found.node.type === 'dir') return 'EISDIR';
      return found.node.device === 'null' ? '' : found.node.content;
    },

    write(path, data, append = false) {
      const found = find(path);
      if (typeof found === 'string') {
        if (found !== 'ENOENT') return found;
        return create(path, { type: 'file', content: data, mode: FILE_MODE, mtime: now() });
      }
      if (found.node.type === 'dir') return 'EISDIR';
      if (found.at.mount.readOnly) return 'EROFS';
      if (found.node.device === 'null') return undefined;
      found.node.content = append ? found.node.content + data : data;
      found.node.mtime = now();
      return undefined;
    },

    stat(path): FileStat | FsErrorCode {
      const found = find(path);
      if (typeof found === 'string') return found;
      const { node } = found;
      if (node.type === 'dir') return { type: 'dir', size: DIR_SIZE, mtime: node.mtime, mode: node.mode };
      const size = node.device === 'null' ? 0 : byteLength(node.content);
      return { type: 'file', size, mtime: node.mtime, mode: node.mode };
    },

    list,

    mkdir(path, parents = false) {
      if (!parents) return mkdirOne(path);
      const parts = path.split('/').filter(Boolean);
      let current = '';
      for (const [index, part] of parts.entries()) {
        current += `/${part}`;
        const found = find(current);
        if (typeof found !== 'string') {
          if (found.node.type === 'dir') continue;
          return index === parts.length - 1 ? 'EEXIST' : 'ENOTDIR';
        }
        const failure = mkdirOne(current);
        if (failure) return failure;
      }
      return undefined;
    },

    remove,

    touch(path) {
      const found = find(path);
      if (typeof found === 'string') {
        if (found !== 'ENOENT') return found;
        return create(path, { type: 'file', content: '', mode: FILE_MODE, mtime: now() });
      }
      if (found.at.mount.readOnly) return 'EROFS';
      if (!found.synthetic) found.node.mtime = now();
      return undefined;
    },
  };
}
