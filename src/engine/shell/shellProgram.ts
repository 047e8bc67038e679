import type { ProgramDefinition } from '../os/types';
import { stepShell } from './executor';
import { parseInvocation } from './invocation';
import { initialShellState, type ShellState } from './state';

/**
 * The POSIX shell as a program: `sh`, `/bin/sh`, `bash` or `ash` with `-c script [name [args...]]`, a script file,
 * or a script on stdin. Error messages follow dash (`sh: 1: foo: not found`), or bash when invoked as bash.
 */
export const shellProgram: ProgramDefinition<ShellState> = {
  start(argv, env, cwd) {
    const inv = parseInvocation(argv);
    const st = initialShellState(inv.arg0, argv[0] ?? 'sh', env, cwd, argv.join(' '));
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
