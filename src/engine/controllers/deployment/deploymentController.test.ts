import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { computeTemplateHash } from '../podTemplateHash';
import { REPLICA_SETS, type ReplicaSet } from '../replicaset/replicaKinds';
import { DeploymentHarness, deploymentObject } from './deploymentTestKit';
import type { DeploymentCondition } from './deploymentTypes';

const PODS = resolveResourceName('pods')!;

/** Conditions as `Type Status Reason: message`, in their order. */
function conditions(list: DeploymentCondition[] | undefined): string[] {
  return (list ?? []).map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`);
}

/** A Deployment rolled out to its first ReplicaSet, all pods ready. */
function rolledOut(shape: Parameters<typeof deploymentObject>[0] = {}) {
  const h = new DeploymentHarness(shape);
  h.rollOut();
  return h;
}

describe('Deployment controller: a new Deployment', () => {
  it('creates its ReplicaSet with the hash, revision and replica annotations, then reports', () => {
    const h = new DeploymentHarness({ replicas: 3 });
    const actions = h.syncDeployment();
    const rs = h.replicaSets()[0]!;
    const name = rs.metadata.name!;
    const hash = computeTemplateHash(h.deployment().spec.template);
    expect(name).toBe(`web-${hash}`);
    expect(hash).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(actions).toEqual([`ADDED replicasets/${name}`, 'MODIFIED deployments/web', 'MODIFIED deployments/web']);
    expect(h.events('web')).toEqual([`Normal ScalingReplicaSet: Scaled up replica set ${name} from 0 to 3`]);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
        uid: h.deployment().metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(rs.spec.replicas).toBe(3);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });

    const deployment = h.deployment();
    expect(deployment.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(deployment.status?.observedGeneration).toBe(1);
    expect(conditions(deployment.status?.conditions)).toEqual([
      `Progressing True NewReplicaSetCreated: Created new replica set "${name}"`,
      'Available False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
    ]);
    expect(h.decisionsAbout('Deployment', 'web')).toEqual([
      `created new ReplicaSet ${name} (revision 1) with 3 replicas: maxSurge 1 (25% of 3, rounded up) allows 4 pods ` +
        'and the ReplicaSets have 0, but only 3 more are wanted',
    ]);
  });

  it('reports the rollout complete once the pods are available', () => {
    const h = rolledOut({ replicas: 3 });
    const name = h.replicaSets()[0]!.metadata.name!;
    const status = h.deployment().status!;
    expect({ ...status, conditions: conditions(status.conditions) }).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        'Available True MinimumReplicasAvailable: Deployment has minimum availability.',
        `Progressing True NewReplicaSetAvailable: ReplicaSet "${name}" has successfully progressed.`,
      ],
    });
    expect(h.decisionsAbout('Deployment', 'web').at(-1)).toBe(
      'rollout complete: all 3 replicas are updated and available',
    );
    expect(h.syncDeployment()).toEqual([]);
  });

  it("copies the Deployment's annotations to the new ReplicaSet, except kubectl's and its own", () => {
    const h = new DeploymentHarness({
      annotations: {
        'kubernetes.io/change-cause': 'kubectl set image deployment/web app=nginx:1.25 --record=true',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        team: 'blue',
      },
    });
    h.syncDeployment();
    expect(h.replicaSets()[0]!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
      'kubernetes.io/change-cause': 'kubectl set image deployment/web app=nginx:1.25 --record=true',
      team: 'blue',
    });
  });

  it('keeps minReadySeconds of the new ReplicaSet in step with the Deployment', () => {
    const h = rolledOut({ minReadySeconds: 5 });
    expect(h.replicaSets()[0]!.spec.minReadySeconds).toBe(5);
    h.change((d) => {
      d.spec.minReadySeconds = 10;
    });
    // The ReplicaSet gets the new value; the Deployment reports the generation it acted on.
    expect(h.syncDeployment()).toEqual([
      `MODIFIED replicasets/${h.replicaSets()[0]!.metadata.name}`,
      'MODIFIED deployments/web',
    ]);
    expect(h.replicaSets()[0]!.spec.minReadySeconds).toBe(10);
  });
});

describe('Deployment controller: revisions and history', () => {
  it('reuses the old ReplicaSet when the template goes back, with a new revision and the old one in its history', () => {
    const h = rolledOut();
    const first = h.replicaSets()[0]!.metadata.name!;
    h.advance(60);
    h.setImage('nginx:1.26');
    h.rollOut();
    h.advance(60);
    h.setImage('nginx:1.25');
    h.rollOut();
    const sets = h.replicaSets();
    expect(sets).toHaveLength(2);
    const reused = sets.find((rs) => rs.metadata.name === first)!;
    expect(reused.spec.replicas).toBe(3);
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(h.deployment().metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(h.decisionsAbout('Deployment', 'web')).toContain(
      `the template matches ReplicaSet ${first} again: it becomes the new ReplicaSet with revision 3 (was 1, kept in its revision-history)`,
    );
  });

  it('deletes old ReplicaSets beyond revisionHistoryLimit once the rollout is complete', () => {
    const h = rolledOut({ revisionHistoryLimit: 1 });
    const first = h.replicaSets()[0]!.metadata.name!;
    for (const image of ['nginx:1.26', 'nginx:1.27']) {
      h.advance(60);
      h.setImage(image);
      h.rollOut();
    }
    expect(h.replicaSets().map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'])).toEqual([
      '2',
      '3',
    ]);
    expect(h.decisionsAbout('Deployment', 'web')).toContain(
      `revisionHistoryLimit 1 keeps 1 old ReplicaSet, there are 2: deleted ReplicaSet ${first} (revision 1)`,
    );
  });

  it('resolves a hash collision by counting it and hashing again', () => {
    const h = new DeploymentHarness();
    const template = h.deployment().spec.template;
    const taken = `web-${computeTemplateHash(template)}`;
    h.create({
      ...deploymentObject({ image: 'busybox' }),
      kind: 'ReplicaSet',
      metadata: { name: taken, labels: { app: 'other' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'other' } },
        template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'app', image: 'busybox' }] } },
      },
    });
    expect(h.syncDeployment()).toEqual(['MODIFIED deployments/web']);
    expect(h.deployment().status?.collisionCount).toBe(1);
    expect(h.decisionsAbout('Deployment', 'web')).toEqual([
      `ReplicaSet ${taken} exists but is not this Deployment's template (a hash collision): collisionCount 0 → 1, ` +
        'so the next sync hashes to a different name',
    ]);
    h.syncDeployment();
    expect(h.newReplicaSet()?.metadata.name).toBe(`web-${computeTemplateHash(template, 1)}`);
  });
});

describe('Deployment controller: pause and resume', () => {
  it('while paused, scales but does not roll out; on resume the rollout starts', () => {
    const h = rolledOut();
    const first = h.replicaSets()[0]!.metadata.name!;
    h.change((d) => {
      d.spec.paused = true;
    });
    // The paused condition, then the status for the new generation.
    expect(h.syncDeployment()).toEqual(['MODIFIED deployments/web', 'MODIFIED deployments/web']);
    expect(conditions(h.deployment().status?.conditions).at(-1)).toBe(
      'Progressing Unknown DeploymentPaused: Deployment is paused',
    );
    h.setImage('nginx:1.26');
    h.change((d) => {
      d.spec.replicas = 5;
    });
    h.syncDeployment();
    expect(h.replicaSets()).toHaveLength(1);
    expect(h.events('web').at(-1)).toBe(`Normal ScalingReplicaSet: Scaled up replica set ${first} from 3 to 5`);

    h.settle();
    h.syncDeployment();
    h.change((d) => {
      d.spec.paused = false;
    });
    h.syncDeployment();
    expect(h.replicaSets()).toHaveLength(2);
    expect(h.decisionsAbout('Deployment', 'web')).toContain(
      'resumed: the rollout continues, and the progress deadline counts from now',
    );
    expect(conditions(h.deployment().status?.conditions).at(-1)).toBe(
      `Progressing True NewReplicaSetCreated: Created new replica set "${h.newReplicaSet()!.metadata.name}"`,
    );
  });
});

describe('Deployment controller: Recreate', () => {
  it('scales the old ReplicaSet to 0, waits for its pods to be gone, then starts all new pods at once', () => {
    const h = rolledOut({ strategy: 'Recreate' });
    const old = h.replicaSets()[0]!;
    const pod = h.createPod('web-old-pod', { labels: { app: 'web' }, owner: old, nodeName: 'node1', readyFor: 60 });
    h.advance(60);
    h.setImage('nginx:1.26');
    h.syncDeployment();
    expect(h.replicaSets()).toHaveLength(1);
    expect(h.events('web').at(-1)).toBe(
      `Normal ScalingReplicaSet: Scaled down replica set ${old.metadata.name} from 3 to 0`,
    );

    h.syncDeployment();
    expect(h.decisionsAbout('Deployment', 'web').at(-1)).toBe(
      'waiting for old pods to stop before starting the new ones: old ReplicaSets still report 3 pods',
    );
    h.settle();
    h.api.delete(PODS, 'default', pod.metadata.name);
    h.syncDeployment();
    expect(h.decisionsAbout('Deployment', 'web').at(-1)).toBe(
      'waiting for old pods to stop before starting the new ones: pod web-old-pod is still terminating',
    );
    // The last pod going away wakes the Deployment.
    const gone = h.pod('web-old-pod');
    h.api.delete(PODS, 'default', 'web-old-pod', { gracePeriodSeconds: 0 });
    expect(h.controller.keysFor({ type: 'DELETED', object: gone }, PODS)).toEqual(['default/web']);

    h.syncDeployment();
    const fresh = h.newReplicaSet()!;
    expect(h.events('web').at(-1)).toBe(
      `Normal ScalingReplicaSet: Scaled up replica set ${fresh.metadata.name} from 0 to 3`,
    );
    expect(h.deployment().status?.conditions?.find((c) => c.type === 'Available')?.status).toBe('False');
    h.settle();
    h.syncDeployment();
    expect(h.deployment().status?.conditions?.find((c) => c.type === 'Available')?.status).toBe('True');
  });
});

describe('Deployment controller: progress deadline', () => {
  it('marks a rollout without progress for progressDeadlineSeconds as failed, and rechecks just after the deadline', () => {
    const h = rolledOut({ progressDeadlineSeconds: 30 });
    const old = h.replicaSets()[0]!.metadata.name!;
    h.advance(60);
    h.setImage('nginx:broken');
    h.rollOut((rs) => rs.metadata.name === old);
    const fresh = h.newReplicaSet()!.metadata.name!;
    expect(conditions(h.deployment().status?.conditions).at(-1)).toBe(
      `Progressing True ReplicaSetUpdated: ReplicaSet "${fresh}" is progressing.`,
    );
    // Deadline 30 s after the last progress, plus a second.
    expect(h.queuedIn('default/web')).toBe(31_000);
    h.advance(31);
    h.syncDeployment();
    expect(conditions(h.deployment().status?.conditions).at(-1)).toBe(
      `Progressing False ProgressDeadlineExceeded: ReplicaSet "${fresh}" has timed out progressing.`,
    );
    expect(h.decisionsAbout('Deployment', 'web').at(-1)).toBe(
      'no progress for progressDeadlineSeconds 30 since 2026-01-05T09:01:00Z: Progressing is now False ' +
        '(ProgressDeadlineExceeded); the rollout keeps trying',
    );
    // Once the pods come up the rollout goes on and finishes.
    h.rollOut();
    expect(h.sizes()).toBe('3,0');
    expect(conditions(h.deployment().status?.conditions).at(-1)).toBe(
      `Progressing True NewReplicaSetAvailable: ReplicaSet "${fresh}" has successfully progressed.`,
    );
  });

  it('reports a ReplicaSet that cannot be created, as a condition and an event', () => {
    const h = new DeploymentHarness();
    const name = 'w'.repeat(250);
    h.create({ ...deploymentObject(), metadata: { name } });
    h.sync(`default/${name}`);
    const deployment = h.get<ReplicaSet>('deployments.apps', name)!;
    const progressing = (deployment.status as { conditions: DeploymentCondition[] }).conditions[0]!;
    expect(progressing).toMatchObject({ type: 'Progressing', status: 'False', reason: 'ReplicaSetCreateError' });
    expect(progressing.message).toMatch(
      /^Failed to create new replica set "w{250}-[4-9bcdf]+": ReplicaSet.apps .* is invalid/,
    );
    // The Warning event is recorded too, but its own name (`<deployment>.<hex time>`) is too long to store, as in
    // Kubernetes; a shorter name could not make the ReplicaSet's too long.
    expect(h.events(name)).toEqual([]);
    expect(h.queuedIn(`default/${name}`)).toBe(5);
  });

  it("carries a ReplicaSet's ReplicaFailure condition up", () => {
    const h = rolledOut();
    const rs = h.replicaSets()[0]!;
    h.setStatus(rs, {
      ...rs.status,
      conditions: [
        {
          type: 'ReplicaFailure',
          status: 'True',
          lastTransitionTime: '2026-01-05T09:00:00Z',
          reason: 'FailedCreate',
          message: 'pods "web-" is forbidden: exceeded quota',
        },
      ],
    });
    h.syncDeployment();
    expect(conditions(h.deployment().status?.conditions).at(-1)).toBe(
      'ReplicaFailure True FailedCreate: pods "web-" is forbidden: exceeded quota',
    );
  });
});

describe('Deployment controller: legacy rollback annotation', () => {
  it('rolls the template back to the asked revision, or warns', () => {
    const h = rolledOut();
    h.advance(60);
    h.setImage('nginx:1.26');
    h.rollOut();
    h.change((d) => {
      d.metadata.annotations = { ...d.metadata.annotations, 'deprecated.deployment.rollback.to': '2' };
    });
    h.syncDeployment();
    expect(h.events('web').at(-1)).toBe(
      'Warning DeploymentRollbackTemplateUnchanged: The rollback revision contains the same template as current deployment "web"',
    );
    h.change((d) => {
      d.metadata.annotations = { ...d.metadata.annotations, 'deprecated.deployment.rollback.to': '0' };
    });
    h.syncDeployment();
    expect(h.events('web').at(-1)).toBe('Normal DeploymentRollback: Rolled back deployment "web" to revision 1');
    const deployment = h.deployment();
    expect(deployment.spec.template.spec?.containers[0]?.image).toBe('nginx:1.25');
    expect(deployment.metadata.annotations?.['deprecated.deployment.rollback.to']).toBeUndefined();
    expect(deployment.spec.template.metadata?.labels).toEqual({ app: 'web' });
  });
});

describe('Deployment controller: ReplicaSets it does not own yet', () => {
  it('adopts an orphan ReplicaSet that matches its selector, as its new ReplicaSet', () => {
    const h = new DeploymentHarness();
    const template = structuredClone(h.deployment().spec.template);
    h.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'hand-made', labels: { app: 'web' } },
      spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
    });
    const orphan = h.get<ReplicaSet>('rs', 'hand-made')!;
    expect(h.controller.keysFor({ type: 'ADDED', object: orphan }, REPLICA_SETS)).toEqual(['default/web']);
    h.syncDeployment();
    expect(h.replicaSets().map((rs) => rs.metadata.name)).toEqual(['hand-made']);
    const adopted = h.get<ReplicaSet>('rs', 'hand-made')!;
    expect(adopted.metadata.ownerReferences?.[0]?.name).toBe('web');
    expect(adopted.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(conditions(h.deployment().status?.conditions)).toEqual([
      'Progressing True FoundNewReplicaSet: Found new replica set "hand-made"',
      'Available False MinimumReplicasUnavailable: Deployment does not have minimum availability.',
    ]);
    expect(h.decisionsAbout('Deployment', 'web')[0]).toBe(
      'adopted orphan ReplicaSet hand-made: its labels match selector app=web',
    );
    const pod = h.createPod('loner', { labels: { app: 'web' } }) as Pod;
    expect(h.controller.keysFor({ type: 'ADDED', object: pod }, PODS)).toEqual([]);
  });
});
