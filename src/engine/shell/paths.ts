import type { FileSystemView, FsErrorCode } from '../os/types';

/** Resolve `path` against `cwd` into the normalised absolute form the file system expects (no `.`, `..`, `//`). */
export function resolvePath(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** The last path component (`/bin/echo` → `echo`). */
export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || path;
}

/**
 * Read a file's text. `FileSystemView.read` returns file content and error codes in the same string type, so
 * the file is stat'ed first: a file whose content happens to be `ENOENT` still reads as content.
 */
export function readTextFile(
  fs: FileSystemView,
  path: string,
): { ok: true; data: string } | { ok: false; code: FsErrorCode } {
  const stat = fs.stat(path);
  if (typeof stat === 'string') return { ok: false, code: stat };
  if (stat.type === 'dir') return { ok: false, code: 'EISDIR' };
  return { ok: true, data: fs.read(path) };
}
