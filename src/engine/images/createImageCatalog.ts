import { KNOWN_REPOSITORIES } from './catalog/knownRepositories';
import { SIMULATED_COMMANDS, SIMULATED_USERLAND } from './catalog/commandSets';
import type { ImageVariant } from './catalog/imageDefinition';
import { DEFAULT_PATH } from './catalog/osReleases';
import { fakeDigest } from './fakeDigest';
import { parseImageReference } from './parseImageReference';
import { SIMULATED_APP } from './programs/simulatedApp';
import { STARTUP_SECONDS } from './programs/startupSeconds';
import type { ImageCatalog, ImageReference, ImageResolution, ImageSpec } from './types';

/** Registry throughput a node sees, plus a second of manifest and unpack overhead. */
const PULL_BYTES_PER_SECOND = 15_000_000;
const PULL_OVERHEAD_SECONDS = 1;

/** Seconds to pull an image of this size: busybox ~1 s, nginx ~5-6 s, perl ~23 s. */
export function pullSecondsFor(sizeBytes: number): number {
  return Math.round((PULL_OVERHEAD_SECONDS + sizeBytes / PULL_BYTES_PER_SECOND) * 10) / 10;
}

function toSpec(reference: ImageReference, variant: ImageVariant, simulated: boolean): ImageSpec {
  const { registry, repository, tag } = reference;
  return {
    ...variant,
    reference,
    digest: reference.digest ?? fakeDigest(`${registry}/${repository}:${tag ?? 'latest'}`),
    pullSeconds: pullSecondsFor(variant.sizeBytes),
    simulated,
  };
}

/** What an image outside the catalog runs: a generic long-running process with busybox-like tools. */
function simulatedVariant(reference: ImageReference): ImageVariant {
  const name = `${reference.registry}/${reference.repository}`;
  // A size between 10 and 120 MB that stays the same for a repository.
  const sizeBytes = 10_000_000 + (parseInt(fakeDigest(name).slice(7, 15), 16) % 110_000_000);
  return {
    sizeBytes,
    entrypoint: [],
    cmd: [SIMULATED_APP],
    env: { PATH: DEFAULT_PATH, KUBEPLAY_IMAGE: reference.original },
    workingDir: '/',
    exposedPorts: [],
    user: '',
    commands: [...SIMULATED_COMMANDS, SIMULATED_APP],
    userland: SIMULATED_USERLAND,
    files: {},
    startupSeconds: STARTUP_SECONDS.simulated,
  };
}

/**
 * The registry as the playground sees it. A known repository resolves its real tags (and reports a missing tag as
 * the registry would); an unknown repository resolves to a generic simulated image so any manifest still runs.
 * Resolutions are remembered by reference: every pod of a Deployment resolves the same image, and the specs are
 * never changed by their users.
 */
export function createImageCatalog(): ImageCatalog {
  const resolved = new Map<string, ImageResolution>();
  return {
    resolve(image: string): ImageResolution {
      let resolution = resolved.get(image);
      if (!resolution) resolved.set(image, (resolution = resolveImage(image)));
      return resolution;
    },
  };
}

function resolveImage(image: string): ImageResolution {
  const reference = parseImageReference(image);
  if ('error' in reference) return { kind: 'invalid', original: image, message: reference.error };
  const definition = KNOWN_REPOSITORIES.get(`${reference.registry}/${reference.repository}`);
  if (!definition) return { kind: 'found', image: toSpec(reference, simulatedVariant(reference), true) };
  // A digest alone pins content we cannot check; it runs what the repository's latest tag holds.
  const variant = definition.resolveTag(reference.tag ?? 'latest');
  if (!variant) return { kind: 'tag-not-found', reference };
  return { kind: 'found', image: toSpec(reference, variant, false) };
}
