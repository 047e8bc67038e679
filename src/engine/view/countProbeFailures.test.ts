import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { countProbeFailures } from './countProbeFailures';

function unhealthy(uid: string, message: string, count: number, lastTimestamp: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `p.${count}`, namespace: 'default' },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'p', namespace: 'default', uid },
    reason: 'Unhealthy',
    type: 'Warning',
    message,
    count,
    lastTimestamp,
  };
}

describe('countProbeFailures', () => {
  it('sums the counts of each probe kind per pod, combined events included, and keeps the latest time', () => {
    const failures = countProbeFailures([
      unhealthy('a', 'Liveness probe failed: HTTP probe failed with statuscode: 500', 2, '2026-01-05T09:00:10Z'),
      unhealthy('a', '(combined from similar events): Liveness probe failed: timeout', 1, '2026-01-05T09:00:20Z'),
      unhealthy('a', 'Readiness probe failed: no', 4, '2026-01-05T09:00:15Z'),
      unhealthy('b', 'Startup probe failed: no', 3, '2026-01-05T09:01:00Z'),
      unhealthy('b', 'Liveness probe errored and resulted in unknown state: x', 1, '2026-01-05T09:02:00Z'),
      { ...unhealthy('c', 'Liveness probe failed: x', 1, '2026-01-05T09:00:00Z'), reason: 'Killing' },
    ]);
    expect(Object.fromEntries(failures)).toEqual({
      a: { liveness: 3, readiness: 4, startup: 0, lastAt: Date.UTC(2026, 0, 5, 9, 0, 20) },
      b: { liveness: 0, readiness: 0, startup: 3, lastAt: Date.UTC(2026, 0, 5, 9, 1, 0) },
    });
  });
});
