import { describe, it, expect } from 'vitest';
import type { Pod } from '../../api/kinds';
import { rankMemoryPressure, type PodMemoryUsage } from './rankMemoryPressure';

const MI = 1024 * 1024;

function pod(name: string, memoryRequest?: string, priority = 0): Pod {
  const resources = memoryRequest ? { requests: { memory: memoryRequest } } : {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { priority, containers: [{ name: 'app', image: 'polinux/stress', resources }] },
  } as Pod;
}

const usage = (p: Pod, mebibytes?: number): PodMemoryUsage =>
  mebibytes === undefined ? { pod: p } : { pod: p, workingSetBytes: mebibytes * MI };

const names = (ranked: PodMemoryUsage[]) => ranked.map((u) => u.pod.metadata.name);

describe('rankMemoryPressure', () => {
  it('puts pods over their requests first, then lower priority, then the most memory above requests', () => {
    const ranked = rankMemoryPressure([
      usage(pod('guaranteed', '100Mi'), 55),
      usage(pod('burstable-under', '200Mi'), 150),
      usage(pod('burstable-over', '100Mi'), 155),
      usage(pod('best-effort-small'), 20),
      usage(pod('best-effort-big'), 65),
      usage(pod('important', undefined, 1000), 900),
    ]);
    expect(names(ranked)).toEqual([
      'best-effort-big',
      'burstable-over',
      'best-effort-small',
      'important',
      // Neither exceeds its request: 45Mi under it comes before 50Mi under it.
      'guaranteed',
      'burstable-under',
    ]);
  });

  it('ranks a pod the kubelet has no stats for before all others', () => {
    const ranked = rankMemoryPressure([usage(pod('running'), 500), usage(pod('starting', '1Gi'))]);
    expect(names(ranked)).toEqual(['starting', 'running']);
  });

  it('keeps the order of pods that compare equal', () => {
    const ranked = rankMemoryPressure([usage(pod('a'), 10), usage(pod('b'), 10), usage(pod('c'), 30)]);
    expect(names(ranked)).toEqual(['c', 'a', 'b']);
  });
});
