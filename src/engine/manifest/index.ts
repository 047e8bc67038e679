export { parseManifests } from './parseManifests';
export type { ManifestDocument, ManifestError, ParseManifestsOptions, SourceRange } from './parseManifests';
export { locateField, parseFieldPath } from './locateField';
export { resolvePlainScalar } from './resolveScalar';
