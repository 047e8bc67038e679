import type { Userland } from '../os/types';
import { baseName } from './paths';
import type { Dialect } from './state';

/**
 * Which shell a command name starts in an image: `bash` is bash and `dash`/`ash` are themselves; `sh` is busybox's
 * ash in a busybox image, and in a GNU one dash (Debian, Ubuntu) or bash (the Red Hat family). Without a userland
 * (the node's host tools) `sh` is dash.
 */
export function dialectFor(invokedAs: string, userland?: Userland): Dialect {
  const name = baseName(invokedAs);
  if (name === 'bash' || name === 'dash' || name === 'ash') return name;
  if (userland?.kind === 'busybox') return 'ash';
  return userland?.kind === 'gnu' ? userland.sh : 'dash';
}
