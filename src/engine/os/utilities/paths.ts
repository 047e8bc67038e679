import { normalizePath } from '../fs/normalizePath';
import type { Utility } from '../types';
import { commandName, showUsage } from './parseOptions';

const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** `basename NAME [SUFFIX]` */
export const basename: Utility = (argv, io) => {
  const [, path, suffix] = argv;
  if (path === undefined) return showUsage(io, commandName(argv), 'FILE [SUFFIX]');
  const trimmed = path.replace(/\/+$/, '');
  let base = trimmed === '' ? (path === '' ? '' : '/') : trimmed.slice(trimmed.lastIndexOf('/') + 1);
  if (suffix && base !== suffix && base.endsWith(suffix)) base = base.slice(0, -suffix.length);
  io.stdout(`${base}\n`);
  return 0;
};

/** `dirname NAME` */
export const dirname: Utility = (argv, io) => {
  const [, path] = argv;
  if (path === undefined) return showUsage(io, commandName(argv), 'FILENAME');
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  const dir =
    path.startsWith('/') && trimmed === '' ? '/' : slash < 0 ? '.' : trimmed.slice(0, slash).replace(/\/+$/, '') || '/';
  io.stdout(`${dir}\n`);
  return 0;
};

/**
 * `which [-a] COMMAND...`: the first PATH directory holding the command. Image commands are not all files in the
 * simulated tree, so a command the image has but no PATH directory holds is reported in /bin (busybox images'
 * applet links) — for other images the catalog's files decide.
 */
export const which: Utility = (argv, io, sys, env) => {
  const names = argv.slice(1).filter((arg) => arg !== '-a');
  if (names.length === 0) return showUsage(io, commandName(argv), '[-a] COMMAND...');
  const directories = (env.PATH ?? DEFAULT_PATH).split(':').filter(Boolean);
  let status = 0;
  for (const name of names) {
    if (name.includes('/')) {
      if (sys.hasCommand(name)) io.stdout(`${name}\n`);
      else status = 1;
      continue;
    }
    const found = directories
      .map((dir) => normalizePath('/', `${dir}/${name}`))
      .find((path) => {
        const stat = sys.fs.stat(path);
        return typeof stat !== 'string' && stat.type === 'file';
      });
    if (found) io.stdout(`${found}\n`);
    else if (sys.hasCommand(name)) io.stdout(`/bin/${name}\n`);
    else status = 1;
  }
  return status;
};
