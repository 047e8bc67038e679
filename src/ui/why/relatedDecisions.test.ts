import { describe, expect, it } from 'vitest';
import type { ClusterView } from '../../engine/view/clusterViewTypes';
import type { Decision } from '../../worker/protocol';
import { relatedDecisions } from './relatedDecisions';

const decision = (kind: string, name: string): Decision => ({
  time: 0,
  controller: 'c',
  object: { kind, namespace: 'default', name },
  text: `${kind} ${name}`,
});

const view: ClusterView = {
  time: 0,
  nodes: [],
  services: [],
  workloads: [
    { kind: 'Deployment', namespace: 'default', name: 'web', uid: 'd', desired: 3, current: 3, ready: 3 },
    {
      kind: 'ReplicaSet',
      namespace: 'default',
      name: 'web-1',
      uid: 'rs',
      owner: { kind: 'Deployment', namespace: 'default', name: 'web', uid: 'd' },
      desired: 3,
      current: 3,
      ready: 3,
    },
  ],
  pods: [],
};

describe('relatedDecisions', () => {
  const all = [decision('Deployment', 'web'), decision('ReplicaSet', 'web-1'), decision('StatefulSet', 'db')];

  it('shows a Deployment with its ReplicaSets, and everything with no selection', () => {
    const selected = { kind: 'Deployment', namespace: 'default', name: 'web', uid: 'd' };
    expect(relatedDecisions(all, selected, view).map((d) => d.text)).toEqual(['Deployment web', 'ReplicaSet web-1']);
    expect(relatedDecisions(all, undefined, view)).toHaveLength(3);
  });

  it('shows a ReplicaSet with its Deployment', () => {
    const selected = { kind: 'ReplicaSet', namespace: 'default', name: 'web-1', uid: 'rs' };
    expect(relatedDecisions(all, selected, view).map((d) => d.text)).toEqual(['Deployment web', 'ReplicaSet web-1']);
  });
});
