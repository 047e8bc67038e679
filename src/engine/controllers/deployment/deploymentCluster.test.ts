/**
 * Deployments in a whole simulated cluster: the ReplicaSet controller, scheduler and kubelets run between the
 * Deployment's syncs, so pods come up with their real delays.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { TestCluster } from '../../testing/testCluster';
import { isPodReady } from '../podConditions';
import { REPLICA_SETS, type ReplicaSet } from '../replicaset/replicaKinds';
import { DEPLOYMENTS, type Deployment } from './deploymentTypes';

interface Shape {
  replicas: number;
  image: string;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  strategy?: 'Recreate';
  minReadySeconds?: number;
}

function manifest(shape: Shape): string {
  const strategy =
    shape.strategy === 'Recreate'
      ? '  strategy:\n    type: Recreate\n'
      : shape.maxSurge !== undefined
        ? `  strategy:\n    rollingUpdate:\n      maxSurge: ${shape.maxSurge}\n      maxUnavailable: ${shape.maxUnavailable}\n`
        : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${shape.replicas}
${shape.minReadySeconds ? `  minReadySeconds: ${shape.minReadySeconds}\n` : ''}${strategy}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${shape.image}
`;
}

function deployment(t: TestCluster): Deployment {
  return t.cluster.api.find(DEPLOYMENTS, 'default', 'web') as Deployment;
}

function replicaSets(t: TestCluster): ReplicaSet[] {
  return t.cluster.api.all(REPLICA_SETS, 'default') as ReplicaSet[];
}

function rolledOut(t: TestCluster): boolean {
  const d = deployment(t);
  const progressing = d.status?.conditions?.find((c) => c.type === 'Progressing');
  return (
    d.status?.observedGeneration === d.metadata.generation &&
    progressing?.reason === 'NewReplicaSetAvailable' &&
    (d.status?.replicas ?? 0) === d.spec.replicas
  );
}

const active = (pods: Pod[]) => pods.filter((p) => !p.metadata.deletionTimestamp);

describe('a rolling update in a running cluster', () => {
  const cases: [string, Shape, number, number][] = [
    [
      '10 replicas, maxSurge 3, maxUnavailable 2',
      { replicas: 10, image: 'nginx:1.25', maxSurge: 3, maxUnavailable: 2 },
      13,
      8,
    ],
    ['4 replicas, 25%/25%', { replicas: 4, image: 'nginx:1.25' }, 5, 3],
    [
      '4 replicas, maxSurge 0, maxUnavailable 1',
      { replicas: 4, image: 'nginx:1.25', maxSurge: 0, maxUnavailable: 1 },
      4,
      3,
    ],
    [
      '3 replicas, maxSurge 1, maxUnavailable 0',
      { replicas: 3, image: 'nginx:1.25', maxSurge: 1, maxUnavailable: 0 },
      4,
      3,
    ],
  ];
  for (const [name, shape, maxPods, minReady] of cases) {
    it(`${name}: never more than ${maxPods} pods nor fewer than ${minReady} ready, sampled every second`, () => {
      const t = new TestCluster();
      t.apply(manifest(shape));
      t.waitFor(() => rolledOut(t), 120);
      t.apply(manifest({ ...shape, image: 'nginx:1.26' }));
      const samples: string[] = [];
      for (let second = 0; second < 180 && !rolledOut(t); second++) {
        t.advance(1);
        const pods = active(t.pods());
        const ready = pods.filter(isPodReady).length;
        if (pods.length > maxPods || ready < minReady)
          samples.push(`${t.elapsed()}s: ${pods.length} pods, ${ready} ready`);
      }
      expect(rolledOut(t)).toBe(true);
      expect(samples).toEqual([]);
      const images = active(t.pods()).map((p) => p.spec.containers[0]?.image);
      expect(images).toEqual(Array<string>(shape.replicas).fill('nginx:1.26'));
      expect(
        replicaSets(t)
          .map((rs) => rs.spec.replicas)
          .sort(),
      ).toEqual([0, shape.replicas]);
    });
  }

  it('shows the rollout in the Deployment events, one step at a time (S000-deploy)', () => {
    const t = new TestCluster();
    t.apply(manifest({ replicas: 3, image: 'nginx:1.25' }));
    t.waitFor(() => rolledOut(t), 120);
    const [first] = replicaSets(t).map((rs) => rs.metadata.name!);
    t.apply(manifest({ replicas: 3, image: 'nginx:1.26' }));
    t.waitFor(() => rolledOut(t), 120);
    const second = replicaSets(t).find((rs) => rs.metadata.name !== first)!.metadata.name!;
    expect(t.events('web').map((line) => line.replace(first!, 'OLD').replace(second, 'NEW'))).toEqual([
      'ScalingReplicaSet: Scaled up replica set OLD from 0 to 3',
      'ScalingReplicaSet: Scaled up replica set NEW from 0 to 1',
      'ScalingReplicaSet: Scaled down replica set OLD from 3 to 2',
      'ScalingReplicaSet: Scaled up replica set NEW from 1 to 2',
      'ScalingReplicaSet: Scaled down replica set OLD from 2 to 1',
      'ScalingReplicaSet: Scaled up replica set NEW from 2 to 3',
      'ScalingReplicaSet: Scaled down replica set OLD from 1 to 0',
    ]);
    expect(deployment(t).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('gets stuck on an image that cannot be pulled, keeps 3 available, and times out after 600 s', () => {
    const t = new TestCluster();
    t.apply(manifest({ replicas: 3, image: 'nginx:1.25' }));
    t.waitFor(() => rolledOut(t), 120);
    t.apply(manifest({ replicas: 3, image: 'nginx:no-such-tag' }));
    t.advance(30);
    const pods = active(t.pods());
    expect(pods).toHaveLength(4);
    expect(pods.filter(isPodReady)).toHaveLength(3);
    const conditionOf = (type: string) => deployment(t).status?.conditions?.find((c) => c.type === type);
    expect(conditionOf('Available')?.status).toBe('True');
    expect(conditionOf('Progressing')?.reason).toBe('ReplicaSetUpdated');
    t.advance(600);
    const newRS = replicaSets(t).find((rs) => rs.spec.template?.spec?.containers[0]?.image === 'nginx:no-such-tag')!;
    expect(conditionOf('Progressing')).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.`,
    });
    expect(
      replicaSets(t)
        .map((rs) => rs.spec.replicas)
        .sort(),
    ).toEqual([1, 3]);
  });

  it('counts pods available only minReadySeconds after they are ready', () => {
    const t = new TestCluster();
    t.apply(manifest({ replicas: 2, image: 'nginx:1.25', minReadySeconds: 10 }));
    const readyAfter = t.waitFor(() => active(t.pods()).filter(isPodReady).length === 2, 60);
    expect(deployment(t).status?.availableReplicas).toBeUndefined();
    const availableAfter = t.waitFor(() => deployment(t).status?.availableReplicas === 2, 60);
    expect(availableAfter).toBeGreaterThanOrEqual(9);
    expect(availableAfter).toBeLessThanOrEqual(12);
    expect(readyAfter).toBeLessThan(10);
  });
});

describe('Recreate in a running cluster', () => {
  it('never runs old and new pods together', () => {
    const t = new TestCluster();
    t.apply(manifest({ replicas: 3, image: 'nginx:1.25', strategy: 'Recreate' }));
    t.waitFor(() => rolledOut(t), 120);
    t.apply(manifest({ replicas: 3, image: 'nginx:1.26', strategy: 'Recreate' }));
    const overlaps: string[] = [];
    for (let second = 0; second < 180 && !rolledOut(t); second++) {
      t.advance(1);
      const images = new Set(t.pods().map((p) => p.spec.containers[0]?.image));
      if (images.size > 1) overlaps.push(`${t.elapsed()}s`);
    }
    expect(rolledOut(t)).toBe(true);
    expect(overlaps).toEqual([]);
    const names = replicaSets(t).map((rs) => rs.metadata.name!);
    const events = t.events('web').map((line) => names.reduce((text, n, i) => text.replace(n, `RS${i}`), line));
    expect(events.slice(1)).toEqual([
      expect.stringMatching(/^ScalingReplicaSet: Scaled down replica set RS\d from 3 to 0$/),
      expect.stringMatching(/^ScalingReplicaSet: Scaled up replica set RS\d from 0 to 3$/),
    ]);
  });
});
