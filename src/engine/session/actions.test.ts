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
      'usage: kubeplay node add NAME [--cpu N] [--memory QUANTITY] [--control-plane]\n' +
        '       kubeplay node fail|recover|remove NAME\n' +
        '       kubeplay node pressure NAME MEMORY\n' +
        `usage: kubeplay machine add NAME [--cpu N] [--memory QUANTITY]\n${LOAD_USAGE}` +
        'usage: kubeplay pod kill POD [-c CONTAINER] [-n NAMESPACE]\n' +
        'usage: kubeplay probe fail|heal POD liveness|readiness|startup [-c CONTAINER] [-n NAMESPACE]\n',
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

describe('kubeplay node fail|recover|remove', () => {
  it('needs exactly a node name, one that exists', () => {
    const s = Session.create();
    const usage = s.action(['scale', 'web']).stderr.split('usage: kubeplay machine')[0];
    expect(s.action(['node', 'fail']).stderr).toBe(usage);
    expect(s.action(['node', 'recover', 'worker1', '--now']).stderr).toBe(usage);
    expect(s.action(['node', 'remove', 'worker9']).stderr).toBe('kubeplay: node "worker9" not found\n');
  });

  it('runs as script lines', () => {
    const script = 'kubeplay node fail worker3\nsleep 60\nkubectl get nodes\nkubeplay node recover worker3\n';
    expect(runScript(script, { seed: 1 }).transcript).toContain(
      '$ kubeplay node fail worker3\nnode/worker3 is down: its kubelet stopped and its containers are gone\n' +
        '$ sleep 60\n$ kubectl get nodes\nNAME      STATUS     ROLES           AGE   VERSION\n' +
        'master1   Ready      control-plane   60s   v1.34.1\nworker1   Ready      <none>          60s   v1.34.1\n' +
        'worker2   Ready      <none>          60s   v1.34.1\nworker3   NotReady   <none>          60s   v1.34.1\n' +
        '$ kubeplay node recover worker3\nnode/worker3 is up again: its kubelet restarted\n',
    );
  });
});
