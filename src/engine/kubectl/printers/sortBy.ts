/** `--sort-by=<jsonpath>` (`KC:pkg/cmd/get/sorter.go`). */
import { compareQuantities, parseQuantity } from '../../api/quantity/quantity';
import { clientError } from '../errors';
import { findJsonPathResults, parseJsonPath, relaxedJsonPath } from '../format/jsonpath';
import type { ResourceInfo } from '../resourceArgs';

/** sortorder.NaturalLess: digit runs compare as numbers. */
function naturalCompare(a: string, b: string): number {
  const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
  const x = chunks(a);
  const y = chunks(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i] as string;
    const q = y[i] as string;
    if (p === q) continue;
    if (/^\d/.test(p) && /^\d/.test(q)) return Number(p) - Number(q) || p.length - q.length;
    return p < q ? -1 : 1;
  }
  return x.length - y.length;
}

/** `isLess`: numbers numerically, quantities by value, other strings naturally. */
function compareValues(a: unknown, b: unknown): number {
  if (a === undefined || b === undefined) return a === undefined ? (b === undefined ? 0 : -1) : 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  const qa = parseQuantity(sa);
  const qb = parseQuantity(sb);
  if (qa.ok && qb.ok) return compareQuantities(qa.value, qb.value);
  return naturalCompare(sa, sb);
}

/** The objects sorted by the field the expression names (stable, as kubectl's sort.Stable). */
export function sortInfos(infos: readonly ResourceInfo[], sortBy: string): ResourceInfo[] {
  const relaxed = relaxedJsonPath(sortBy);
  if (!relaxed.ok) throw clientError(relaxed.error);
  const parsed = parseJsonPath(relaxed.expression);
  if (!parsed.ok) throw clientError(parsed.error);
  const keyed = infos.map((info) => {
    const found = findJsonPathResults(parsed.program, info.object, { allowMissingKeys: true });
    return { info, key: found.ok ? found.results[0]?.[0] : undefined };
  });
  if (infos.length > 0 && keyed.every((k) => k.key === undefined)) {
    throw clientError(`couldn't find any field with path "${relaxed.expression}" in the list of objects`);
  }
  return keyed.sort((a, b) => compareValues(a.key, b.key)).map((k) => k.info);
}
