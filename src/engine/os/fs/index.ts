export { createFileSystemView } from './createFileSystemView';
export { byteLength, createEmptyTree, createRootTree, createTreeFromFiles, ensureTreeDirectory } from './fsTree';
export type { FsDirNode, FsFileNode, FsNode, FsTree } from './fsTree';
export { resolveMount } from './mountTable';
export type { Mount, MountResolution, TreeRegistry } from './mountTable';
export { isPathWithin, joinPath, lastComponent, normalizePath, parentPath } from './normalizePath';
