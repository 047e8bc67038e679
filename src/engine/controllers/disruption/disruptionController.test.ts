import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { OneSyncHarness } from '../job/oneSyncHarness';
import { DISRUPTION_CONTROLLER } from './disruptionController';

function harness() {
  return new OneSyncHarness(DISRUPTION_CONTROLLER);
}

function deployment(h: OneSyncHarness, replicas: number): { rs: KubeObject } {
  const deploy = h.create<KubeObject>({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  });
  const rs = h.create<KubeObject>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: 'web-abc',
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: deploy.metadata.uid!, controller: true },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
  });
  return { rs };
}

function pod(h: OneSyncHarness, name: string, owner: KubeObject | undefined, ready: boolean): KubeObject {
  const created = h.create<KubeObject>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels: { app: 'web' },
      ...(owner
        ? {
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: owner.kind,
                name: owner.metadata.name!,
                uid: owner.metadata.uid!,
                controller: true,
              },
            ],
          }
        : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });
  return h.setStatus(created, {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  });
}

function budget(h: OneSyncHarness, spec: Record<string, unknown>): void {
  h.create({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'web-pdb' },
    spec: { ...spec, selector: { matchLabels: { app: 'web' } } },
  });
}

const statusOf = (h: OneSyncHarness) => {
  const { status } = h.get<KubeObject & { status: Record<string, unknown> }>('poddisruptionbudgets', 'web-pdb')!;
  const { conditions, ...rest } = status as { conditions: { status: string; reason: string }[] };
  return { ...rest, condition: `${conditions[0]!.status} ${conditions[0]!.reason}` };
};

describe('disruption controller (pkg/controller/disruption/disruption.go trySync)', () => {
  it('counts selected pods for an integer minAvailable and allows what is healthy above it', () => {
    const h = harness();
    const { rs } = deployment(h, 3);
    pod(h, 'web-1', rs, true);
    pod(h, 'web-2', rs, true);
    pod(h, 'web-3', rs, false);
    budget(h, { minAvailable: 1 });
    expect(h.sync('default/web-pdb')).toEqual(['update poddisruptionbudgets/web-pdb/status']);
    expect(statusOf(h)).toEqual({
      disruptionsAllowed: 1,
      currentHealthy: 2,
      desiredHealthy: 1,
      expectedPods: 3,
      observedGeneration: 1,
      condition: 'True SufficientPods',
    });
    expect(h.sync('default/web-pdb')).toEqual([]);
  });

  it("counts a Deployment's replicas through its ReplicaSet for maxUnavailable, rounded up", () => {
    const h = harness();
    const { rs } = deployment(h, 4);
    for (const name of ['web-1', 'web-2', 'web-3']) pod(h, name, rs, true);
    budget(h, { maxUnavailable: '30%' });
    h.sync('default/web-pdb');
    // 30 % of 4 is 1.2, rounded up to 2 unavailable: 2 must stay healthy; 3 are.
    expect(statusOf(h)).toMatchObject({ expectedPods: 4, desiredHealthy: 2, currentHealthy: 3, disruptionsAllowed: 1 });
  });

  it('allows nothing when the budget is met exactly, and says so in an event when nothing matches', () => {
    const h = harness();
    budget(h, { minAvailable: 2 });
    h.sync('default/web-pdb');
    expect(statusOf(h)).toMatchObject({ expectedPods: 0, disruptionsAllowed: 0, condition: 'False InsufficientPods' });
    expect(h.events('web-pdb')).toEqual(['Normal NoPods: No matching pods found']);
  });

  it('reports pods without a controller for a percentage', () => {
    const h = harness();
    pod(h, 'lonely', undefined, true);
    budget(h, { minAvailable: '50%' });
    h.sync('default/web-pdb');
    expect(h.events('web-pdb')[0]).toMatch(/^Normal UnmanagedPods: Pods selected by this PodDisruptionBudget/);
  });

  it('wakes for pods its selector matches', () => {
    const h = harness();
    budget(h, { minAvailable: 1 });
    const { rs } = deployment(h, 1);
    expect(h.keysFor('ADDED', pod(h, 'web-1', rs, true))).toEqual(['default/web-pdb']);
  });
});
