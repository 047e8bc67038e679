import { describe, expect, it } from 'vitest';
import { deploymentObject, type DeploymentShape } from './deploymentTestKit';
import {
  describeMaxSurge,
  describeMaxUnavailable,
  maxSurgeOf,
  maxUnavailableOf,
  resolveFenceposts,
} from './fenceposts';

const resolved = (shape: DeploymentShape) => {
  const deployment = deploymentObject(shape);
  return [maxSurgeOf(deployment), maxUnavailableOf(deployment)];
};

describe('fenceposts', () => {
  it('resolves the default 25%/25%: surge rounds up, unavailable down (§1.1 table)', () => {
    const table = [1, 2, 3, 4, 5, 8, 10].map((replicas) => [replicas, ...resolved({ replicas })]);
    expect(table).toEqual([
      [1, 1, 0],
      [2, 1, 0],
      [3, 1, 0],
      [4, 1, 1],
      [5, 2, 1],
      [8, 2, 2],
      [10, 3, 2],
    ]);
  });

  it('forces maxUnavailable to 1 when both resolve to 0', () => {
    expect(resolveFenceposts('0%', '10%', 3)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(describeMaxUnavailable(deploymentObject({ replicas: 3, maxSurge: '0%', maxUnavailable: '10%' }))).toBe(
      'maxUnavailable 1 (10% of 3 and maxSurge both resolve to 0, so 1)',
    );
  });

  it('caps maxUnavailable at replicas, and has none for 0 replicas or Recreate', () => {
    expect(resolved({ replicas: 3, maxSurge: 0, maxUnavailable: 5 })).toEqual([0, 3]);
    expect(resolved({ replicas: 0 })).toEqual([0, 0]);
    expect(resolved({ replicas: 3, strategy: 'Recreate' })).toEqual([0, 0]);
  });

  it('says how each number came about', () => {
    const deployment = deploymentObject({ replicas: 10, maxSurge: '25%', maxUnavailable: 2 });
    expect(describeMaxSurge(deployment)).toBe('maxSurge 3 (25% of 10, rounded up)');
    expect(describeMaxUnavailable(deployment)).toBe('maxUnavailable 2');
    expect(describeMaxUnavailable(deploymentObject({ replicas: 3, maxSurge: 0, maxUnavailable: 5 }))).toBe(
      'maxUnavailable 3 (5, capped at 3 replicas)',
    );
    expect(describeMaxSurge(deploymentObject({ strategy: 'Recreate' }))).toBe('no surge (Recreate)');
  });
});
