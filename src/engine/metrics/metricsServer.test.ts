import { describe, expect, it } from 'vitest';
import { Session } from '../session/session';
import { DEFAULT_START_TIME } from '../runtime/time';
import { MetricsApi, type PodUsage, type UsageSource } from './metricsApi';
import { NODE_METRICS, POD_METRICS } from './metricsResources';
import { resolveResourceName } from '../api/resources';

const PODS = resolveResourceName('pods')!;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    resources:
      limits:
        cpu: 5m
`;

/** A pod behind a Service, the clock at 09:00:00. */
function session(): Session {
  const s = Session.create();
  s.kubectl('apply -f -', POD);
  s.kubectl('expose pod web --port=80');
  return s;
}

/** The worker the scheduler put the pod on. */
const nodeOfWeb = (s: Session) =>
  (s.cluster.api.find(PODS, 'default', 'web')?.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
const at = (s: Session) => (s.cluster.now() - DEFAULT_START_TIME) / 1000;
const podCpu = (s: Session) => {
  const got = s.cluster.api.get(POD_METRICS, 'default', 'web');
  return got.ok ? (got.value.containers as { usage: { cpu: string } }[])[0]!.usage.cpu : undefined;
};

describe('metrics-server', () => {
  it('reports a pod from its second scrape after it started, every 15 s', () => {
    const s = session();
    s.advance(29_000);
    expect(s.cluster.api.get(POD_METRICS, 'default', 'web')).toMatchObject({
      ok: false,
      error: { code: 404, message: 'podmetrics.metrics.k8s.io "default/web" not found' },
    });
    s.advance(1000);
    expect(s.cluster.api.get(POD_METRICS, 'default', 'web')).toEqual({
      ok: true,
      value: {
        kind: 'PodMetrics',
        apiVersion: 'metrics.k8s.io/v1beta1',
        metadata: {
          name: 'web',
          namespace: 'default',
          creationTimestamp: '2026-01-05T09:00:30Z',
          labels: { app: 'web' },
        },
        timestamp: '2026-01-05T09:00:30Z',
        window: '15s',
        containers: [{ name: 'nginx', usage: { cpu: '0', memory: '3Mi' } }],
      },
    });
  });

  it('turns the HTTP requests a container served into CPU', () => {
    const s = session();
    s.advance(31_000);
    const ip = s.kubectl('get pod web -o jsonpath={.status.podIP}').stdout;
    s.shell(`for i in $(seq 150); do wget -q -O- http://${ip} >/dev/null; done`);
    expect(at(s)).toBeLessThan(45);
    s.advance((45 - at(s)) * 1000);
    // 150 requests × 0.1 ms of nginx CPU in a 15 s window.
    expect(podCpu(s)).toBe('1m');
    s.advance(15_000);
    expect(podCpu(s)).toBe('0');
  });

  it('spreads a synthetic load over the ready endpoints, up to the CPU limit', () => {
    const s = session();
    s.advance(30_000);
    s.action(['load', 'service/web', '30']);
    s.advance(30_000);
    expect(podCpu(s)).toBe('3m');
    s.action(['load', 'service/web', '100']);
    s.advance(30_000);
    expect(podCpu(s)).toBe('5m');
    expect(s.cluster.state.metrics.loads).toEqual({ 'default/web': 100 });
  });

  it("shares a node's allocatable CPU among containers that ask for more", () => {
    const s = Session.create();
    s.kubectl(
      'apply -f -',
      POD.replace('image: nginx', 'image: registry.k8s.io/hpa-example').replace(/ {4}resources:\n.*\n.*\n/, ''),
    );
    s.kubectl('expose pod web --port=80');
    s.advance(30_000);
    // 1000 requests/s at 5 ms each ask for 5 cores of a 4-core worker.
    s.action(['load', 'service/web', '1000']);
    s.advance(30_000);
    expect(podCpu(s)).toBe('4');
    expect(s.cluster.state.metrics.saturated).toEqual({ [nodeOfWeb(s)]: 4 / 5.001 });
  });

  it('reports nodes from the second scrape: the node daemons plus their pods', () => {
    const s = session();
    s.advance(15_000);
    expect(s.cluster.api.list(NODE_METRICS, undefined)).toEqual({ ok: true, value: [] });
    s.action(['load', 'service/web', '30']);
    s.advance(30_000);
    const usage = (node: string) => {
      const got = s.cluster.api.get(NODE_METRICS, undefined, node);
      return got.ok ? got.value.usage : undefined;
    };
    const idle = ['worker1', 'worker2', 'worker3'].find((node) => node !== nodeOfWeb(s))!;
    expect([usage('master1'), usage(idle), usage(nodeOfWeb(s))]).toEqual([
      { cpu: '120m', memory: '1350Mi' },
      { cpu: '25m', memory: '420Mi' },
      { cpu: '28m', memory: '423Mi' },
    ]);
  });
});

describe('the metrics API', () => {
  const usage = (name: string, app: string): PodUsage => ({
    namespace: 'default',
    name,
    labels: { app },
    timestamp: DEFAULT_START_TIME,
    windowMs: 14_500,
    containers: [{ name: 'c', cpuNanocores: 1_234_567, memoryBytes: 2_625_536 }],
  });
  const pods = [usage('a', 'web'), usage('b', 'db')];
  const source: UsageSource = {
    pods: (_namespace, select) => pods.filter((p) => select(p.labels)),
    pod: (_namespace, name) => pods.find((p) => p.name === name),
    nodes: () => [],
    node: () => undefined,
  };
  const api = new MetricsApi(source, { now: () => DEFAULT_START_TIME + 1000 });

  it('filters by labels and by metadata fields, and rejects a bad selector', () => {
    const names = (options: { labelSelector?: string; fieldSelector?: string }) => {
      const listed = api.list(POD_METRICS, 'default', options);
      return listed.ok ? listed.value.map((o) => o.metadata.name) : listed.error.message;
    };
    expect(names({})).toEqual(['a', 'b']);
    expect(names({ labelSelector: 'app=db' })).toEqual(['b']);
    expect(names({ fieldSelector: 'metadata.name!=b' })).toEqual(['a']);
    expect(names({ labelSelector: 'app in (' })).toBe(
      "unable to parse requirement: found '', expected: ',', ')' or identifier",
    );
  });

  it('writes CPU in nanocores, memory in Ki, and the window as a Go duration', () => {
    const got = api.get(POD_METRICS, 'default', 'a');
    expect(got.ok && [got.value.window, got.value.containers]).toEqual([
      '14.5s',
      [{ name: 'c', usage: { cpu: '1234567n', memory: '2564Ki' } }],
    ]);
  });
});
