import { ALPINE_BASE_COMMANDS, DEBIAN_BASE_COMMANDS, mergeCommands } from './commandSets';
import { compareVersions } from '../compareVersions';
import { defineVariant, megabytes, patchRange, type ImageVariant, type RepositoryDefinition } from './imageDefinition';
import {
  NGINX_DEFAULT_CONF,
  NGINX_MIME_TYPES,
  nginxEntrypointHooks,
  nginxErrorPage,
  nginxMainConf,
  nginxWelcomePage,
} from './nginxFiles';
import {
  alpineReleaseFiles,
  alpineUserland,
  DEBIAN_USERLAND,
  debianReleaseFiles,
  DEFAULT_PATH,
  type DebianSuite,
} from './osReleases';
import { STARTUP_SECONDS } from '../programs/startupSeconds';

/** nginx releases the Docker library published, by series (nginx.org/en/CHANGES, CHANGES-1.x). */
const NGINX_SERIES: Record<string, readonly number[]> = {
  '1.7': patchRange(9, 12),
  '1.8': [0, 1],
  '1.9': patchRange(0, 15),
  '1.10': patchRange(0, 3),
  '1.11': patchRange(0, 13),
  '1.12': patchRange(0, 2),
  '1.13': patchRange(0, 12),
  '1.14': patchRange(0, 2),
  '1.15': patchRange(0, 12),
  '1.16': [0, 1],
  '1.17': patchRange(0, 10),
  '1.18': [0],
  '1.19': patchRange(0, 10),
  '1.20': patchRange(0, 2),
  '1.21': patchRange(0, 6),
  '1.22': [0, 1],
  '1.23': patchRange(0, 4),
  '1.24': [0],
  '1.25': patchRange(0, 5),
  '1.26': patchRange(0, 3),
  '1.27': patchRange(0, 5),
  '1.28': [0, 1],
  '1.29': patchRange(0, 5),
};

/** The Debian suite each build is based on: the first version on a suite, then the exceptions (stable branches). */
const DEBIAN_SUITE_STEPS: readonly (readonly [string, DebianSuite])[] = [
  ['1.7.0', 'wheezy'],
  ['1.8.0', 'jessie'],
  ['1.13.6', 'stretch'],
  ['1.17.0', 'buster'],
  ['1.21.1', 'bullseye'],
  ['1.25.1', 'bookworm'],
  ['1.29.2', 'trixie'],
];
const DEBIAN_SUITE_EXCEPTIONS: Record<string, DebianSuite> = {
  '1.20.2': 'bullseye',
  '1.24.0': 'bookworm',
  '1.28.1': 'trixie',
};

function debianSuiteOf(version: string): DebianSuite {
  let suite: DebianSuite = 'wheezy';
  for (const [from, stepSuite] of DEBIAN_SUITE_STEPS) if (compareVersions(version, from) >= 0) suite = stepSuite;
  return DEBIAN_SUITE_EXCEPTIONS[version] ?? suite;
}

/** The Alpine release of the last `-alpine` build of each series. */
const ALPINE_RELEASE_OF_SERIES: Record<string, string> = {
  '1.10': '3.4.6',
  '1.11': '3.5.2',
  '1.12': '3.5.2',
  '1.13': '3.7.0',
  '1.14': '3.8.4',
  '1.15': '3.9.4',
  '1.16': '3.10.3',
  '1.17': '3.10.3',
  '1.18': '3.11.6',
  '1.19': '3.13.5',
  '1.20': '3.14.2',
  '1.21': '3.15.0',
  '1.22': '3.16.2',
  '1.23': '3.17.3',
  '1.24': '3.17.3',
  '1.25': '3.18.4',
  '1.26': '3.19.1',
  '1.27': '3.21.3',
  '1.28': '3.21.3',
  '1.29': '3.22.2',
};

/** Compressed (registry) size in MB of the debian build, by suite. */
const DEBIAN_SIZE_MB: Record<DebianSuite, number> = {
  wheezy: 39.9,
  jessie: 43.6,
  stretch: 44.7,
  buster: 53.6,
  bullseye: 56.8,
  bookworm: 70.5,
  trixie: 59.7,
};

export type NginxFlavor =
  | 'debian'
  | 'perl'
  | 'alpine'
  | 'alpine-perl'
  | 'alpine-slim'
  | 'bookworm'
  | 'bookworm-perl'
  | 'trixie'
  | 'trixie-perl';

const FLAVORS: readonly NginxFlavor[] = [
  'debian',
  'perl',
  'alpine',
  'alpine-perl',
  'alpine-slim',
  'bookworm',
  'bookworm-perl',
  'trixie',
  'trixie-perl',
];

function hasFlavor(version: string, flavor: NginxFlavor): boolean {
  switch (flavor) {
    case 'debian':
      return true;
    case 'alpine':
      return compareVersions(version, '1.10.0') >= 0;
    case 'perl':
    case 'alpine-perl':
      return compareVersions(version, '1.12.0') >= 0;
    case 'alpine-slim':
      return compareVersions(version, '1.23.3') >= 0;
    case 'bookworm':
    case 'bookworm-perl':
      return debianSuiteOf(version) === 'bookworm';
    case 'trixie':
    case 'trixie-perl':
      return debianSuiteOf(version) === 'trixie';
  }
}

/**
 * Every tag of the nginx repository → the version and flavor it holds. Versions are visited oldest first, so a
 * moving tag (`1.29-bookworm`, `stable-alpine`, `alpine`) ends on the newest version that has that flavor.
 */
function buildNginxTags(): Map<string, { version: string; flavor: NginxFlavor }> {
  const tags = new Map<string, { version: string; flavor: NginxFlavor }>();
  const versions = Object.entries(NGINX_SERIES).flatMap(([series, patches]) =>
    patches.map((patch) => `${series}.${patch}`),
  );
  versions.sort(compareVersions);
  for (const version of versions) {
    const series = version.split('.').slice(0, 2).join('.');
    const stable = Number(series.split('.')[1]) % 2 === 0;
    for (const flavor of FLAVORS.filter((candidate) => hasFlavor(version, candidate))) {
      const suffix = flavor === 'debian' ? '' : `-${flavor}`;
      const names = [version, series, 'mainline', '1', stable ? 'stable' : undefined];
      for (const name of names) if (name !== undefined) tags.set(`${name}${suffix}`, { version, flavor });
      // `latest` has no flavored form: the bare flavor name (`alpine`) is the newest of that flavor.
      tags.set(flavor === 'debian' ? 'latest' : flavor, { version, flavor });
    }
  }
  return tags;
}

const NGINX_TAGS = buildNginxTags();

/** The official nginx image of a version and flavor. */
export function nginxVariant(version: string, flavor: NginxFlavor): ImageVariant {
  const alpine = flavor.startsWith('alpine');
  const perl = flavor.endsWith('perl');
  const series = version.split('.').slice(0, 2).join('.');
  const suite = debianSuiteOf(version);
  const withCurl = compareVersions(version, '1.21.0') >= 0 && flavor !== 'alpine-slim';
  const nginxCommands = [
    'nginx',
    'nginx-debug',
    'envsubst',
    'gettext',
    'gettext.sh',
    'ngettext',
    ...(withCurl ? ['curl'] : []),
  ];
  const baseCommands = alpine ? ALPINE_BASE_COMMANDS : DEBIAN_BASE_COMMANDS;
  const alpineRelease = ALPINE_RELEASE_OF_SERIES[series] ?? '3.4.6';
  const releaseFiles = alpine ? alpineReleaseFiles(alpineRelease) : debianReleaseFiles(suite);
  let sizeMb = alpine ? alpineSizeMb(version) : (DEBIAN_SIZE_MB[suite] ?? 60);
  if (perl) sizeMb += alpine ? 17.2 : 24.8;
  if (flavor === 'alpine-slim') sizeMb = 5.2;
  const hasEntrypoint = compareVersions(version, '1.19.0') >= 0;
  return defineVariant({
    sizeBytes: megabytes(sizeMb),
    entrypoint: hasEntrypoint ? ['/docker-entrypoint.sh'] : [],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: {
      PATH: DEFAULT_PATH,
      NGINX_VERSION: version,
      PKG_RELEASE: alpine ? '1' : `1~${suite}`,
    },
    exposedPorts: [80],
    commands: mergeCommands(baseCommands, nginxCommands, perl ? ['perl'] : []),
    userland: alpine ? alpineUserland(alpineRelease) : DEBIAN_USERLAND,
    files: {
      ...releaseFiles,
      ...(hasEntrypoint
        ? { '/docker-entrypoint.sh': '#!/bin/sh\n# runs /docker-entrypoint.d/ hooks, then exec "$@"\n' }
        : {}),
      ...nginxEntrypointHooks(version),
      '/etc/nginx/nginx.conf': nginxMainConf(version),
      '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
      '/etc/nginx/mime.types': NGINX_MIME_TYPES,
      '/usr/share/nginx/html/index.html': nginxWelcomePage(version),
      '/usr/share/nginx/html/50x.html': nginxErrorPage(version),
      '/var/run/': '',
      '/var/cache/nginx/': '',
      '/var/log/nginx/': '',
    },
    startupSeconds: STARTUP_SECONDS.nginx,
  });
}

function alpineSizeMb(version: string): number {
  if (compareVersions(version, '1.18.0') < 0) return 8.9;
  if (compareVersions(version, '1.22.0') < 0) return 9.7;
  if (compareVersions(version, '1.24.0') < 0) return 16.1;
  if (compareVersions(version, '1.28.0') < 0) return 18.3;
  return 21.4;
}

/** docker.io/library/nginx. */
export const NGINX_REPOSITORY: RepositoryDefinition = {
  names: ['docker.io/library/nginx'],
  resolveTag(tag) {
    const found = NGINX_TAGS.get(tag);
    return found && nginxVariant(found.version, found.flavor);
  },
};
