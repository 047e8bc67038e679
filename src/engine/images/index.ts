export { createImageCatalog } from './createImageCatalog';
export { parseImageReference } from './parseImageReference';
export { imagePrograms } from './programs/imagePrograms';
export type { ImageCatalog, ImageReference, ImageResolution, ImageSpec, ProgramRegistry } from './types';
