import type { ProgramDefinition, Signal } from '../../os/types';

/** strsignal() text psignal prints. */
const SIGNAL_DESCRIPTIONS: Partial<Record<Signal, string>> = { SIGINT: 'Interrupt', SIGTERM: 'Terminated' };

/**
 * `/pause` (kubernetes/build/pause/linux/pause.c): the sandbox's PID 1 and the registry.k8s.io/pause image. It sleeps
 * forever, reaps orphans, and exits 0 on SIGINT or SIGTERM after `Shutting down, got signal: Terminated`.
 */
export const pause: ProgramDefinition<{ argv: string[] }> = {
  start: (argv) => ({ argv }),
  step(state, sys, io, wake) {
    if (wake.kind === 'start') {
      if (state.argv.slice(1).some((arg) => arg.toLowerCase() === '-v')) {
        io.stdout('pause.c v3.10\n');
        return { kind: 'exit', code: 0 };
      }
      if (sys.pid !== 1) io.stderr('Warning: pause should be the first process\n');
    }
    if (wake.kind === 'signal' && wake.signal !== 'SIGCHLD') {
      io.stderr(`Shutting down, got signal: ${SIGNAL_DESCRIPTIONS[wake.signal] ?? wake.signal}\n`);
      return { kind: 'exit', code: 0 };
    }
    return { kind: 'block' };
  },
  handlesSignal: (_state, signal) => signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGCHLD',
  cmdline: () => '/pause',
  /** The pause image runs as `65535:65535` (its Dockerfile's USER). */
  uid: () => 65535,
};
