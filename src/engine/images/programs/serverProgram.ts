import type {
  HttpRequest,
  HttpResponse,
  ProcessIO,
  ProgramDefinition,
  ProgramStep,
  Signal,
  SystemCalls,
} from '../../os/types';

/** What every server program remembers; programs extend it with their own JSON fields. */
export interface ServerState {
  argv: string[];
  env: Record<string, string>;
  phase: 'starting' | 'serving' | 'stopping';
  /** Virtual ms at which the process started (set on the first step). */
  startedAt: number;
  /** When the ports open: start + the program's startup time. */
  readyAt: number;
  ports: number[];
  /** Set while a handled signal winds the process down. */
  exitAt?: number;
  exitCode?: number;
  /** Next periodic wake while serving (retries, heartbeats). */
  nextTickAt?: number;
}

/** The base fields of a fresh server state. */
export function initialServerState(argv: string[], env: Record<string, string>, ports: number[]): ServerState {
  return { argv, env, phase: 'starting', startedAt: 0, readyAt: 0, ports };
}

/** A long-running server: start, wait its startup time, bind its ports, serve until a signal ends it. */
export interface ServerProgramSpec<S extends ServerState> {
  init(argv: string[], env: Record<string, string>, cwd: string): S;
  startupMs(state: S): number;
  /** Runs at process start (banners, flag checks); a returned step (e.g. a usage error's exit) ends the start. */
  start?(state: S, sys: SystemCalls, io: ProcessIO): ProgramStep | undefined;
  /** Runs once every port is bound. */
  ready?(state: S, sys: SystemCalls, io: ProcessIO): void;
  /** Prints why `port` could not be bound and returns the exit code. */
  bindFailed(state: S, port: number, sys: SystemCalls, io: ProcessIO): number;
  handledSignals: readonly Signal[];
  /** Reacts to a handled signal; use `exitNow`/`exitAfter`, or return undefined to keep running. */
  signal(state: S, signal: Signal, sys: SystemCalls, io: ProcessIO): ProgramStep | undefined;
  /** Last words of a process wound down with `exitAfter`, printed as it exits. */
  stopped?(state: S, sys: SystemCalls, io: ProcessIO): void;
  /** Periodic work while serving; returns the next tick time, if any. */
  tick?(state: S, sys: SystemCalls, io: ProcessIO): number | undefined;
  respond?(state: S, request: HttpRequest, sys: SystemCalls): HttpResponse;
  cmdline?(state: S): string;
}

/** Ends the process at once. */
export function exitNow(code: number): ProgramStep {
  return { kind: 'exit', code };
}

/** Winds the process down: it keeps its ports and exits with `code` after `delayMs`. */
export function exitAfter(state: ServerState, sys: SystemCalls, delayMs: number, code: number): ProgramStep {
  state.phase = 'stopping';
  state.exitAt = sys.now + delayMs;
  state.exitCode = code;
  return { kind: 'block', wakeAt: state.exitAt };
}

/**
 * How a server winds down on the signals it handles: it says so (`announce`), keeps serving for `delayMs`, then exits
 * with `exitCode`. A second signal while it is stopping changes nothing.
 */
export function windDownOn<S extends ServerState>(
  signals: readonly Signal[],
  delayMs: number,
  exitCode: number,
  announce: (state: S, sys: SystemCalls, io: ProcessIO) => void,
): Pick<ServerProgramSpec<S>, 'handledSignals' | 'signal'> {
  return {
    handledSignals: signals,
    signal(state, _signal, sys, io) {
      if (state.phase === 'stopping') return undefined;
      announce(state, sys, io);
      return exitAfter(state, sys, delayMs, exitCode);
    },
  };
}

/** Builds a ProgramDefinition from a server spec. State stays plain JSON; behaviour lives in the spec. */
export function defineServerProgram<S extends ServerState>(spec: ServerProgramSpec<S>): ProgramDefinition<S> {
  const waitNext = (state: S): ProgramStep => {
    if (state.phase === 'stopping' && state.exitAt !== undefined) return { kind: 'block', wakeAt: state.exitAt };
    if (state.phase === 'starting') return { kind: 'block', wakeAt: state.readyAt };
    return state.nextTickAt === undefined ? { kind: 'block' } : { kind: 'block', wakeAt: state.nextTickAt };
  };

  const bindPorts = (state: S, sys: SystemCalls, io: ProcessIO): ProgramStep | undefined => {
    const bound: number[] = [];
    for (const port of state.ports) {
      if (sys.listen(port)) {
        bound.push(port);
        continue;
      }
      for (const done of bound) sys.unlisten(done);
      return exitNow(spec.bindFailed(state, port, sys, io));
    }
    state.phase = 'serving';
    spec.ready?.(state, sys, io);
    state.nextTickAt = spec.tick?.(state, sys, io);
    return undefined;
  };

  const definition: ProgramDefinition<S> = {
    start: (argv, env, cwd) => spec.init(argv, env, cwd),
    step(state, sys, io, wake) {
      if (wake.kind === 'start') {
        state.startedAt = sys.now;
        state.readyAt = sys.now + spec.startupMs(state);
        const early = spec.start?.(state, sys, io);
        if (early) return early;
      } else if (wake.kind === 'signal') {
        const reaction = spec.signal(state, wake.signal, sys, io);
        if (reaction) return reaction;
      }
      if (state.phase === 'stopping' && state.exitAt !== undefined && sys.now >= state.exitAt) {
        spec.stopped?.(state, sys, io);
        return exitNow(state.exitCode ?? 0);
      }
      if (state.phase === 'starting' && sys.now >= state.readyAt) {
        const failed = bindPorts(state, sys, io);
        if (failed) return failed;
      } else if (state.phase === 'serving' && state.nextTickAt !== undefined && sys.now >= state.nextTickAt) {
        state.nextTickAt = spec.tick?.(state, sys, io);
      }
      return waitNext(state);
    },
    handlesSignal: (_state, signal) => spec.handledSignals.includes(signal),
  };
  if (spec.respond) definition.http = spec.respond;
  if (spec.cmdline) definition.cmdline = spec.cmdline;
  return definition;
}
