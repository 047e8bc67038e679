import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { DEFAULT_START_TIME, formatTimestamp } from '../../runtime/time';
import { HPA_CONFIG } from './hpaTypes';
import {
  calculateRequests,
  groupPods,
  rawResourceReplicas,
  resourceReplicas,
  type PodMetricsInfo,
} from './replicaCalculator';

const NOW = DEFAULT_START_TIME + 3600_000;
const WINDOW = 15_000;

interface PodSeed {
  /** Seconds since the pod started (default: an hour). */
  startedAgo?: number;
  ready?: boolean;
  /** Seconds since the Ready condition last changed (default: since start + 10 s). */
  readyChangedAgo?: number;
  phase?: string;
  cpuRequest?: string;
  deleting?: boolean;
}

function pod(name: string, seed: PodSeed = {}): Pod {
  const startedAgo = seed.startedAgo ?? 3600;
  const readyChangedAgo = seed.readyChangedAgo ?? startedAgo - 10;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      ...(seed.deleting ? { deletionTimestamp: formatTimestamp(NOW) } : {}),
    },
    spec: {
      containers: [
        {
          name: 'app',
          image: 'nginx',
          resources: seed.cpuRequest === '' ? {} : { requests: { cpu: seed.cpuRequest ?? '1' } },
        },
      ],
    },
    status: {
      phase: seed.phase ?? 'Running',
      startTime: formatTimestamp(NOW - startedAgo * 1000),
      conditions: [
        {
          type: 'Ready',
          status: seed.ready === false ? 'False' : 'True',
          lastTransitionTime: formatTimestamp(NOW - readyChangedAgo * 1000),
        },
      ],
    },
  } as Pod;
}

/** Metrics of the first pods, in millicores, sampled just now. */
function metricsOf(values: Record<string, number>): PodMetricsInfo {
  const metrics: PodMetricsInfo = {};
  for (const [name, value] of Object.entries(values)) metrics[name] = { value, timestamp: NOW, windowMs: WINDOW };
  return metrics;
}

function calculate(pods: Pod[], usage: Record<string, number>, target: number, currentReplicas = pods.length) {
  return resourceReplicas(
    { currentReplicas, resource: 'cpu', container: '', pods, metrics: metricsOf(usage), now: NOW },
    target,
    HPA_CONFIG,
  );
}

describe('resourceReplicas (GetResourceReplicas)', () => {
  it('scales up to ceil(ready pods × utilization / target), utilization truncated to a whole percent', () => {
    // replica_calculator_test.go TestReplicaCalcScaleUp: 300m, 500m, 700m of 1 core, target 30%.
    const result = calculate([pod('a'), pod('b'), pod('c')], { a: 300, b: 500, c: 700 }, 30);
    expect(result).toEqual({
      ok: true,
      value: {
        replicas: 5,
        utilization: 50,
        rawUtilization: 500,
        basis: { usageRatio: 50 / 30, readyPods: 3, unreadyPods: 0, missingPods: 0, countedPods: 3 },
      },
    });
  });

  it('scales down the same way', () => {
    const pods = ['a', 'b', 'c', 'd', 'e'].map((n) => pod(n));
    const result = calculate(pods, { a: 100, b: 300, c: 500, d: 250, e: 250 }, 50);
    expect(result.ok && [result.value.replicas, result.value.utilization, result.value.rawUtilization]).toEqual([
      3, 28, 280,
    ]);
  });

  it('keeps the current count while the ratio is within the 10% tolerance', () => {
    const result = calculate([pod('a'), pod('b'), pod('c')], { a: 1010, b: 1030, c: 1020 }, 100);
    expect(result.ok && result.value.replicas).toBe(3);
    expect(result.ok && result.value.basis.kept).toBe('tolerance');
    // 111% of a 100% target is outside it: ceil(3 × 1.11) = 4.
    const above = calculate([pod('a'), pod('b'), pod('c')], { a: 1110, b: 1110, c: 1110 }, 100);
    expect(above.ok && above.value.replicas).toBe(4);
  });

  it('counts not-ready pods as idle on a scale-up', () => {
    // TestReplicaCalcScaleUpUnreadyLessScale: the ready pods alone say 60% (ratio 2); with the unready pod at 0%
    // it is 40%, and ceil(3 × 40/30) = 4.
    const pods = [pod('a', { ready: false, startedAgo: 60, readyChangedAgo: 60 }), pod('b'), pod('c')];
    const result = calculate(pods, { a: 300, b: 500, c: 700 }, 30);
    expect(result.ok && result.value).toMatchObject({
      replicas: 4,
      utilization: 60,
      basis: { unreadyPods: 1, adjustedRatio: 40 / 30, countedPods: 3 },
    });
  });

  it('treats a pod whose Ready condition changed less than one window before the sample as not ready (first 5 minutes)', () => {
    const fresh = pod('a', { startedAgo: 60, readyChangedAgo: 10 });
    const groups = groupPods([fresh], metricsOf({ a: 500 }), 'cpu', HPA_CONFIG, NOW);
    expect([...groups.unready]).toEqual(['a']);
    const settled = pod('a', { startedAgo: 60, readyChangedAgo: 20 });
    expect(groupPods([settled], metricsOf({ a: 500 }), 'cpu', HPA_CONFIG, NOW).readyPodCount).toBe(1);
  });

  it('after 5 minutes, ignores only pods that never became ready (unready since within 30 s of start)', () => {
    const neverReady = pod('a', { ready: false, startedAgo: 600, readyChangedAgo: 590 });
    const wasReady = pod('b', { ready: false, startedAgo: 600, readyChangedAgo: 60 });
    const groups = groupPods([neverReady, wasReady], metricsOf({ a: 100, b: 100 }), 'cpu', HPA_CONFIG, NOW);
    expect({ unready: [...groups.unready], ready: groups.readyPodCount }).toEqual({ unready: ['a'], ready: 1 });
    // Memory metrics do not look at readiness.
    expect(groupPods([neverReady], metricsOf({ a: 100 }), 'memory', HPA_CONFIG, NOW).readyPodCount).toBe(1);
  });

  it('ignores deleted and failed pods and treats pending ones as not ready', () => {
    const pods = [
      pod('a', { deleting: true }),
      pod('b', { phase: 'Failed' }),
      pod('c', { phase: 'Pending' }),
      pod('d'),
    ];
    const groups = groupPods(pods, metricsOf({ a: 1, b: 1, d: 1 }), 'cpu', HPA_CONFIG, NOW);
    expect([[...groups.ignored], [...groups.unready], groups.readyPodCount]).toEqual([['a', 'b'], ['c'], 1]);
  });

  it('counts pods without metrics at their full request on a scale-down', () => {
    // Alone the three measured pods say 10% (ratio 0.2: 1 replica); with the fourth at 100% it is 32%: ceil(4 × 0.64) = 3.
    const pods = ['a', 'b', 'c', 'd'].map((n) => pod(n));
    const result = calculate(pods, { a: 100, b: 100, c: 100 }, 50);
    expect(result.ok && result.value).toMatchObject({
      replicas: 3,
      utilization: 10,
      basis: { missingPods: 1, adjustedRatio: 0.64, countedPods: 4 },
    });
  });

  it('keeps the current count when counting the missing pods would reverse the direction', () => {
    // 60% of a 50% target is a scale-up, but with the missing pod at 0% it is 40%.
    const result = calculate([pod('a'), pod('b'), pod('c')], { a: 600, b: 600 }, 50);
    expect(result.ok && [result.value.replicas, result.value.basis.kept]).toEqual([3, 'direction']);
  });

  it('fails without metrics for any counted pod, and on a missing request', () => {
    expect(calculate([pod('a', { phase: 'Pending' })], {}, 50)).toEqual({
      ok: false,
      error: 'did not receive metrics for targeted pods (pods might be unready)',
    });
    expect(calculate([pod('a'), pod('b', { cpuRequest: '' })], { a: 10, b: 10 }, 50)).toEqual({
      ok: false,
      error: 'missing request for cpu in container app of Pod b',
    });
    expect(calculate([], {}, 50)).toEqual({
      ok: false,
      error: 'no pods returned by selector while calculating replica count',
    });
  });
});

describe('calculateRequests', () => {
  it('sums container requests in millicores, or takes the pod-level request', () => {
    const twoContainers = pod('a');
    twoContainers.spec.containers.push({ name: 'side', image: 'busybox', resources: { requests: { cpu: '250m' } } });
    const podLevel = pod('b', { cpuRequest: '' });
    podLevel.spec.resources = { requests: { cpu: '1500m' } };
    expect(calculateRequests([twoContainers, podLevel], '', 'cpu')).toEqual({ ok: true, value: { a: 1250, b: 1500 } });
    expect(calculateRequests([twoContainers], 'side', 'cpu')).toEqual({ ok: true, value: { a: 250 } });
    expect(calculateRequests([twoContainers], 'web', 'cpu')).toEqual({
      ok: false,
      error: 'container web not found in Pod a',
    });
  });
});

describe('rawResourceReplicas (GetRawResourceReplicas)', () => {
  it('compares the average usage per pod with an average-value target', () => {
    const pods = [pod('a'), pod('b'), pod('c')];
    const result = rawResourceReplicas(
      {
        currentReplicas: 3,
        resource: 'cpu',
        container: '',
        pods,
        metrics: metricsOf({ a: 100, b: 200, c: 300 }),
        now: NOW,
      },
      100,
      HPA_CONFIG,
    );
    expect(result.ok && [result.value.replicas, result.value.rawUtilization]).toEqual([6, 200]);
  });
});
