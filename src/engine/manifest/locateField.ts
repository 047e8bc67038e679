/** Showing an API error's field (a StatusCause path such as `spec.containers[0].image`) in the manifest. */
import type { ManifestDocument, SourceRange } from './parseManifests';

/** `spec.containers[0].resources.limits[cpu]` → ['spec', 'containers', 0, 'resources', 'limits', 'cpu']. */
export function parseFieldPath(field: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (match[1] !== undefined) path.push(match[1]);
    else path.push(/^\d+$/.test(match[2]!) ? Number(match[2]) : match[2]!);
  }
  return path;
}

/**
 * Where a field of an error is written: the field itself, else its nearest written ancestor (a missing
 * `image` points at its container), else undefined.
 */
export function locateField(manifest: ManifestDocument, field: string): SourceRange | undefined {
  const path = parseFieldPath(field);
  for (let length = path.length; length > 0; length--) {
    const range = manifest.locate(path.slice(0, length));
    if (range) return range;
  }
  return undefined;
}
