import { compareBytes } from '../fs/fsTree';
import { joinPath, normalizePath, parentPath } from '../fs/normalizePath';
import type { FileStat, SystemCalls, Utility } from '../types';
import { formatCalendarDate } from './calendar';
import { errnoMessage } from './errnoMessage';
import { commandName, parseOptions, showUsage } from './parseOptions';

// Layout and long format follow busybox coreutils/ls.c.

const HALF_YEAR_MS = 182 * 24 * 3600 * 1000;

interface Entry {
  /** What to print: the operand as typed, or the name inside a listed directory. */
  label: string;
  path: string;
  stat: FileStat;
}

/** `drwxr-xr-x`-style mode string, with the sticky bit as t/T. */
export function formatMode(stat: FileStat, isCharDevice = false): string {
  const type = isCharDevice ? 'c' : stat.type === 'dir' ? 'd' : '-';
  let bits = '';
  for (let shift = 6; shift >= 0; shift -= 3) {
    const triple = (stat.mode >> shift) & 7;
    bits += (triple & 4 ? 'r' : '-') + (triple & 2 ? 'w' : '-') + (triple & 1 ? 'x' : '-');
  }
  if (stat.mode & 0o1000) bits = bits.slice(0, 8) + (stat.mode & 1 ? 't' : 'T');
  return type + bits;
}

/** `Jan  2 15:04` for recent times, `Jan  2  2006` for those over half a year old or in the future. */
function formatListingDate(mtime: number, now: number): string {
  const { month, day, hours, minutes, year } = formatCalendarDate(mtime);
  const recent = mtime > now - HALF_YEAR_MS && mtime <= now + 3600 * 1000;
  return `${month} ${day.padStart(2)} ${recent ? `${hours}:${minutes}` : ` ${year}`}`;
}

/** `ls -h` sizes: bytes below 1K, else one decimal and a unit letter. */
function formatHumanSize(size: number): string {
  if (size < 1024) return String(size);
  let value = size;
  let unit = 0;
  while (value >= 1024 && unit < 4) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)}${'BKMGT'.charAt(unit)}`;
}

function linkCount(sys: SystemCalls, entry: Entry): number {
  if (entry.stat.type === 'file') return 1;
  const children = sys.fs.list(entry.path);
  if (typeof children === 'string') return 2;
  return (
    2 +
    children.filter((child) => {
      const stat = sys.fs.stat(joinPath(entry.path, child));
      return typeof stat !== 'string' && stat.type === 'dir';
    }).length
  );
}

/** 1K blocks a file occupies on a 4K-block file system, as `total` adds them up. */
function blocksOf(stat: FileStat): number {
  return Math.ceil(stat.size / 4096) * 4;
}

function suffixOf(stat: FileStat, flags: Record<string, string | true>): string {
  if (stat.type === 'dir' && (flags.p || flags.F)) return '/';
  if (stat.type === 'file' && flags.F && stat.mode & 0o111) return '*';
  return '';
}

/** Lays names out in columns, top to bottom then left to right, each column as wide as the longest name + 2. */
function formatColumns(names: string[], width: number): string {
  const columnWidth = Math.max(...names.map((name) => name.length)) + 2;
  const columns = Math.max(1, Math.floor(width / columnWidth));
  const rows = Math.ceil(names.length / columns);
  let out = '';
  for (let row = 0; row < rows; row++) {
    let line = '';
    for (let column = 0; column * rows + row < names.length; column++) {
      const name = names[column * rows + row] ?? '';
      line = line === '' ? name : line.padEnd(column * columnWidth) + name;
    }
    out += `${line}\n`;
  }
  return out;
}

function sortEntries(entries: Entry[], flags: Record<string, string | true>): Entry[] {
  const sorted = [...entries].sort((a, b) => {
    if (flags.t && a.stat.mtime !== b.stat.mtime) return b.stat.mtime - a.stat.mtime;
    if (flags.S && a.stat.size !== b.stat.size) return b.stat.size - a.stat.size;
    return compareBytes(a.label, b.label);
  });
  return flags.r ? sorted.reverse() : sorted;
}

function formatEntries(
  sys: SystemCalls,
  entries: Entry[],
  flags: Record<string, string | true>,
  env: Readonly<Record<string, string>>,
): string {
  if (entries.length === 0) return '';
  if (flags.l) {
    return entries
      .map((entry) => {
        const device = entry.path === '/dev/null';
        const size = device
          ? '   1,   3'
          : flags.h
            ? formatHumanSize(entry.stat.size).padStart(7)
            : String(entry.stat.size).padStart(9);
        const links = String(linkCount(sys, entry)).padStart(4);
        const date = formatListingDate(entry.stat.mtime, sys.now);
        return `${formatMode(entry.stat, device)} ${links} root     root     ${size} ${date} ${entry.label}${suffixOf(entry.stat, flags)}\n`;
      })
      .join('');
  }
  const names = entries.map((entry) => entry.label + suffixOf(entry.stat, flags));
  // Busybox prints one name per line unless stdout is a terminal; a terminal session is recognised by TERM.
  if (flags['1'] || !env.TERM) return names.map((name) => `${name}\n`).join('');
  return formatColumns(names, Number(env.COLUMNS) || 80);
}

function directoryEntries(sys: SystemCalls, path: string, flags: Record<string, string | true>): Entry[] | string {
  const names = sys.fs.list(path);
  if (typeof names === 'string') return names;
  const entries: Entry[] = [];
  const special = flags.a ? ['.', '..'] : [];
  for (const name of [...special, ...names]) {
    if (name.startsWith('.') && !flags.a && !flags.A) continue;
    const childPath = name === '.' ? path : name === '..' ? parentPath(path) : joinPath(path, name);
    const stat = sys.fs.stat(childPath);
    if (typeof stat !== 'string') entries.push({ label: name, path: childPath, stat });
  }
  return entries;
}

/** `ls [-1aAlhdrtSpF] [FILE]...` */
export const ls: Utility = (argv, io, sys, env, cwd) => {
  const name = commandName(argv);
  const parsed = parseOptions(argv.slice(1), '1aAlhdrtSpFCx');
  if (!parsed.ok) return showUsage(io, name, '[-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...', parsed.message);
  const { flags } = parsed;
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const operand of operands) {
    const path = normalizePath(cwd, operand);
    const stat = sys.fs.stat(path);
    if (typeof stat === 'string') {
      io.stderr(`${name}: ${operand}: ${errnoMessage(stat)}\n`);
      status = 1;
    } else if (stat.type === 'dir' && !flags.d) {
      dirs.push({ label: operand, path, stat });
    } else {
      files.push({ label: operand, path, stat });
    }
  }
  const sections: string[] = [];
  if (files.length > 0) sections.push(formatEntries(sys, sortEntries(files, flags), flags, env));
  const withHeaders = operands.length > 1;
  for (const dir of sortEntries(dirs, flags)) {
    const entries = directoryEntries(sys, dir.path, flags);
    if (typeof entries === 'string') continue;
    const header = withHeaders ? `${dir.label}:\n` : '';
    const total = flags.l ? `total ${entries.reduce((sum, entry) => sum + blocksOf(entry.stat), 0)}\n` : '';
    sections.push(header + total + formatEntries(sys, sortEntries(entries, flags), flags, env));
  }
  io.stdout(sections.join('\n'));
  return status;
};
