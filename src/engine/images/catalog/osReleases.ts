/** The base distributions images are built on: their release files (`/etc/os-release` and friends) and userlands. */
import type { Userland } from '../../os/types';

export type DebianSuite = 'wheezy' | 'jessie' | 'stretch' | 'buster' | 'bullseye' | 'bookworm' | 'trixie';

const DEBIAN_RELEASES: Record<DebianSuite, { version: string; point: string }> = {
  wheezy: { version: '7', point: '7.11' },
  jessie: { version: '8', point: '8.11' },
  stretch: { version: '9', point: '9.13' },
  buster: { version: '10', point: '10.13' },
  bullseye: { version: '11', point: '11.11' },
  bookworm: { version: '12', point: '12.12' },
  trixie: { version: '13', point: '13.1' },
};

/**
 * The directories a distribution's root file system has beyond the bare skeleton busybox ships (keys ending in `/`
 * are empty directories): /usr/share, /opt, /srv, ... all exist in debian, ubuntu and alpine.
 */
const DISTRIBUTION_DIRECTORIES: Record<string, string> = Object.fromEntries(
  [
    '/lib/',
    '/media/',
    '/mnt/',
    '/opt/',
    '/run/',
    '/sbin/',
    '/srv/',
    '/usr/bin/',
    '/usr/lib/',
    '/usr/local/bin/',
    '/usr/sbin/',
    '/usr/share/',
    '/var/cache/',
    '/var/lib/',
    '/var/tmp/',
  ].map((dir) => [dir, '']),
);

/** `/etc/os-release` and `/etc/debian_version` of a Debian suite. */
export function debianReleaseFiles(suite: DebianSuite): Record<string, string> {
  const { version, point } = DEBIAN_RELEASES[suite];
  const osRelease = [
    `PRETTY_NAME="Debian GNU/Linux ${version} (${suite})"`,
    'NAME="Debian GNU/Linux"',
    `VERSION_ID="${version}"`,
    `VERSION="${version} (${suite})"`,
    `VERSION_CODENAME=${suite}`,
    'ID=debian',
    'HOME_URL="https://www.debian.org/"',
    'SUPPORT_URL="https://www.debian.org/support"',
    'BUG_REPORT_URL="https://bugs.debian.org/"',
  ];
  return {
    ...DISTRIBUTION_DIRECTORIES,
    '/etc/os-release': osRelease.join('\n') + '\n',
    '/etc/debian_version': point + '\n',
  };
}

export type UbuntuRelease = '16.04' | '18.04' | '20.04' | '22.04' | '24.04';

const UBUNTU_RELEASES: Record<UbuntuRelease, { point: string; codename: string; name: string }> = {
  '16.04': { point: '16.04.7', codename: 'xenial', name: 'Xenial Xerus' },
  '18.04': { point: '18.04.6', codename: 'bionic', name: 'Bionic Beaver' },
  '20.04': { point: '20.04.6', codename: 'focal', name: 'Focal Fossa' },
  '22.04': { point: '22.04.5', codename: 'jammy', name: 'Jammy Jellyfish' },
  '24.04': { point: '24.04.3', codename: 'noble', name: 'Noble Numbat' },
};

/** `/etc/os-release` and `/etc/lsb-release` of an Ubuntu LTS release. */
export function ubuntuReleaseFiles(release: UbuntuRelease): Record<string, string> {
  const { point, codename, name } = UBUNTU_RELEASES[release];
  const pretty = `Ubuntu ${point} LTS`;
  const osRelease = [
    `PRETTY_NAME="${pretty}"`,
    'NAME="Ubuntu"',
    `VERSION_ID="${release}"`,
    `VERSION="${point} LTS (${name})"`,
    `VERSION_CODENAME=${codename}`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    'HOME_URL="https://www.ubuntu.com/"',
    'SUPPORT_URL="https://help.ubuntu.com/"',
    'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
    'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
    `UBUNTU_CODENAME=${codename}`,
  ];
  const lsbRelease = [
    'DISTRIB_ID=Ubuntu',
    `DISTRIB_RELEASE=${release}`,
    `DISTRIB_CODENAME=${codename}`,
    `DISTRIB_DESCRIPTION="${pretty}"`,
  ];
  return {
    ...DISTRIBUTION_DIRECTORIES,
    '/etc/os-release': osRelease.join('\n') + '\n',
    '/etc/lsb-release': lsbRelease.join('\n') + '\n',
  };
}

/** `/etc/os-release` and `/etc/alpine-release` of an Alpine release such as `3.19.1`. */
export function alpineReleaseFiles(version: string): Record<string, string> {
  const minor = version.split('.').slice(0, 2).join('.');
  const osRelease = [
    'NAME="Alpine Linux"',
    'ID=alpine',
    `VERSION_ID=${version}`,
    `PRETTY_NAME="Alpine Linux v${minor}"`,
    'HOME_URL="https://alpinelinux.org/"',
    'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
  ];
  return {
    ...DISTRIBUTION_DIRECTORIES,
    '/etc/os-release': osRelease.join('\n') + '\n',
    '/etc/alpine-release': version + '\n',
  };
}

/** The busybox release in Alpine's `main/busybox` package, by Alpine branch (pkgs.alpinelinux.org). */
const ALPINE_BUSYBOX: Record<string, string> = {
  '3.4': '1.24.2',
  '3.5': '1.25.1',
  '3.6': '1.26.2',
  '3.7': '1.27.2',
  '3.8': '1.28.4',
  '3.9': '1.29.3',
  '3.10': '1.30.1',
  '3.11': '1.31.1',
  '3.12': '1.31.1',
  '3.13': '1.32.1',
  '3.14': '1.33.1',
  '3.15': '1.34.1',
  '3.16': '1.35.0',
  '3.17': '1.35.0',
  '3.18': '1.36.1',
  '3.19': '1.36.1',
  '3.20': '1.36.1',
  '3.21': '1.37.0',
  '3.22': '1.37.0',
};

/** The userland of an Alpine release such as `3.19.1`: the busybox of its branch. */
export function alpineUserland(version: string): Userland {
  const branch = version.split('.').slice(0, 2).join('.');
  return { kind: 'busybox', version: ALPINE_BUSYBOX[branch] ?? '1.37.0' };
}

/** Debian and Ubuntu: GNU coreutils, with dash as /bin/sh since Debian 6 and Ubuntu 6.10. */
export const DEBIAN_USERLAND: Userland = { kind: 'gnu', sh: 'dash' };

/** The `PATH` every official image sets. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
