import type { SystemCalls } from '../../../os/types';
import { readText } from '../programKit';
import { formatLogTime } from '../timeFormats';

// ngx_log.c err_levels, least to most severe.
const LEVELS = ['debug', 'info', 'notice', 'warn', 'error', 'crit', 'alert', 'emerg'];

/** Does an `error_log` at `configured` level record a line of `level`? */
export function nginxLogs(configured: string, level: string): boolean {
  const threshold = LEVELS.indexOf(configured);
  return LEVELS.indexOf(level) >= (threshold === -1 ? LEVELS.indexOf('error') : threshold);
}

/** An error-log line: `2024/01/01 10:00:00 [notice] 1#1: start worker processes`. */
export function nginxLogLine(sys: SystemCalls, level: string, message: string): string {
  return `${formatLogTime(sys.now)} [${level}] ${sys.pid}#${sys.pid}: ${message}\n`;
}

/** nginx's default build on each base image (`built by gcc …` notice and `nginx -V`). */
const COMPILERS: Record<string, string> = {
  'debian:wheezy': 'gcc 4.7.2 (Debian 4.7.2-5)',
  'debian:jessie': 'gcc 4.9.2 (Debian 4.9.2-10+deb8u2)',
  'debian:stretch': 'gcc 6.3.0 20170516 (Debian 6.3.0-18+deb9u1)',
  'debian:buster': 'gcc 8.3.0 (Debian 8.3.0-6)',
  'debian:bullseye': 'gcc 10.2.1 20210110 (Debian 10.2.1-6)',
  'debian:bookworm': 'gcc 12.2.0 (Debian 12.2.0-14)',
  'debian:trixie': 'gcc 14.2.0 (Debian 14.2.0-19)',
  'alpine:3.18': 'gcc 12.2.1 20220924 (Alpine 12.2.1_git20220924-r10)',
  'alpine:3.19': 'gcc 13.2.1 20231014 (Alpine 13.2.1_git20231014)',
  'alpine:3.20': 'gcc 13.2.1 20240309 (Alpine 13.2.1_git20240309)',
  'alpine:3.21': 'gcc 14.2.0 (Alpine 14.2.0)',
  'alpine:3.22': 'gcc 14.2.0 (Alpine 14.2.0)',
};

/** The compiler line for the image's distribution, read from /etc/os-release; undefined when unknown. */
export function nginxCompiler(sys: SystemCalls): string | undefined {
  const osRelease = readText(sys.fs, '/etc/os-release');
  if (osRelease === undefined) return undefined;
  const field = (name: string) => new RegExp(`^${name}="?([^"\\n]*)"?$`, 'm').exec(osRelease)?.[1] ?? '';
  const id = field('ID');
  const release = id === 'alpine' ? field('VERSION_ID').split('.').slice(0, 2).join('.') : field('VERSION_CODENAME');
  return COMPILERS[`${id}:${release}`];
}
