import { describe, expect, it } from 'vitest';
import { Session } from '../session/session';
import { inspectCluster } from './inspect';

describe('inspectCluster', () => {
  it('reads without letting time pass', () => {
    const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
    session.kubectl('run solo --image=nginx');
    session.advance(10_000);
    const before = session.cluster.now();
    const pods = inspectCluster(session, 'kubectl get pods');
    expect(pods.stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE\nsolo   1/1     Running   0          10s\n');
    expect(inspectCluster(session, 'logs solo').exitCode).toBe(0);
    expect(session.cluster.now()).toBe(before);
  });

  it('refuses anything that changes the cluster or streams', () => {
    const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
    for (const command of ['delete pod solo', 'get pods -w', 'logs -f solo', 'run x --image=nginx'])
      expect(inspectCluster(session, command)).toEqual({
        stdout: '',
        stderr: `inspect: only one-shot reads are allowed, not "${command}"\n`,
        exitCode: 1,
      });
  });
});
