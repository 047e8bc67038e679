import { describe, expect, it } from 'vitest';
import { hpaV1ToV2, hpaV2ToV1 } from './hpaConversion';
import type { KubeObject } from './types';

const REF = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const CPU_50 = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } };
const MEMORY = {
  type: 'Resource',
  resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } },
};

function v1(spec: Record<string, unknown>, extra: Partial<KubeObject> = {}): KubeObject {
  return { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'web' }, spec, ...extra };
}

describe('autoscaling/v1 → v2', () => {
  it('turns targetCPUUtilizationPercentage into a cpu Utilization metric', () => {
    expect(
      hpaV1ToV2(v1({ scaleTargetRef: REF, minReplicas: 3, maxReplicas: 10, targetCPUUtilizationPercentage: 50 })),
    ).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: REF, minReplicas: 3, maxReplicas: 10, metrics: [CPU_50] },
    });
  });

  it('writes down the 80% default a v1 HPA without a target had', () => {
    const spec = hpaV1ToV2(v1({ scaleTargetRef: REF, maxReplicas: 5 })).spec as { metrics: unknown[] };
    expect(spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
    ]);
  });

  it('reads the other metrics, statuses and conditions back from the annotations and drops them', () => {
    const hpa = v1(
      { scaleTargetRef: REF, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
      {
        metadata: {
          name: 'web',
          annotations: {
            team: 'a',
            'autoscaling.alpha.kubernetes.io/metrics':
              '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]',
            'autoscaling.alpha.kubernetes.io/current-metrics':
              '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":12,"currentAverageValue":"12m"}}]',
            'autoscaling.alpha.kubernetes.io/conditions':
              '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2026-01-05T09:00:15Z","reason":"ReadyForNewScale","message":"m"}]',
          },
        },
        status: { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 12 },
      },
    );
    const converted = hpaV1ToV2(hpa);
    expect(converted.metadata.annotations).toEqual({ team: 'a' });
    expect((converted.spec as { metrics: unknown[] }).metrics).toEqual([CPU_50, MEMORY]);
    expect(converted.status).toEqual({
      currentReplicas: 2,
      desiredReplicas: 2,
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '12m' } } },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: '2026-01-05T09:00:15Z',
          reason: 'ReadyForNewScale',
          message: 'm',
        },
      ],
    });
  });
});

describe('autoscaling/v2 → v1', () => {
  const stored: KubeObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      scaleTargetRef: REF,
      minReplicas: 1,
      maxReplicas: 10,
      metrics: [MEMORY, CPU_50],
      behavior: {
        scaleDown: {
          stabilizationWindowSeconds: 60,
          selectPolicy: 'Max',
          policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
        },
      },
    },
    status: {
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: '2026-01-05T09:00:15Z',
          reason: 'ReadyForNewScale',
          message: 'ok',
        },
      ],
      currentMetrics: [
        { type: 'Resource', resource: { name: 'memory', current: { averageValue: '3Mi' } } },
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 230, averageValue: '230m' } } },
      ],
      currentReplicas: 3,
      desiredReplicas: 6,
      lastScaleTime: '2026-01-05T09:01:00Z',
    },
  };

  it('keeps the cpu target as a field and the rest in round-trip annotations, in the v1 types field order', () => {
    expect(hpaV2ToV1(stored)).toEqual({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'web',
        namespace: 'default',
        annotations: {
          'autoscaling.alpha.kubernetes.io/behavior':
            '{"ScaleUp":null,"ScaleDown":{"StabilizationWindowSeconds":60,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":1,"PeriodSeconds":60}],"Tolerance":null}}',
          'autoscaling.alpha.kubernetes.io/conditions':
            '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2026-01-05T09:00:15Z","reason":"ReadyForNewScale","message":"ok"}]',
          'autoscaling.alpha.kubernetes.io/current-metrics':
            '[{"type":"Resource","resource":{"name":"memory","currentAverageValue":"3Mi"}},' +
            '{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":230,"currentAverageValue":"230m"}}]',
          'autoscaling.alpha.kubernetes.io/metrics':
            '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]',
        },
      },
      spec: { maxReplicas: 10, minReplicas: 1, scaleTargetRef: REF, targetCPUUtilizationPercentage: 50 },
      status: {
        currentCPUUtilizationPercentage: 230,
        currentReplicas: 3,
        desiredReplicas: 6,
        lastScaleTime: '2026-01-05T09:01:00Z',
      },
    });
  });

  it('round-trips through v1, the cpu target first', () => {
    const back = hpaV1ToV2(hpaV2ToV1(stored));
    expect(back.spec).toEqual({ ...(stored.spec as object), metrics: [CPU_50, MEMORY] });
    expect(back.status).toEqual(stored.status);
    expect(back.metadata.annotations).toBeUndefined();
  });
});
