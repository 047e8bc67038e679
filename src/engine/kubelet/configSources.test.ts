import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';
import { containerStatus } from './kubeletTestKit';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: cfg
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
    env:
    - name: LEVEL
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: level
    - name: DB_PASS
      valueFrom:
        secretKeyRef:
          name: db
          key: password
    envFrom:
    - configMapRef:
        name: app-config
      prefix: CFG_
    volumeMounts:
    - name: cfg
      mountPath: /etc/cfg
  volumes:
  - name: cfg
    configMap:
      name: app-config
      items:
      - key: level
        path: log/level
`;

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  level: debug
  mode: fast
`;

function waiting(t: TestCluster): string {
  const state = containerStatus(t, 'cfg', 'app')?.state;
  return state?.waiting
    ? `${state.waiting.reason}${state.waiting.message ? `: ${state.waiting.message}` : ''}`
    : 'running';
}

describe('ConfigMaps and Secrets in a container (makeEnvironmentVariables, configmap and secret volumes)', () => {
  it('waits on a missing volume source, then on a missing key, and runs once both exist', () => {
    const t = new TestCluster();
    t.apply(POD);
    t.advance(15);
    expect(waiting(t)).toBe('ContainerCreating');
    expect(t.events('cfg')).toContain(
      'FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found',
    );

    t.apply(CONFIG_MAP);
    t.apply(`apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  user: admin
`);
    t.advance(15);
    expect(waiting(t)).toBe("CreateContainerConfigError: couldn't find key password in Secret default/db");
    expect(t.events('cfg')).toContain("Failed: Error: couldn't find key password in Secret default/db");
    expect(t.kubectl('get pod cfg').stdout).toMatch(/^cfg\s+0\/1\s+CreateContainerConfigError\s/m);

    t.kubectl(`patch secret db -p '{"stringData":{"password":"s3cret"}}'`);
    t.advance(15);
    expect(waiting(t)).toBe('running');
    const env = t.kubectl('exec cfg -- env').stdout;
    expect(env).toContain('LEVEL=debug\nDB_PASS=s3cret\n');
    expect(env).toContain('CFG_level=debug\nCFG_mode=fast\n');
    expect(t.kubectl('exec cfg -- cat /etc/cfg/log/level').stdout).toBe('debug');
    expect(t.kubectl('exec cfg -- ls /etc/cfg').stdout).toBe('log\n');
  });

  it('skips optional sources that are missing', () => {
    const t = new TestCluster();
    t.apply(
      POD.replace(/key: level\n/, 'key: level\n          optional: true\n')
        .replace(/key: password\n/, 'key: password\n          optional: true\n')
        .replace(
          '- configMapRef:\n        name: app-config\n',
          '- configMapRef:\n        name: app-config\n        optional: true\n',
        )
        .replace(/name: app-config\n {6}items/, 'name: app-config\n      optional: true\n      items'),
    );
    t.advance(15);
    expect(waiting(t)).toBe('running');
  });

  it("writes volume files with the volume's defaultMode (0644 unless set)", () => {
    const t = new TestCluster();
    t.kubectl('create secret generic db --from-literal=password=s3cret');
    t.apply(`apiVersion: v1
kind: Pod
metadata:
  name: s
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    volumeMounts:
    - name: private
      mountPath: /private
    - name: plain
      mountPath: /plain
  volumes:
  - name: private
    secret:
      secretName: db
      defaultMode: 0400
  - name: plain
    secret:
      secretName: db
`);
    t.advance(20);
    expect(t.kubectl('exec s -- ls -l /private').stdout).toMatch(/^-r-------- .* password$/m);
    expect(t.kubectl('exec s -- ls -l /plain').stdout).toMatch(/^-rw-r--r-- .* password$/m);
  });
});
