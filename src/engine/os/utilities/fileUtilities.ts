import { joinPath, lastComponent, normalizePath } from '../fs/normalizePath';
import type { FileSystemView, FsErrorCode, Utility } from '../types';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, reportFailure, showUsage } from './parseOptions';

// Messages follow busybox coreutils (touch.c, rm.c via libbb/remove_file.c, mkdir.c, rmdir.c, cp.c, mv.c).

/** `touch [-c] FILE...`: creates empty files or updates their mtime. */
export const touch: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'cham');
  if (!parsed.ok) return showUsage(io, name, '[-cham] FILE...', parsed.message);
  if (parsed.operands.length === 0) return showUsage(io, name, '[-cham] FILE...');
  let status = 0;
  for (const operand of parsed.operands) {
    const path = normalizePath(cwd, operand);
    if (parsed.flags.c && typeof sys.fs.stat(path) === 'string') continue;
    const error = sys.fs.touch(path);
    if (error) status = reportFailure(io, name, `${operand}: ${errnoMessage(error)}`);
  }
  return status;
};

/** `rm [-rf] FILE...` */
export const rm: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'frRi');
  if (!parsed.ok) return showUsage(io, name, '[-irf] FILE...', parsed.message);
  const force = parsed.flags.f === true;
  const recursive = parsed.flags.r === true || parsed.flags.R === true;
  if (parsed.operands.length === 0) return force ? 0 : showUsage(io, name, '[-irf] FILE...');
  let status = 0;
  for (const operand of parsed.operands) {
    const path = normalizePath(cwd, operand);
    const stat = sys.fs.stat(path);
    if (typeof stat === 'string') {
      if (!(force && stat === 'ENOENT'))
        status = reportFailure(io, name, `can't remove '${operand}': ${errnoMessage(stat)}`);
      continue;
    }
    if (stat.type === 'dir' && !recursive) {
      status = reportFailure(io, name, `'${operand}' is a directory`);
      continue;
    }
    const error = sys.fs.remove(path, recursive);
    if (error) status = reportFailure(io, name, `can't remove '${operand}': ${errnoMessage(error)}`);
  }
  return status;
};

/** `mkdir [-p] [-m MODE] DIR...` (the mode is accepted and ignored). */
export const mkdir: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'pm:v');
  if (!parsed.ok) return showUsage(io, name, '[-m MODE] [-p] DIRECTORY...', parsed.message);
  if (parsed.operands.length === 0) return showUsage(io, name, '[-m MODE] [-p] DIRECTORY...');
  let status = 0;
  for (const operand of parsed.operands) {
    const error = sys.fs.mkdir(normalizePath(cwd, operand), parsed.flags.p === true);
    if (error) status = reportFailure(io, name, `can't create directory '${operand}': ${errnoMessage(error)}`);
  }
  return status;
};

/** `rmdir DIR...`: removes empty directories only. */
export const rmdir: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'p');
  if (!parsed.ok || parsed.operands.length === 0)
    return showUsage(io, name, '[-p] DIRECTORY...', parsed.ok ? undefined : parsed.message);
  let status = 0;
  for (const operand of parsed.operands) {
    const path = normalizePath(cwd, operand);
    const stat = sys.fs.stat(path);
    const error = typeof stat === 'string' ? stat : stat.type !== 'dir' ? 'ENOTDIR' : sys.fs.remove(path, false);
    if (error) status = reportFailure(io, name, `'${operand}': ${errnoMessage(error)}`);
  }
  return status;
};

/** Copies a file or a whole directory tree; returns the errno of the first failure, if any. */
function copyEntry(fs: FileSystemView, from: string, to: string): FsErrorCode | undefined {
  const stat = fs.stat(from);
  if (typeof stat === 'string') return stat;
  if (stat.type === 'file') return fs.write(to, fs.read(from));
  const made = fs.mkdir(to);
  if (made && made !== 'EEXIST') return made;
  const children = fs.list(from);
  if (typeof children === 'string') return children;
  for (const child of children) {
    const failure = copyEntry(fs, joinPath(from, child), joinPath(to, child));
    if (failure) return failure;
  }
  return undefined;
}

/**
 * Where each source goes: into DEST when it is a directory or when there are several sources (busybox then
 * tries `DEST/name` and lets the create fail), else to DEST itself.
 */
function targetsOf(fs: FileSystemView, cwd: string, operands: string[]): { source: string; target: string }[] {
  const dest = operands[operands.length - 1] ?? '';
  const sources = operands.slice(0, -1);
  const destStat = fs.stat(normalizePath(cwd, dest));
  const intoDir = sources.length > 1 || (typeof destStat !== 'string' && destStat.type === 'dir');
  return sources.map((source) => ({
    source,
    target: intoDir ? `${dest.replace(/\/+$/, '')}/${lastComponent(normalizePath(cwd, source))}` : dest,
  }));
}

/** `cp [-rRapf] SOURCE... DEST` */
export const cp: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'rRapfdPLHv');
  if (!parsed.ok || parsed.operands.length < 2) {
    return showUsage(io, name, '[-arPLHpfinlsTu] SOURCE DEST', parsed.ok ? undefined : parsed.message);
  }
  const recursive = parsed.flags.r === true || parsed.flags.R === true || parsed.flags.a === true;
  let status = 0;
  for (const { source, target } of targetsOf(sys.fs, cwd, parsed.operands)) {
    const from = normalizePath(cwd, source);
    const to = normalizePath(cwd, target);
    const stat = sys.fs.stat(from);
    if (typeof stat === 'string') {
      status = reportFailure(io, name, `can't stat '${source}': ${errnoMessage(stat)}`);
    } else if (stat.type === 'dir' && !recursive) {
      status = reportFailure(io, name, `omitting directory '${source}'`);
    } else if (from === to) {
      status = reportFailure(io, name, `'${source}' and '${target}' are the same file`);
    } else {
      const failure = copyEntry(sys.fs, from, to);
      if (failure) status = reportFailure(io, name, `can't create '${target}': ${errnoMessage(failure)}`);
    }
  }
  return status;
};

/** `mv SOURCE... DEST`: a copy then a removal, since trees may live on different mounts. */
export const mv: Utility = (argv, io, sys, _env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), 'fin');
  if (!parsed.ok || parsed.operands.length < 2) {
    return showUsage(io, name, '[-fin] SOURCE DEST', parsed.ok ? undefined : parsed.message);
  }
  let status = 0;
  for (const { source, target } of targetsOf(sys.fs, cwd, parsed.operands)) {
    const from = normalizePath(cwd, source);
    const to = normalizePath(cwd, target);
    if (from === to) continue;
    const moveIntoItself = to.startsWith(`${from}/`);
    const failure = moveIntoItself ? 'EINVAL' : copyEntry(sys.fs, from, to);
    const error = failure ?? sys.fs.remove(from, true);
    if (error) status = reportFailure(io, name, `can't rename '${source}': ${errnoMessage(error)}`);
  }
  return status;
};
