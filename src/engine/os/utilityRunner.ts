/**
 * Runs a short-lived utility as a process of its own: a container whose command is `sleep 3600` or `cat`, a
 * background `sleep 5 &`, or `kubectl exec pod -- ls /`.
 */
import type { ProgramDefinition } from './types';

export const UTILITY_RUNNER = 'utility';

interface UtilityRunnerState {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  /** Exit status to report once the utility's requested sleep is over. */
  pendingExit?: number;
}

export const utilityRunner: ProgramDefinition<UtilityRunnerState> = {
  start(argv, env, cwd) {
    return { argv, env, cwd };
  },
  step(state, sys, io, wake) {
    if (wake.kind !== 'start') return { kind: 'exit', code: state.pendingExit ?? 0 };
    const utility = sys.findUtility(state.argv[0] ?? '');
    if (!utility) return { kind: 'exit', code: 127 };
    const result = utility(state.argv, io, sys, state.env, state.cwd);
    if (typeof result === 'number') return { kind: 'exit', code: result };
    state.pendingExit = result.exitCode;
    return { kind: 'block', wakeAt: sys.now + result.sleepMs };
  },
};
