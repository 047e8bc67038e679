import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';

describe('kubectl against the simulated cluster', () => {
  it('runs a throwaway pod attached, prints its output and removes it', () => {
    const c = new TestCluster();
    expect(c.kubectl('run tmp --rm -i --image=busybox --restart=Never -- echo hello from tmp')).toEqual({
      stdout: 'hello from tmp\npod "tmp" deleted from default namespace\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.pod('tmp')).toBeUndefined();
    const failed = c.kubectl('run fail -i --image=busybox --restart=Never -- sh -c "echo bye; exit 3"');
    expect(failed).toEqual({ stdout: 'bye\n', stderr: 'pod default/fail terminated (Error)\n', exitCode: 3 });
  });

  it('reads logs by selector and passes on exec exit codes', () => {
    const c = new TestCluster();
    c.kubectl('run one --image=busybox --labels=app=demo -- sh -c "echo one; sleep 3600"');
    c.kubectl('run two --image=busybox --labels=app=demo -- sh -c "echo two; sleep 3600"');
    c.waitFor(() => c.pods().every((p) => p.status?.phase === 'Running'));
    expect(c.kubectl('logs -l app=demo --prefix')).toEqual({
      stdout: '[pod/one/one] one\n[pod/two/two] two\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.kubectl('exec one -- sh -c "exit 7"')).toEqual({
      stdout: '',
      stderr: 'command terminated with exit code 7\n',
      exitCode: 7,
    });
    expect(c.kubectl('exec one -c nope -- true').stderr).toBe(
      'Error from server (BadRequest): container nope is not valid for pod one\n',
    );
  });
});
