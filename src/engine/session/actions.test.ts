import { describe, expect, it } from 'vitest';
import { runScript } from '../script';
import { Session } from './session';

const LOAD_USAGE = 'usage: kubeplay load service/NAME RATE [-n NAMESPACE]\n';

function withService(namespace = 'default'): Session {
  const s = Session.create();
  if (namespace !== 'default') s.kubectl(`create namespace ${namespace}`);
  s.kubectl(
    'apply -f -',
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: ${namespace}\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n`,
  );
  return s;
}

describe('kubeplay load', () => {
  it('sets and stops the load on a Service', () => {
    const s = withService('prod');
    expect(s.action(['load', 'svc/web', '12.5', '-n', 'prod'])).toEqual({
      stdout: 'load on service/web: 12.5 requests/s from outside the cluster, spread over 0 ready endpoints\n',
      stderr: '',
      exitCode: 0,
    });
    expect(s.cluster.state.metrics.loads).toEqual({ 'prod/web': 12.5 });
    expect(s.action(['load', 'service/web', '0', '--namespace=prod']).stdout).toBe('load on service/web stopped\n');
    expect(s.cluster.state.metrics.loads).toEqual({});
  });

  it('explains what it needs', () => {
    const s = withService();
    const stderr = (...args: string[]) => s.action(['load', ...args]).stderr;
    expect(stderr()).toBe(LOAD_USAGE);
    expect(stderr('deploy/web', '10')).toBe(
      `kubeplay: load goes to a Service, written service/NAME, not "deploy/web"\n${LOAD_USAGE}`,
    );
    expect(stderr('service/web', 'lots')).toBe(
      'kubeplay: invalid rate "lots": requests per second, a number of at least 0\n',
    );
    expect(stderr('service/web', '-3')).toBe(
      'kubeplay: invalid rate "-3": requests per second, a number of at least 0\n',
    );
    expect(stderr('service/api', '10')).toBe('kubeplay: service "api" not found in namespace "default"\n');
    expect(stderr('service/web', '10', '--rps')).toBe(`kubeplay: unknown flag --rps\n${LOAD_USAGE}`);
    expect(s.action(['scale', 'web']).stderr).toBe(
      `usage: kubeplay node add NAME [--cpu N] [--memory QUANTITY] [--control-plane]\n${LOAD_USAGE}`,
    );
  });

  it('runs as a script line', () => {
    const script = `kubectl create deployment web --image=nginx --port=80
kubectl expose deployment web --port=80
sleep 20
kubeplay load service/web 50
`;
    expect(runScript(script, { seed: 1 }).transcript).toContain(
      '$ kubeplay load service/web 50\nload on service/web: 50 requests/s from outside the cluster, spread over 1 ready endpoint\n',
    );
  });
});
