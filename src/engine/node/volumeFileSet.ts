import { createTreeFromFiles, type FsTree } from '../os/fs';

/** The files of a volume the kubelet writes (configMap, secret, downwardAPI, projected), with their modes. */
export interface VolumeFileSet {
  /** Path inside the volume (no leading `/`) → content. */
  files: Record<string, string>;
  /** Mode of every file `modes` does not name. */
  mode: number;
  modes: Record<string, number>;
}

/** A volume tree holding a file set. */
export function treeOfFileSet(set: VolumeFileSet, mtime: number): FsTree {
  const tree = createTreeFromFiles(
    Object.fromEntries(Object.entries(set.files).map(([path, content]) => [`/${path}`, content])),
    mtime,
    set.mode,
  );
  for (const [path, mode] of Object.entries(set.modes)) {
    const node = tree.nodes[`/${path}`];
    if (node?.type === 'file') node.mode = mode;
  }
  return tree;
}
