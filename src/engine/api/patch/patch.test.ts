import { describe, expect, it } from 'vitest';
import { applyMergePatch } from './mergePatch';
import { applyStrategicMergePatch } from './strategicMerge';
import { applyJsonPatch } from './jsonPatch';

const pod = {
  metadata: { name: 'p', labels: { app: 'web', tier: 'a' }, finalizers: ['a'] },
  spec: {
    containers: [
      { name: 'app', image: 'nginx:1', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
      { name: 'side', image: 'busybox' },
    ],
    tolerations: [{ key: 'x', operator: 'Exists' }],
  },
};

describe('applyMergePatch (RFC 7386)', () => {
  it('merges maps, deletes with null and replaces lists', () => {
    expect(
      applyMergePatch(pod, { metadata: { labels: { tier: null, v: '2' } }, spec: { containers: [{ name: 'only' }] } }),
    ).toEqual({
      metadata: { name: 'p', labels: { app: 'web', v: '2' }, finalizers: ['a'] },
      spec: { containers: [{ name: 'only' }], tolerations: pod.spec.tolerations },
    });
  });
});

describe('applyStrategicMergePatch', () => {
  it('merges containers by name and their ports and env by key', () => {
    const patched = applyStrategicMergePatch(pod, {
      spec: {
        containers: [
          { name: 'app', image: 'nginx:2', ports: [{ containerPort: 443 }], env: [{ name: 'A', value: '2' }] },
          { name: 'new', image: 'redis' },
        ],
      },
    }) as typeof pod;
    expect(patched.spec.containers).toEqual([
      {
        name: 'app',
        image: 'nginx:2',
        ports: [{ containerPort: 80 }, { containerPort: 443 }],
        env: [{ name: 'A', value: '2' }],
      },
      { name: 'side', image: 'busybox' },
      { name: 'new', image: 'redis' },
    ]);
  });

  it('deletes a list element with $patch: delete and replaces a map with $patch: replace', () => {
    const patched = applyStrategicMergePatch(pod, {
      metadata: { labels: { $patch: 'replace', only: 'this' } },
      spec: { containers: [{ name: 'side', $patch: 'delete' }] },
    }) as typeof pod;
    expect(patched.metadata.labels).toEqual({ only: 'this' });
    expect(patched.spec.containers.map((c) => c.name)).toEqual(['app']);
  });

  it('unions finalizers, removes listed primitives, and replaces lists without a merge key', () => {
    const patched = applyStrategicMergePatch(pod, {
      metadata: { finalizers: ['b', 'a'], '$deleteFromPrimitiveList/finalizers': ['a'] },
      spec: { tolerations: [{ key: 'y', operator: 'Exists' }] },
    }) as typeof pod;
    expect(patched.metadata.finalizers).toEqual(['b']);
    expect(patched.spec.tolerations).toEqual([{ key: 'y', operator: 'Exists' }]);
  });

  it('replaces node taints (an atomic list) and merges node addresses by type', () => {
    const node = {
      spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] },
      status: {
        addresses: [
          { type: 'InternalIP', address: '1.1.1.1' },
          { type: 'Hostname', address: 'n' },
        ],
      },
    };
    expect(
      applyStrategicMergePatch(node, {
        spec: { taints: [{ key: 'b', effect: 'NoSchedule' }] },
        status: { addresses: [{ type: 'InternalIP', address: '2.2.2.2' }] },
      }),
    ).toEqual({
      spec: { taints: [{ key: 'b', effect: 'NoSchedule' }] },
      status: {
        addresses: [
          { type: 'InternalIP', address: '2.2.2.2' },
          { type: 'Hostname', address: 'n' },
        ],
      },
    });
  });

  it('merges Service ports by port', () => {
    const service = { spec: { ports: [{ port: 80, targetPort: 8080 }] } };
    expect(applyStrategicMergePatch(service, { spec: { ports: [{ port: 80, targetPort: 9090 }] } })).toEqual({
      spec: { ports: [{ port: 80, targetPort: 9090 }] },
    });
  });
});

describe('applyJsonPatch (RFC 6902)', () => {
  it('applies add, replace, remove, copy, move and test in order', () => {
    const result = applyJsonPatch({ a: [1, 2], b: { c: 1 } }, [
      { op: 'add', path: '/a/-', value: 3 },
      { op: 'replace', path: '/b/c', value: 2 },
      { op: 'copy', from: '/b', path: '/d' },
      { op: 'move', from: '/a/0', path: '/e' },
      { op: 'remove', path: '/b' },
      { op: 'test', path: '/e', value: 1 },
    ]);
    expect(result).toEqual({ ok: true, value: { a: [2, 3], d: { c: 2 }, e: 1 } });
  });

  it('fails as a whole with the operation named in the error', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '/x/y', value: 1 }])).toEqual({
      ok: false,
      error: 'replace operation does not apply: doc is missing path: "/x/y": missing value',
    });
    expect(applyJsonPatch({ a: 1 }, [{ op: 'remove', path: '/b' }])).toEqual({
      ok: false,
      error: 'remove operation does not apply: doc is missing key: /b: missing value',
    });
    expect(applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: 2 }])).toEqual({
      ok: false,
      error: 'testing value /a failed: test failed',
    });
  });
});
