import type { FsTree } from './fsTree';
import { isPathWithin, joinPath, normalizePath } from './normalizePath';

/** Every tree of a cluster's containers and volumes by id, as plain JSON data (part of the engine snapshot). */
export type TreeRegistry = Record<string, FsTree>;

/**
 * One entry of a container's mount table. The container's root is itself a mount at `/`. Several containers can
 * mount the same tree (an emptyDir shared by a pod's containers), so each sees the others' writes.
 */
export interface Mount {
  /** Absolute mount point in the container. */
  path: string;
  treeId: string;
  readOnly: boolean;
  /** A path inside the tree to mount instead of its root (a volumeMount's `subPath`); may name a single file. */
  subPath?: string;
}

/** Where a container path lands: which mount serves it and the path inside that mount's tree. */
export interface MountResolution {
  mount: Mount;
  tree: FsTree | undefined;
  treePath: string;
}

/** The mount serving `path`: the one with the longest mount point that is `path` or an ancestor of it. */
export function resolveMount(
  registry: TreeRegistry,
  mounts: readonly Mount[],
  path: string,
): MountResolution | undefined {
  let best: Mount | undefined;
  for (const mount of mounts) {
    if (isPathWithin(path, mount.path) && (!best || mount.path.length > best.path.length)) best = mount;
  }
  if (!best) return undefined;
  const root = best.subPath ? normalizePath('/', best.subPath) : '/';
  const rest = best.path === '/' ? path : path.slice(best.path.length);
  return { mount: best, tree: registry[best.treeId], treePath: joinPath(root, rest) };
}

/**
 * Names of the entries under directory `path` that exist only because a mount point lies below it (the runtime
 * creates missing mount-point directories), e.g. `html` for `/usr/share/nginx` when a volume sits on its `html`.
 */
export function listMountPointNames(mounts: readonly Mount[], path: string): string[] {
  const prefix = path === '/' ? '/' : `${path}/`;
  const names = new Set<string>();
  for (const mount of mounts) {
    if (mount.path !== path && mount.path.startsWith(prefix)) {
      const name = mount.path.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
  }
  return [...names];
}
