import { describe, expect, it } from 'vitest';
import { Session } from '../session/session';
import { TestCluster } from '../testing/testCluster';

const CRASHING_AND_PROBED = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox:1.28
    args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      initialDelaySeconds: 5
      periodSeconds: 5
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    readinessProbe:
      httpGet:
        path: /
        port: 80
`;

const LATER_COMMANDS = [
  'get pods -o wide',
  'get events',
  'describe pod liveness-exec',
  'exec web -- curl -s localhost',
];

function continueSession(session: Session): string[] {
  session.advance(250_000);
  return LATER_COMMANDS.map((command) => {
    const result = session.kubectl(command);
    return result.stdout + result.stderr;
  });
}

describe('Cluster snapshots', () => {
  it('are plain data that survive a JSON round trip', () => {
    const test = new TestCluster({ seed: 3 });
    test.apply(CRASHING_AND_PROBED);
    test.advance(42);
    const snapshot = test.cluster.snapshot();
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });

  it('restore a cluster that goes on exactly as the original, mid-probe and mid-back-off', () => {
    const original = Session.create({ seed: 3 });
    expect(original.kubectl('apply -f -', CRASHING_AND_PROBED).exitCode).toBe(0);
    original.advance(47_500);
    const restored = Session.restore(JSON.parse(JSON.stringify(original.cluster.snapshot())));

    const expected = continueSession(original);
    expect(continueSession(restored)).toEqual(expected);
    expect(restored.cluster.snapshot()).toEqual(original.cluster.snapshot());
    // The run really went through restarts and a served page, so the comparison covers them.
    expect(expected[0]).toMatch(/^liveness-exec\s+1\/1\s+Running\s+[1-9]/m);
    expect(expected[3]).toContain('Welcome to nginx!');
  });

  it('rejects a snapshot of another format version', () => {
    const snapshot = Session.create().cluster.snapshot();
    expect(() => Session.restore({ ...snapshot, version: snapshot.version + 1 })).toThrow(
      /unsupported snapshot version/,
    );
  });
});

describe('Cluster nodes', () => {
  it('starts as the documented default: master1 tainted for the control plane and three workers', () => {
    const test = new TestCluster();
    expect(test.kubectl('get nodes').stdout).toBe(
      'NAME      STATUS   ROLES           AGE   VERSION\n' +
        'master1   Ready    control-plane   0s    v1.34.1\n' +
        'worker1   Ready    <none>          0s    v1.34.1\n' +
        'worker2   Ready    <none>          0s    v1.34.1\n' +
        'worker3   Ready    <none>          0s    v1.34.1\n',
    );
    expect(test.kubectl('get node master1 -o jsonpath={.spec.taints}').stdout).toBe(
      '[{"effect":"NoSchedule","key":"node-role.kubernetes.io/control-plane"}]',
    );
  });

  it('schedules a pending pod once `kubeplay node add` brings a node with room for it', () => {
    const test = new TestCluster();
    test.apply(`apiVersion: v1
kind: Pod
metadata:
  name: big
spec:
  containers:
  - name: app
    image: nginx
    resources:
      requests:
        cpu: "6"
`);
    test.advance(5);
    expect(test.pod('big')?.spec?.nodeName).toBeUndefined();
    expect(test.session.action(['node', 'add', 'worker4', '--cpu', '8', '--memory', '16Gi'])).toEqual({
      stdout: 'node/worker4 joined the cluster\n',
      stderr: '',
      exitCode: 0,
    });
    test.advance(30);
    expect(test.pod('big')?.spec?.nodeName).toBe('worker4');
    expect(test.pod('big')?.status?.phase).toBe('Running');
  });

  it('refuses a node that exists or a capacity that is not a quantity', () => {
    const test = new TestCluster();
    expect(test.session.action(['node', 'add', 'worker1']).stderr).toBe('kubeplay: node "worker1" already exists\n');
    expect(test.session.action(['node', 'add', 'worker9', '--memory', 'lots']).exitCode).toBe(1);
  });
});
