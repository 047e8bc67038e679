import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../api/kinds';
import { NodeInfoCache, buildNodeInfos } from './nodeInfo';

function node(name: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name },
    spec: {},
    status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
  };
}

function pod(
  name: string,
  nodeName: string | undefined,
  cpu: string,
  phase: NonNullable<Pod['status']>['phase'] = 'Running',
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name },
    spec: {
      containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu, memory: '100m' } } }],
      ...(nodeName ? { nodeName } : {}),
    },
    status: { phase },
  };
}

describe('NodeInfoCache', () => {
  it('gives what buildNodeInfos gives over the current pods, through binds, updates, finished pods and deletions', () => {
    const nodes = ['a', 'b', 'c'].map(node);
    const pods = new Map<string, Pod>();
    const cache = new NodeInfoCache(() => [...pods.keys()].sort().map((key) => pods.get(key)!));
    let random = 11;
    const next = (n: number) => (random = (random * 1_103_515_245 + 12_345) % 2_147_483_648) % n;
    for (let round = 0; round < 400; round++) {
      const key = `default/p${next(40)}`;
      const existing = pods.get(key);
      if (existing && next(5) === 0) {
        pods.delete(key);
        cache.podChanged(existing, true);
      } else {
        const nodeName = next(4) === 0 ? undefined : nodes[next(3)]!.metadata.name;
        const phase = (['Running', 'Pending', 'Succeeded'] as const)[next(3)];
        const changed = pod(key.slice('default/'.length), nodeName, `${next(900)}m`, phase);
        pods.set(key, changed);
        cache.podChanged(changed, false);
      }
      // A node object replaced (its status written) keeps its name.
      const replaced = next(3);
      if (round % 7 === 0) nodes[replaced] = node(nodes[replaced]!.metadata.name);
      if (round % 3 === 0) {
        const listed = [...pods.keys()].sort().map((key) => pods.get(key)!);
        expect(cache.build(nodes)).toEqual(buildNodeInfos(nodes, listed));
      }
    }
  });

  it('keeps the info of a node through status writes of its pods, and replaces it when labels or deletion change', () => {
    const nodes = [node('a')];
    const first = pod('p1', 'a', '100m');
    const pods = new Map<string, Pod>([['default/p1', first]]);
    const cache = new NodeInfoCache(() => [...pods.values()]);
    const [info] = cache.build(nodes);
    const written = { ...first, status: { phase: 'Running' as const, podIP: '10.244.0.5' } };
    pods.set('default/p1', written);
    cache.podChanged(written, false, first);
    expect(cache.build(nodes)[0]).toBe(info);

    const labeled = { ...written, metadata: { ...written.metadata, labels: { app: 'web' } } };
    cache.podChanged(labeled, false, written);
    const [relabeledInfo] = cache.build(nodes);
    expect(relabeledInfo).not.toBe(info);
    expect(relabeledInfo!.pods.map((p) => p.metadata.labels)).toEqual([{ app: 'web' }]);

    const deleting = { ...labeled, metadata: { ...labeled.metadata, deletionTimestamp: '2026-01-05T09:00:00Z' } };
    cache.podChanged(deleting, false, labeled);
    expect(cache.build(nodes)[0]!.pods[0]!.metadata.deletionTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(cache.build(nodes)[0]!.requested).toEqual(relabeledInfo!.requested);
  });
});
