/**
 * Resolves `path` against `cwd` into an absolute path without `.`, `..`, repeated or trailing slashes, as the kernel
 * does during path lookup (`..` at the root stays at the root).
 */
export function normalizePath(cwd: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${cwd}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** The directory holding `path` (an absolute, normalised path); `/` for `/` itself. */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** The last component of an absolute, normalised path; `/` for the root. */
export function lastComponent(path: string): string {
  return path === '/' ? '/' : path.slice(path.lastIndexOf('/') + 1);
}

/** Appends a relative, already normalised `child` (or `/`) to an absolute directory path. */
export function joinPath(dir: string, child: string): string {
  if (child === '' || child === '/') return dir;
  const rest = child.startsWith('/') ? child.slice(1) : child;
  return dir === '/' ? `/${rest}` : `${dir}/${rest}`;
}

/** True when `path` is `ancestor` or lies below it. */
export function isPathWithin(path: string, ancestor: string): boolean {
  return ancestor === '/' || path === ancestor || path.startsWith(`${ancestor}/`);
}
