import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namesIn, parseTable, rowFor, runDemoScript } from './demoKit';

function runDemo(id: string) {
  return runDemoScript(fs.readFileSync(new URL(`./${id}.sh`, import.meta.url), 'utf8'));
}

describe('seed demos: nodes (seed 002)', () => {
  it('S002-static: the mirror pod appears, comes back after kubectl delete, and goes with its file', () => {
    const demo = runDemo('S002-static');
    const wide = rowFor(demo.out('kubectl get pod -o wide'), 'static-web-worker1');
    expect(wide).toMatchObject({ READY: '1/1', STATUS: 'Running', RESTARTS: '0', AGE: '21s', NODE: 'worker1' });
    expect(wide['IP']).toMatch(/^10\.244\.1\.\d+$/);
    expect(demo.out('kubectl delete pod static-web-worker1')).toBe(
      'pod "static-web-worker1" deleted from default namespace\n',
    );
    expect(rowFor(demo.out('kubectl get pod', 0), 'static-web-worker1')).toMatchObject({
      STATUS: 'Running',
      RESTARTS: '0',
      AGE: '3s',
    });
    expect(demo.step('rm -rf static-web.yaml').exitCode).toBe(0);
    expect(demo.step('kubectl get pod', 1).stderr).toBe('No resources found in default namespace.\n');
  });

  it('S002-join: a machine joins with a fresh token; the pending pod and the DaemonSet use the new node', () => {
    const demo = runDemo('S002-join');
    const before = parseTable(demo.out('kubectl get pods -o wide', 0));
    expect(before.filter((row) => row['STATUS'] === 'Pending').map((row) => row['NODE'])).toEqual(['<none>']);
    const token = demo.out('kubeadm token create').trim();
    expect(token).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    expect(parseTable(demo.out('kubeadm token list')).find((row) => row['TOKEN'] === token)).toMatchObject({
      TTL: '23h',
      USAGES: 'authentication,signing',
    });
    const join = demo.step('ssh worker4 $(kubeadm token create --print-join-command)');
    expect(join.exitCode).toBe(0);
    expect(join.stdout).toContain('This node has joined the cluster:\n');

    expect(namesIn(demo.out('kubectl get nodes'))).toEqual(['master1', 'worker1', 'worker2', 'worker3', 'worker4']);
    expect(rowFor(demo.out('kubectl get nodes'), 'worker4')['STATUS']).toBe('Ready');
    const after = parseTable(demo.out('kubectl get pods -o wide', 1));
    expect(after.every((row) => row['STATUS'] === 'Running')).toBe(true);
    const onWorker4 = after
      .filter((row) => row['NODE'] === 'worker4')
      .map((row) => row['NAME']!.replace(/-[^-]+$/, ''));
    expect(onWorker4.sort()).toEqual(['big-57b4c99', 'node-agent']);
    expect(rowFor(demo.out('kubectl get daemonset node-agent'), 'node-agent')).toMatchObject({
      DESIRED: '4',
      READY: '4',
    });
  });
});
