/**
 * A container's file system view that remembers what `stat` and `read` answered until any tree of the cluster
 * changes. Servers stat and read the same files on every request (nginx's index page, its log devices), and
 * computing a file's size means walking its content.
 */
import type { FileStat, FileSystemView, FsErrorCode } from '../os/types';

/** Counts changes to the cluster's trees; every view the container runtime hands out shares one. */
export interface TreeChanges {
  count: number;
}

/**
 * Wraps `view`. Every change made through it counts in `changes`; the remembered answers hold while the count
 * stays as it was, which is exact as long as every change of the trees is counted (derived data, never in the
 * state).
 */
export function createCachedFileSystemView(view: FileSystemView, changes: TreeChanges): FileSystemView {
  let seen = changes.count;
  const stats = new Map<string, FileStat | FsErrorCode>();
  const reads = new Map<string, string | FsErrorCode>();
  const forgetIfChanged = (): void => {
    if (seen === changes.count) return;
    stats.clear();
    reads.clear();
    seen = changes.count;
  };
  const counted = <T>(result: T): T => {
    changes.count++;
    return result;
  };
  return {
    read(path) {
      forgetIfChanged();
      let content = reads.get(path);
      if (content === undefined) {
        content = view.read(path);
        reads.set(path, content);
      }
      return content;
    },
    stat(path) {
      forgetIfChanged();
      let stat = stats.get(path);
      if (stat === undefined) {
        stat = view.stat(path);
        stats.set(path, stat);
      }
      if (typeof stat === 'string') return stat;
      // Callers get their own copy, as from the view itself.
      return { type: stat.type, size: stat.size, mtime: stat.mtime, mode: stat.mode };
    },
    list: (path) => view.list(path),
    write: (path, data, append) => counted(view.write(path, data, append)),
    mkdir: (path, parents) => counted(view.mkdir(path, parents)),
    remove: (path, recursive) => counted(view.remove(path, recursive)),
    touch: (path) => counted(view.touch(path)),
  };
}
