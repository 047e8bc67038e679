import type { ProgramDefinition } from '../os/types';
import { stepShell } from './executor';
import { parseInvocation } from './invocation';
import { initialShellState, type ShellState } from './state';

/**
 * The POSIX shell as a program: `sh`, `/bin/sh`, `bash`, `ash` or `dash` with `-c script [name [args...]]`, a script
 * file, or a script on stdin. Messages follow the image's shell: dash (`sh: 1: foo: not found`) in Debian images,
 * busybox's ash (`sh: foo: not found`) in busybox ones, or bash when invoked as bash.
 */
export const shellProgram: ProgramDefinition<ShellState> = {
  start(argv, env, cwd, userland) {
    const st = initialShellState(argv[0] ?? 'sh', argv[0] ?? 'sh', env, cwd, argv.join(' '), userland);
    const inv = parseInvocation(argv, st.dialect);
    st.arg0 = inv.arg0;
    if (inv.named) st.scriptName = inv.arg0;
    st.options = inv.options;
    st.positional = inv.args;
    if (inv.error) st.deferredError = { message: `${inv.error}\n`, code: 2 };
    else if (inv.mode === 'command') st.sources[0] = inv.script;
    else if (inv.mode === 'file') {
      st.entry = 'file';
      st.scriptPath = inv.script;
    } else {
      st.entry = 'stdin';
    }
    return st;
  },
  step: stepShell,
  /** A trap is set (an empty one ignores the signal). KILL and STOP cannot be caught. */
  handlesSignal(state, signal) {
    return signal !== 'SIGKILL' && signal !== 'SIGSTOP' && state.traps[signal] !== undefined;
  },
  cmdline(state) {
    return state.cmdline;
  },
};
