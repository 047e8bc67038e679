import { describe, it, expect } from 'vitest';
import type { Pod } from '../../api/kinds';
import { formatBytes, memoryEvictionMessage } from './evictionMessage';

const MI = 1024 * 1024;

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: {
    containers: [
      { name: 'app', image: 'polinux/stress', resources: { requests: { memory: '100Mi' } } },
      { name: 'sidecar', image: 'busybox' },
      { name: 'quiet', image: 'nginx', resources: { requests: { memory: '64Mi' } } },
    ],
  },
} as Pod;

describe('memoryEvictionMessage', () => {
  it('names the threshold, what was available and each container using more than it requests', () => {
    const message = memoryEvictionMessage(
      pod,
      [
        { name: 'app', workingSetBytes: 155.3125 * MI },
        { name: 'sidecar', workingSetBytes: 0.5 * MI },
        { name: 'quiet', workingSetBytes: 3 * MI },
      ],
      100 * MI,
      75.375 * MI,
    );
    expect(message).toBe(
      'The node was low on resource: memory. Threshold quantity: 100Mi, available: 77184Ki. ' +
        'Container app was using 159040Ki, request is 100Mi, has larger consumption of memory. ' +
        'Container sidecar was using 512Ki, request is 0, has larger consumption of memory. ',
    );
  });

  it('prints bytes as BinarySI quantities do', () => {
    expect([formatBytes(100 * MI), formatBytes(1536), formatBytes(1000), formatBytes(-2 * MI)]).toEqual([
      '100Mi',
      '1536',
      '1k',
      '-2Mi',
    ]);
  });
});
