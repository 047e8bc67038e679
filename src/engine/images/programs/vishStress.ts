/**
 * vish/stress (github.com/vishh/stress main.go, the image of the Kubernetes docs' assign-cpu-resource task): a Go
 * program in a scratch image, run as `/stress -logtostderr`. It logs its plan, starts `-cpus` goroutines copying
 * /dev/zero to nowhere (a core each), allocates `-mem-total` in `-mem-alloc-size` buffers `-mem-alloc-sleep` apart,
 * logs that it has, and blocks forever. Flags follow Go's flag package with glog's flags beside its own.
 *
 * Not verified against captured output: the usage text's `(default …)` notes and the wording of flag errors, which
 * depend on the Go release the image was built with (these are Go 1.15+'s); a panic prints only its first frame.
 * Without `-logtostderr` glog would write files, which are not modelled: its lines are then dropped.
 */
import type { ProgramDefinition, SystemCalls } from '../../os/types';
import { formatQuantity, parseQuantity, quantityValue } from '../../api/quantity/quantity';
import { parseGoDuration } from '../../kubectl/flags/parseFlags';
import { GO_TERMINATING_SIGNALS, goSignalExitCode } from './programKit';
import { formatGlogTime, formatGoDuration } from './timeFormats';

type FlagKind = 'bool' | 'int' | 'string' | 'duration' | 'value';

interface FlagSpec {
  kind: FlagKind;
  usage: string;
  /** The default as PrintDefaults shows it, when it is not the type's zero value. */
  shownDefault?: string;
}

/** The program's flags and glog's, in the order PrintDefaults lists them (by name). */
const FLAGS: Record<string, FlagSpec> = {
  alsologtostderr: { kind: 'bool', usage: 'log to standard error as well as files' },
  cpus: { kind: 'int', usage: 'total number of CPUs to utilize' },
  log_backtrace_at: { kind: 'value', usage: 'when logging hits line file:N, emit a stack trace' },
  log_dir: { kind: 'string', usage: 'If non-empty, write log files in this directory' },
  logtostderr: { kind: 'bool', usage: 'log to standard error instead of files' },
  'mem-alloc-size': {
    kind: 'string',
    usage: 'amount of memory to be consumed in each allocation',
    shownDefault: '"4Ki"',
  },
  'mem-alloc-sleep': { kind: 'duration', usage: 'duration to sleep between allocations', shownDefault: '1ms' },
  'mem-total': {
    kind: 'string',
    usage: 'total memory to be consumed. Memory will be consumed via multiple allocations.',
    shownDefault: '"0"',
  },
  stderrthreshold: { kind: 'value', usage: 'logs at or above this threshold go to stderr', shownDefault: '2' },
  v: { kind: 'value', usage: 'log level for V logs' },
  vmodule: { kind: 'value', usage: 'comma-separated list of pattern=N settings for file-filtered logging' },
};

/** Lines of main.go that its glog calls report. */
const LINE = { allocating: 26, allocated: 29, spawning: 39 } as const;
/** Allocations `-mem-alloc-sleep` apart are applied at most this often (a 1 ms sleep would wake 1000 times a second). */
const ALLOCATION_TICK_MS = 100;

export interface VishStressOptions {
  cpus: number;
  memTotal: string;
  memAllocSize: string;
  memAllocSleepMs: number;
  toStderr: boolean;
}

/** Go's flag.Parse over argv[1:]: the options, or what it prints and the exit status. */
function parseVishStressFlags(
  argv: readonly string[],
): { options: VishStressOptions } | { stderr: string; exitCode: number } {
  const options: VishStressOptions = {
    cpus: 0,
    memTotal: '0',
    memAllocSize: '4Ki',
    memAllocSleepMs: 1,
    toStderr: false,
  };
  const program = argv[0] ?? '/stress';
  const failure = (message: string) => ({ stderr: `${message}\n${flagUsage(program)}`, exitCode: 2 });
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.length < 2 || arg[0] !== '-') break;
    if (arg === '--') break;
    const dashes = arg[1] === '-' ? 2 : 1;
    let name = arg.slice(dashes);
    if (name === '' || name[0] === '-' || name[0] === '=') return failure(`bad flag syntax: ${arg}`);
    let value: string | undefined;
    const equals = name.indexOf('=', 1);
    if (equals > 0) {
      value = name.slice(equals + 1);
      name = name.slice(0, equals);
    }
    const spec = FLAGS[name];
    if (!spec) {
      if (name === 'help' || name === 'h') return { stderr: flagUsage(program), exitCode: 0 };
      return failure(`flag provided but not defined: -${name}`);
    }
    if (spec.kind === 'bool') {
      const parsed = parseGoBool(value ?? 'true');
      if (parsed === undefined) return failure(`invalid boolean value "${value}" for -${name}: parse error`);
      if (name === 'logtostderr' || name === 'alsologtostderr') options.toStderr ||= parsed;
      continue;
    }
    if (value === undefined) value = argv[++i];
    if (value === undefined) return failure(`flag needs an argument: -${name}`);
    const invalid = () => failure(`invalid value "${value}" for flag -${name}: parse error`);
    if (name === 'cpus') {
      const cpus = parseGoInt(value);
      if (cpus === undefined) return invalid();
      options.cpus = cpus;
    } else if (name === 'mem-alloc-sleep') {
      const ms = parseGoDuration(value);
      if (ms === undefined) return invalid();
      options.memAllocSleepMs = ms;
    } else if (name === 'mem-total') options.memTotal = value;
    else if (name === 'mem-alloc-size') options.memAllocSize = value;
  }
  return { options };
}

/** The default Usage: `Usage of <argv[0]>:` and PrintDefaults. */
function flagUsage(program: string): string {
  let text = `Usage of ${program}:\n`;
  for (const [name, spec] of Object.entries(FLAGS)) {
    const head = spec.kind === 'bool' ? `  -${name}` : `  -${name} ${spec.kind}`;
    const usage = spec.shownDefault ? `${spec.usage} (default ${spec.shownDefault})` : spec.usage;
    text += head.length <= 4 ? `${head}\t${usage}\n` : `${head}\n    \t${usage}\n`;
  }
  return text;
}

/** strconv.ParseBool. */
function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}

/** strconv.ParseInt with base 0: decimal, or 0x, 0o, 0b, 0 prefixes. */
function parseGoInt(text: string): number | undefined {
  const match = /^([+-]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|([1-9][0-9]*|0))$/.exec(text);
  if (!match) return undefined;
  const [, sign, hex, binary, octal, decimal] = match;
  const value =
    hex !== undefined
      ? parseInt(hex, 16)
      : binary !== undefined
        ? parseInt(binary, 2)
        : octal !== undefined
          ? parseInt(octal, 8)
          : parseInt(decimal!, 10);
  return sign === '-' ? -value : value;
}

/** time.Duration's String() for what `%v` prints, microseconds included. */
function goDurationText(ms: number): string {
  return ms > 0 && ms < 1 ? `${Math.round(ms * 1000)}µs` : formatGoDuration(ms);
}

interface VishStressState {
  argv: string[];
  options?: VishStressOptions;
  /** Buffers to allocate; -1 for a 0-byte step, which loops forever. */
  buffers: number;
  bufferBytes: number;
  allocated: number;
  /** When the first buffer was allocated. */
  allocatingSince: number;
  /** `-mem-total` as the quantity prints it. */
  totalText: string;
  done: boolean;
}

/** A glog INFO line: `I0101 10:00:00.000000       1 main.go:26] …`. */
function glogLine(sys: SystemCalls, line: number, message: string): string {
  return `I${formatGlogTime(sys.now)} ${String(sys.pid).padStart(7)} main.go:${line}] ${message}\n`;
}

/** Buffers allocated by now (one at once, the next after each sleep), and when the next one is due. */
function allocationsDue(state: VishStressState, now: number): { count: number; nextAt?: number } {
  const sleepMs = state.options!.memAllocSleepMs;
  if (sleepMs <= 0) return { count: state.buffers };
  const count = Math.min(state.buffers, Math.floor((now - state.allocatingSince) / sleepMs) + 1);
  return { count, nextAt: state.allocatingSince + count * sleepMs };
}

export const vishStress: ProgramDefinition<VishStressState> = {
  start: (argv) => ({ argv, buffers: 0, bufferBytes: 0, allocated: 0, allocatingSince: 0, totalText: '', done: false }),
  step(state, sys, io, wake) {
    if (wake.kind === 'signal') return { kind: 'exit', code: goSignalExitCode(sys, wake.signal) };
    const log = (line: number, message: string) => {
      if (state.options?.toStderr) io.stderr(glogLine(sys, line, message));
    };
    if (wake.kind === 'start') {
      const parsed = parseVishStressFlags(state.argv);
      if ('exitCode' in parsed) {
        io.stderr(parsed.stderr);
        return { kind: 'exit', code: parsed.exitCode };
      }
      state.options = parsed.options;
      const total = parseQuantity(parsed.options.memTotal);
      const step = parseQuantity(parsed.options.memAllocSize);
      for (const [text, quantity] of [
        [parsed.options.memTotal, total],
        [parsed.options.memAllocSize, step],
      ] as const) {
        // resource.MustParse panics; the Go runtime prints the panic and exits 2.
        if (!quantity.ok) {
          io.stderr(`panic: cannot parse '${text}': ${quantity.error}\n\ngoroutine 1 [running]:\nmain.main()\n`);
          return { kind: 'exit', code: 2 };
        }
      }
      if (!total.ok || !step.ok) return { kind: 'exit', code: 2 };
      state.totalText = formatQuantity(total.value);
      const sleep = goDurationText(parsed.options.memAllocSleepMs);
      log(
        LINE.allocating,
        `Allocating "${state.totalText}" memory, in "${formatQuantity(step.value)}" chunks, with a ${sleep} sleep between allocations`,
      );
      for (let i = 0; i < parsed.options.cpus; i++) log(LINE.spawning, 'Spawning a thread to consume CPU');
      if (parsed.options.cpus > 0) sys.setCpuUse?.(parsed.options.cpus);
      const totalBytes = quantityValue(total.value);
      state.bufferBytes = quantityValue(step.value);
      state.buffers =
        state.bufferBytes > 0 ? Math.max(0, Math.floor(totalBytes / state.bufferBytes)) : totalBytes >= 0 ? -1 : 0;
      state.allocatingSince = sys.now;
    }
    // A 0-byte step allocates nothing, forever.
    if (state.done || state.buffers < 0) return { kind: 'block' };
    const due = allocationsDue(state, sys.now);
    if (due.count > state.allocated) {
      state.allocated = due.count;
      if (sys.setResidentMemory?.(state.allocated * state.bufferBytes) === false) return { kind: 'block' };
    }
    if (due.count < state.buffers)
      return { kind: 'block', wakeAt: Math.max(due.nextAt!, sys.now + ALLOCATION_TICK_MS) };
    // The loop sleeps once more after the last buffer.
    if (due.nextAt !== undefined && sys.now < due.nextAt) return { kind: 'block', wakeAt: due.nextAt };
    state.done = true;
    log(LINE.allocated, `Allocated "${state.totalText}" memory`);
    return { kind: 'block' };
  },
  handlesSignal: (_state, signal) => GO_TERMINATING_SIGNALS.includes(signal),
};
