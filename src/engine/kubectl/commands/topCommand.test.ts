import { describe, expect, it } from 'vitest';
import { Session } from '../../session/session';

function pod(name: string, namespace: string, app: string, image: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
  labels:
    app: ${app}
spec:
  containers:
  - name: main
    image: ${image}${extra}
`;
}

const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n';

/**
 * Two nginx pods behind Service `web` with 300 requests/s on it (15m each), a pod with a sleeping busybox and an
 * nginx sidecar, and an httpd pod in `prod`: a minute in, metrics-server has scraped them all.
 */
function loadedCluster(): Session {
  const s = Session.create();
  s.kubectl('create namespace prod');
  const tool = pod(
    'tool',
    'default',
    'tool',
    'busybox',
    '\n    command: ["sleep", "3600"]\n  - name: sidecar\n    image: nginx',
  );
  s.kubectl(
    'apply -f -',
    [
      pod('web-a', 'default', 'web', 'nginx'),
      pod('web-b', 'default', 'web', 'nginx'),
      tool,
      pod('api', 'prod', 'api', 'httpd'),
      SERVICE,
    ].join('---\n'),
  );
  s.advance(30_000);
  s.action(['load', 'service/web', '300']);
  s.advance(30_000);
  return s;
}

const out = (s: Session, command: string) => {
  const result = s.kubectl(command);
  return result.stdout + result.stderr;
};

describe('kubectl top (metrics-server preinstalled)', () => {
  it('says metrics are not available yet while pods are new', () => {
    const s = Session.create();
    s.kubectl('apply -f -', pod('web-a', 'default', 'web', 'nginx'));
    expect(s.kubectl('top pods')).toEqual({ stdout: '', stderr: 'error: metrics not available yet\n', exitCode: 1 });
    expect(out(s, 'top pod web-a')).toBe(
      'Error from server (NotFound): podmetrics.metrics.k8s.io "default/web-a" not found\n',
    );
    expect(out(s, 'top nodes')).toBe('error: metrics not available yet\n');
    expect(out(s, 'top pods -n prod')).toBe('No resources found in prod namespace.\n');
  });

  it('names a pod that has been without metrics for over 2 minutes', () => {
    const s = Session.create();
    s.kubectl(
      'apply -f -',
      pod('stuck', 'default', 'stuck', 'nginx', '\n    resources:\n      requests:\n        cpu: "100"'),
    );
    s.advance(150_000);
    expect(out(s, 'top pods -l app=stuck')).toBe('error: Metrics not available for pod default/stuck, age: 2m30.2s\n');
  });

  it('prints pods, their containers, all namespaces, sorted and summed, every cell tab-terminated', () => {
    const s = loadedCluster();
    expect(out(s, 'top pods')).toBe(
      'NAME    CPU(cores)   MEMORY(bytes)   \n' +
        'tool    0m           3Mi             \n' +
        'web-a   15m          3Mi             \n' +
        'web-b   15m          3Mi             \n',
    );
    expect(out(s, 'top pods --containers')).toBe(
      'POD     NAME      CPU(cores)   MEMORY(bytes)   \n' +
        'tool    main      0m           0Mi             \n' +
        'tool    sidecar   0m           3Mi             \n' +
        'web-a   main      15m          3Mi             \n' +
        'web-b   main      15m          3Mi             \n',
    );
    expect(out(s, 'top pods -A --no-headers')).toBe(
      'default   tool    0m    3Mi   \n' +
        'default   web-a   15m   3Mi   \n' +
        'default   web-b   15m   3Mi   \n' +
        'prod      api     0m    6Mi   \n',
    );
    expect(out(s, 'top pods -l app=web --sort-by=cpu --sum')).toBe(
      'NAME    CPU(cores)   MEMORY(bytes)   \n' +
        'web-a   15m          3Mi             \n' +
        'web-b   15m          3Mi             \n' +
        '        ________     ________        \n' +
        '        30m          6Mi             \n',
    );
    expect(out(s, 'top pods --sort-by=name')).toBe('error: --sort-by accepts only cpu or memory\n');
  });

  it('prints nodes with their share of allocatable CPU and memory', () => {
    const s = loadedCluster();
    expect(out(s, 'top nodes --sort-by=cpu')).toBe(
      'NAME      CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \n' +
        'master1   120m         6%       1350Mi          32%         \n' +
        'worker1   40m          1%       429Mi           5%          \n' +
        'worker2   40m          1%       423Mi           5%          \n' +
        'worker3   25m          0%       423Mi           5%          \n',
    );
    expect(out(s, 'top node worker1')).toBe(
      'NAME      CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \n' +
        'worker1   40m          1%       429Mi           5%          \n',
    );
    expect(out(s, 'top node nope')).toBe('Error from server (NotFound): nodemetrics.metrics.k8s.io "nope" not found\n');
  });
});
