import { describe, expect, it } from 'vitest';
import { SyncHarness } from '../history/syncHarness';
import { STATEFUL_SET_CONTROLLER } from './statefulSetController';
import type { StatefulSet } from './statefulSetTypes';

const KEY = 'default/web';

function newSet(harness: SyncHarness, spec: Record<string, unknown> = {}): StatefulSet {
  return harness.create({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      serviceName: 'nginx',
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
      ...spec,
    },
  });
}

function set(harness: SyncHarness): StatefulSet {
  return harness.get<StatefulSet>('statefulsets.apps', 'web')!;
}

function setImage(harness: SyncHarness, image: string): void {
  harness.update<StatefulSet>('statefulsets.apps', 'web', (s) => {
    s.spec.template.spec!.containers[0]!.image = image;
  });
}

function ready(harness: SyncHarness, ...names: string[]): void {
  for (const name of names) harness.setPod(name, { phase: 'Running', readyFor: 60 });
}

/** Creates pods one sync at a time (each made Running and Ready) until `count` exist. */
function startPods(harness: SyncHarness, count: number): void {
  for (let i = 0; i < count; i++) {
    harness.sync(KEY);
    ready(harness, `web-${i}`);
  }
  harness.sync(KEY);
}

function revisionOf(harness: SyncHarness, pod: string): string | undefined {
  return harness.pod(pod).metadata.labels?.['controller-revision-hash'];
}

describe('StatefulSet controller: creation', () => {
  it('records the template, then creates the claim and the pod of ordinal 0, and stops', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness);
    expect(harness.sync(KEY)).toEqual([
      'ADDED controllerrevisions/web-8644766f65',
      'ADDED persistentvolumeclaims/www-web-0',
      'ADDED pods/web-0',
      'MODIFIED statefulsets/web',
    ]);
    expect(harness.events('web')).toEqual([
      'Normal SuccessfulCreate: create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'Normal SuccessfulCreate: create Pod web-0 in StatefulSet web successful',
    ]);
    // The pod created this sync is not counted yet: the controller counts the pods it listed.
    expect(set(harness).status).toEqual({
      replicas: 0,
      availableReplicas: 0,
      observedGeneration: 1,
      currentRevision: 'web-8644766f65',
      updateRevision: 'web-8644766f65',
      collisionCount: 0,
    });
  });

  it('gives the pod its identity: name, labels, hostname, subdomain and claim volume', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    const owner = newSet(harness);
    harness.sync(KEY);
    const pod = harness.pod('web-0');
    expect(pod.metadata.generateName).toBe('web-');
    expect(pod.metadata.labels).toEqual({
      app: 'web',
      'apps.kubernetes.io/pod-index': '0',
      'controller-revision-hash': 'web-8644766f65',
      'statefulset.kubernetes.io/pod-name': 'web-0',
    });
    expect(pod.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        name: 'web',
        uid: owner.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect([pod.spec.hostname, pod.spec.subdomain]).toEqual(['web-0', 'nginx']);
    expect(pod.spec.volumes?.[0]).toEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    const claim = harness.get('persistentvolumeclaims', 'www-web-0')!;
    expect(claim.metadata.labels).toEqual({ app: 'web' });
    expect(claim.metadata.ownerReferences).toBeUndefined();
  });

  it('creates web-1 only once web-0 is Running and Ready, and says why it waits', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness);
    harness.sync(KEY);
    expect(harness.sync(KEY)).toEqual(['MODIFIED statefulsets/web']);
    harness.setPod('web-0', { phase: 'Running' });
    expect(harness.sync(KEY)).toEqual([]);
    ready(harness, 'web-0');
    expect(harness.sync(KEY)).toEqual([
      'ADDED persistentvolumeclaims/www-web-1',
      'ADDED pods/web-1',
      'MODIFIED statefulsets/web',
    ]);
    expect(harness.decisionsAbout('StatefulSet', 'web').slice(2)).toEqual([
      'created web-0 at revision web-8644766f65 (OrderedReady: one pod at a time, lowest missing ordinal first, ' +
        'each after the ones below it are Running and Ready)',
      'web-1 waits: web-0 is not Running and Ready (phase Pending)',
      'web-1 waits: web-0 is not Running and Ready (Running, not Ready)',
      'created PersistentVolumeClaim www-web-1 for web-1 before the pod itself; it is kept when the pod is deleted ' +
        'or the set scales down, and web-1 gets it back whenever it is recreated',
      'created web-1 at revision web-8644766f65 (OrderedReady: one pod at a time, lowest missing ordinal first, ' +
        'each after the ones below it are Running and Ready)',
    ]);
  });

  it('waits minReadySeconds after Ready before the next ordinal, and syncs again then', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { minReadySeconds: 10 });
    harness.sync(KEY);
    harness.setPod('web-0', { phase: 'Running', readyFor: 4 });
    expect(harness.sync(KEY)).toEqual(['MODIFIED statefulsets/web']);
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'web-1 waits: web-0 is Ready but not yet available (minReadySeconds 10)',
    );
    expect(harness.queuedIn(KEY)).toBe(10_000);
    harness.advance(7);
    expect(harness.sync(KEY)).toContain('ADDED pods/web-1');
  });

  it('creates every pod in one sync with Parallel', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { podManagementPolicy: 'Parallel' });
    expect(harness.sync(KEY).filter((a) => a.startsWith('ADDED pods'))).toEqual([
      'ADDED pods/web-0',
      'ADDED pods/web-1',
      'ADDED pods/web-2',
    ]);
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'Parallel: created web-0, web-1, web-2 at once, without waiting for any pod to be ready',
    );
  });

  it('counts pods into the status, leaving zero counts out', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { minReadySeconds: 30 });
    harness.sync(KEY);
    harness.setPod('web-0', { phase: 'Running', readyFor: 5 });
    harness.sync(KEY);
    expect(set(harness).status).toEqual({
      replicas: 1,
      readyReplicas: 1,
      availableReplicas: 0,
      currentReplicas: 1,
      updatedReplicas: 1,
      observedGeneration: 1,
      currentRevision: 'web-8644766f65',
      updateRevision: 'web-8644766f65',
      collisionCount: 0,
    });
  });
});

describe('StatefulSet controller: failures and identity', () => {
  it('deletes a Failed pod and recreates it only once it is gone', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness);
    startPods(harness, 3);
    harness.setPod('web-1', { phase: 'Failed' });
    expect(harness.sync(KEY)).toEqual(['MODIFIED pods/web-1', 'DELETED pods/web-1', 'MODIFIED statefulsets/web']);
    expect(harness.events('web').at(-1)).toBe(
      'Normal SuccessfulDelete: delete Pod web-1 in StatefulSet web successful',
    );
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'web-1 has phase Failed: deleting it; a new web-1 is created once the old one is gone',
    );
    expect(harness.sync(KEY)).toEqual(['ADDED pods/web-1', 'MODIFIED statefulsets/web']);
  });

  it('retries a pod the apiserver rejects, with growing backoff', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, {
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx' }] } },
      volumeClaimTemplates: [],
    });
    harness.sync(KEY);
    expect(harness.events('web')).toEqual([
      'Warning FailedCreate: create Pod web-0 in StatefulSet web failed error: Pod "web-0" is invalid: ' +
        'spec.containers[0].image: Required value',
    ]);
    expect(harness.queuedIn(KEY)).toBe(5);
    harness.advance(8);
    harness.sync(KEY);
    expect(harness.queuedIn(KEY)).toBe(8000);
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'sync failed, retrying with backoff: Pod "web-0" is invalid: spec.containers[0].image: Required value',
    );
  });

  it('puts back identity labels someone removed', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { replicas: 1 });
    startPods(harness, 1);
    harness.update('pods', 'web-0', (pod) => {
      delete pod.metadata.labels!['statefulset.kubernetes.io/pod-name'];
    });
    expect(harness.sync(KEY)).toEqual(['MODIFIED pods/web-0']);
    expect(harness.pod('web-0').metadata.labels?.['statefulset.kubernetes.io/pod-name']).toBe('web-0');
    expect(harness.events('web').at(-1)).toBe(
      'Normal SuccessfulUpdate: update Pod web-0 in StatefulSet web successful',
    );
  });

  it('adopts an orphan pod whose name and labels make it a member', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    const owner = newSet(harness, { replicas: 1, volumeClaimTemplates: [] });
    harness.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-0', labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    });
    harness.sync(KEY);
    expect(harness.pod('web-0').metadata.ownerReferences?.[0]?.uid).toBe(owner.metadata.uid);
    expect(harness.decisionsAbout('StatefulSet', 'web')[0]).toBe(
      'adopted orphan pod web-0: its name and labels (app=web) make it a member of the set',
    );
  });
});

describe('StatefulSet controller: scaling down', () => {
  it('deletes from the highest ordinal, one pod at a time, and keeps the claims', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { replicas: 5 });
    startPods(harness, 5);
    harness.update<StatefulSet>('statefulsets.apps', 'web', (s) => {
      s.spec.replicas = 3;
    });
    expect(harness.sync(KEY)).toEqual(['MODIFIED pods/web-4', 'DELETED pods/web-4', 'MODIFIED statefulsets/web']);
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'scaling down to 3: deleting web-4, the highest ordinal out of range; web-3 is deleted only after web-4 is ' +
        'gone (OrderedReady)',
    );
    expect(harness.sync(KEY)).toEqual(['MODIFIED pods/web-3', 'DELETED pods/web-3', 'MODIFIED statefulsets/web']);
    expect(harness.podNames()).toEqual(['web-0', 'web-1', 'web-2']);
    expect(harness.names('persistentvolumeclaims')).toEqual([
      'www-web-0',
      'www-web-1',
      'www-web-2',
      'www-web-3',
      'www-web-4',
    ]);
  });

  it('waits for a terminating pod to be gone before deleting the next', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { replicas: 3 });
    startPods(harness, 3);
    harness.setPod('web-2', { phase: 'Running', readyFor: 60 }, 'worker1');
    harness.update<StatefulSet>('statefulsets.apps', 'web', (s) => {
      s.spec.replicas = 1;
    });
    expect(harness.sync(KEY)).toEqual(['MODIFIED pods/web-2', 'MODIFIED statefulsets/web']);
    expect(harness.pod('web-2').metadata.deletionTimestamp).toBeDefined();
    expect(harness.sync(KEY)).toEqual(['MODIFIED statefulsets/web']);
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'scale down to 1 waits: web-2 is terminating; web-1 is deleted only after it is gone',
    );
    harness.removePod('web-2');
    expect(harness.sync(KEY)).toEqual(['MODIFIED pods/web-1', 'DELETED pods/web-1', 'MODIFIED statefulsets/web']);
  });
});

describe('StatefulSet controller: updates', () => {
  it('replaces pods from the highest ordinal down to the partition', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } });
    startPods(harness, 3);
    setImage(harness, 'nginx:1.26');
    expect(harness.sync(KEY)).toEqual([
      'ADDED controllerrevisions/web-85dd45d49b',
      'MODIFIED pods/web-2',
      'DELETED pods/web-2',
      'MODIFIED statefulsets/web',
    ]);
    expect(harness.decisionsAbout('StatefulSet', 'web').slice(-2)).toEqual([
      'the template changed: new ControllerRevision web-85dd45d49b (revision 2) is the update revision; pods made ' +
        'from older revisions are replaced per the update strategy',
      'rolling update: deleting web-2 (revision web-8644766f65) so it is recreated at the update revision ' +
        'web-85dd45d49b; pods are replaced one at a time from the highest ordinal down to web-1 (partition 1)',
    ]);
    expect(set(harness).status?.currentReplicas).toBe(2);
    harness.sync(KEY);
    expect(revisionOf(harness, 'web-2')).toBe('web-85dd45d49b');
    ready(harness, 'web-2');
    expect(harness.sync(KEY)).toEqual(['MODIFIED pods/web-1', 'DELETED pods/web-1', 'MODIFIED statefulsets/web']);
    harness.sync(KEY);
    ready(harness, 'web-1');
    expect(harness.sync(KEY)).toEqual(['MODIFIED statefulsets/web']);
    expect(revisionOf(harness, 'web-0')).toBe('web-8644766f65');
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'partition 1: web-0 keep revision web-8644766f65; only ordinals 1 and up are updated to web-85dd45d49b',
    );
    expect(set(harness).status).toMatchObject({
      replicas: 3,
      currentReplicas: 1,
      updatedReplicas: 2,
      currentRevision: 'web-8644766f65',
      updateRevision: 'web-85dd45d49b',
    });
  });

  it('recreates a deleted pod below the partition from the current revision', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 3 } } });
    startPods(harness, 3);
    setImage(harness, 'nginx:1.26');
    expect(harness.sync(KEY)).toEqual(['ADDED controllerrevisions/web-85dd45d49b', 'MODIFIED statefulsets/web']);
    harness.removePod('web-1');
    harness.sync(KEY);
    expect(revisionOf(harness, 'web-1')).toBe('web-8644766f65');
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'created web-1 at the current revision web-8644766f65: ordinal 1 is below partition 3, so it keeps the old ' +
        'template (OrderedReady: one pod at a time, lowest missing ordinal first, each after the ones below it are ' +
        'Running and Ready)',
    );
  });

  it('completes the update once every existing pod is updated and ready', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { replicas: 2 });
    startPods(harness, 2);
    setImage(harness, 'nginx:1.26');
    harness.sync(KEY);
    harness.sync(KEY);
    ready(harness, 'web-1');
    harness.sync(KEY);
    // Deleting web-0 took it out of currentReplicas at once.
    expect(set(harness).status).toMatchObject({ currentRevision: 'web-8644766f65', updatedReplicas: 1 });
    expect(set(harness).status?.currentReplicas).toBeUndefined();
    // web-0 is gone and not yet recreated: the one pod left is updated and ready, which completes the update.
    harness.sync(KEY);
    expect(set(harness).status).toMatchObject({
      replicas: 1,
      currentRevision: 'web-85dd45d49b',
      updateRevision: 'web-85dd45d49b',
      currentReplicas: 1,
      updatedReplicas: 1,
    });
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'rolling update complete: the 1 pod runs revision web-85dd45d49b and is ready, so currentRevision becomes ' +
        'web-85dd45d49b',
    );
  });

  it('never deletes for an update with OnDelete; a pod deleted by hand comes back updated', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { updateStrategy: { type: 'OnDelete' } });
    startPods(harness, 3);
    setImage(harness, 'nginx:1.26');
    expect(harness.sync(KEY)).toEqual(['ADDED controllerrevisions/web-85dd45d49b', 'MODIFIED statefulsets/web']);
    expect(harness.decisionsAbout('StatefulSet', 'web').at(-1)).toBe(
      'OnDelete: web-0, web-1, web-2 keep their old revision; each is recreated from the update revision ' +
        'web-85dd45d49b only when you delete it',
    );
    harness.removePod('web-0');
    harness.sync(KEY);
    expect(revisionOf(harness, 'web-0')).toBe('web-85dd45d49b');
  });

  it('reuses the old revision on a rollback and explains a stalled broken pod', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness);
    startPods(harness, 3);
    setImage(harness, 'nginx:broken');
    harness.sync(KEY);
    harness.sync(KEY);
    harness.setPod('web-2', { phase: 'Pending' });
    setImage(harness, 'nginx:1.25');
    expect(harness.sync(KEY)).toEqual(['MODIFIED controllerrevisions/web-8644766f65', 'MODIFIED statefulsets/web']);
    expect(harness.get<{ revision: number } & StatefulSet>('controllerrevisions', 'web-8644766f65')?.revision).toBe(3);
    expect(harness.decisionsAbout('StatefulSet', 'web').slice(-2)).toEqual([
      'the template is back to the one of ControllerRevision web-8644766f65: it becomes revision 3 and the update ' +
        'revision again, instead of a new copy',
      'web-2 is not Running and Ready (phase Pending): it runs revision web-f9858cbfd, not the update revision ' +
        'web-8644766f65, and OrderedReady waits for it before anything else, so the rolling update cannot replace ' +
        'it. If it never becomes ready (a broken template), delete it by hand (kubectl delete pod web-2) and it is ' +
        'recreated from web-8644766f65',
    ]);
    harness.removePod('web-2');
    harness.sync(KEY);
    expect(revisionOf(harness, 'web-2')).toBe('web-8644766f65');
  });

  it('deletes old revisions beyond revisionHistoryLimit that no pod uses', () => {
    const harness = new SyncHarness(STATEFUL_SET_CONTROLLER);
    newSet(harness, { replicas: 1, revisionHistoryLimit: 0, updateStrategy: { type: 'OnDelete' } });
    startPods(harness, 1);
    setImage(harness, 'nginx:1.26');
    harness.sync(KEY);
    setImage(harness, 'nginx:1.27');
    harness.sync(KEY);
    // web-0 still runs revision 1, which is also current; 3 is the update revision; only 2 is history.
    expect(harness.names('controllerrevisions')).toEqual(['web-7c44b75699', 'web-8644766f65']);
  });
});
