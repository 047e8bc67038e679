import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: cfg
  labels:
    tier: web
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sleep', '3600']
    env:
    - name: LEVEL
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: level
    volumeMounts:
    - name: cfg
      mountPath: /etc/cfg
    - name: info
      mountPath: /etc/podinfo
  volumes:
  - name: cfg
    configMap:
      name: app-config
      items:
      - key: level
        path: level
      - key: run
        path: run.sh
        mode: 0755
  - name: info
    downwardAPI:
      items:
      - path: labels
        fieldRef:
          fieldPath: metadata.labels
`;

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  level: debug
  run: echo hi
`;

describe('volume contents (pkg/volume/configmap, downwardapi; pod_workers.go periodic resync)', () => {
  it("gives an item its own mode over the volume's defaultMode", () => {
    const t = new TestCluster();
    t.apply(CONFIG_MAP);
    t.apply(POD);
    t.advance(20);
    const listing = t.kubectl('exec cfg -- ls -l /etc/cfg').stdout;
    expect(listing).toMatch(/^-rw-r--r-- .* level$/m);
    expect(listing).toMatch(/^-rwxr-xr-x .* run\.sh$/m);
  });

  it('updates volume files within a sync period and a half of an edit, never the environment', () => {
    const t = new TestCluster();
    t.apply(CONFIG_MAP);
    t.apply(POD);
    t.advance(20);
    t.kubectl(`patch configmap app-config -p '{"data":{"level":"info"}}'`);
    t.kubectl('label pod cfg tier=api --overwrite');
    t.advance(1);
    expect(t.kubectl('exec cfg -- cat /etc/cfg/level').stdout).toBe('debug');
    expect(t.kubectl('exec cfg -- cat /etc/podinfo/labels').stdout).toBe('tier="web"');

    const seconds = t.waitFor(() => t.kubectl('exec cfg -- cat /etc/cfg/level').stdout === 'info', 120);
    expect(seconds).toBeGreaterThan(30);
    expect(seconds).toBeLessThanOrEqual(90);
    expect(t.kubectl('exec cfg -- cat /etc/podinfo/labels').stdout).toBe('tier="api"');
    expect(t.kubectl('exec cfg -- printenv LEVEL').stdout).toBe('debug\n');
  });

  it('leaves the last files in place when the ConfigMap is deleted under a running pod', () => {
    const t = new TestCluster();
    t.apply(CONFIG_MAP);
    t.apply(POD);
    t.advance(20);
    t.kubectl('delete configmap app-config');
    t.advance(120);
    expect(t.kubectl('exec cfg -- cat /etc/cfg/level').stdout).toBe('debug');
  });
});
