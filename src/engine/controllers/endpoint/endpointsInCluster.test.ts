import { describe, expect, it } from 'vitest';
import { TestCluster } from '../../testing/testCluster';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';

const ENDPOINTS = resolveResourceName('endpoints')!;
const SLICES = resolveResourceName('endpointslices')!;

interface Subset {
  addresses?: { ip: string; hostname?: string; targetRef: { name: string } }[];
  notReadyAddresses?: { ip: string; targetRef: { name: string } }[];
  ports?: { name?: string; port: number; protocol: string }[];
}

interface Slice extends KubeObject {
  endpoints: { addresses: string[]; conditions: Record<string, boolean>; targetRef: { name: string } }[] | null;
  ports: { name: string; port: number }[] | null;
}

/** Pods that are Ready while /tmp/ready exists (readiness probe every second). */
const READY_FILE_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      terminationGracePeriodSeconds: 30
      containers:
      - name: app
        image: busybox:1.36
        command: ['sh', '-c', 'touch /tmp/ready; sleep 3600']
        ports:
        - name: http
          containerPort: 8080
        readinessProbe:
          exec:
            command: ['cat', '/tmp/ready']
          periodSeconds: 1
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    tier: front
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: http
`;

function subsets(t: TestCluster, name = 'web'): Subset[] {
  return (t.cluster.api.find(ENDPOINTS, 'default', name)?.subsets ?? []) as Subset[];
}

function slices(t: TestCluster, service = 'web'): Slice[] {
  return (t.cluster.api.all(SLICES, 'default') as Slice[]).filter(
    (s) => s.metadata.labels?.['kubernetes.io/service-name'] === service,
  );
}

function podNames(t: TestCluster): string[] {
  return t
    .pods()
    .map((p) => p.metadata.name)
    .sort();
}

describe('Endpoints and EndpointSlices of a Service (endpoints_controller.go, endpointslice reconciler)', () => {
  it('lists Ready pods under addresses with the named target port resolved', () => {
    const t = new TestCluster();
    t.apply(READY_FILE_DEPLOYMENT);
    t.apply(SERVICE);
    t.advance(20);
    const [subset] = subsets(t);
    expect(subset?.addresses?.map((a) => a.targetRef.name).sort()).toEqual(podNames(t));
    expect(subset?.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const endpoints = t.cluster.api.find(ENDPOINTS, 'default', 'web')!;
    expect(endpoints.metadata.labels).toEqual({ tier: 'front' });
    expect(t.kubectl('get endpoints web').stderr).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );

    const [slice] = slices(t);
    expect(slice?.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
    expect(slice?.metadata.labels).toEqual({
      tier: 'front',
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Service', name: 'web', controller: true });
    expect(slice?.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(slice?.endpoints?.map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: true, serving: true, terminating: false },
    ]);
  });

  it('moves a pod that fails readiness to notReadyAddresses, and says why', () => {
    const t = new TestCluster();
    t.apply(READY_FILE_DEPLOYMENT);
    t.apply(SERVICE);
    t.advance(20);
    const [failing, healthy] = podNames(t) as [string, string];
    t.kubectl(`exec ${failing} -- rm /tmp/ready`);
    t.advance(5);
    expect(subsets(t)).toEqual([
      expect.objectContaining({
        addresses: [expect.objectContaining({ targetRef: expect.objectContaining({ name: healthy }) })],
        notReadyAddresses: [expect.objectContaining({ targetRef: expect.objectContaining({ name: failing }) })],
      }),
    ]);
    const failingEndpoint = slices(t)[0]?.endpoints?.find((e) => e.targetRef.name === failing);
    expect(failingEndpoint?.conditions).toEqual({ ready: false, serving: false, terminating: false });
    const texts = t.cluster.decisions.about('Endpoints', 'default', 'web').map((d) => d.text);
    expect(texts).toContainEqual(
      expect.stringMatching(new RegExp(`^${failing} \\(\\S+\\) moved to notReadyAddresses: it is no longer Ready`)),
    );
  });

  it('drops a terminating pod from Endpoints; its slice keeps it as serving and terminating', () => {
    const t = new TestCluster();
    t.apply(READY_FILE_DEPLOYMENT);
    t.apply(SERVICE);
    t.advance(20);
    const [leaving] = podNames(t) as [string];
    t.kubectl(`delete pod ${leaving} --wait=false`);
    t.advance(0.5);
    const listed = subsets(t).flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])]);
    expect(listed.map((a) => a.targetRef.name)).not.toContain(leaving);
    const inSlice = slices(t)[0]?.endpoints?.find((e) => e.targetRef.name === leaving);
    expect(inSlice?.conditions).toEqual({ ready: false, serving: true, terminating: true });
    const texts = t.cluster.decisions.about('Endpoints', 'default', 'web').map((d) => d.text);
    expect(texts).toContainEqual(
      expect.stringMatching(new RegExp(`^${leaving} \\(\\S+\\) removed: the pod is terminating$`)),
    );
  });

  it('publishes not-ready pods as ready addresses when the Service asks to', () => {
    const t = new TestCluster();
    t.apply(READY_FILE_DEPLOYMENT);
    t.apply(SERVICE.replace('spec:\n', 'spec:\n  publishNotReadyAddresses: true\n'));
    t.advance(20);
    const [failing] = podNames(t) as [string];
    t.kubectl(`exec ${failing} -- rm /tmp/ready`);
    t.advance(5);
    expect(
      subsets(t)[0]
        ?.addresses?.map((a) => a.targetRef.name)
        .sort(),
    ).toEqual(podNames(t));
    expect(subsets(t)[0]?.notReadyAddresses).toBeUndefined();
    const endpoint = slices(t)[0]?.endpoints?.find((e) => e.targetRef.name === failing);
    expect(endpoint?.conditions).toEqual({ ready: true, serving: false, terminating: false });
  });

  it('keeps one empty placeholder slice and no subsets for a Service that selects nothing', () => {
    const t = new TestCluster();
    t.apply(SERVICE);
    t.advance(1);
    expect(subsets(t)).toEqual([]);
    // Kubernetes writes `endpoints: null` and `ports: null`; the playground's decoder drops nulls.
    expect(slices(t).map((s) => [s.endpoints ?? null, s.ports ?? null])).toEqual([[null, null]]);
    expect(t.kubectl('get endpointslices').stdout).toMatch(/^web-\w{5}\s+IPv4\s+<unset>\s+<unset>\s+\d+s$/m);
  });

  it('leaves a selectorless Service’s Endpoints to its user, and removes managed ones with their Service', () => {
    const t = new TestCluster();
    t.apply(`apiVersion: v1
kind: Service
metadata:
  name: external
spec:
  ports:
  - port: 5432
---
apiVersion: v1
kind: Endpoints
metadata:
  name: external
subsets:
- addresses:
  - ip: 192.168.56.99
  ports:
  - port: 5432
`);
    t.apply(SERVICE);
    t.advance(2);
    expect(subsets(t, 'external')[0]?.addresses?.[0]?.ip).toBe('192.168.56.99');
    expect(slices(t, 'external')).toEqual([]);
    t.kubectl('delete service web');
    t.advance(2);
    expect(t.cluster.api.find(ENDPOINTS, 'default', 'web')).toBeUndefined();
    expect(slices(t)).toEqual([]);
  });

  it('gives a StatefulSet pod its hostname under the headless Service it names', () => {
    const t = new TestCluster();
    t.apply(`apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 1
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`);
    t.advance(20);
    expect(subsets(t, 'nginx')[0]?.addresses?.[0]?.hostname).toBe('web-0');
    const slice = slices(t, 'nginx')[0]!;
    expect(slice.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect((slice.endpoints?.[0] as { hostname?: string } | undefined)?.hostname).toBe('web-0');
  });

  it('fills EndpointSlices up to 100 endpoints each', () => {
    const t = new TestCluster();
    t.apply(READY_FILE_DEPLOYMENT.replace('replicas: 2', 'replicas: 101').replace(/ {8}readinessProbe:[\s\S]*$/, ''));
    t.apply(SERVICE);
    t.advance(60);
    const sizes = slices(t)
      .map((s) => s.endpoints?.length ?? 0)
      .sort((a, b) => b - a);
    expect(sizes).toEqual([100, 1]);
  });
});
