import type { NetworkStack } from '../../os/types';
import { createImageCatalog } from '../createImageCatalog';
import { imagePrograms } from '../programs/imagePrograms';
import type { ImageSpec } from '../types';
import { ProgramHarness } from './programHarness';

export interface StartImageOptions {
  /** Replaces the image's argv, as a pod's command/args would. */
  argv?: string[];
  env?: Record<string, string>;
  files?: Record<string, string>;
  readOnlyMounts?: Record<string, Record<string, string>>;
  net?: Partial<NetworkStack>;
  hostname?: string;
}

/** An image from the catalog; throws when it does not resolve. */
export function catalogImage(name: string): ImageSpec {
  const resolution = createImageCatalog().resolve(name);
  if (resolution.kind !== 'found') throw new Error(`${name}: ${resolution.kind}`);
  return resolution.image;
}

/** Starts an image's main process in a test harness, as the kubelet would (entrypoint + cmd, image env). */
export function startImage(name: string, options: StartImageOptions = {}): ProgramHarness {
  const image = catalogImage(name);
  const harness = new ProgramHarness({
    programs: imagePrograms,
    files: { ...image.files, ...options.files },
    commands: image.commands,
    hostname: options.hostname ?? 'web-7d4b9c-abcde',
    ...(options.readOnlyMounts ? { readOnlyMounts: options.readOnlyMounts } : {}),
    ...(options.net ? { net: options.net } : {}),
  });
  harness.start(
    options.argv ?? [...image.entrypoint, ...image.cmd],
    { ...image.env, ...options.env },
    image.workingDir,
  );
  return harness;
}
