import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rowFor, runDemoScript } from './demoKit';

function runDemo(id: string) {
  return runDemoScript(fs.readFileSync(new URL(`./${id}.sh`, import.meta.url), 'utf8'));
}

const EXEC = 'kubectl exec test-projected-volume --';

describe('seed demos: what a Pod sees of itself (seed 001)', () => {
  it('S001-pod-ns: both containers have one hostname and one IP and reach each other on localhost; ps sees one container', () => {
    const demo = runDemo('S001-pod-ns');
    const ip = rowFor(demo.out('kubectl get pod two-containers -o wide'), 'two-containers')['IP']!;
    expect(demo.out('kubectl exec two-containers -c nginx -- hostname')).toBe('two-containers\n');
    expect(demo.out('kubectl exec two-containers -c shell -- hostname')).toBe('two-containers\n');
    expect(demo.out('kubectl exec two-containers -c nginx -- cat /etc/hosts')).toContain(`${ip}\ttwo-containers\n`);
    expect(demo.out('kubectl exec two-containers -c shell -- hostname -i')).toBe(`${ip}\n`);
    expect(demo.out('kubectl exec two-containers -c shell -- wget -qO- http://localhost:80')).toContain(
      '<title>Welcome to nginx!</title>',
    );
    const ps = demo.out('kubectl exec two-containers -c shell -- ps');
    expect(ps).toContain('    1 root      0:00 sh -c sleep 86400\n');
    expect(ps).not.toContain('nginx');
  });

  it('S001-projected: Secret, ConfigMap and Downward API values as env and files; only the files follow edits', () => {
    const demo = runDemo('S001-projected');
    const env = demo.out(`${EXEC} env`);
    for (const line of [
      'COLOR=blue',
      'USERNAME=admin',
      'MY_SERVICE_ACCOUNT=default',
      'MY_ZONE=us-est-coast',
      'MY_CPU_LIMIT=500',
      'MY_MEM_REQUEST=64',
    ])
      expect(env).toContain(`${line}\n`);
    expect(env).toMatch(/^MY_NODE_NAME=worker\d\nMY_HOST_IP=192\.168\.56\.\d+\nMY_POD_IP=10\.244\.\d+\.\d+$/m);
    expect(demo.out(`${EXEC} ls /projected-volume`).split('\n').filter(Boolean)).toEqual([
      'annotations',
      'color',
      'cpu_request',
      'labels',
      'mem_limit',
      'name',
      'namespace',
      'password',
      'theme',
      'uid',
      'username',
    ]);
    expect(demo.out(`${EXEC} cat /projected-volume/username /projected-volume/password`)).toBe('adminc1oudc0w!');
    expect(demo.out(`${EXEC} cat /projected-volume/cpu_request /projected-volume/mem_limit`)).toBe('250128');
    expect(demo.out(`${EXEC} cat /projected-volume/labels`, 0)).toBe('cluster="test-cluster1"\nzone="us-est-coast"');

    // Right after the edit the kubelet has not synced the pod yet; within a sync period and a half it has.
    expect(demo.out(`${EXEC} cat /projected-volume/color`, 0)).toBe('blue');
    expect(demo.out(`${EXEC} cat /projected-volume/color`, 1)).toBe('green');
    expect(demo.out(`${EXEC} cat /projected-volume/labels`, 1)).toBe('cluster="test-cluster1"\nzone="eu-west"');
    expect(demo.out(`${EXEC} printenv COLOR MY_ZONE`)).toBe('blue\nus-est-coast\n');
  });
});
