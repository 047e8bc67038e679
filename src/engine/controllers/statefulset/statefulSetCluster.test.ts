import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/kinds';
import { parseTimestamp } from '../../runtime/time';
import { TestCluster } from '../../testing/testCluster';
import { isRunningAndReady } from './statefulSetPods';
import { STATEFUL_SETS, type StatefulSet } from './statefulSetTypes';

interface Shape {
  replicas?: number;
  image?: string;
  partition?: number;
  policy?: 'OrderedReady' | 'Parallel';
}

/** Headless Service `nginx` and StatefulSet `web` with a `www` claim template (docs statefulset.md, basic example). */
function manifest({ replicas = 3, image = 'nginx:1.25', partition = 0, policy = 'OrderedReady' }: Shape = {}): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: ${replicas}
  podManagementPolicy: ${policy}
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      partition: ${partition}
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      terminationGracePeriodSeconds: 10
      containers:
      - name: nginx
        image: ${image}
        ports:
        - containerPort: 80
          name: web
        readinessProbe:
          tcpSocket:
            port: 80
          initialDelaySeconds: 3
          periodSeconds: 2
  volumeClaimTemplates:
  - metadata:
      name: www
    spec:
      accessModes: [ReadWriteOnce]
      resources:
        requests:
          storage: 1Gi
`;
}

function statefulSet(test: TestCluster): StatefulSet {
  return test.cluster.api.find(STATEFUL_SETS, 'default', 'web') as StatefulSet;
}

function podNames(test: TestCluster): string[] {
  return test
    .pods()
    .filter((pod) => pod.metadata.name.startsWith('web-'))
    .map((pod) => pod.metadata.name);
}

function claimNames(test: TestCluster): string[] {
  return test.kubectl('get pvc -o name').stdout.trim().split('\n');
}

function allReady(test: TestCluster, count: number): boolean {
  const pods = test.pods().filter((pod) => pod.metadata.name.startsWith('web-'));
  return pods.length === count && pods.every((pod) => isRunningAndReady(pod) && !pod.metadata.deletionTimestamp);
}

function revisionOf(pod: Pod | undefined): string | undefined {
  return pod?.metadata.labels?.['controller-revision-hash'];
}

/**
 * What happens to the set's pods, in order, from the API server's watch: `create web-3` when a pod is added,
 * `delete web-3` when it is marked for deletion. (Events would do, but past ten similar messages in ten minutes
 * the event correlator combines them, as Kubernetes does.)
 */
function watchPods(test: TestCluster): string[] {
  const log: string[] = [];
  test.cluster.api.watch((event, resource, previous) => {
    if (resource.plural !== 'pods' || !event.object.metadata.name?.startsWith('web-')) return;
    const name = event.object.metadata.name;
    if (event.type === 'ADDED') log.push(`create ${name}`);
    else if (
      event.type === 'MODIFIED' &&
      event.object.metadata.deletionTimestamp &&
      !previous?.metadata.deletionTimestamp
    )
      log.push(`delete ${name}`);
  });
  return log;
}

describe('StatefulSet in a cluster: the worked trace (OrderedReady, RollingUpdate, www claims)', () => {
  it('creates, scales, updates with a partition, and scales down in ordinal order', () => {
    const test = new TestCluster();
    const lifecycle = watchPods(test);
    test.apply(manifest());
    test.waitFor(() => allReady(test, 3), 120);
    expect(test.events('web')).toEqual([
      'SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
      'SuccessfulCreate: create Claim www-web-1 Pod web-1 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-1 in StatefulSet web successful',
      'SuccessfulCreate: create Claim www-web-2 Pod web-2 in StatefulSet web success',
      'SuccessfulCreate: create Pod web-2 in StatefulSet web successful',
    ]);

    // Scale to 5: web-3, then web-4, each with its claim.
    test.apply(manifest({ replicas: 5 }));
    test.waitFor(() => allReady(test, 5), 120);
    expect(lifecycle.slice(3)).toEqual(['create web-3', 'create web-4']);
    expect(claimNames(test)).toEqual([
      'persistentvolumeclaim/www-web-0',
      'persistentvolumeclaim/www-web-1',
      'persistentvolumeclaim/www-web-2',
      'persistentvolumeclaim/www-web-3',
      'persistentvolumeclaim/www-web-4',
    ]);

    // New image with partition 2: web-4, web-3, web-2 are replaced in that order; web-0 and web-1 stay.
    const untouched = [test.pod('web-0')!.metadata.uid, test.pod('web-1')!.metadata.uid];
    const oldRevision = statefulSet(test).status?.currentRevision;
    test.apply(manifest({ replicas: 5, image: 'nginx:1.21.6', partition: 2 }));
    test.waitFor(() => statefulSet(test).status?.updatedReplicas === 3 && allReady(test, 5), 240);
    expect(lifecycle.slice(5)).toEqual([
      'delete web-4',
      'create web-4',
      'delete web-3',
      'create web-3',
      'delete web-2',
      'create web-2',
    ]);
    expect([test.pod('web-0')!.metadata.uid, test.pod('web-1')!.metadata.uid]).toEqual(untouched);
    test.advance(5);
    const status = statefulSet(test).status!;
    expect([status.replicas, status.readyReplicas, status.updatedReplicas, status.currentReplicas]).toEqual([
      5, 5, 3, 2,
    ]);
    expect(status.currentRevision).toBe(oldRevision);
    expect(status.updateRevision).not.toBe(oldRevision);
    expect(revisionOf(test.pod('web-2'))).toBe(status.updateRevision);
    expect(revisionOf(test.pod('web-1'))).toBe(oldRevision);

    // Partition 0: web-1, then web-0; the update completes.
    test.apply(manifest({ replicas: 5, image: 'nginx:1.21.6', partition: 0 }));
    test.waitFor(() => statefulSet(test).status?.currentRevision === status.updateRevision && allReady(test, 5), 240);
    expect(lifecycle.slice(11)).toEqual(['delete web-1', 'create web-1', 'delete web-0', 'create web-0']);

    // Scale 5 → 3: web-4 first, and web-3 only once web-4 is gone; the claims stay.
    test.apply(manifest({ replicas: 3, image: 'nginx:1.21.6', partition: 0 }));
    let web4GoneAt: number | undefined;
    let web3DeletedAt: number | undefined;
    test.waitFor(() => {
      if (web4GoneAt === undefined && !test.pod('web-4')) web4GoneAt = test.elapsed();
      if (web3DeletedAt === undefined && (!test.pod('web-3') || test.pod('web-3')!.metadata.deletionTimestamp))
        web3DeletedAt = test.elapsed();
      return podNames(test).length === 3;
    }, 120);
    expect(web4GoneAt).toBeDefined();
    expect(web3DeletedAt! >= web4GoneAt!).toBe(true);
    expect(lifecycle.slice(15)).toEqual(['delete web-4', 'delete web-3']);
    expect(claimNames(test)).toHaveLength(5);
  });
});

describe('StatefulSet in a cluster: ordering invariant', () => {
  it('never creates ordinal N before ordinal N-1 is Running and Ready (sampled every second)', () => {
    const test = new TestCluster();
    test.apply(manifest({ replicas: 4 }));
    const seen = new Set<string>();
    const firstSeen = new Map<string, number>();
    const violations: string[] = [];
    // Each pod (by uid) is checked the first second it exists: the pod below it must be Running and Ready, and
    // have turned Ready before the new pod was created.
    const sample = () => {
      for (const pod of test.pods()) {
        const uid = pod.metadata.uid!;
        if (seen.has(uid)) continue;
        seen.add(uid);
        if (!firstSeen.has(pod.metadata.name)) firstSeen.set(pod.metadata.name, test.elapsed());
        const ordinal = Number(pod.metadata.name.split('-')[1]);
        if (ordinal === 0) continue;
        const previous = test.pod(`web-${ordinal - 1}`);
        const readySince = parseTimestamp(
          previous?.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime,
        );
        const created = parseTimestamp(pod.metadata.creationTimestamp)!;
        if (!previous || !isRunningAndReady(previous) || readySince === undefined || readySince > created)
          violations.push(
            `${test.elapsed()}s: ${pod.metadata.name} exists before web-${ordinal - 1} is Running and Ready`,
          );
      }
    };
    for (let second = 0; second < 90; second++) {
      sample();
      test.advance(1);
    }
    // web-1 is deleted as the set grows: web-4 waits until the new web-1 is Running and Ready.
    expect(test.kubectl('delete pod web-1 --wait=false').exitCode).toBe(0);
    test.apply(manifest({ replicas: 6 }));
    for (let second = 0; second < 90; second++) {
      sample();
      test.advance(1);
    }
    expect(violations).toEqual([]);
    expect(podNames(test)).toEqual(['web-0', 'web-1', 'web-2', 'web-3', 'web-4', 'web-5']);
    expect(seen.size).toBe(7);
    // The readiness probe's delay spreads creations out: each pod came after the previous one turned ready.
    const order = ['web-0', 'web-1', 'web-2', 'web-3'].map((name) => firstSeen.get(name)!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(4);
  });
});

describe('StatefulSet in a cluster: the broken state (docs "Forced rollback")', () => {
  it('stays stuck on a broken pod after the template is reverted, until the pod is deleted by hand', () => {
    const test = new TestCluster();
    test.apply(manifest());
    test.waitFor(() => allReady(test, 3), 120);
    const good = statefulSet(test).status!.currentRevision;
    test.apply(manifest({ image: 'nginx:no-such-tag' }));
    test.advance(60);
    // web-2 was replaced by a pod that never becomes ready; web-1 and web-0 are left alone.
    expect(revisionOf(test.pod('web-2'))).not.toBe(good);
    expect(test.pod('web-2')!.status?.phase).toBe('Pending');
    expect([revisionOf(test.pod('web-1')), revisionOf(test.pod('web-0'))]).toEqual([good, good]);

    // Reverting the template is not enough: OrderedReady waits for web-2 before it would replace it.
    test.apply(manifest());
    test.advance(120);
    expect(statefulSet(test).status?.updateRevision).toBe(good);
    expect(revisionOf(test.pod('web-2'))).not.toBe(good);
    expect(test.pod('web-2')!.status?.phase).toBe('Pending');
    expect(test.cluster.decisions.about('StatefulSet', 'default', 'web').at(-1)?.text).toContain(
      'delete it by hand (kubectl delete pod web-2) and it is recreated from',
    );

    // Deleting the broken pod lets the controller recreate it from the reverted template.
    expect(test.kubectl('delete pod web-2').exitCode).toBe(0);
    test.waitFor(() => allReady(test, 3) && revisionOf(test.pod('web-2')) === good, 120);
    test.advance(3);
    expect(statefulSet(test).status).toMatchObject({ currentRevision: good, updateRevision: good, readyReplicas: 3 });
  });
});

describe('StatefulSet in a cluster: Parallel', () => {
  it('starts every pod at once, each with its own claim', () => {
    const test = new TestCluster();
    test.apply(manifest({ policy: 'Parallel' }));
    test.advance(1);
    expect(podNames(test)).toEqual(['web-0', 'web-1', 'web-2']);
    const created = test.pods().map((pod) => pod.metadata.creationTimestamp);
    expect(new Set(created).size).toBe(1);
    expect(claimNames(test)).toHaveLength(3);
    test.waitFor(() => allReady(test, 3), 60);
  });
});
