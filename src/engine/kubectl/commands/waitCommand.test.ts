import { describe, expect, it } from 'vitest';
import { at, createSeededCluster as cluster } from '../testing/fixtures';

describe('kubectl wait', () => {
  it('names the resource without its group when it times out, and checks once with --timeout=0', () => {
    const c = cluster();
    c.api.seed({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default', generation: 2, creationTimestamp: at(3000) },
      spec: { replicas: 1 },
      // The Available condition was observed for generation 1: not met for generation 2 yet.
      status: { observedGeneration: 1, conditions: [{ type: 'Available', status: 'True' }] },
    });
    expect(c.run('wait --for=condition=Available deploy/web --timeout=5s')).toEqual({
      stdout: '',
      stderr: 'error: timed out waiting for the condition on deployments/web\n',
      exitCode: 1,
    });
    const start = c.api.clock;
    expect(c.run('wait --for=condition=Ready pod/liveness-exec --timeout=0').stderr).toBe(
      'error: condition not met for pods/liveness-exec\n',
    );
    expect(c.api.clock).toBe(start);
    expect(c.run('wait --for=condition=ready=TRUE pod/web --timeout=0').stdout).toBe('pod/web condition met\n');
  });

  it('waits for an object to be created, and says what it cannot wait for', () => {
    const c = cluster();
    c.onTick = () => {
      if (!c.api.objects['configmaps/default/late']) {
        c.api.seed({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'default' } });
      }
    };
    expect(c.run('wait --for=create configmap/late')).toEqual({
      stdout: 'configmap/late condition met\n',
      stderr: '',
      exitCode: 0,
    });
    expect(c.run('wait pod/web').stderr).toBe('error: unrecognized condition: ""\n');
    expect(c.run('wait --for=Condition=Ready pod/web').stderr).toBe(
      'error: unrecognized condition: "Condition=Ready"\n',
    );
    expect(c.run('wait --for=delete pods --all --timeout=1s').stderr).toBe(
      'error: timed out waiting for the condition on pods/liveness-exec\n',
    );
  });
});
