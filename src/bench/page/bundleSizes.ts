/**
 * The built page's JavaScript, gzipped: what loads before the graph can paint (the entry and its static imports,
 * i.e. the `<script>` and `modulepreload` links of index.html) and everything, Monaco and workers included.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from '../figures';

const gzipKb = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

export function bundleSizes(dist: string): Figure[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const all = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js'));
  const initialKb = initial.reduce((sum, file) => sum + gzipKb(join(dist, file)), 0);
  const totalKb = all.reduce((sum, file) => sum + gzipKb(join(dist, 'assets', file)), 0);
  return [
    { name: 'page: initial JS without Monaco (gzip)', value: `${initialKb.toFixed(0)} KB (${initial.length} files)` },
    { name: 'page: all JS incl. Monaco and workers (gzip)', value: `${totalKb.toFixed(0)} KB (${all.length} files)` },
  ];
}
