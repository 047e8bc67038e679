import { describe, expect, it } from 'vitest';
import type { FakeCluster } from '../testing/fakeCluster';
import { at, createSeededCluster, webPod } from '../testing/fixtures';

/** The seeded cluster plus a Deployment `web` selecting `web` and a twin pod `web-2` that restarted once. */
function withDeployment(): FakeCluster {
  const c = createSeededCluster();
  const second = webPod('web-2', { app: 'web' });
  (second.status as { containerStatuses: { restartCount: number }[] }).containerStatuses[0]!.restartCount = 1;
  c.api.seed(second);
  c.api.seed({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', creationTimestamp: at(2900) },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: {} },
  });
  c.api.seed({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' } });
  c.logsByContainer['default/web/nginx'] = 'from web\n';
  c.logsByContainer['default/web-2/nginx'] = 'from web-2\n';
  return c;
}

describe('kubectl logs of a workload or a selector', () => {
  it('picks the most restarted of equally ready pods (ByLogging), and says so', () => {
    expect(withDeployment().run('logs deploy/web')).toEqual({
      stdout: 'from web-2\n',
      stderr: 'Found 2 pods, using pod/web-2\n',
      exitCode: 0,
    });
  });

  it('reads every selected pod, the last 10 lines unless --tail says otherwise', () => {
    const c = withDeployment();
    expect(c.run('logs -l app=web')).toEqual({ stdout: 'from web\nfrom web-2\n', stderr: '', exitCode: 0 });
    expect(c.logCalls.map((o) => o.tail)).toEqual([10, 10]);
    expect(c.run('logs -l app=web --prefix --tail=-1').stdout).toBe(
      '[pod/web/nginx] from web\n[pod/web-2/nginx] from web-2\n',
    );
    expect(c.logCalls.slice(2).map((o) => o.tail)).toEqual([undefined, undefined]);
    expect(c.run('logs -l app=none')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
  });

  it('names objects that select no pods as kubectl does', () => {
    const c = withDeployment();
    expect(c.run('logs cm/cfg').stderr).toBe(
      'error: cannot get the logs from *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n',
    );
    expect(c.run('logs deploy/nope').stderr).toBe(
      'error: error from server (NotFound): deployments.apps "nope" not found in namespace "default"\n',
    );
    expect(c.run('logs web web-2 nginx').stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    );
    expect(c.run('logs web -l app=web').stderr).toBe(
      "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n",
    );
    expect(c.run('logs web --tail=-2').stderr).toBe('error: --tail must be greater than or equal to -1\n');
  });

  it('reads all containers, init containers first, with --all-containers', () => {
    const c = createSeededCluster();
    const pod = webPod('multi');
    const spec = pod.spec as { containers: unknown[]; initContainers?: unknown[] };
    spec.containers.push({ name: 'sidecar', image: 'busybox' });
    spec.initContainers = [{ name: 'setup', image: 'busybox' }];
    c.api.seed(pod);
    c.logsByContainer['default/multi/setup'] = 'init done\n';
    c.logsByContainer['default/multi/nginx'] = 'serving\n';
    c.logsByContainer['default/multi/sidecar'] = 'watching\n';
    expect(c.run('logs multi --all-containers --prefix')).toEqual({
      stdout: '[pod/multi/setup] init done\n[pod/multi/nginx] serving\n[pod/multi/sidecar] watching\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('logs multi')).toEqual({
      stdout: 'serving\n',
      stderr: 'Defaulted container "nginx" out of: nginx, sidecar, setup (init)\n',
      exitCode: 0,
    });
    expect(c.run('logs multi -c nginx --all-containers').stderr).toBe(
      'error: --all-containers=true should not be specified with container name nginx\n',
    );
  });
});

describe('kubectl exec into a workload', () => {
  it('runs in the least restarted of equally ready pods (ActivePods, reversed)', () => {
    const c = withDeployment();
    c.execHandler = (_ns, pod, container, argv) => ({
      ok: true,
      value: { stdout: `${pod}/${container}: ${argv.join(' ')}\n`, stderr: '', exitCode: 0 },
    });
    expect(c.run('exec deploy/web -- hostname')).toEqual({ stdout: 'web/nginx: hostname\n', stderr: '', exitCode: 0 });
    expect(c.run('exec svc/none -- hostname').stderr).toBe('Error from server (NotFound): services "none" not found\n');
    expect(c.run('exec -- hostname').stderr).toBe('error: pod, type/name or --filename must be specified\n');
  });
});
