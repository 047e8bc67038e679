import { describe, expect, it } from 'vitest';
import type { Node, Taint } from '../../api/kinds';
import type { DaemonSet } from './daemonSetTypes';
import { allowsSurge, isPodUpdated, surgeCount, unavailableCount } from './daemonSetTypes';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';

function node(name: string, labels: Record<string, string> = {}, taints: Taint[] = []): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: { taints } };
}

function daemonSet(podSpec: Record<string, unknown> = {}, strategy?: unknown): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { spec: { containers: [{ name: 'c', image: 'nginx' }], ...podSpec } },
      ...(strategy ? { updateStrategy: strategy } : {}),
    },
  } as DaemonSet;
}

describe('nodeShouldRunDaemonPod', () => {
  it('runs on an untainted node that matches', () => {
    expect(nodeShouldRunDaemonPod(node('w1'), daemonSet())).toEqual({ shouldRun: true, shouldContinueRunning: true });
  });

  it('checks the template nodeName, nodeSelector and required node affinity', () => {
    expect(nodeShouldRunDaemonPod(node('w1'), daemonSet({ nodeName: 'w2' }))).toEqual({
      shouldRun: false,
      shouldContinueRunning: false,
      reason: "the template's nodeName is w2",
    });
    expect(nodeShouldRunDaemonPod(node('w1'), daemonSet({ nodeSelector: { disk: 'ssd' } })).shouldRun).toBe(false);
    expect(
      nodeShouldRunDaemonPod(node('w1', { disk: 'ssd' }), daemonSet({ nodeSelector: { disk: 'ssd' } })).shouldRun,
    ).toBe(true);
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }],
        },
      },
    };
    expect(nodeShouldRunDaemonPod(node('w1', { zone: 'b' }), daemonSet({ affinity })).shouldRun).toBe(false);
    expect(nodeShouldRunDaemonPod(node('w1', { zone: 'a' }), daemonSet({ affinity })).shouldRun).toBe(true);
  });

  it('lets a running pod stay on a NoSchedule node, but not on an untolerated NoExecute one', () => {
    const noSchedule = node('w1', {}, [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    expect(nodeShouldRunDaemonPod(noSchedule, daemonSet())).toEqual({
      shouldRun: false,
      shouldContinueRunning: true,
      reason: 'it has the taint dedicated=gpu:NoSchedule, which the pod does not tolerate',
    });
    const noExecute = node('w1', {}, [{ key: 'dedicated', effect: 'NoExecute' }]);
    expect(nodeShouldRunDaemonPod(noExecute, daemonSet())).toEqual({
      shouldRun: false,
      shouldContinueRunning: false,
      reason: 'it has the taint dedicated:NoExecute, which the pod does not tolerate',
    });
  });

  it('tolerates the node-problem taints every daemon pod gets, network-unavailable only with hostNetwork', () => {
    for (const key of ['not-ready', 'unreachable'])
      expect(
        nodeShouldRunDaemonPod(node('w1', {}, [{ key: `node.kubernetes.io/${key}`, effect: 'NoExecute' }]), daemonSet())
          .shouldRun,
      ).toBe(true);
    for (const key of ['disk-pressure', 'memory-pressure', 'pid-pressure', 'unschedulable'])
      expect(
        nodeShouldRunDaemonPod(
          node('w1', {}, [{ key: `node.kubernetes.io/${key}`, effect: 'NoSchedule' }]),
          daemonSet(),
        ).shouldRun,
      ).toBe(true);
    const network = node('w1', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]);
    expect(nodeShouldRunDaemonPod(network, daemonSet()).shouldRun).toBe(false);
    expect(nodeShouldRunDaemonPod(network, daemonSet({ hostNetwork: true })).shouldRun).toBe(true);
  });
});

describe('DaemonSet update budgets', () => {
  const rolling = (rollingUpdate: Record<string, unknown>) => daemonSet({}, { type: 'RollingUpdate', rollingUpdate });

  it('rounds percentages up, counted in nodes', () => {
    expect(unavailableCount(rolling({ maxUnavailable: '10%' }), 12)).toBe(2);
    expect(unavailableCount(rolling({ maxUnavailable: '25%' }), 3)).toBe(1);
    expect(surgeCount(rolling({ maxSurge: '34%', maxUnavailable: 0 }), 3)).toBe(2);
    expect(unavailableCount(rolling({ maxUnavailable: 3 }), 2)).toBe(3);
  });

  it('has no budgets under OnDelete, and surge only when maxSurge is not zero', () => {
    expect(unavailableCount(daemonSet({}, { type: 'OnDelete' }), 5)).toBe(0);
    expect(allowsSurge(rolling({ maxSurge: '1%', maxUnavailable: 0 }))).toBe(true);
    expect(allowsSurge(rolling({ maxSurge: 0, maxUnavailable: 1 }))).toBe(false);
  });

  it('counts a pod as updated by the revision hash, or by the template generation', () => {
    const pod = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { labels } });
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'abc' }), 'abc', '2')).toBe(true);
    expect(isPodUpdated(pod({ 'pod-template-generation': '2' }), 'abc', '2')).toBe(true);
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'old', 'pod-template-generation': '1' }), 'abc', '2')).toBe(
      false,
    );
  });
});
