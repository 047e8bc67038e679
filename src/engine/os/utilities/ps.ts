import type { ProcessInfo, SystemCalls, Utility } from '../types';
import { formatCalendarDate } from './calendar';

/** The command name (`comm`) behind a command line: the program's basename, as `ps -e` and `ps -o comm` show it. */
function commOf(cmdline: string): string {
  const program = cmdline.split(' ')[0] ?? '';
  return program.slice(program.lastIndexOf('/') + 1).replace(/:$/, '');
}

/**
 * busybox `ps` (procps/ps.c): always the same four columns, whatever options are given (`ps -ef` and `ps aux` too).
 * The header is not aligned with the rows, exactly as busybox prints it. CPU time is not simulated: 0:00.
 */
export const busyboxPs: Utility = (_argv, io, sys) => {
  const rows = sys.processes().map((process) => {
    const user = process.user.length > 8 ? process.user.slice(0, 8) : process.user.padEnd(8);
    return `${String(process.pid).padStart(5)} ${user}  0:00 ${process.cmdline}\n`;
  });
  io.stdout(`PID   USER     TIME  COMMAND\n${rows.join('')}`);
  return 0;
};

/** procps' STIME/START: `HH:MM` for processes started today, `MonDD` this year, else the year. */
function formatStartTime(started: number, now: number): string {
  const start = formatCalendarDate(started);
  const today = formatCalendarDate(now);
  if (start.year === today.year && start.dayOfYear === today.dayOfYear) return `${start.hours}:${start.minutes}`;
  return start.year === today.year ? `${start.month}${start.day.padStart(2, '0')}` : start.year;
}

/** procps prints a user name wider than its column as the numeric id; names here are often numeric already. */
function procpsUser(process: ProcessInfo): string {
  return process.user.length > 8 ? '?' : process.user;
}

/** Deterministic, plausible memory sizes for `ps aux`, derived from the command line. */
function memoryOf(process: ProcessInfo): { vsz: number; rss: number } {
  let hash = 0;
  for (const char of process.cmdline) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return { vsz: 1024 + (hash % 9000), rss: 4 + (hash % 600) * 8 };
}

function formatFull(sys: SystemCalls): string {
  const header = 'UID          PID    PPID  C STIME TTY          TIME CMD\n';
  return (
    header +
    sys
      .processes()
      .map(
        (process) =>
          `${procpsUser(process).padEnd(8)} ${String(process.pid).padStart(7)} ${String(process.ppid).padStart(7)}  0 ` +
          `${formatStartTime(process.startTime, sys.now).padEnd(5)} ?        00:00:00 ${process.cmdline}\n`,
      )
      .join('')
  );
}

function formatUser(sys: SystemCalls): string {
  const header = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n';
  return (
    header +
    sys
      .processes()
      .map((process) => {
        const { vsz, rss } = memoryOf(process);
        const stat = `${process.state}${process.ppid === 0 ? 's' : ''}`;
        return (
          `${procpsUser(process).padEnd(8)} ${String(process.pid).padStart(7)}  0.0  0.0 ${String(vsz).padStart(6)} ` +
          `${String(rss).padStart(5)} ?        ${stat.padEnd(4)} ${formatStartTime(process.startTime, sys.now).padEnd(5)}   0:00 ${process.cmdline}\n`
        );
      })
      .join('')
  );
}

function formatBrief(sys: SystemCalls): string {
  const rows = sys
    .processes()
    .map((process) => `${String(process.pid).padStart(7)} ?        00:00:00 ${commOf(process.cmdline)}\n`);
  return `    PID TTY          TIME CMD\n${rows.join('')}`;
}

/**
 * procps-ng `ps` as Debian images with the procps package have it: `ps -ef` (full format), `ps aux` (BSD user
 * format) and plain `ps`/`ps -e`. No process has a terminal here, so TTY is `?` and plain `ps` lists every process.
 */
export const procpsPs: Utility = (argv, io, sys) => {
  const bsdUser = argv.slice(1).some((arg) => !arg.startsWith('-') && arg.includes('u'));
  const full = argv.slice(1).some((arg) => arg.startsWith('-') && arg.includes('f'));
  io.stdout(bsdUser ? formatUser(sys) : full ? formatFull(sys) : formatBrief(sys));
  return 0;
};
