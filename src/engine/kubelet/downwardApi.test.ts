import { describe, expect, it } from 'vitest';
import { TestCluster } from '../testing/testCluster';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: info
  labels:
    app: web
    tier: front
  annotations:
    build: "42"
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ['sh', '-c', 'sleep 3600']
    resources:
      requests:
        cpu: 250m
        memory: 64Mi
      limits:
        memory: 128Mi
    env:
    - name: CPU_REQUEST_MILLI
      valueFrom:
        resourceFieldRef:
          resource: requests.cpu
          divisor: 1m
    - name: CPU_LIMIT
      valueFrom:
        resourceFieldRef:
          resource: limits.cpu
    - name: MEMORY_LIMIT_MI
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
          divisor: 1Mi
    volumeMounts:
    - name: podinfo
      mountPath: /etc/podinfo
  volumes:
  - name: podinfo
    downwardAPI:
      items:
      - path: labels
        fieldRef:
          fieldPath: metadata.labels
      - path: build
        fieldRef:
          fieldPath: metadata.annotations['build']
      - path: mem_request
        resourceFieldRef:
          containerName: app
          resource: requests.memory
          divisor: 1Mi
`;

describe('the Downward API (ExtractContainerResourceValue, downwardAPI volumes)', () => {
  it('gives resources rounded up by the divisor, the node allocatable for an unset limit, and pod fields as files', () => {
    const t = new TestCluster();
    t.apply(POD);
    t.advance(20);
    const env = t.kubectl('exec info -- env').stdout;
    // No cpu limit: the worker node's allocatable (4 cores) stands in.
    expect(env).toContain('CPU_REQUEST_MILLI=250\nCPU_LIMIT=4\nMEMORY_LIMIT_MI=128\n');
    expect(t.kubectl('exec info -- cat /etc/podinfo/labels').stdout).toBe('app="web"\ntier="front"');
    expect(t.kubectl('exec info -- cat /etc/podinfo/build').stdout).toBe('42');
    expect(t.kubectl('exec info -- cat /etc/podinfo/mem_request').stdout).toBe('64');
  });
});
