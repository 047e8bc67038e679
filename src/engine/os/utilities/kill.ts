import { SIGNAL_NUMBERS } from '../types';
import type { Signal, Utility } from '../types';
import { commandName, reportFailure } from './parseOptions';

/** Linux signal names by number (x86_64), as `kill -l` lists them. */
const SIGNAL_NAMES = [
  '',
  'HUP',
  'INT',
  'QUIT',
  'ILL',
  'TRAP',
  'ABRT',
  'BUS',
  'FPE',
  'KILL',
  'USR1',
  'SEGV',
  'USR2',
  'PIPE',
  'ALRM',
  'TERM',
  'STKFLT',
  'CHLD',
  'CONT',
  'STOP',
  'TSTP',
  'TTIN',
  'TTOU',
  'URG',
  'XCPU',
  'XFSZ',
  'VTALRM',
  'PROF',
  'WINCH',
  'POLL',
  'PWR',
  'SYS',
];

/** A signal given by name (with or without SIG, any case) or number; undefined if Linux has no such signal. */
function signalNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const number = Number(text);
    return number < SIGNAL_NAMES.length ? number : undefined;
  }
  const name = text.toUpperCase().replace(/^SIG/, '');
  const aliases: Record<string, string> = { IO: 'POLL', IOT: 'ABRT', CLD: 'CHLD' };
  const index = SIGNAL_NAMES.indexOf(aliases[name] ?? name);
  return index > 0 ? index : undefined;
}

/** The simulation's Signal for a Linux number, if the kernel can deliver it. */
function toSignal(number: number): Signal | undefined {
  return (Object.keys(SIGNAL_NUMBERS) as Signal[]).find((signal) => SIGNAL_NUMBERS[signal] === number);
}

function listSignals(args: string[]): string {
  if (args.length === 0)
    return SIGNAL_NAMES.slice(1)
      .map((name, index) => `${String(index + 1).padStart(2)}) ${name}\n`)
      .join('');
  return args
    .map((arg) => {
      if (/^\d+$/.test(arg)) return `${SIGNAL_NAMES[Number(arg) & 0x7f] || arg}\n`;
      const number = signalNumber(arg);
      return `${number ?? arg}\n`;
    })
    .join('');
}

/**
 * `kill [-SIGNAL | -s SIGNAL | -n NUM] PID...` and `kill -l [SIGNAL]...` (busybox procps/kill.c). Signal 0 only
 * checks that the process exists.
 */
export const kill: Utility = (argv, io, sys) => {
  const name = commandName(argv);
  const args = argv.slice(1);
  if (args[0] === '-l' || args[0] === '-L') {
    io.stdout(listSignals(args.slice(1)));
    return 0;
  }
  let signalText = 'TERM';
  const first = args[0];
  if (first === '-s' || first === '-n') {
    signalText = args[1] ?? first.slice(1);
    args.splice(0, 2);
  } else if (first !== undefined && first.length > 1 && first.startsWith('-') && first !== '--') {
    signalText = first.slice(1);
    args.shift();
  }
  if (args[0] === '--') args.shift();
  const number = signalNumber(signalText);
  if (number === undefined) return reportFailure(io, name, `bad signal name '${signalText}'`);
  if (args.length === 0) return reportFailure(io, name, 'you need to specify whom to kill');
  let status = 0;
  for (const target of args) {
    if (!/^-?\d+$/.test(target)) {
      status = reportFailure(io, name, `invalid number '${target}'`);
      continue;
    }
    const pid = Number(target);
    const exists = sys.processes().some((process) => process.pid === pid);
    const signal = toSignal(number);
    let result: 'ok' | 'ESRCH' | 'EPERM' | 'EINVAL';
    if (number === 0 || signal === undefined) result = exists ? (number === 0 ? 'ok' : 'EINVAL') : 'ESRCH';
    else result = sys.kill(pid, signal);
    if (result === 'ok') continue;
    const reason = { ESRCH: 'No such process', EPERM: 'Operation not permitted', EINVAL: 'Invalid argument' }[result];
    status = reportFailure(io, name, `can't kill pid ${target}: ${reason}`);
  }
  return status;
};
