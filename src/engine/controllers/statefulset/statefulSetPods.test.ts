import { describe, expect, it } from 'vitest';
import {
  claimsOf,
  isMemberOf,
  newVersionedStatefulSetPod,
  parentAndOrdinalOf,
  revisionOf,
  withStorage,
} from './statefulSetPods';
import type { StatefulSet } from './statefulSetTypes';

function statefulSet(spec: Partial<StatefulSet['spec']> = {}, status?: StatefulSet['status']): StatefulSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'u1' },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      serviceName: 'nginx',
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

describe('StatefulSet pod identity', () => {
  it('reads the parent and ordinal from the name', () => {
    expect(parentAndOrdinalOf('web-12')).toEqual({ parent: 'web', ordinal: 12 });
    expect(parentAndOrdinalOf('my-web-0')).toEqual({ parent: 'my-web', ordinal: 0 });
    expect(parentAndOrdinalOf('web')).toEqual({ parent: '', ordinal: -1 });
    expect(parentAndOrdinalOf('web-99999999999')).toEqual({ parent: 'web', ordinal: -1 });
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-3' } };
    expect([isMemberOf(statefulSet(), pod), isMemberOf({ ...statefulSet(), metadata: { name: 'db' } }, pod)]).toEqual([
      true,
      false,
    ]);
  });

  it('builds one claim per template with the selector labels added', () => {
    const set = statefulSet({
      volumeClaimTemplates: [
        { metadata: { name: 'data', labels: { tier: 'db' } }, spec: { accessModes: ['ReadWriteOnce'] } },
        { metadata: { name: 'logs' }, spec: { accessModes: ['ReadWriteOnce'] } },
      ],
    });
    expect(claimsOf(set, 2).map((c) => [c.metadata.name, c.metadata.labels])).toEqual([
      ['data-web-2', { tier: 'db', app: 'web' }],
      ['logs-web-2', { app: 'web' }],
    ]);
  });

  it('replaces a template volume named like a claim template with the claim', () => {
    const set = statefulSet({ volumeClaimTemplates: [{ metadata: { name: 'data' } }] });
    const pod = newVersionedStatefulSetPod(set, set, 'r1', 'r1', 0);
    pod.spec.volumes = [
      { name: 'data', emptyDir: {} },
      { name: 'cache', emptyDir: {} },
    ];
    expect(withStorage(set, pod).spec.volumes).toEqual([
      { name: 'data', persistentVolumeClaim: { claimName: 'data-web-0' } },
      { name: 'cache', emptyDir: {} },
    ]);
  });

  it('picks the revision by partition, or by status.currentReplicas without a rollingUpdate block', () => {
    const partitioned = statefulSet({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    expect(
      [0, 1, 2, 3].map((o) => revisionOf(newVersionedStatefulSetPod(partitioned, partitioned, 'old', 'new', o))),
    ).toEqual(['old', 'old', 'new', 'new']);
    const bare = statefulSet(
      { updateStrategy: { type: 'RollingUpdate' } },
      { replicas: 3, currentReplicas: 1, availableReplicas: 3 },
    );
    expect([0, 1].map((o) => revisionOf(newVersionedStatefulSetPod(bare, bare, 'old', 'new', o)))).toEqual([
      'old',
      'new',
    ]);
    const onDelete = statefulSet({ updateStrategy: { type: 'OnDelete' } });
    expect(revisionOf(newVersionedStatefulSetPod(onDelete, onDelete, 'old', 'new', 0))).toBe('new');
  });

  it('honours spec.ordinals.start in names and partitions', () => {
    const set = statefulSet({
      ordinals: { start: 5 },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } },
    });
    const pods = [5, 6].map((o) => newVersionedStatefulSetPod(set, set, 'old', 'new', o));
    expect(
      pods.map((p) => [p.metadata.name, p.metadata.labels?.['apps.kubernetes.io/pod-index'], revisionOf(p)]),
    ).toEqual([
      ['web-5', '5', 'old'],
      ['web-6', '6', 'new'],
    ]);
  });
});
