import type { FsErrorCode } from '../types';

/** strerror() text for the file system's errno codes (glibc and musl agree on these). */
const MESSAGES: Record<FsErrorCode, string> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
};

/** The message `perror` would print for `code`. */
export function errnoMessage(code: FsErrorCode): string {
  return MESSAGES[code];
}
