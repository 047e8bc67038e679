import { describe, expect, it } from 'vitest';
import { createNamespace } from '../cluster/bootstrap';
import { seedRandom } from '../runtime/random';
import { DEFAULT_START_TIME } from '../runtime/time';
import { KubeApiServer, type AggregatedApi } from './kubeApiServer';
import type { ApiResult, KubeObject, ResourceType } from './types';

function server(): KubeApiServer {
  const api = new KubeApiServer(KubeApiServer.initialState(), () => DEFAULT_START_TIME, seedRandom(1));
  createNamespace(api, 'default');
  return api;
}

function must<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const V1_HPA = {
  apiVersion: 'autoscaling/v1',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    maxReplicas: 5,
    targetCPUUtilizationPercentage: 50,
  },
};

describe('KubeApiServer: autoscaling/v1 HorizontalPodAutoscalers', () => {
  it('resolves the v1 resource by name and by apiVersion', () => {
    const api = server();
    expect(api.resolveResource('hpa.v1.autoscaling')).toMatchObject({
      group: 'autoscaling',
      version: 'v1',
      plural: 'horizontalpodautoscalers',
    });
    expect(api.resourceFor('autoscaling/v1', 'HorizontalPodAutoscaler')?.version).toBe('v1');
    expect(api.resourceFor('autoscaling/v2', 'HorizontalPodAutoscaler')?.version).toBe('v2');
    expect(api.resolveResource('hpa')?.version).toBe('v2');
  });

  it('stores a v1 object as v2 and serves it in either version', () => {
    const api = server();
    const created = must(api.create(V1_HPA));
    expect([
      created.apiVersion,
      (created.spec as { targetCPUUtilizationPercentage: number }).targetCPUUtilizationPercentage,
    ]).toEqual(['autoscaling/v1', 50]);
    const v2 = api.resolveResource('hpa')!;
    const v1 = api.resolveResource('hpa.v1.autoscaling')!;
    expect(must(api.get(v2, 'default', 'web')).spec).toEqual({
      maxReplicas: 5,
      metrics: [
        { resource: { name: 'cpu', target: { averageUtilization: 50, type: 'Utilization' } }, type: 'Resource' },
      ],
      minReplicas: 1,
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
    });
    expect(must(api.list(v1, 'default')).map((o) => o.apiVersion)).toEqual(['autoscaling/v1']);
    expect(must(api.watchSince(v1, 'default', '0')).map((e) => e.object.apiVersion)).toEqual(['autoscaling/v1']);
  });

  it('decodes a v1 body strictly as v1', () => {
    const api = server();
    const bad = { ...V1_HPA, spec: { ...V1_HPA.spec, metrics: [] } };
    expect(api.create(bad)).toEqual({
      ok: false,
      error: {
        code: 400,
        reason: 'BadRequest',
        message:
          'HorizontalPodAutoscaler in version "v1" cannot be handled as a HorizontalPodAutoscaler: strict decoding error: unknown field "spec.metrics"',
      },
    });
  });

  it('patches the v1 form and deletes through it', () => {
    const api = server();
    must(api.create(V1_HPA));
    const v1 = api.resolveResource('hpa.v1.autoscaling')!;
    const patched = must(api.patch(v1, 'default', 'web', 'merge', { spec: { targetCPUUtilizationPercentage: 70 } }));
    expect((patched.spec as { targetCPUUtilizationPercentage: number }).targetCPUUtilizationPercentage).toBe(70);
    const stored = must(api.get(api.resolveResource('hpa')!, 'default', 'web'));
    expect((stored.spec as { metrics: { resource: { target: unknown } }[] }).metrics[0]!.resource.target).toEqual({
      averageUtilization: 70,
      type: 'Utilization',
    });
    expect(must(api.delete(v1, 'default', 'web')).apiVersion).toBe('autoscaling/v1');
    expect(api.find(v1, 'default', 'web')).toBeUndefined();
  });
});

describe('KubeApiServer: aggregated APIs', () => {
  const WIDGETS: ResourceType = {
    group: 'metrics.k8s.io',
    version: 'v1beta1',
    kind: 'PodMetrics',
    plural: 'pods',
    singular: 'podmetrics',
    shortNames: [],
    namespaced: true,
    verbs: ['get', 'list'],
    categories: [],
  };
  const sample: KubeObject = {
    apiVersion: 'metrics.k8s.io/v1beta1',
    kind: 'PodMetrics',
    metadata: { name: 'a', namespace: 'default' },
  };
  const aggregated: AggregatedApi = {
    resources: [WIDGETS],
    get: (_r, _ns, name) =>
      name === 'a'
        ? { ok: true, value: sample }
        : { ok: false, error: { code: 404, reason: 'NotFound', message: 'gone' } },
    list: () => ({ ok: true, value: [sample] }),
  };

  it('serves the group once registered: discovery, get and list, nothing else', () => {
    const api = server();
    expect(api.resolveResource('pods.metrics.k8s.io')).toBeUndefined();
    api.registerApiService(aggregated);
    const groups = api.resources().map((r) => r.group);
    expect(groups.indexOf('metrics.k8s.io')).toBe(groups.lastIndexOf('events.k8s.io') + 1);
    expect(api.resolveResource('pods')?.group).toBe('');
    for (const typed of ['pods.metrics.k8s.io', 'podmetrics', 'pods.v1beta1.metrics.k8s.io'])
      expect(api.resolveResource(typed)).toBe(WIDGETS);
    expect(api.resourceFor('metrics.k8s.io/v1beta1', 'PodMetrics')).toBe(WIDGETS);
    expect(must(api.get(WIDGETS, 'default', 'a'))).toBe(sample);
    expect(api.all(WIDGETS, 'default')).toEqual([sample]);
    expect(api.find(WIDGETS, 'default', 'b')).toBeUndefined();
    const refused = {
      ok: false,
      error: {
        code: 405,
        reason: 'MethodNotAllowed',
        message: 'the server does not allow this method on the requested resource',
      },
    };
    expect(api.delete(WIDGETS, 'default', 'a')).toMatchObject(refused);
    expect(api.create(sample)).toMatchObject(refused);
    expect(api.patch(WIDGETS, 'default', 'a', 'merge', {})).toMatchObject(refused);
    // Nothing was stored for the group.
    expect(Object.keys(api.state.objects)).not.toContain('pods.metrics.k8s.io');
  });
});
