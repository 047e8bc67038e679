/**
 * stress 1.0.4 (Amos Waterland's workload generator, which the polinux/stress image builds from source): the parent
 * parses its options, forks its hogs round robin — cpu (spinning on sqrt), io (spinning on sync), vm (malloc, touch,
 * hang, free) and hdd (write, unlink) — and waits for them. A hog that dies of a signal other than its alarm (the OOM
 * killer's SIGKILL, a `kill -9`) fails the run.
 *
 * Messages, their streams and the source line numbers in them follow stress.c 1.0.4. Checked against published
 * output: `dispatching hogs: …`, the end of a run, and the lines when a hog is killed (`(415) <-- worker N got signal
 * 9`, `(417) now reaping child worker processes`, `(421) kill error: No such process` as PID 1, `(451) failed run
 * completed in 0s`). The line numbers of option errors are counted in the 1.0.4 source, not seen in captured output.
 * Hogs get the kernel's next PIDs (under Docker the runtime's own processes take a few first: `worker 7`).
 */
import type { ProcessIO, ProgramDefinition, SystemCalls } from '../../os/types';
import { SIGNAL_NUMBERS } from '../../os/types';

/** Program name of a forked hog. */
export const STRESS_HOG_PROGRAM = 'stress-hog';

const VERSION = '1.0.4';
const MI = 1024 * 1024;

type HogKind = 'cpu' | 'io' | 'vm' | 'hdd';
/** The order hogs are forked in each round. */
const HOG_KINDS: readonly HogKind[] = ['cpu', 'io', 'vm', 'hdd'];

/** How fast a vm hog touches its pages, for the pace of its verbose cycles: `--vm-bytes 128M` loops ~16 times/s. */
const TOUCH_BYTES_PER_MS = (2 * 1024 * MI) / 1000;
/** How fast an hdd hog writes its file (to the page cache), for the pace of its verbose cycles. */
const WRITE_BYTES_PER_MS = (1024 * MI) / 1000;
/** hoghdd's buffer: `(1024 * 1024) - 1` bytes. */
const HDD_CHUNK = MI - 1;

/** Lines of stress.c 1.0.4 that its FAIL and WARN messages carry (`__LINE__`). */
const LINE = {
  unrecognized: 244,
  workerError: 394,
  workerErrorReaping: 396,
  workerErrorKill: 400,
  workerSignal: 415,
  workerSignalReaping: 417,
  workerSignalKill: 421,
  failedRun: 451,
} as const;

export interface StressOptions {
  /** global_debug: 0 quiet, 2 the default, 3 verbose. */
  debug: number;
  dryRun: boolean;
  backoffUs: number;
  timeoutSeconds: number;
  hogs: Record<HogKind, number>;
  vmBytes: number;
  vmStride: number;
  /** Seconds a vm hog holds its memory before freeing it: -1 none, 0 forever. */
  vmHang: number;
  vmKeep: boolean;
  hddBytes: number;
}

/** A line stress writes. */
export interface StressLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What the command line comes to: the options to run with, or the exit status after the lines written. */
export type StressParse = { lines: StressLine[] } & ({ options: StressOptions } | { exitCode: number });

/** Who speaks and how much: the message macros of stress.c print the program name and PID first. */
interface Voice {
  prog: string;
  pid: number;
  debug: number;
  write(stream: 'stdout' | 'stderr', text: string): void;
}

function info(voice: Voice, message: string): void {
  if (voice.debug >= 2) voice.write('stdout', `${voice.prog}: info: [${voice.pid}] ${message}\n`);
}

function debug(voice: Voice, message: string): void {
  if (voice.debug >= 3) voice.write('stdout', `${voice.prog}: dbug: [${voice.pid}] ${message}\n`);
}

function warn(voice: Voice, line: number, message: string): void {
  if (voice.debug >= 1) voice.write('stderr', `${voice.prog}: WARN: [${voice.pid}] (${line}) ${message}\n`);
}

function fail(voice: Voice, line: number, message: string): void {
  voice.write('stderr', `${voice.prog}: FAIL: [${voice.pid}] (${line}) ${message}\n`);
}

function voiceOf(prog: string, pid: number, level: number, io: ProcessIO): Voice {
  return { prog, pid, debug: level, write: (stream, text) => io[stream](text) };
}

function usage(prog: string): string {
  return (
    `\`${prog}' imposes certain types of compute stress on your system\n\n` +
    `Usage: ${prog} [OPTION [ARG]] ...\n` +
    ' -?, --help         show this help statement\n' +
    '     --version      show version statement\n' +
    ' -v, --verbose      be verbose\n' +
    ' -q, --quiet        be quiet\n' +
    ' -n, --dry-run      show what would have been done\n' +
    ' -t, --timeout N    timeout after N seconds\n' +
    '     --backoff N    wait factor of N microseconds before work starts\n' +
    ' -c, --cpu N        spawn N workers spinning on sqrt()\n' +
    ' -i, --io N         spawn N workers spinning on sync()\n' +
    ' -m, --vm N         spawn N workers spinning on malloc()/free()\n' +
    '     --vm-bytes B   malloc B bytes per vm worker (default is 256MB)\n' +
    '     --vm-stride B  touch a byte every B bytes (default is 4096)\n' +
    '     --vm-hang N    sleep N secs before free (default none, 0 is inf)\n' +
    '     --vm-keep      redirty memory instead of freeing and reallocating\n' +
    ' -d, --hdd N        spawn N workers spinning on write()/unlink()\n' +
    '     --hdd-bytes B  write B bytes per hdd worker (default is 1GB)\n\n' +
    `Example: ${prog} --cpu 8 --io 4 --vm 2 --vm-bytes 128M --timeout 10s\n\n` +
    'Note: Numbers may be suffixed with s,m,h,d,y (time) or B,K,M,G (size).\n'
  );
}

/** sscanf `%lli`: an optional sign, then hex after `0x`, octal after `0`, else decimal; only a prefix needs to match. */
function scanLongLong(text: string): number | undefined {
  const match = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!match) return undefined;
  const digits = match[2]!;
  const value = /^0[xX]/.test(digits)
    ? parseInt(digits.slice(2), 16)
    : digits.startsWith('0')
      ? parseInt(digits, 8)
      : parseInt(digits, 10);
  return match[1] === '-' ? -value : value;
}

const SIZE_SHIFTS: Record<string, number> = { b: 0, B: 0, k: 10, K: 10, m: 20, M: 20, g: 30, G: 30 };
const TIME_FACTORS: Record<string, number> = {
  s: 1,
  S: 1,
  m: 60,
  M: 60,
  h: 3600,
  H: 3600,
  d: 86_400,
  D: 86_400,
  y: 31_536_000,
  Y: 31_536_000,
};

/**
 * atoll_b and atoll_s: a number with an optional size or time suffix (`150M` is 150 << 20, `1.5G` is 1 << 30 as
 * sscanf stops at the dot). Undefined after the FAIL line, when stress exits.
 */
function suffixedNumber(text: string, kind: 'size' | 'time', voice: Voice): number | undefined {
  const lines = kind === 'size' ? { empty: 622, suffix: 647, number: 654 } : { empty: 676, suffix: 705, number: 712 };
  if (text === '') {
    fail(voice, lines.empty, 'invalid string');
    return undefined;
  }
  const suffix = text[text.length - 1]!;
  const factor = kind === 'size' ? 2 ** (SIZE_SHIFTS[suffix] ?? 0) : (TIME_FACTORS[suffix] ?? 1);
  const known = kind === 'size' ? suffix in SIZE_SHIFTS : suffix in TIME_FACTORS;
  if (!known && (suffix < '0' || suffix > '9')) {
    fail(voice, lines.suffix, `unrecognized suffix: ${suffix}`);
    return undefined;
  }
  const value = scanLongLong(text);
  if (value === undefined) fail(voice, lines.number, `invalid number: ${text}`);
  return value === undefined ? undefined : value * factor;
}

/** An option that takes an argument: the line of its `assert_arg`, and how the value is read and checked. */
interface ValueOption {
  names: readonly string[];
  missingLine: number;
  apply(options: StressOptions, value: string, voice: Voice): boolean;
}

/** A count or size that must be above 0 (at least 0 for `--vm-hang`), else the FAIL line of that option. */
function sizeOption(
  names: readonly string[],
  missingLine: number,
  invalidLine: number,
  invalid: string,
  set: (options: StressOptions, value: number) => void,
  minimum = 1,
): ValueOption {
  return {
    names,
    missingLine,
    apply(options, text, voice) {
      const value = suffixedNumber(text, 'size', voice);
      if (value === undefined) return false;
      if (value < minimum) {
        fail(voice, invalidLine, `${invalid}: ${value}`);
        return false;
      }
      set(options, value);
      return true;
    },
  };
}

const VALUE_OPTIONS: readonly ValueOption[] = [
  {
    names: ['--backoff'],
    missingLine: 135,
    apply(options, text, voice) {
      const value = scanLongLong(text);
      if (value === undefined) fail(voice, 138, `invalid number: ${text}`);
      else if (value < 0) fail(voice, 143, `invalid backoff factor: ${value}`);
      else {
        options.backoffUs = value;
        debug(voice, `setting backoff coeffient to ${value}us`);
        return true;
      }
      return false;
    },
  },
  {
    names: ['--timeout', '-t'],
    missingLine: 150,
    apply(options, text, voice) {
      const value = suffixedNumber(text, 'time', voice);
      if (value === undefined) return false;
      if (value <= 0) {
        fail(voice, 154, `invalid timeout value: ${value}s`);
        return false;
      }
      options.timeoutSeconds = value;
      return true;
    },
  },
  sizeOption(['--cpu', '-c'], 160, 164, 'invalid number of cpu hogs', (o, v) => (o.hogs.cpu = v)),
  sizeOption(['--io', '-i'], 170, 174, 'invalid number of io hogs', (o, v) => (o.hogs.io = v)),
  sizeOption(['--vm', '-m'], 180, 184, 'invalid number of vm hogs', (o, v) => (o.hogs.vm = v)),
  sizeOption(['--vm-bytes'], 190, 194, 'invalid vm byte value', (o, v) => (o.vmBytes = v)),
  sizeOption(['--vm-stride'], 200, 204, 'invalid stride value', (o, v) => (o.vmStride = v)),
  sizeOption(['--vm-hang'], 210, 214, 'invalid value', (o, v) => (o.vmHang = v), 0),
  sizeOption(['--hdd', '-d'], 224, 228, 'invalid number of hdd hogs', (o, v) => (o.hogs.hdd = v)),
  sizeOption(['--hdd-bytes'], 234, 238, 'invalid hdd byte value', (o, v) => (o.hddBytes = v)),
];

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The settings before any option: stress.c's initial values. */
function defaultOptions(): StressOptions {
  return {
    debug: 2,
    dryRun: false,
    backoffUs: 3000,
    timeoutSeconds: 0,
    hogs: { cpu: 0, io: 0, vm: 0, hdd: 0 },
    vmBytes: 256 * MI,
    vmStride: 4096,
    vmHang: -1,
    vmKeep: false,
    hddBytes: 1024 * MI,
  };
}

/** stress's option loop (without getopt), as the process with `pid` runs it. */
export function parseStressArguments(argv: readonly string[], pid: number): StressParse {
  const prog = basename(argv[0] ?? 'stress');
  const lines: StressLine[] = [];
  const voice: Voice = { prog, pid, debug: 2, write: (stream, text) => lines.push({ stream, text }) };
  const options = defaultOptions();
  const exit = (exitCode: number): StressParse => ({ lines, exitCode });
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-?') {
      lines.push({ stream: 'stdout', text: usage(prog) });
      return exit(0);
    }
    if (arg === '--version') {
      lines.push({ stream: 'stdout', text: `${prog} ${VERSION}\n` });
      return exit(0);
    }
    if (arg === '--verbose' || arg === '-v') voice.debug = 3;
    else if (arg === '--quiet' || arg === '-q') voice.debug = 0;
    else if (arg === '--dry-run' || arg === '-n') options.dryRun = true;
    else if (arg === '--vm-keep') options.vmKeep = true;
    else {
      const option = VALUE_OPTIONS.find((o) => o.names.includes(arg));
      if (!option) {
        fail(voice, LINE.unrecognized, `unrecognized option: ${arg}`);
        return exit(1);
      }
      const value = argv[++i];
      // assert_arg: a value must follow, and one starting with `-` must be a negative number.
      if (value === undefined || (value[0] === '-' && !isDigit(value[1]))) {
        fail(voice, option.missingLine, `missing argument to option '${option.names[0]}'`);
        return exit(1);
      }
      if (!option.apply(options, value, voice)) return exit(1);
    }
  }
  options.debug = voice.debug;
  if (HOG_KINDS.every((kind) => options.hogs[kind] === 0)) {
    lines.push({ stream: 'stdout', text: usage(prog) });
    return exit(0);
  }
  return { lines, options };
}

// ---------------------------------------------------------------- the parent

interface StressState {
  argv: string[];
  options?: StressOptions;
  /** time(NULL) when it started: the run's length is printed in whole seconds of the clock. */
  startSecond: number;
  /** Hogs not reaped yet, in fork order. */
  children: number[];
  /** retval: the hogs that failed. */
  failures: number;
}

/** Forks the hogs round robin, cpu io vm hdd in each round; their PIDs go to `state.children`. */
function dispatchHogs(state: StressState, options: StressOptions, sys: SystemCalls, voice: Voice): void {
  const left = { ...options.hogs };
  for (let forks = sum(left); forks > 0; forks = sum(left)) {
    const backoffUs = options.backoffUs * forks;
    debug(voice, `using backoff sleep of ${backoffUs}us`);
    // Forking takes no time here, so a timeout is never used up before the last hog is dispatched.
    const timeout = options.timeoutSeconds - (Math.floor(sys.now / 1000) - state.startSecond);
    if (options.timeoutSeconds) debug(voice, `setting timeout to ${timeout}s`);
    for (const kind of HOG_KINDS) {
      if (left[kind] === 0) continue;
      const hog: StressHogState = {
        kind,
        prog: voice.prog,
        options,
        workAt: sys.now + Math.ceil(backoffUs / 1000),
        ...(options.timeoutSeconds ? { alarmAt: sys.now + timeout * 1000 } : {}),
        working: false,
      };
      const pid = sys.spawnProgram(STRESS_HOG_PROGRAM, hog, { cmdline: state.argv.join(' ') });
      debug(voice, `--> hog${kind} worker ${left[kind]} [${pid}] forked`);
      state.children.push(pid);
      left[kind]--;
    }
  }
}

function sum(hogs: Record<HogKind, number>): number {
  return hogs.cpu + hogs.io + hogs.vm + hogs.hdd;
}

/** Collects every hog that has ended, in fork order, and reacts as the wait loop of stress.c does. */
function reapHogs(state: StressState, sys: SystemCalls, voice: Voice): void {
  for (let reaped = true; reaped;) {
    reaped = false;
    for (const pid of [...state.children]) {
      const code = sys.reapChild(pid);
      if (code === undefined) continue;
      state.children = state.children.filter((child) => child !== pid);
      reaped = true;
      hogEnded(state, pid, code, sys, voice);
    }
  }
}

function hogEnded(state: StressState, pid: number, code: number, sys: SystemCalls, voice: Voice): void {
  if (code <= 128) {
    if (code === 0) {
      debug(voice, `<-- worker ${pid} returned normally`);
      return;
    }
    fail(voice, LINE.workerError, `<-- worker ${pid} returned error ${code}`);
    state.failures++;
    warn(voice, LINE.workerErrorReaping, 'now reaping child worker processes');
    signalGroup(state, sys, voice, LINE.workerErrorKill);
    return;
  }
  const signal = code - 128;
  if (signal === SIGNAL_NUMBERS.SIGALRM) debug(voice, `<-- worker ${pid} signalled normally`);
  else if (signal === SIGNAL_NUMBERS.SIGUSR1) debug(voice, `<-- worker ${pid} reaped`);
  else {
    fail(voice, LINE.workerSignal, `<-- worker ${pid} got signal ${signal}`);
    state.failures++;
    warn(voice, LINE.workerSignalReaping, 'now reaping child worker processes');
    signalGroup(state, sys, voice, LINE.workerSignalKill);
  }
}

/**
 * `kill(-1 * getpid(), SIGUSR1)` with SIGUSR1 ignored by stress itself. As PID 1 that is kill(-1): every other
 * process of the namespace, and ESRCH when none is left. Elsewhere stress leads its own process group (a shell with
 * job control started it), which it belongs to, so the call succeeds.
 */
function signalGroup(state: StressState, sys: SystemCalls, voice: Voice, line: number): void {
  const targets = sys.pid === 1 ? sys.processes().flatMap((p) => (p.pid === 1 ? [] : [p.pid])) : state.children;
  if (sys.pid === 1 && targets.length === 0) fail(voice, line, 'kill error: No such process');
  for (const pid of [...targets]) sys.kill(pid, 'SIGUSR1');
}

/** The `stress` command of polinux/stress. */
export const stress: ProgramDefinition<StressState> = {
  start: (argv) => ({ argv, startSecond: 0, children: [], failures: 0 }),
  step(state, sys, io, wake) {
    if (wake.kind === 'start') {
      const parsed = parseStressArguments(state.argv, sys.pid);
      for (const line of parsed.lines) io[line.stream](line.text);
      if ('exitCode' in parsed) return { kind: 'exit', code: parsed.exitCode };
      state.options = parsed.options;
      state.startSecond = Math.floor(sys.now / 1000);
      const voice = voiceOf(basename(state.argv[0] ?? ''), sys.pid, parsed.options.debug, io);
      const { cpu, io: ioHogs, vm, hdd } = parsed.options.hogs;
      info(voice, `dispatching hogs: ${cpu} cpu, ${ioHogs} io, ${vm} vm, ${hdd} hdd`);
      dispatchHogs(state, parsed.options, sys, voice);
      return { kind: 'block', waitAny: true };
    }
    const voice = voiceOf(basename(state.argv[0] ?? ''), sys.pid, state.options?.debug ?? 2, io);
    reapHogs(state, sys, voice);
    if (state.children.length > 0) return { kind: 'block', waitAny: true };
    const runtime = Math.floor(sys.now / 1000) - state.startSecond;
    if (state.failures > 0) fail(voice, LINE.failedRun, `failed run completed in ${runtime}s`);
    else info(voice, `successful run completed in ${runtime}s`);
    return { kind: 'exit', code: state.failures % 256 };
  },
};

// ---------------------------------------------------------------- the hogs

interface StressHogState {
  kind: HogKind;
  prog: string;
  options: StressOptions;
  /** When its backoff sleep ends and the work starts. */
  workAt: number;
  /** alarm(timeout): SIGALRM ends it then. */
  alarmAt?: number;
  working: boolean;
  /** The end of the current verbose cycle (a vm hog freeing and allocating again, an hdd hog's next file). */
  cycleAt?: number;
  /** The file an hdd hog is writing. */
  file?: string;
}

/** One pass of hogvm's loop up to its hang: allocate (unless kept), touch, then sleep or spin. False: OOM-killed. */
function touchMemory(state: StressHogState, sys: SystemCalls, voice: Voice, first: boolean): boolean {
  const { vmBytes, vmStride, vmHang, vmKeep } = state.options;
  if (first || !vmKeep) debug(voice, `allocating ${vmBytes} bytes ...`);
  // Freed and allocated again in the same instant: the resident size only changes the first time.
  if (first && sys.setResidentMemory?.(vmBytes) === false) return false;
  debug(voice, `touching bytes in strides of ${vmStride} bytes ...`);
  const touchMs = Math.max(1, Math.round(vmBytes / TOUCH_BYTES_PER_MS));
  delete state.cycleAt;
  if (vmHang === 0) debug(voice, 'sleeping forever with allocated memory');
  else if (vmHang > 0) {
    debug(voice, `sleeping for ${vmHang}s with allocated memory`);
    if (voice.debug >= 3) state.cycleAt = sys.now + touchMs + vmHang * 1000;
  } else {
    // Without a hang it allocates, touches and frees in a loop: a busy core.
    sys.setCpuUse?.(1);
    if (voice.debug >= 3) state.cycleAt = sys.now + touchMs;
  }
  return true;
}

/** hoghdd opens a new file: mkstemp's six random characters, unlinked at once, then written. */
function openFile(state: StressHogState, sys: SystemCalls, voice: Voice): void {
  if (voice.debug < 3) return;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += alphabet[Math.floor(sys.random() * alphabet.length)];
  const name = `./stress.${suffix}`;
  const bytes = state.options.hddBytes;
  debug(voice, `opened ${name} for writing ${bytes} bytes`);
  debug(voice, `unlinking ${name}`);
  debug(voice, `fast writing to ${name}`);
  state.file = name;
  state.cycleAt = sys.now + Math.max(1, Math.round(bytes / WRITE_BYTES_PER_MS));
}

/** Starts the hog's work once its backoff is over. False: it was OOM-killed. */
function startWork(state: StressHogState, sys: SystemCalls, voice: Voice): boolean {
  state.working = true;
  if (state.kind === 'vm') return touchMemory(state, sys, voice, true);
  // sqrt in a loop, sync in a loop (nothing to flush: it returns at once), writing to the page cache: a core each.
  sys.setCpuUse?.(1);
  if (state.kind === 'hdd') {
    debug(voice, `seeding ${HDD_CHUNK} byte buffer with random data`);
    openFile(state, sys, voice);
  }
  return true;
}

/** The next verbose cycle of a vm or hdd hog. */
function nextCycle(state: StressHogState, sys: SystemCalls, voice: Voice): void {
  if (state.kind === 'vm') {
    if (!state.options.vmKeep) debug(voice, `freed ${state.options.vmBytes} bytes`);
    touchMemory(state, sys, voice, false);
    return;
  }
  debug(voice, `slow writing to ${state.file}`);
  debug(voice, `closing ${state.file} after ${state.options.hddBytes} bytes`);
  openFile(state, sys, voice);
}

/** A forked hog: sleeps its backoff, works until its alarm (or forever), printing its cycles when verbose. */
export const stressHog: ProgramDefinition<StressHogState> = {
  // Only stress forks hogs, with their state: started any other way, a hog does a cpu hog's work.
  start: () => ({ kind: 'cpu', prog: 'stress', options: defaultOptions(), workAt: 0, working: false }),
  step(state, sys, io, wake) {
    if (wake.kind === 'start') return { kind: 'block', wakeAt: state.workAt };
    // SIGALRM's default action ends it.
    if (state.alarmAt !== undefined && sys.now >= state.alarmAt)
      return { kind: 'exit', code: 128 + SIGNAL_NUMBERS.SIGALRM };
    const voice = voiceOf(state.prog, sys.pid, state.options.debug, io);
    if (!state.working) {
      if (state.options.dryRun) return { kind: 'exit', code: 0 };
      if (!startWork(state, sys, voice)) return { kind: 'block' };
    } else if (state.cycleAt !== undefined && sys.now >= state.cycleAt) nextCycle(state, sys, voice);
    const wakes = [state.cycleAt, state.alarmAt].filter((at): at is number => at !== undefined);
    return wakes.length > 0 ? { kind: 'block', wakeAt: Math.min(...wakes) } : { kind: 'block' };
  },
};
