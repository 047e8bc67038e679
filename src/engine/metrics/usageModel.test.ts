import { describe, expect, it } from 'vitest';
import { resourceProfileOf } from './resourceProfiles';
import { allocateCpu, cpuDemand, nodeOverhead } from './usageModel';

describe('resource profiles', () => {
  it('are looked up by the repository name, with a generic one for unknown images', () => {
    expect(resourceProfileOf('library/nginx')).toEqual({
      cpuPerRequest: 0.0001,
      idleCores: 0,
      memoryBytes: 3 * 1024 * 1024,
    });
    expect(resourceProfileOf('dotbalo/nginx')).toBe(resourceProfileOf('library/nginx'));
    expect(resourceProfileOf('hpa-example').cpuPerRequest).toBe(0.005);
    expect(resourceProfileOf('someone/app')).toEqual({
      cpuPerRequest: 0.001,
      idleCores: 0.001,
      memoryBytes: 12 * 1024 * 1024,
    });
  });
});

describe('the CPU model', () => {
  it('adds the cost of the requests served to the idle baseline', () => {
    expect(cpuDemand(resourceProfileOf('hpa-example'), 40)).toBeCloseTo(0.201, 9);
    expect(cpuDemand(resourceProfileOf('nginx'), 0)).toBe(0);
  });

  it('holds a container to its limit, and a node to its allocatable CPU shared in proportion', () => {
    const granted = allocateCpu(
      [
        { id: 'a', node: 'n1', cores: 0.5, limit: 0.2 },
        { id: 'b', node: 'n1', cores: 0.1 },
        { id: 'c', node: 'n2', cores: 3 },
        { id: 'd', node: 'n2', cores: 1 },
      ],
      { n1: 4, n2: 2 },
    );
    expect(granted).toEqual({ a: 0.2, b: 0.1, c: 1.5, d: 0.5 });
  });

  it('gives the node daemons their share', () => {
    expect(nodeOverhead(true).cores).toBeGreaterThan(nodeOverhead(false).cores);
    expect(nodeOverhead(false)).toEqual({ cores: 0.025, memoryBytes: 420 * 1024 * 1024 });
  });
});
