/** Distribution and tool images: busybox, alpine, debian, ubuntu, perl, curl. */
import {
  ALPINE_BASE_COMMANDS,
  busyboxApplets,
  DEBIAN_BASE_COMMANDS,
  mergeCommands,
  UBUNTU_BASE_COMMANDS,
} from './commandSets';
import { compareVersions } from '../compareVersions';
import {
  defineFixedTags,
  defineVariant,
  defineVersionedRepository,
  expandVersionTags,
  megabytes,
  patchRange,
  type ImageVariant,
  type RepositoryDefinition,
} from './imageDefinition';
import {
  alpineReleaseFiles,
  alpineUserland,
  DEBIAN_USERLAND,
  debianReleaseFiles,
  ubuntuReleaseFiles,
  type DebianSuite,
  type UbuntuRelease,
} from './osReleases';

// --- busybox -------------------------------------------------------------------------------------------------

/** BusyBox stable releases published as images (busybox.net news). */
const BUSYBOX_VERSIONS = expandVersionTags(
  {
    '1.26': [2],
    '1.27': [2],
    '1.28': patchRange(0, 4),
    '1.29': patchRange(1, 3),
    '1.30': [0, 1],
    '1.31': [0, 1],
    '1.32': [0, 1],
    '1.33': [0, 1],
    '1.34': [0, 1],
    '1.35': [0],
    '1.36': [0, 1],
    '1.37': [0],
  },
  { latest: '1.37.0', stable: '1.36.1', '1': '1.37.0' },
);

/** Release date and libc of the default build, for the `BusyBox v… multi-call binary` banner. */
const BUSYBOX_BUILD_DATES: Record<string, string> = {
  '1.28': '2018-05-22 17:00:17 UTC',
  '1.36': '2023-05-18 22:34:17 UTC',
  '1.37': '2024-09-26 21:31:42 UTC',
};

function busyboxVariant(version: string, variant: string): ImageVariant {
  const series = version.split('.').slice(0, 2).join('.');
  const built = BUSYBOX_BUILD_DATES[series] ?? '2020-01-01 00:00:00 UTC';
  // 1.28 and older default to uclibc, which makes the smallest image.
  const libcSize: Record<string, number> = { uclibc: 0.73, musl: 0.86, glibc: 2.16 };
  const size = libcSize[variant] ?? (compareVersions(series, '1.28') <= 0 ? 0.73 : 2.16);
  return defineVariant({
    sizeBytes: megabytes(size),
    cmd: ['sh'],
    commands: busyboxApplets(version),
    userland: { kind: 'busybox', version },
    files: { '/bin/busybox': `BusyBox v${version} (${built}) multi-call binary.\n` },
  });
}

const BUSYBOX: RepositoryDefinition = defineVersionedRepository(
  ['docker.io/library/busybox'],
  BUSYBOX_VERSIONS,
  ['uclibc', 'glibc', 'musl'],
  busyboxVariant,
);

/** Busybox mirrors the Kubernetes docs and e2e tests pull. */
const KUBERNETES_BUSYBOX = defineFixedTags(
  ['registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox'],
  ['latest', '1.24', '1.27'],
  (tag) => busyboxVariant(tag === '1.27' ? '1.27.2' : '1.24.2', ''),
);

const E2E_BUSYBOX = defineFixedTags(
  ['registry.k8s.io/e2e-test-images/busybox', 'k8s.gcr.io/e2e-test-images/busybox'],
  ['1.29-1', '1.29-2', '1.29-4', '1.36.1-1'],
  (tag) => busyboxVariant(tag.startsWith('1.36') ? '1.36.1' : '1.29.3', ''),
);

/** radial/busyboxplus: a 2015 buildroot busybox with curl or git added. */
const BUSYBOXPLUS = defineFixedTags(['docker.io/radial/busyboxplus'], ['latest', 'curl', 'git', 'base'], (tag) =>
  defineVariant({
    sizeBytes: megabytes(tag === 'git' ? 7.6 : 4.2),
    cmd: ['/bin/sh'],
    userland: { kind: 'busybox', version: '1.22.1' },
    commands: mergeCommands(
      busyboxApplets('1.22.1'),
      tag === 'curl' || tag === 'latest' ? ['curl'] : [],
      tag === 'git' ? ['git'] : [],
    ),
  }),
);

// --- alpine --------------------------------------------------------------------------------------------------

const ALPINE_VERSIONS = expandVersionTags(
  {
    '3.5': patchRange(0, 3),
    '3.6': patchRange(0, 5),
    '3.7': patchRange(0, 3),
    '3.8': patchRange(0, 5),
    '3.9': patchRange(0, 6),
    '3.10': patchRange(0, 9),
    '3.11': patchRange(0, 13),
    '3.12': patchRange(0, 12),
    '3.13': patchRange(0, 12),
    '3.14': patchRange(0, 10),
    '3.15': patchRange(0, 11),
    '3.16': patchRange(0, 9),
    '3.17': patchRange(0, 10),
    '3.18': patchRange(0, 12),
    '3.19': patchRange(0, 7),
    '3.20': patchRange(0, 6),
    '3.21': patchRange(0, 4),
    '3.22': patchRange(0, 2),
  },
  { latest: '3.22.2', '3': '3.22.2' },
);

/** An Alpine release's base image, with extra commands layered on top. */
export function alpineVariant(version: string, extraCommands: readonly string[] = [], sizeMb = 3.6): ImageVariant {
  return defineVariant({
    sizeBytes: megabytes(sizeMb),
    cmd: ['/bin/sh'],
    commands: mergeCommands(ALPINE_BASE_COMMANDS, extraCommands),
    userland: alpineUserland(version),
    files: alpineReleaseFiles(version),
  });
}

const ALPINE: RepositoryDefinition = defineVersionedRepository(
  ['docker.io/library/alpine'],
  ALPINE_VERSIONS,
  [],
  (version) => alpineVariant(version, [], version.startsWith('3.2') ? 3.6 : 2.8),
);

// --- debian / ubuntu -----------------------------------------------------------------------------------------

const DEBIAN_NUMBERS: Record<DebianSuite, string> = {
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
};
/** Point releases published as `debian:<n>.<p>` tags (the last one first listed in osReleases). */
const DEBIAN_POINT_RELEASES: Partial<Record<DebianSuite, number>> = {
  stretch: 13,
  buster: 13,
  bullseye: 11,
  bookworm: 12,
  trixie: 1,
};

function buildDebianTags(): Map<string, DebianSuite> {
  const tags = new Map<string, DebianSuite>();
  const add = (name: string, suite: DebianSuite) => {
    tags.set(name, suite);
    tags.set(`${name}-slim`, suite);
  };
  for (const [suite, number] of Object.entries(DEBIAN_NUMBERS) as [DebianSuite, string][]) {
    add(suite, suite);
    add(number, suite);
    for (const point of patchRange(0, DEBIAN_POINT_RELEASES[suite] ?? -1)) add(`${number}.${point}`, suite);
  }
  add('stable', 'trixie');
  add('oldstable', 'bookworm');
  tags.set('latest', 'trixie');
  return tags;
}

const DEBIAN_TAGS = buildDebianTags();

/** A Debian suite's image (`-slim` drops docs and locales, not commands), with extra commands layered on top. */
export function debianVariant(
  suite: DebianSuite,
  extraCommands: readonly string[] = [],
  sizeMb?: number,
): ImageVariant {
  return defineVariant({
    sizeBytes: megabytes(sizeMb ?? 49.6),
    cmd: ['bash'],
    commands: mergeCommands(DEBIAN_BASE_COMMANDS, extraCommands),
    userland: DEBIAN_USERLAND,
    files: debianReleaseFiles(suite),
  });
}

const DEBIAN: RepositoryDefinition = {
  names: ['docker.io/library/debian'],
  resolveTag(tag) {
    const suite = DEBIAN_TAGS.get(tag);
    return suite && debianVariant(suite, [], tag.endsWith('-slim') ? 28.2 : 49.6);
  },
};

const UBUNTU_TAGS: Record<string, UbuntuRelease> = {
  '16.04': '16.04',
  xenial: '16.04',
  '18.04': '18.04',
  bionic: '18.04',
  '20.04': '20.04',
  focal: '20.04',
  '22.04': '22.04',
  jammy: '22.04',
  '24.04': '24.04',
  noble: '24.04',
  latest: '24.04',
};

/** An Ubuntu LTS image, with extra commands layered on top. */
export function ubuntuVariant(
  release: UbuntuRelease,
  extraCommands: readonly string[] = [],
  sizeMb = 29.5,
): ImageVariant {
  return defineVariant({
    sizeBytes: megabytes(sizeMb),
    cmd: ['/bin/bash'],
    commands: mergeCommands(UBUNTU_BASE_COMMANDS, extraCommands),
    userland: DEBIAN_USERLAND,
    files: ubuntuReleaseFiles(release),
  });
}

const UBUNTU: RepositoryDefinition = {
  names: ['docker.io/library/ubuntu'],
  resolveTag(tag) {
    const release = UBUNTU_TAGS[tag];
    return release && ubuntuVariant(release, [], release === '16.04' ? 46.5 : 29.5);
  },
};

/** resouer/ubuntu-bc: Ubuntu 16.04 with bc, for the `pi` Job of the Kubernetes docs. */
const UBUNTU_BC = defineFixedTags(['docker.io/resouer/ubuntu-bc'], ['latest'], () =>
  ubuntuVariant('16.04', ['bc', 'dc'], 47.2),
);

// --- perl / curl ---------------------------------------------------------------------------------------------

const PERL_VERSIONS = expandVersionTags(
  {
    '5.30': patchRange(0, 3),
    '5.32': [0, 1],
    '5.34': patchRange(0, 3),
    '5.36': patchRange(0, 3),
    '5.38': patchRange(0, 4),
    '5.40': patchRange(0, 2),
    '5.42': [0],
  },
  { latest: '5.42.0', '5': '5.42.0' },
);

/** Build tools of buildpack-deps, on which the full perl image sits. */
const BUILDPACK_COMMANDS = [
  'curl',
  'wget',
  'git',
  'gcc',
  'g++',
  'make',
  'patch',
  'xz',
  'unxz',
  'gpg',
  'ssh',
  'scp',
  'ps',
  'top',
  'free',
  'kill',
  'pgrep',
  'pkill',
];

const PERL: RepositoryDefinition = defineVersionedRepository(
  ['docker.io/library/perl'],
  PERL_VERSIONS,
  ['slim', 'threaded'],
  (version, variant) => {
    const slim = variant === 'slim';
    const suite: DebianSuite = compareVersions(version, '5.40') >= 0 ? 'trixie' : 'bookworm';
    return {
      ...debianVariant(
        suite,
        ['perl', 'cpan', 'cpanm', 'perldoc', ...(slim ? [] : BUILDPACK_COMMANDS)],
        slim ? 68.4 : 336.1,
      ),
      cmd: ['perl'],
      workingDir: '/usr/src/app',
      files: { ...debianReleaseFiles(suite), '/usr/src/app/': '' },
    };
  },
);

/** curl releases the curlimages project published. */
// prettier-ignore
const CURL_VERSIONS: readonly string[] = [
  '7.72.0', '7.73.0', '7.74.0', '7.75.0', '7.76.1', '7.77.0', '7.78.0', '7.79.1', '7.80.0', '7.81.0', '7.82.0',
  '7.83.1', '7.84.0', '7.85.0', '7.86.0', '7.87.0', '7.88.1', '8.0.1', '8.1.2', '8.2.1', '8.3.0', '8.4.0', '8.5.0',
  '8.6.0', '8.7.1', '8.8.0', '8.9.1', '8.10.1', '8.11.1', '8.12.1', '8.13.0', '8.14.1', '8.15.0', '8.16.0', '8.17.0',
];

/** curlimages/curl: Alpine with curl, whose entrypoint turns bare arguments into a curl call. */
const CURLIMAGES = defineFixedTags(['docker.io/curlimages/curl'], ['latest', ...CURL_VERSIONS], () => ({
  ...alpineVariant('3.22.2', ['curl', 'entrypoint.sh'], 11.4),
  entrypoint: ['/entrypoint.sh'],
  cmd: ['curl'],
  user: 'curl_user',
  workingDir: '/home/curl_user',
  files: {
    ...alpineReleaseFiles('3.22.2'),
    '/entrypoint.sh': '#!/bin/sh\n# prepends curl to bare arguments, then exec "$@"\n',
    '/home/curl_user/': '',
  },
}));

/** Seed 004's private-registry Alpine 3.8 with curl (a CronJob's `curl -X PUT`). */
const SEED_CURL_ALPINE = defineFixedTags(['172.30.10.185:15000/common/curl-alpine'], ['3.8'], () =>
  alpineVariant('3.8.5', ['curl'], 3.9),
);

export const BASE_REPOSITORIES: readonly RepositoryDefinition[] = [
  BUSYBOX,
  KUBERNETES_BUSYBOX,
  E2E_BUSYBOX,
  BUSYBOXPLUS,
  ALPINE,
  DEBIAN,
  UBUNTU,
  UBUNTU_BC,
  PERL,
  CURLIMAGES,
  SEED_CURL_ALPINE,
];
