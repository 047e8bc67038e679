import { describe, expect, it } from 'vitest';
import { Session } from '../../engine';
import { inspectCluster } from '../../engine/playback/inspect';
import { inspectorCommand, inspectorTabs } from './inspectorCommands';

describe('inspector commands', () => {
  const pod = { kind: 'Pod', namespace: 'default', name: 'solo', uid: 'u' };

  it('name the object as kubectl does', () => {
    expect(inspectorCommand('describe', pod)).toBe('kubectl describe pod/solo -n default');
    expect(inspectorCommand('logs', pod, { container: 'app', previous: true })).toBe(
      'kubectl logs pod/solo -n default -c app --previous',
    );
    expect(inspectorCommand('yaml', { kind: 'Node', name: 'worker1', uid: 'n' })).toBe(
      'kubectl get node/worker1 -o yaml',
    );
    expect(inspectorTabs('Deployment')).toEqual(['describe', 'yaml', 'events']);
  });

  it('are commands the engine answers', () => {
    const session = Session.create({ seed: 1 }, { kubectlStartupMs: 0 });
    session.kubectl('run solo --image=nginx');
    session.advance(10_000);
    for (const tab of ['describe', 'yaml', 'events', 'logs'] as const) {
      const result = inspectCluster(session, inspectorCommand(tab, pod));
      expect(result.exitCode, `${tab}: ${result.stderr}`).toBe(0);
    }
    expect(inspectCluster(session, inspectorCommand('events', pod)).stdout).toMatch(
      /Started\s+Pod\/solo\s+Started container solo/,
    );
  });
});
