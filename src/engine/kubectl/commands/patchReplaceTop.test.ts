import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../../api/types';
import { createSeededCluster } from '../testing/fixtures';
import { FakeApi } from '../testing/fakeCluster';
import { deployment } from '../testing/workloadFixtures';

function cluster(files: Record<string, string> = {}) {
  const c = createSeededCluster(files);
  c.api.seed(deployment('web'));
  return c;
}

const replicas = (c: ReturnType<typeof cluster>) =>
  (c.api.objects['deployments.apps/default/web']?.spec as { replicas: number }).replicas;

describe('kubectl patch', () => {
  it('sends strategic, merge and JSON patches and says when nothing changed', () => {
    const c = cluster();
    expect(c.run(`patch deploy web -p '{"spec":{"replicas":5}}'`)).toEqual({
      stdout: 'deployment.apps/web patched\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.api.patches.at(-1)).toEqual({ type: 'strategic', patch: { spec: { replicas: 5 } } });
    expect(c.run(`patch deploy web -p 'spec: {replicas: 5}'`).stdout).toBe('deployment.apps/web patched (no change)\n');
    expect(c.run(`patch deploy/web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'`).stdout).toBe(
      'deployment.apps/web patched\n',
    );
    expect(replicas(c)).toBe(2);
    expect(c.run(`patch deploy web --type merge -p '{"metadata":{"labels":{"tier":"fe"}}}' --record`).stdout).toBe(
      'deployment.apps/web patched\n',
    );
    expect(c.api.objects['deployments.apps/default/web']?.metadata.annotations).toEqual({
      'kubernetes.io/change-cause': `kubectl patch deploy web --type=merge --patch={"metadata":{"labels":{"tier":"fe"}}} --record=true`,
    });
    expect(
      c.run(`patch deploy web -p '{"spec":{"replicas":7}}' --dry-run=client -o jsonpath={.spec.replicas}`).stdout,
    ).toBe('7');
    expect(replicas(c)).toBe(2);
  });

  it('reads the patch from a file and checks its arguments', () => {
    const c = cluster({ 'scale.yaml': 'spec:\n  replicas: 4\n' });
    expect(c.run('patch deploy web --patch-file=scale.yaml').stdout).toBe('deployment.apps/web patched\n');
    expect(replicas(c)).toBe(4);
    expect(c.run('patch deploy web').stderr).toBe(
      'error: must specify --patch or --patch-file containing the contents of the patch\n',
    );
    expect(c.run(`patch deploy web -p '{}' --patch-file=scale.yaml`).stderr).toBe(
      'error: cannot specify --patch and --patch-file together\n',
    );
    expect(c.run(`patch deploy web --type=xml -p '{}'`).stderr).toBe(
      'error: --type must be one of [json merge strategic], not "xml"\n',
    );
    expect(c.run(`patch deploy nope -p '{}'`).stderr).toBe(
      'Error from server (NotFound): deployments.apps "nope" not found\n',
    );
    expect(c.run(`patch deploy web --type=json -p '[{"op":"remove"}]'`).stderr).toBe(
      'Error from server (BadRequest): operation missing path field: missing value\n',
    );
  });
});

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata: {labels: {app: web}}',
  '    spec: {containers: [{name: nginx, image: nginx:1.26}]}',
  '',
].join('\n');

describe('kubectl replace', () => {
  it('replaces an existing object with the file’s, keeping its resourceVersion', () => {
    const c = cluster({ 'web.yaml': MANIFEST });
    expect(c.run('replace -f web.yaml')).toEqual({ stdout: 'deployment.apps/web replaced\n', stderr: '', exitCode: 0 });
    expect(replicas(c)).toBe(2);
    expect(c.run('replace -f web.yaml --dry-run=client -o name').stdout).toBe('deployment.apps/web\n');
    expect(c.run('replace -f - ', MANIFEST.replace('name: web', 'name: other')).stderr).toBe(
      'Error from server (NotFound): error when replacing "STDIN": deployments.apps "other" not found\n',
    );
    expect(c.run('replace deploy web').stderr).toBe('error: must specify --filename to replace\n');
    expect(c.run('replace -f web.yaml --grace-period=1').stderr).toBe(
      'error: --grace-period must have --force specified\n',
    );
  });

  it('deletes, waits and creates again with --force', () => {
    const c = cluster({ 'web.yaml': MANIFEST });
    const uid = c.api.objects['deployments.apps/default/web']?.metadata.uid;
    c.api.graceful.push('deployments.apps/default/web');
    let ticks = 0;
    c.onTick = () => {
      if (++ticks === 2) delete c.api.objects['deployments.apps/default/web'];
    };
    expect(c.run('replace --force -f web.yaml')).toEqual({
      stdout: 'deployment.apps "web" deleted from default namespace\ndeployment.apps/web replaced\n',
      stderr: '',
      exitCode: 0,
    });
    expect(ticks).toBe(2);
    expect(c.api.objects['deployments.apps/default/web']?.metadata.uid).not.toBe(uid);
    expect(c.run('replace --force -f -', MANIFEST.replace('name: web', 'name: fresh')).stdout).toBe(
      'deployment.apps/fresh replaced\n',
    );
  });
});

describe('kubectl delete --cascade', () => {
  it('sends the propagation policy, accepting the legacy booleans with a warning', () => {
    const c = cluster();
    const policy = (line: string) => {
      c.api.seed(deployment('web'));
      const result = c.run(line);
      return { ...result, policy: c.api.deletions.at(-1)?.options.propagationPolicy };
    };
    expect(policy('delete deploy web --cascade=orphan')).toEqual({
      stdout: 'deployment.apps "web" deleted from default namespace\n',
      stderr: '',
      exitCode: 0,
      policy: 'Orphan',
    });
    expect(policy('delete deploy web --cascade=foreground').policy).toBe('Foreground');
    expect(policy('delete deploy web --cascade').policy).toBe('Background');
    expect(policy('delete deploy web --cascade=true')).toMatchObject({
      stderr: 'warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n',
      policy: 'Background',
    });
    expect(policy('delete deploy web --cascade=sometimes').stderr).toBe(
      'error: invalid cascade value (sometimes). Must be "background", "foreground", or "orphan".\n',
    );
  });
});

const METRICS = 'metrics.k8s.io';

/** A FakeApi that also serves metrics.k8s.io, as a cluster with a metrics-server would. */
class MetricsApi extends FakeApi {
  readonly metricsResources: ResourceType[] = ['pods', 'nodes'].map((plural) => ({
    group: METRICS,
    version: 'v1beta1',
    kind: plural === 'pods' ? 'PodMetrics' : 'NodeMetrics',
    plural,
    singular: plural.slice(0, -1),
    shortNames: [],
    namespaced: plural === 'pods',
    verbs: ['get', 'list'],
    categories: [],
  }));
  override resolveResource(typed: string): ResourceType | undefined {
    return this.metricsResources.find((r) => `${r.plural}.${METRICS}` === typed) ?? super.resolveResource(typed);
  }
  override resourceFor(apiVersion: string, kind: string): ResourceType | undefined {
    return this.metricsResources.find((r) => r.kind === kind) ?? super.resourceFor(apiVersion, kind);
  }
}

describe('kubectl top', () => {
  it('reports that the Metrics API is not available without a metrics-server', () => {
    const c = cluster();
    expect(c.run('top pods')).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 });
    expect(c.run('top node').stderr).toBe('error: Metrics API not available\n');
  });

  it('prints pod and node usage read from metrics.k8s.io', () => {
    const c = cluster();
    const api = new MetricsApi();
    Object.assign(api, { clock: c.api.clock });
    for (const object of Object.values(c.api.objects)) api.seed(object);
    c.api = api;
    const usage = (cpu: string, memory: string) => ({ cpu, memory });
    api.seed({
      apiVersion: `${METRICS}/v1beta1`,
      kind: 'PodMetrics',
      metadata: { name: 'web', namespace: 'default' },
      containers: [{ name: 'nginx', usage: usage('3m', '7Mi') }],
    });
    api.seed({
      apiVersion: `${METRICS}/v1beta1`,
      kind: 'PodMetrics',
      metadata: { name: 'liveness-exec', namespace: 'default' },
      containers: [{ name: 'liveness', usage: usage('250m', '20480Ki') }],
    });
    api.seed({
      apiVersion: `${METRICS}/v1beta1`,
      kind: 'NodeMetrics',
      metadata: { name: 'worker1' },
      usage: usage('500m', '1024Mi'),
    });
    expect(c.run('top pods --sort-by=cpu').stdout).toBe(
      // Every cell is tab-terminated, so the last column is padded too.
      'NAME            CPU(cores)   MEMORY(bytes)   \nliveness-exec   250m         20Mi            \nweb             3m           7Mi             \n',
    );
    expect(c.run('top pod web --containers').stdout).toBe(
      'POD   NAME    CPU(cores)   MEMORY(bytes)   \nweb   nginx   3m           7Mi             \n',
    );
    expect(c.run('top nodes').stdout).toBe(
      // Nodes without metrics get a line of <unknown>s (printMissingMetricsNodeLine).
      'NAME      CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \n' +
        'worker1   500m         25%         1024Mi          26%         \n' +
        'master    <unknown>    <unknown>   <unknown>       <unknown>   \n',
    );
  });
});
