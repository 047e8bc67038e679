import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { DEFAULT_START_TIME, formatTimestamp } from '../../runtime/time';
import { describePodForDeletion, rankPodsForDeletion, selectPodsToDelete } from './rankPodsForDeletion';

const NOW = DEFAULT_START_TIME + 3600_000;

interface Shape {
  node?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  readyAgo?: number;
  cost?: string;
  restarts?: number;
  createdAgo?: number;
  uid?: string;
}

function pod(name: string, shape: Shape): Pod {
  const ready = shape.readyAgo !== undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: shape.uid ?? name,
      creationTimestamp: formatTimestamp(NOW - (shape.createdAgo ?? 600) * 1000),
      ...(shape.cost !== undefined
        ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': shape.cost } }
        : {}),
    },
    spec: { containers: [{ name: 'app' }], ...(shape.node ? { nodeName: shape.node } : {}) },
    status: {
      phase: shape.phase ?? 'Running',
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: formatTimestamp(NOW - (shape.readyAgo ?? 0) * 1000),
        },
      ],
      containerStatuses: [{ name: 'app', image: 'x', imageID: '', ready, restartCount: shape.restarts ?? 0 }],
    },
  };
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name);

describe('rankPodsForDeletion', () => {
  it('puts unscheduled, then Pending, then not-ready pods first', () => {
    const pods = [
      pod('ready', { node: 'n1', readyAgo: 100 }),
      pod('not-ready', { node: 'n1' }),
      pod('pending', { node: 'n1', phase: 'Pending' }),
      pod('unknown', { node: 'n1', phase: 'Unknown' }),
      pod('unscheduled', { phase: 'Pending' }),
    ];
    expect(names(rankPodsForDeletion(pods, [], NOW))).toEqual([
      'unscheduled',
      'pending',
      'unknown',
      'not-ready',
      'ready',
    ]);
  });

  it('deletes a lower pod-deletion-cost first, ignoring invalid values', () => {
    const pods = [
      pod('costly', { node: 'n1', readyAgo: 100, cost: '100' }),
      pod('cheap', { node: 'n1', readyAgo: 100, cost: '-5' }),
      pod('leading-zero', { node: 'n1', readyAgo: 100, cost: '007', uid: 'b' }),
      pod('default', { node: 'n1', readyAgo: 100, uid: 'a' }),
    ];
    // '007' is not a valid cost, so it counts as 0 and ties with the pod without one (list order stays).
    expect(names(rankPodsForDeletion(pods, [], NOW))).toEqual(['cheap', 'leading-zero', 'default', 'costly']);
  });

  it('deletes from the node with the most related pods first', () => {
    const pods = [pod('alone', { node: 'n1', readyAgo: 100 }), pod('crowded', { node: 'n2', readyAgo: 100 })];
    const related = [...pods, pod('sibling-1', { node: 'n2' }), pod('sibling-2', { node: 'n2' })];
    expect(names(rankPodsForDeletion(pods, related, NOW))).toEqual(['crowded', 'alone']);
  });

  it('deletes the more recently ready first when their ages differ by a log2 bucket', () => {
    const pods = [pod('old', { node: 'n1', readyAgo: 1000 }), pod('recent', { node: 'n1', readyAgo: 10 })];
    expect(names(rankPodsForDeletion(pods, [], NOW))).toEqual(['recent', 'old']);
  });

  it('orders ready times in the same log2 bucket by uid, skipping restarts and age', () => {
    // 40 s and 50 s ago are both in floor(log2(ns)) = 35; uid 'a' < 'b' decides, not the restarts.
    const pods = [
      pod('restarted', { node: 'n1', readyAgo: 40, restarts: 5, uid: 'b' }),
      pod('calm', { node: 'n1', readyAgo: 50, uid: 'a' }),
    ];
    expect(names(rankPodsForDeletion(pods, [], NOW))).toEqual(['calm', 'restarted']);
  });

  it('then more restarts, then the newer pod first', () => {
    const restarts = [pod('calm', { node: 'n1' }), pod('restarted', { node: 'n1', restarts: 3 })];
    expect(names(rankPodsForDeletion(restarts, [], NOW))).toEqual(['restarted', 'calm']);
    const ages = [pod('older', { node: 'n1', createdAgo: 3000 }), pod('newer', { node: 'n1', createdAgo: 20 })];
    expect(names(rankPodsForDeletion(ages, [], NOW))).toEqual(['newer', 'older']);
  });

  it('keeps the list order when every pod goes', () => {
    const pods = [pod('ready', { node: 'n1', readyAgo: 5 }), pod('unscheduled', { phase: 'Pending' })];
    expect(names(selectPodsToDelete(pods, () => new Map(), 2, NOW))).toEqual(['ready', 'unscheduled']);
    expect(names(selectPodsToDelete(pods, () => new Map(), 1, NOW))).toEqual(['unscheduled']);
  });

  it('describes a pod by the facts the ranking reads', () => {
    expect(describePodForDeletion(pod('web-1', { phase: 'Pending' }), NOW)).toBe(
      'web-1 (unscheduled, Pending, not ready)',
    );
    expect(describePodForDeletion(pod('web-2', { node: 'n1', readyAgo: 42, cost: '3' }), NOW)).toBe(
      'web-2 (Running, ready 42s, deletion cost 3)',
    );
  });
});
