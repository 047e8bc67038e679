import { describe, expect, it } from 'vitest';
import type { Node, NodeCondition } from '../api/kinds';
import { kubeletNodeConditions } from './nodeConditions';

const AT = Date.UTC(2026, 0, 5, 9, 10);
const node = (conditions: NodeCondition[]) => ({ metadata: { name: 'worker1' }, status: { conditions } }) as Node;
const condition = (type: string, status: string, reason = 'R'): NodeCondition => ({
  type,
  status,
  reason,
  message: 'm',
  lastHeartbeatTime: '2026-01-05T09:00:00Z',
  lastTransitionTime: '2026-01-05T09:00:00Z',
});

describe('the node conditions the kubelet reports', () => {
  it('only moves the heartbeat of conditions that hold, memory pressure the eviction manager sees included', () => {
    const report = kubeletNodeConditions(
      node([
        condition('MemoryPressure', 'True', 'KubeletHasInsufficientMemory'),
        condition('DiskPressure', 'False'),
        condition('PIDPressure', 'False'),
        condition('Ready', 'True'),
      ]),
      AT,
      true,
    );
    expect(report.changed).toBe(false);
    expect(report.events).toEqual([]);
    expect(
      report.conditions.map((c) => `${c.type}=${c.status} ${c.reason} ${c.lastHeartbeatTime} ${c.lastTransitionTime}`),
    ).toEqual([
      'MemoryPressure=True KubeletHasInsufficientMemory 2026-01-05T09:10:00Z 2026-01-05T09:00:00Z',
      'DiskPressure=False R 2026-01-05T09:10:00Z 2026-01-05T09:00:00Z',
      'PIDPressure=False R 2026-01-05T09:10:00Z 2026-01-05T09:00:00Z',
      'Ready=True R 2026-01-05T09:10:00Z 2026-01-05T09:00:00Z',
    ]);
  });

  it('adds a condition the node lacks', () => {
    const report = kubeletNodeConditions(node([condition('Ready', 'True')]), AT);
    expect(report.changed).toBe(true);
    expect(report.events).toEqual(['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']);
    expect(report.conditions.map((c) => `${c.type}=${c.status} ${c.reason}`)).toEqual([
      'Ready=True R',
      'MemoryPressure=False KubeletHasSufficientMemory',
      'DiskPressure=False KubeletHasNoDiskPressure',
      'PIDPressure=False KubeletHasSufficientPID',
    ]);
  });

  it('turns what the node controller left Unknown back into its own view, with an event each', () => {
    const report = kubeletNodeConditions(
      node(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'].map((type) => condition(type, 'Unknown'))),
      AT,
    );
    expect(report.changed).toBe(true);
    expect(report.events).toEqual([
      'NodeHasSufficientMemory',
      'NodeHasNoDiskPressure',
      'NodeHasSufficientPID',
      'NodeReady',
    ]);
    expect(report.conditions.at(-1)).toEqual({
      type: 'Ready',
      status: 'True',
      reason: 'KubeletReady',
      message: 'kubelet is posting ready status',
      lastHeartbeatTime: '2026-01-05T09:10:00Z',
      lastTransitionTime: '2026-01-05T09:10:00Z',
    });
  });
});
