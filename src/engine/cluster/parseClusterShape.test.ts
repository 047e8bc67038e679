import { describe, expect, it } from 'vitest';
import { parseClusterShape } from './parseClusterShape';
import { LOCALLY_BUILT_IMAGES } from './shape';

describe('parseClusterShape', () => {
  it('fills defaults: workers 4 CPU / 8Gi with the locally built images, control planes tainted', () => {
    expect(
      parseClusterShape({
        nodes: [
          { name: 'cp', role: 'control-plane' },
          { name: 'w1', cpu: 2 },
        ],
      }),
    ).toEqual({
      ok: true,
      shape: {
        nodes: [
          {
            name: 'cp',
            role: 'control-plane',
            cpu: '4',
            memory: '8Gi',
            pods: 110,
            taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
            images: [],
          },
          { name: 'w1', role: 'worker', cpu: '2', memory: '8Gi', pods: 110, taints: [], images: LOCALLY_BUILT_IMAGES },
        ],
      },
    });
  });

  it('explains what is wrong, naming the field', () => {
    const error = (value: unknown) => {
      const result = parseClusterShape(value);
      return result.ok ? 'ok' : result.error;
    };
    expect(error({})).toBe('a cluster shape needs `nodes:`, a non-empty list');
    expect(error({ nodes: [{ name: 'Worker_1' }] })).toBe(
      'nodes[0].name must be a lowercase DNS name such as "worker4"',
    );
    expect(error({ nodes: [{ name: 'w1', memory: 'lots' }] })).toMatch(/^nodes\[0\]\.memory: /);
    expect(error({ nodes: [{ name: 'w1', cpu: '-2' }] })).toBe('nodes[0].cpu must not be negative');
    expect(error({ nodes: [{ name: 'w1' }, { name: 'w1' }] })).toBe('nodes[1].name "w1" is used twice');
    expect(error({ nodes: [{ name: 'w1', taints: [{ key: 'k', effect: 'Sometimes' }] }] })).toMatch(
      /^nodes\[0\]\.taints/,
    );
  });
});
