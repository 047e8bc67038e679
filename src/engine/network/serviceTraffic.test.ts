import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { resolveResourceName } from '../api/resources';

const SERVICES = resolveResourceName('services')!;

const HELLO = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: 3
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
      - name: hello
        image: gcr.io/google-samples/hello-app:1.0
        ports:
        - containerPort: 8080
`;

function service(extra = ''): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: hello
spec:
  selector:
    app: hello
  ports:
  - port: 80
    targetPort: 8080
${extra}`;
}

/** Runs `curl -s URL` `times` times on the control-plane host and returns the Hostname lines it got. */
function hostnames(t: TestCluster, url: string, times: number): string[] {
  const out = t.session.shell(`for i in $(seq ${times}); do curl -s ${url}; done`).stdout;
  return [...out.matchAll(/^Hostname: (\S+)$/gm)].map((m) => m[1]!);
}

function clusterIP(t: TestCluster, name = 'hello'): string {
  return (t.cluster.api.find(SERVICES, 'default', name)!.spec as { clusterIP: string }).clusterIP;
}

function nodePort(t: TestCluster): number {
  return (t.cluster.api.find(SERVICES, 'default', 'hello')!.spec as { ports: { nodePort: number }[] }).ports[0]!
    .nodePort;
}

function started(manifests: string[]): TestCluster {
  const t = new TestCluster();
  for (const manifest of manifests) t.apply(manifest);
  t.advance(30);
  return t;
}

describe('kube-proxy: connections to a Service (iptables mode)', () => {
  it('spreads connections to the ClusterIP over every ready pod, the same way for the same seed', () => {
    const run = () => {
      const t = started([HELLO, service()]);
      return hostnames(t, clusterIP(t), 30);
    };
    const first = run();
    expect(new Set(first).size).toBe(3);
    expect(run()).toEqual(first);
  });

  it('keeps a client on one pod with sessionAffinity ClientIP', () => {
    const t = started([HELLO, service('  sessionAffinity: ClientIP\n')]);
    expect(new Set(hostnames(t, clusterIP(t), 10)).size).toBe(1);
  });

  it('rejects connections when no pod is ready, as curl reports', () => {
    const t = started([service()]);
    expect(t.session.shell(`curl ${clusterIP(t)}`).stderr).toBe(
      `curl: (7) Failed to connect to ${clusterIP(t)} port 80 after 0 ms: Couldn't connect to server\n`,
    );
  });

  it('forwards a node port on every node; Local traffic policy only to pods on that node', () => {
    const t = started([HELLO.replace('replicas: 3', 'replicas: 1'), service('  type: NodePort\n')]);
    const podNode = t.pods()[0]!.spec.nodeName!;
    const otherNode = ['worker1', 'worker2', 'worker3'].find((n) => n !== podNode)!;
    const ipOf = (node: string) => `192.168.56.1${node.slice(-1)}`;
    expect(hostnames(t, `${ipOf(otherNode)}:${nodePort(t)}`, 1)).toHaveLength(1);
    t.kubectl(`patch svc hello -p '{"spec":{"externalTrafficPolicy":"Local"}}'`);
    expect(hostnames(t, `${ipOf(podNode)}:${nodePort(t)}`, 1)).toHaveLength(1);
    expect(t.session.shell(`curl -s -m 2 ${ipOf(otherNode)}:${nodePort(t)}; echo $?`).stdout).toBe('28\n');
  });

  it('forwards a pod’s hostPort from its node’s address', () => {
    const t = started([
      `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.25
    ports:
    - containerPort: 80
      hostPort: 8088
`,
    ]);
    const node = t.pod('web')!.spec.nodeName!;
    expect(t.session.shell(`curl -s 192.168.56.1${node.slice(-1)}:8088`).stdout).toContain('Welcome to nginx!');
  });
});

describe('a LoadBalancer Service on the simulated cloud', () => {
  it('is pending, then gets an address that forwards to its pods; deleting it releases the address', () => {
    const t = started([HELLO, service('  type: LoadBalancer\n')]);
    const row = () => t.kubectl('get svc hello').stdout.split('\n')[1]!;
    expect(row()).toMatch(/^hello\s+LoadBalancer\s+\S+\s+192\.168\.56\.200\s+80:\d+\/TCP/);
    const balancerEvents = () => t.events('hello').filter((line) => line.includes('LoadBalancer'));
    expect(balancerEvents()).toEqual([
      'EnsuringLoadBalancer: Ensuring load balancer',
      'EnsuredLoadBalancer: Ensured load balancer',
    ]);
    expect(hostnames(t, '192.168.56.200', 3)).toHaveLength(3);
    const fresh = new TestCluster();
    fresh.apply(service('  type: LoadBalancer\n'));
    fresh.advance(1);
    expect(fresh.kubectl('get svc hello').stdout).toMatch(/<pending>/);
    expect(fresh.cluster.api.find(SERVICES, 'default', 'hello')!.metadata.finalizers).toEqual([
      'service.kubernetes.io/load-balancer-cleanup',
    ]);
    expect(t.kubectl('delete svc hello').stdout).toBe('service "hello" deleted from default namespace\n');
    expect(t.cluster.api.find(SERVICES, 'default', 'hello')).toBeUndefined();
    expect(balancerEvents().slice(-2)).toEqual([
      'DeletingLoadBalancer: Deleting load balancer',
      'DeletedLoadBalancer: Deleted load balancer',
    ]);
  });
});

describe('cluster DNS (CoreDNS kubernetes plugin)', () => {
  const HEADLESS = `apiVersion: v1
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
  replicas: 2
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
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  containers:
  - name: busybox
    image: busybox:1.28
    command: ['sleep', '3600']
`;

  it('answers Service, headless, StatefulSet pod and pod-IP names, with PTR names for each address', () => {
    const t = started([HEADLESS, service(), HELLO]);
    const ipOf = (pod: string) => t.pod(pod)!.status!.podIP!;
    const lookup = (name: string) => t.kubectl(`exec client -- nslookup ${name}`);
    expect(lookup('web-1.nginx').stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        `Name:      web-1.nginx\nAddress 1: ${ipOf('web-1')} web-1.nginx.default.svc.cluster.local\n`,
    );
    expect(lookup('nginx').stdout).toContain(
      `Address 1: ${ipOf('web-0')} web-0.nginx.default.svc.cluster.local\nAddress 2: ${ipOf('web-1')} web-1.nginx.default.svc.cluster.local\n`,
    );
    expect(lookup('hello.default').stdout).toContain(`Address 1: ${clusterIP(t)} hello.default.svc.cluster.local\n`);
    const dashed = `${ipOf('client').replace(/\./g, '-')}.default.pod.cluster.local`;
    expect(lookup(dashed).stdout).toContain(`Name:      ${dashed}\nAddress 1: ${ipOf('client')}`);
    expect(lookup('missing').stderr).toBe("nslookup: can't resolve 'missing'\ncommand terminated with exit code 1\n");
    expect(t.kubectl('exec client -- ping -c 1 web-0.nginx').stdout).toContain(`64 bytes from ${ipOf('web-0')}`);
  });

  it('answers an ExternalName Service with a CNAME the resolver follows', () => {
    const t = started([HEADLESS]);
    t.kubectl('create service externalname cern --external-name info.cern.ch');
    expect(t.kubectl('exec client -- nslookup cern').stdout).toContain('Name:      cern\nAddress 1: 188.184.67.127');
    expect(t.kubectl('exec client -- wget -qO- http://cern').stdout).toContain('home of the first website');
  });
});
