/** Descriptor routing: redirections, pipes and here-documents, and the streams commands read and write. */
import type { FsErrorCode, ProcessIO } from '../os/types';
import { errnoMessage } from '../os/utilities/errnoMessage';
import type { Redirect } from './ast';
import { formatError, type ExecContext } from './context';
import { expandString } from './expand';
import { readTextFile, resolvePath } from './paths';
import type { Fd, FdTable, ShellState } from './state';

/** A fresh in-memory stream holding `data`; its id. */
export function newBuffer(st: ShellState, data: string): string {
  const id = String(st.nextBuf++);
  st.bufs[id] = { data, pos: 0 };
  return id;
}

export function freeBuffers(st: ShellState, ids: readonly string[] | undefined): void {
  for (const id of ids ?? []) delete st.bufs[id];
}

/** Where descriptor n leads now: the running command's redirections, then enclosing frames', then `exec`'s. */
export function lookupFd(ctx: ExecContext, n: number): Fd {
  const key = String(n);
  const own = ctx.overlay?.[key];
  if (own) return own;
  const frames = ctx.st.frames;
  for (let i = frames.length - 1; i >= 0; i--) {
    const fd = frames[i]?.fds?.[key];
    if (fd) return fd;
  }
  return ctx.st.fds[key] ?? (n <= 2 ? { t: 'tty', n } : { t: 'closed' });
}

export function writeFd(ctx: ExecContext, fd: Fd, text: string): void {
  if (text === '') return;
  switch (fd.t) {
    case 'tty':
      if (fd.n === 1) ctx.base.stdout(text);
      else if (fd.n === 2) ctx.base.stderr(text);
      return;
    case 'file':
      ctx.sys.fs.write(fd.path, text, true);
      return;
    case 'buf': {
      const buf = ctx.st.bufs[fd.id];
      if (buf) buf.data += text;
      return;
    }
    default:
      return;
  }
}

/** The unread input on a descriptor, without consuming it. */
function pendingInput(ctx: ExecContext, fd: Fd): string {
  if (fd.t === 'buf') {
    const buf = ctx.st.bufs[fd.id];
    return buf ? buf.data.slice(buf.pos) : '';
  }
  if (fd.t === 'tty' && fd.n === 0) return ctx.base.stdin.slice(ctx.st.stdinPos);
  return '';
}

function consumeInput(ctx: ExecContext, fd: Fd, length: number): void {
  if (fd.t === 'buf') {
    const buf = ctx.st.bufs[fd.id];
    if (buf) buf.pos += length;
  } else if (fd.t === 'tty' && fd.n === 0) {
    ctx.st.stdinPos += length;
  }
}

/** Read one line (for `read`): its text without the newline and whether a newline ended it. */
export function readLineFd(ctx: ExecContext, fd: Fd): { line: string; complete: boolean } | undefined {
  const input = pendingInput(ctx, fd);
  if (input === '') return undefined;
  const nl = input.indexOf('\n');
  const line = nl < 0 ? input : input.slice(0, nl);
  consumeInput(ctx, fd, nl < 0 ? input.length : nl + 1);
  return { line, complete: nl >= 0 };
}

/** The streams of the command being run, as builtins use them. */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
  readLine(): { line: string; complete: boolean } | undefined;
}

export function commandIO(ctx: ExecContext): CommandIO {
  const stdout = lookupFd(ctx, 1);
  const stderr = lookupFd(ctx, 2);
  const stdin = lookupFd(ctx, 0);
  return {
    out: (text) => writeFd(ctx, stdout, text),
    err: (text) => writeFd(ctx, stderr, text),
    readLine: () => readLineFd(ctx, stdin),
  };
}

/** The streams a utility gets. Reading `stdin` consumes all pending input, as a program reading to EOF does. */
export function utilityIO(ctx: ExecContext): ProcessIO {
  const io = commandIO(ctx);
  const stdin = lookupFd(ctx, 0);
  let input: string | undefined;
  return {
    get stdin(): string {
      if (input === undefined) {
        input = pendingInput(ctx, stdin);
        consumeInput(ctx, stdin, input.length);
      }
      return input;
    },
    stdout: io.out,
    stderr: io.err,
  };
}

/** The enclosing command's streams, for a `$(...)` run in a separate state. Its stdin is shared, not consumed. */
export function substitutionBase(ctx: ExecContext): ProcessIO {
  const io = commandIO(ctx);
  return { stdin: pendingInput(ctx, lookupFd(ctx, 0)), stdout: io.out, stderr: io.err };
}

/** dash's wording for a file a redirection cannot create or open (src/error.c errormsg), by errno. */
const DASH_CREATE_ERRORS: Partial<Record<FsErrorCode, string>> = {
  ENOENT: 'Directory nonexistent',
  ENOTDIR: 'Directory nonexistent',
};
const DASH_OPEN_ERRORS: Partial<Record<FsErrorCode, string>> = { ENOENT: 'No such file', ENOTDIR: 'No such file' };

/**
 * A redirection that failed: dash `cannot create /x/y: Directory nonexistent`, ash `can't create /x/y: nonexistent
 * directory` (busybox shell/ash.c errmsg: its own words for ENOENT and ENOTDIR, strerror otherwise), bash
 * `/x/y: No such file or directory`.
 */
function openError(ctx: ExecContext, verb: 'create' | 'open', path: string, code: FsErrorCode): string {
  const strerror = errnoMessage(code);
  const missing = code === 'ENOENT' || code === 'ENOTDIR';
  let text: string;
  if (ctx.st.dialect === 'bash') text = `${path}: ${strerror}`;
  else if (ctx.st.dialect === 'ash')
    text = `can't ${verb} ${path}: ${missing ? (verb === 'create' ? 'nonexistent directory' : 'no such file') : strerror}`;
  else
    text = `cannot ${verb} ${path}: ${(verb === 'create' ? DASH_CREATE_ERRORS : DASH_OPEN_ERRORS)[code] ?? strerror}`;
  return formatError(ctx.st, ctx.line, text);
}

/** Special files that name descriptors rather than files. */
function deviceFd(ctx: ExecContext, path: string, current: (n: number) => Fd): Fd | undefined {
  if (path === '/dev/null') return { t: 'null' };
  if (path === '/dev/stdout') return current(1);
  if (path === '/dev/stderr') return current(2);
  if (path === '/dev/stdin') return current(0);
  const m = /^\/(?:dev\/fd|proc\/self\/fd|proc\/(\d+)\/fd)\/(\d+)$/.exec(path);
  if (m?.[2] && (m[1] === undefined || Number(m[1]) === ctx.sys.pid)) return current(Number(m[2]));
  return undefined;
}

/**
 * Open a command's redirections in order (so `>f 2>&1` and `2>&1 >f` differ as they should). Files are
 * truncated or created now; input files and here-documents are read into buffers listed in `owned`.
 */
export function openRedirects(
  ctx: ExecContext,
  src: number,
  redirects: readonly Redirect[],
): { fds: FdTable; owned: string[] } | { error: string } {
  const st = ctx.st;
  const fds: FdTable = {};
  const owned: string[] = [];
  const current = (n: number): Fd => fds[String(n)] ?? lookupFd(ctx, n);
  const input = (data: string): Fd => {
    const id = newBuffer(st, data);
    owned.push(id);
    return { t: 'buf', id };
  };
  for (const r of redirects) {
    const key = String(r.fd);
    if (r.op === '<<' || r.op === '<<-') {
      fds[key] = input(expandString(ctx, src, r.body ?? []));
      continue;
    }
    const target = expandString(ctx, src, r.target);
    if (r.op === '<<<') {
      fds[key] = input(`${target}\n`);
      continue;
    }
    if (r.op === '<&' || r.op === '>&') {
      if (target === '-') fds[key] = { t: 'closed' };
      else if (/^\d+$/.test(target)) {
        const fd = current(Number(target));
        if (fd.t === 'closed') return { error: formatError(st, ctx.line, `${target}: Bad file descriptor`) };
        fds[key] = fd;
      } else if (r.op === '>&' && r.fd === 1) {
        const out = openOutput(ctx, target, false, current);
        if ('error' in out) return out;
        fds['1'] = out;
        fds['2'] = out;
      } else {
        return {
          error: formatError(
            st,
            ctx.line,
            st.dialect === 'ash' ? 'syntax error: bad fd number' : 'Syntax error: Bad fd number',
          ),
        };
      }
      continue;
    }
    if (r.op === '<' || r.op === '<>') {
      const device = deviceFd(ctx, target, current);
      if (device) {
        fds[key] = device.t === 'null' ? input('') : device;
        continue;
      }
      const path = resolvePath(st.cwd, target);
      const file = readTextFile(ctx.sys.fs, path);
      if (!file.ok && file.code === 'ENOENT' && r.op === '<>') {
        const err = ctx.sys.fs.write(path, '');
        if (err) return { error: openError(ctx, 'create', target, err) };
      } else if (!file.ok) {
        return { error: openError(ctx, 'open', target, file.code) };
      }
      fds[key] = input(file.ok ? file.data : '');
      continue;
    }
    const out = openOutput(ctx, target, r.op === '>>' || r.op === '&>>', current);
    if ('error' in out) return out;
    if (r.op === '&>' || r.op === '&>>') fds['2'] = out;
    fds[r.op === '&>' || r.op === '&>>' ? '1' : key] = out;
  }
  return { fds, owned };
}

function openOutput(
  ctx: ExecContext,
  target: string,
  append: boolean,
  current: (n: number) => Fd,
): Fd | { error: string } {
  const device = deviceFd(ctx, target, current);
  if (device) return device;
  const path = resolvePath(ctx.st.cwd, target);
  const stat = ctx.sys.fs.stat(path);
  if (typeof stat !== 'string' && stat.type === 'dir') return { error: openError(ctx, 'create', target, 'EISDIR') };
  const err = ctx.sys.fs.write(path, '', append);
  if (err) return { error: openError(ctx, 'create', target, err) };
  return { t: 'file', path };
}
