import { describe, expect, it } from 'vitest';
import { resolveResourceName } from '../../api/resources';
import { formatTimestamp } from '../../runtime/time';
import { AutoscalerHarness } from './autoscalerTestKit';

const DEPLOYMENTS = resolveResourceName('deployments.apps')!;
const CPU_METRIC = 'cpu resource utilization (percentage of request)';

function hpa(options: { target?: string; kind?: string; apiVersion?: string; min?: number; max?: number } = {}) {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: {
      scaleTargetRef: {
        apiVersion: options.apiVersion ?? 'apps/v1',
        kind: options.kind ?? 'Deployment',
        name: options.target ?? 'web',
      },
      minReplicas: options.min ?? 1,
      maxReplicas: options.max ?? 10,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
      ],
    },
  };
}

/** A Deployment `web` with `count` running pods, each using `cpu` millicores of a 100m request ('' for none). */
function loaded(count: number, cpu: number, cpuRequest = '100m'): AutoscalerHarness {
  const h = new AutoscalerHarness();
  h.createDeployment('web', count);
  for (let i = 1; i <= count; i++) h.setUsage(h.createPod(`web-${i}`, { cpuRequest }), cpu);
  h.create(hpa());
  return h;
}

describe('HPA controller: one sync', () => {
  it('scales up by the replica formula, held to the scale-up limit, and reports it', () => {
    const h = loaded(3, 230);
    h.sync('web');
    const now = formatTimestamp(h.runtime.now());
    expect(h.actions).toEqual(['MODIFIED deployments/web', 'MODIFIED horizontalpodautoscalers/web']);
    expect((h.api.find(DEPLOYMENTS, 'default', 'web')!.spec as { replicas: number }).replicas).toBe(6);
    expect(h.allEvents()).toEqual([`Normal SuccessfulRescale: New size: 6; reason: ${CPU_METRIC} above target`]);
    expect(h.hpa('web').status).toEqual({
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: now,
          reason: 'SucceededRescale',
          message: 'the HPA controller was able to update the target scale to 6',
        },
        {
          type: 'ScalingActive',
          status: 'True',
          lastTransitionTime: now,
          reason: 'ValidMetricFound',
          message: `the HPA was able to successfully calculate a replica count from ${CPU_METRIC}`,
        },
        {
          type: 'ScalingLimited',
          status: 'True',
          lastTransitionTime: now,
          reason: 'ScaleUpLimit',
          message: 'the desired replica count is increasing faster than the maximum scale rate',
        },
      ],
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 230, averageValue: '230m' } } },
      ],
      currentReplicas: 3,
      desiredReplicas: 6,
      lastScaleTime: now,
    });
    expect(h.decisionTexts('web')).toEqual([
      'cpu 230% of request (target 50%): 3 → 14 (ceil(3 × 4.6)), limited to 6 by the scale-up limit max(2 × 3, 4) = 6: ' +
        'scaled Deployment/web from 3 to 6',
    ]);
  });

  it('caps the count at maxReplicas', () => {
    const h = loaded(5, 230);
    h.sync('web');
    expect(h.hpa('web').status?.conditions?.[2]).toMatchObject({ reason: 'TooManyReplicas', status: 'True' });
    expect(h.decisionTexts('web')).toEqual([
      'cpu 230% of request (target 50%): 5 → 23 (ceil(5 × 4.6)), capped by maxReplicas 10: scaled Deployment/web from 5 to 10',
    ]);
  });

  it('keeps the count within the tolerance and writes nothing when a sync finds the same', () => {
    const h = loaded(2, 52);
    h.sync('web');
    expect(h.actions).toEqual(['MODIFIED horizontalpodautoscalers/web']);
    expect(h.hpa('web').status).toMatchObject({ currentReplicas: 2, desiredReplicas: 2 });
    expect(h.hpa('web').status?.lastScaleTime).toBeUndefined();
    h.sync('web');
    expect(h.actions).toEqual([]);
    expect(h.allEvents()).toEqual([]);
    expect(h.decisionTexts('web')).toEqual([
      'cpu 52% of request (target 50%): 2 → 2 (within the 10% tolerance): keeping 2',
    ]);
  });

  it('reports pods without a cpu request: FailedGetResourceMetric, FailedComputeMetricsReplicas, ScalingActive False', () => {
    const h = loaded(3, 20, '');
    h.sync('web');
    const missing = 'missing request for cpu in container app of Pod web-1';
    expect(h.actions).toEqual(['MODIFIED horizontalpodautoscalers/web']);
    expect(h.allEvents()).toEqual([
      `Warning FailedGetResourceMetric: failed to get cpu utilization: ${missing}`,
      `Warning FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: ${missing}`,
    ]);
    const status = h.hpa('web').status!;
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale"],
      [
        'ScalingActive',
        'False',
        'FailedGetResourceMetric',
        `the HPA was unable to compute the replica count: failed to get cpu utilization: ${missing}`,
      ],
    ]);
    expect([status.currentMetrics, status.currentReplicas, status.desiredReplicas]).toEqual([[{ type: '' }], 3, 0]);
    expect(h.decisionTexts('web')).toEqual([
      'cannot compute a replica count: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource ' +
        `metric value: failed to get cpu utilization: ${missing} — a cpu utilization target needs resources.requests.cpu on every container`,
    ]);
  });

  it('says so when the metrics API is not served or has no metrics yet', () => {
    const without = new AutoscalerHarness(false);
    without.createDeployment('web', 1);
    without.createPod('web-1', { cpuRequest: '100m' });
    without.create(hpa());
    without.sync('web');
    expect(without.allEvents()[0]).toBe(
      'Warning FailedGetResourceMetric: failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch ' +
        'metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)',
    );
    const fresh = new AutoscalerHarness();
    fresh.createDeployment('web', 1);
    fresh.createPod('web-1', { cpuRequest: '100m' });
    fresh.create(hpa());
    fresh.sync('web');
    expect(fresh.allEvents()[0]).toBe(
      'Warning FailedGetResourceMetric: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics ' +
        'returned from resource metrics API',
    );
  });

  it('cannot scale a DaemonSet or a target named without its API group', () => {
    const h = new AutoscalerHarness();
    h.create(hpa({ kind: 'DaemonSet', target: 'logs' }));
    h.sync('web');
    const noScale =
      'could not find proper group-version for scale subresource of apps/v1, Resource=daemonsets: could not find scale ' +
      'subresource for apps/v1, Resource=daemonsets in discovery information';
    expect(h.allEvents()).toEqual([`Warning FailedGetScale: ${noScale}`]);
    expect(h.hpa('web').status?.conditions).toEqual([
      {
        type: 'AbleToScale',
        status: 'False',
        lastTransitionTime: formatTimestamp(h.runtime.now()),
        reason: 'FailedGetScale',
        message: `the HPA controller was unable to get the target's current scale: ${noScale}`,
      },
    ]);

    const seed = new AutoscalerHarness();
    seed.create(hpa({ kind: 'ReplicaSet', target: 'frontend', apiVersion: '' }));
    seed.sync('web');
    expect(seed.allEvents()).toEqual(['Warning FailedGetScale: no matches for kind "ReplicaSet" in group ""']);
    expect(seed.decisionTexts('web')).toEqual([
      'cannot read the scale of ReplicaSet/frontend: no matches for kind "ReplicaSet" in group "" — scaleTargetRef ' +
        'needs an apiVersion (e.g. apps/v1)',
    ]);

    const gone = new AutoscalerHarness();
    gone.create(hpa({ target: 'missing' }));
    gone.sync('web');
    expect(gone.allEvents()).toEqual(['Warning FailedGetScale: deployments.apps "missing" not found']);
  });

  it('brings the count inside min and max before looking at metrics, and leaves a target at 0 alone', () => {
    const h = new AutoscalerHarness();
    h.createDeployment('web', 12);
    h.create(hpa());
    h.sync('web');
    expect(h.allEvents()).toEqual([
      'Normal SuccessfulRescale: New size: 10; reason: Current number of replicas above Spec.MaxReplicas',
    ]);

    const zero = new AutoscalerHarness();
    zero.createDeployment('web', 0);
    zero.create(hpa());
    zero.sync('web');
    expect(zero.actions).toEqual(['MODIFIED horizontalpodautoscalers/web']);
    expect(zero.hpa('web').status?.conditions?.[1]).toMatchObject({
      type: 'ScalingActive',
      status: 'False',
      reason: 'ScalingDisabled',
      message: 'scaling is disabled since the replica count of the target is zero',
    });
  });

  it('remembers recommendations across syncs and forgets a deleted HPA', () => {
    const h = loaded(4, 10);
    h.sync('web');
    // 10% of request: the metrics ask for 1, the initial recommendation (4) holds for 5 minutes.
    expect(h.hpa('web').status?.conditions?.[0]).toMatchObject({ reason: 'ScaleDownStabilized' });
    expect(h.memory.recommendations['default/web']).toHaveLength(2);
    h.advance(301);
    for (let i = 1; i <= 4; i++) h.setUsage(h.pod(`web-${i}`), 10);
    h.sync('web');
    expect(h.allEvents()).toEqual(['Normal SuccessfulRescale: New size: 1; reason: All metrics below target']);
    h.api.delete(resolveResourceName('hpa')!, 'default', 'web');
    h.sync('web');
    expect(h.memory.recommendations['default/web']).toBeUndefined();
  });
});
