import { describe, expect, it } from 'vitest';
import { admitCreate } from './admission';
import type { KubeObject, ResourceType } from './types';
import { seedRandom } from '../runtime/random';

function context(accounts: Record<string, Record<string, unknown>>) {
  return {
    random: seedRandom(1),
    find: (_resource: ResourceType, _namespace: string | undefined, name: string) =>
      accounts[name]
        ? ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name }, ...accounts[name] } as KubeObject)
        : undefined,
    list: () => [],
  };
}

function pod(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec };
}

const MOUNT = { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true };

describe('admitCreate (ServiceAccount admission)', () => {
  it('mounts the projected token volume into every container', () => {
    const result = admitCreate(
      pod({ initContainers: [{ name: 'init' }], containers: [{ name: 'a' }, { name: 'b' }] }),
      context({ default: {} }),
    );
    const spec = (result.ok ? result.value.spec : {}) as Record<string, any>;
    const volume = spec.volumes[0];
    expect(volume.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(volume.projected).toEqual({
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }],
          },
        },
      ],
    });
    for (const c of [...spec.initContainers, ...spec.containers])
      expect(c.volumeMounts).toEqual([{ name: volume.name, ...MOUNT }]);
    expect(spec.serviceAccountName).toBe('default');
  });

  it('leaves a container that mounts something at the token path alone, and mounts the others', () => {
    const own = { name: 'mine', mountPath: MOUNT.mountPath };
    const result = admitCreate(
      pod({ containers: [{ name: 'a', volumeMounts: [own] }, { name: 'b' }] }),
      context({ default: {} }),
    );
    const spec = (result.ok ? result.value.spec : {}) as Record<string, any>;
    expect(spec.containers[0].volumeMounts).toEqual([own]);
    expect(spec.containers[1].volumeMounts).toEqual([{ name: spec.volumes[0].name, ...MOUNT }]);
  });

  it("follows the account's automountServiceAccountToken unless the pod sets it, and copies its pull secrets", () => {
    const accounts = { robot: { automountServiceAccountToken: false, imagePullSecrets: [{ name: 'registry' }] } };
    const off = admitCreate(pod({ serviceAccountName: 'robot', containers: [{ name: 'a' }] }), context(accounts));
    expect(off.ok && off.value.spec).toEqual({
      serviceAccountName: 'robot',
      containers: [{ name: 'a' }],
      imagePullSecrets: [{ name: 'registry' }],
    });
    const on = admitCreate(
      pod({ serviceAccountName: 'robot', automountServiceAccountToken: true, containers: [{ name: 'a' }] }),
      context(accounts),
    );
    expect(on.ok && (on.value.spec as { volumes: unknown[] }).volumes).toHaveLength(1);
  });

  it('refuses a pod whose service account does not exist', () => {
    const result = admitCreate(pod({ serviceAccountName: 'ghost', containers: [{ name: 'a' }] }), context({}));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 403,
        reason: 'Forbidden',
        message:
          'pods "p" is forbidden: error looking up service account default/ghost: serviceaccount "ghost" not found',
        details: { name: 'p', group: '', kind: 'pods' },
      },
    });
  });

  it('does not touch mirror pods or other kinds', () => {
    const mirror = pod({ containers: [{ name: 'a' }] });
    mirror.metadata.annotations = { 'kubernetes.io/config.mirror': 'x' };
    expect(admitCreate(mirror, context({}))).toEqual({ ok: true, value: mirror });
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    expect(admitCreate(cm, context({}))).toEqual({ ok: true, value: cm });
  });
});
