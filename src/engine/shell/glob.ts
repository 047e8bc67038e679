import type { FileSystemView } from '../os/types';
import { resolvePath } from './paths';
import { compilePattern, hasGlobChars, unescapePattern } from './pattern';

const joinPath = (base: string, name: string): string =>
  base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`;

/**
 * Pathname expansion: the paths matching `pattern`, sorted, written relative or absolute as the pattern is.
 * Wildcards do not match a leading `.` unless the pattern segment starts with one. Empty when nothing matches
 * (the caller then keeps the word as written, as POSIX shells do).
 */
export function expandGlob(fs: FileSystemView, cwd: string, pattern: string): string[] {
  let bases = [pattern.startsWith('/') ? '/' : ''];
  for (const segment of pattern.split('/')) {
    if (segment === '') continue;
    if (!hasGlobChars(segment)) {
      const literal = unescapePattern(segment);
      bases = bases.map((b) => joinPath(b, literal));
      continue;
    }
    const re = compilePattern(segment, true);
    const dotOk = segment.startsWith('.') || segment.startsWith('\\.');
    const next: string[] = [];
    for (const base of bases) {
      const names = fs.list(resolvePath(cwd, base === '' ? '.' : base));
      if (typeof names === 'string') continue;
      for (const name of names) if ((dotOk || !name.startsWith('.')) && re.test(name)) next.push(joinPath(base, name));
    }
    bases = next;
    if (bases.length === 0) return [];
  }
  return bases
    .filter((p) => typeof fs.stat(resolvePath(cwd, p)) !== 'string')
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
