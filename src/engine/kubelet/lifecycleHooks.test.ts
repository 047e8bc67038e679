import { describe, expect, it } from 'vitest';
import { describePod, execHookFailure } from './lifecycleHooks';

const POD = describePod('web', 'default', '0b5e');

describe('lifecycle hook failure messages (pkg/kubelet/lifecycle/handlers.go)', () => {
  it('formats the pod as name_namespace(uid)', () => {
    expect(POD).toBe('web_default(0b5e)');
  });

  it('a successful exec hook has no message', () => {
    expect(
      execHookFailure(['true'], 'app', POD, { kind: 'exited', exitCode: 0, stdout: '', stderr: '' }),
    ).toBeUndefined();
  });

  it('a non-zero exit: the stderr in the error, stdout and stderr quoted in the message', () => {
    expect(
      execHookFailure(['sh', '-c', 'echo out; echo err >&2; exit 4'], 'app', POD, {
        kind: 'exited',
        exitCode: 4,
        stdout: 'out\n',
        stderr: 'err\n',
      }),
    ).toBe(
      `Exec lifecycle hook ([sh -c echo out; echo err >&2; exit 4]) for Container "app" in Pod "web_default(0b5e)" failed - error: command 'sh -c echo out; echo err >&2; exit 4' exited with 4: err\n, message: "out\\nerr\\n"`,
    );
  });

  it('a command the runtime cannot start: its error, an empty message', () => {
    expect(
      execHookFailure(['nope'], 'app', POD, { kind: 'error', error: 'rpc error: code = Unknown desc = boom' }),
    ).toBe(
      'Exec lifecycle hook ([nope]) for Container "app" in Pod "web_default(0b5e)" failed - error: rpc error: code = Unknown desc = boom, message: ""',
    );
  });
});
