import type { Userland } from '../../os/types';
import type { ImageSpec } from '../types';
import { DEFAULT_PATH } from './osReleases';

/**
 * What one tag of a repository holds: an image spec without the parts that follow from the reference. Unlike a
 * spec, a variant always names its userland.
 */
export type ImageVariant = Omit<ImageSpec, 'reference' | 'digest' | 'pullSeconds' | 'simulated' | 'userland'> & {
  userland: Userland;
};

/** A repository the catalog knows, under every name it is pulled by. */
export interface RepositoryDefinition {
  /** `registry/repository`, e.g. `docker.io/library/nginx`. */
  names: readonly string[];
  /** The image behind a tag, or undefined when the registry has no such tag. */
  resolveTag(tag: string): ImageVariant | undefined;
}

/** A variant with the defaults of a `FROM scratch` image filled in. */
export function defineVariant(
  variant: Partial<ImageVariant> & Pick<ImageVariant, 'sizeBytes' | 'commands' | 'userland'>,
): ImageVariant {
  return {
    entrypoint: [],
    cmd: [],
    env: { PATH: DEFAULT_PATH },
    workingDir: '/',
    exposedPorts: [],
    user: '',
    files: {},
    startupSeconds: 0,
    ...variant,
  };
}

/** An image built `FROM base`: the layer's settings replace the base's; its files are added to the base's. */
export function extendVariant(base: ImageVariant, layer: Partial<ImageVariant>): ImageVariant {
  return { ...base, ...layer, files: { ...base.files, ...layer.files } };
}

/** A repository whose tags all hold the same image, built per tag. */
export function defineFixedTags(
  names: readonly string[],
  tags: readonly string[],
  build: (tag: string) => ImageVariant,
): RepositoryDefinition {
  const known = new Set(tags);
  return { names, resolveTag: (tag) => (known.has(tag) ? build(tag) : undefined) };
}

/** Megabytes (10^6, as registries count) to bytes. */
export function megabytes(size: number): number {
  return Math.round(size * 1_000_000);
}

/** `from`..`to` inclusive, for patch-release lists. */
export function patchRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/**
 * Tags of a versioned repository: every `major.minor.patch`, every `major.minor` (its newest patch), plus named
 * aliases, each optionally with suffixes. Returns tag → full version.
 */
export function expandVersionTags(
  series: Readonly<Record<string, readonly number[]>>,
  aliases: Readonly<Record<string, string>>,
): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [minor, patches] of Object.entries(series)) {
    for (const patch of patches) tags.set(`${minor}.${patch}`, `${minor}.${patch}`);
    const newest = patches[patches.length - 1];
    if (newest !== undefined) tags.set(minor, `${minor}.${newest}`);
  }
  for (const [alias, version] of Object.entries(aliases)) tags.set(alias, version);
  return tags;
}

/**
 * A repository whose tags are versions (see `expandVersionTags`), optionally followed by `-<variant>`; a bare variant
 * name (`musl`, `slim`) is the newest image of that variant.
 */
export function defineVersionedRepository(
  names: readonly string[],
  versions: Map<string, string>,
  variants: readonly string[],
  build: (version: string, variant: string) => ImageVariant,
): RepositoryDefinition {
  return {
    names,
    resolveTag(tag) {
      const plain = versions.get(tag);
      if (plain !== undefined) return build(plain, '');
      for (const variant of variants) {
        if (tag === variant) return build(versions.get('latest') ?? '', variant);
        const version = tag.endsWith(`-${variant}`) ? versions.get(tag.slice(0, -variant.length - 1)) : undefined;
        if (version !== undefined) return build(version, variant);
      }
      return undefined;
    },
  };
}

/** An executable at the image root (`/agnhost`, `/pause`): the binary's file, for `ls /`. */
export function rootBinary(name: string): Record<string, string> {
  return { [`/${name}`]: '\u007fELF\n' };
}
