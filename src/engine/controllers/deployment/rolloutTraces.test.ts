/**
 * The worked traces of k8s-behaviour.md §2 (and §1.5's proportional scaling example): one image change, and
 * between syncs every ReplicaSet has its pods ready (or, for §2.5, the new ones never become ready).
 * Sizes are `new,old`.
 */
import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../replicaset/replicaKinds';
import { DeploymentHarness, type DeploymentShape } from './deploymentTestKit';

function rollingUpdate(shape: DeploymentShape, newPodsBecomeReady = true) {
  const h = new DeploymentHarness(shape);
  h.rollOut();
  const oldName = h.replicaSets()[0]!.metadata.name!;
  h.advance(60);
  h.setImage('nginx:1.26');
  const ready = (rs: ReplicaSet) => newPodsBecomeReady || rs.metadata.name === oldName;
  const sequence = h.rollOut(ready);
  const newName = h.newReplicaSet()!.metadata.name!;
  const events = h.deploymentEvents({ [oldName]: 'OLD', [newName]: 'NEW' });
  return { h, sequence, events, ready, oldName, newName };
}

describe('§2 rolling update traces', () => {
  it('2.1: 3 replicas, 25%/25% (surge 1, unavailable 0) alternates one up, one down', () => {
    const { sequence, events } = rollingUpdate({ replicas: 3 });
    expect(sequence).toEqual(['0,3', '1,3', '1,2', '2,2', '2,1', '3,1', '3,0']);
    expect(events).toEqual([
      'Normal ScalingReplicaSet: Scaled up replica set OLD from 0 to 3',
      'Normal ScalingReplicaSet: Scaled up replica set NEW from 0 to 1',
      'Normal ScalingReplicaSet: Scaled down replica set OLD from 3 to 2',
      'Normal ScalingReplicaSet: Scaled up replica set NEW from 1 to 2',
      'Normal ScalingReplicaSet: Scaled down replica set OLD from 2 to 1',
      'Normal ScalingReplicaSet: Scaled up replica set NEW from 2 to 3',
      'Normal ScalingReplicaSet: Scaled down replica set OLD from 1 to 0',
    ]);
  });

  it('2.2: 10 replicas, maxSurge 3, maxUnavailable 2 scales the old set down in the sync that creates the new one', () => {
    const { sequence, events } = rollingUpdate({ replicas: 10, maxSurge: 3, maxUnavailable: 2 });
    expect(sequence).toEqual(['0,10', '3,8', '5,8', '5,3', '10,3', '10,0']);
    expect(events.slice(1, 3)).toEqual([
      'Normal ScalingReplicaSet: Scaled up replica set NEW from 0 to 3',
      'Normal ScalingReplicaSet: Scaled down replica set OLD from 10 to 8',
    ]);
  });

  it('2.3: 4 replicas, maxSurge 0, maxUnavailable 1 creates the new set empty, without an event', () => {
    const { sequence, events } = rollingUpdate({ replicas: 4, maxSurge: 0, maxUnavailable: 1 });
    expect(sequence).toEqual(['0,4', '0,3', '1,3', '1,2', '2,2', '2,1', '3,1', '3,0', '4,0']);
    expect(events.slice(1, 3)).toEqual([
      'Normal ScalingReplicaSet: Scaled down replica set OLD from 4 to 3',
      'Normal ScalingReplicaSet: Scaled up replica set NEW from 0 to 1',
    ]);
  });

  it('2.4: maxSurge 1, maxUnavailable 0 resolves like 25%/25% of 3', () => {
    expect(rollingUpdate({ replicas: 3, maxSurge: 1, maxUnavailable: 0 }).sequence).toEqual([
      '0,3',
      '1,3',
      '1,2',
      '2,2',
      '2,1',
      '3,1',
      '3,0',
    ]);
  });

  it('bonus: 4 replicas, 25%/25% (surge 1, unavailable 1)', () => {
    expect(rollingUpdate({ replicas: 4 }).sequence).toEqual(['0,4', '1,3', '2,3', '2,1', '4,1', '4,0']);
  });
});

describe('§2.5 new pods never become ready', () => {
  it('3 replicas, 25%/25% stop at (1,3) with 3 available', () => {
    const { h, sequence } = rollingUpdate({ replicas: 3 }, false);
    expect(sequence).toEqual(['0,3', '1,3']);
    expect(h.deployment().status?.conditions?.find((c) => c.type === 'Available')?.status).toBe('True');
    expect(h.decisionsAbout('Deployment', 'web').at(-1)).toBe(
      'waiting: maxSurge 1 (25% of 3, rounded up) allows 4 pods and the ReplicaSets already have 4; old ReplicaSets ' +
        'may not shrink: 4 pods − 3 minimum available (maxUnavailable 0 (25% of 3, rounded down)) − 1 unavailable new = 0',
    );
  });

  it('10 / 3 / 2 stop at (5,8) and 4 / 0 / 1 at (1,3)', () => {
    expect(rollingUpdate({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }, false).sequence).toEqual([
      '0,10',
      '3,8',
      '5,8',
    ]);
    expect(rollingUpdate({ replicas: 4, maxSurge: 0, maxUnavailable: 1 }, false).sequence).toEqual([
      '0,4',
      '0,3',
      '1,3',
    ]);
  });

  it('an undo frees the budget: the crash-looping pods go, then the old set grows back', () => {
    const { h, ready, oldName } = rollingUpdate({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }, false);
    h.setImage('nginx:1.25');
    // The original ReplicaSet is the new one again: 8 of its 10 pods are there and available.
    expect(h.rollOut(ready)).toEqual(['8,5', '8,0', '10,0']);
    const original = h.replicaSets().find((rs) => rs.metadata.name === oldName)!;
    expect(original.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(original.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(h.deployment().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(h.replicaSets()).toHaveLength(2);
  });
});

describe('§1.5 proportional scaling during a rollout', () => {
  it('scaling a stuck 10 / 3 / 2 rollout to 15 adds 3 to the old set and 2 to the new one', () => {
    const {
      h,
      ready,
      oldName: oldRS,
      newName: newRS,
    } = rollingUpdate({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }, false);
    h.change((d) => {
      d.spec.replicas = 15;
    });
    h.syncDeployment();
    expect(h.sizes()).toBe('7,11');
    expect(h.deploymentEvents({ [oldRS]: 'OLD', [newRS]: 'NEW' }).slice(-2)).toEqual([
      'Normal ScalingReplicaSet: Scaled up replica set OLD from 8 to 11',
      'Normal ScalingReplicaSet: Scaled up replica set NEW from 5 to 7',
    ]);
    for (const rs of h.replicaSets()) {
      expect(rs.metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).toBe('15');
      expect(rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('18');
    }
    expect(h.decisionsAbout('Deployment', 'web').slice(-4, -2)).toEqual([
      'scaling event: ReplicaSet ' + oldRS + ' was sized for 10 replicas, the Deployment now wants 15',
      'scaling during a rollout: 15 + maxSurge 3 = 18 pods allowed, the active ReplicaSets have 13, so add 5 in ' +
        `proportion to their sizes (largest first): ${oldRS} 8 × 18 / 13 = 11.08 ≈ 11 → +3; ${newRS} 5 × 18 / 13 = 6.92 ≈ 7 → +2`,
    ]);
    // Still stuck at the new size: 18 pods − 13 minimum available − 7 unavailable new leaves nothing to remove.
    h.settle(ready);
    h.syncDeployment();
    expect(h.sizes()).toBe('7,11');
  });

  it('scaling down removes from the larger, older set first', () => {
    const { h } = rollingUpdate({ replicas: 10, maxSurge: 3, maxUnavailable: 2 }, false);
    h.change((d) => {
      d.spec.replicas = 5;
    });
    h.syncDeployment();
    // allowed 5 + 3 = 8: old round(8 × 8 / 13) = 5, new round(5 × 8 / 13) = 3.
    expect(h.sizes()).toBe('3,5');
  });
});
