/**
 * Mutating admission that needs cluster state or randomness (the stateless parts of admission live with the
 * defaults): the ServiceAccount plugin's projected API-access volume on new Pods.
 * Source: plugin/pkg/admission/serviceaccount/admission.go (mountServiceAccountToken).
 */
import type { ApiResult, KubeObject, ResourceType } from './types';
import { nextString, type RandomState } from '../runtime/random';
import { NAME_SUFFIX_ALPHABET } from './names';

export interface AdmissionContext {
  random: RandomState;
  find(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined;
}

interface PodSpecLike {
  automountServiceAccountToken?: boolean;
  volumes?: { name: string }[];
  containers?: { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }[];
  initContainers?: { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }[];
}

const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

export function admitCreate(object: KubeObject, context: AdmissionContext): ApiResult<KubeObject> {
  if (object.kind !== 'Pod' || object.apiVersion !== 'v1') return { ok: true, value: object };
  const spec = object.spec as PodSpecLike | undefined;
  if (!spec || spec.automountServiceAccountToken === false) return { ok: true, value: object };
  const allMounts = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].flatMap((c) => c.volumeMounts ?? []);
  if (allMounts.some((m) => m.mountPath === TOKEN_MOUNT_PATH)) return { ok: true, value: object };
  const volumeName = `kube-api-access-${nextString(context.random, NAME_SUFFIX_ALPHABET, 5)}`;
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name: volumeName,
      projected: {
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
      },
    } as { name: string },
  ];
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    container.volumeMounts = [
      ...(container.volumeMounts ?? []),
      { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH },
    ];
  }
  return { ok: true, value: object };
}
