/**
 * Mutating admission that needs cluster state or randomness (the stateless parts of admission live with the
 * defaults): the ServiceAccount plugin on new Pods — the account must exist, and its token is mounted as a
 * projected `kube-api-access-xxxxx` volume in every container that does not mount something at the token path.
 * Source: plugin/pkg/admission/serviceaccount/admission.go (Admit, getServiceAccount, mountServiceAccountToken).
 * New claims and volumes get DefaultStorageClass and StorageObjectInUseProtection (storageAdmission.ts).
 */
import type { ApiResult, KubeObject, ResourceType } from './types';
import type { RandomState } from '../runtime/random';
import { forbidden } from './errors';
import { generateName } from './names';
import { resolveResourceName } from './resources';
import { admitStorageObject } from './storageAdmission';

export interface AdmissionContext {
  random: RandomState;
  find(resource: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Every object of a cluster-scoped resource (the StorageClasses DefaultStorageClass chooses from). */
  list(resource: ResourceType): KubeObject[];
}

interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
}

interface PodSpecLike {
  serviceAccountName?: string;
  automountServiceAccountToken?: boolean;
  imagePullSecrets?: { name: string }[];
  volumes?: { name: string }[];
  containers?: { volumeMounts?: VolumeMount[] }[];
  initContainers?: { volumeMounts?: VolumeMount[] }[];
}

interface ServiceAccountLike {
  automountServiceAccountToken?: boolean;
  imagePullSecrets?: { name: string }[];
}

const PODS = resolveResourceName('pods')!;
const SERVICE_ACCOUNTS = resolveResourceName('serviceaccounts')!;
const STORAGE_CLASSES = resolveResourceName('storageclasses.storage.k8s.io')!;
const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const DEFAULT_SERVICE_ACCOUNT = 'default';

/** serviceaccount.TokenVolumeSource: token (3607 s), the cluster CA and the namespace. */
function tokenVolume(name: string): { name: string } {
  return {
    name,
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
  } as { name: string };
}

/** Mutating admission for a new object; returns the (mutated) object or the admission error. */
export function admitCreate(object: KubeObject, context: AdmissionContext): ApiResult<KubeObject> {
  if (object.apiVersion === 'v1' && (object.kind === 'PersistentVolumeClaim' || object.kind === 'PersistentVolume')) {
    admitStorageObject(object, () => context.list(STORAGE_CLASSES));
    return { ok: true, value: object };
  }
  if (object.kind !== 'Pod' || object.apiVersion !== 'v1') return { ok: true, value: object };
  const spec = object.spec as PodSpecLike | undefined;
  if (!spec || object.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return { ok: true, value: object };
  const namespace = object.metadata.namespace ?? 'default';
  spec.serviceAccountName ||= DEFAULT_SERVICE_ACCOUNT;
  const account = context.find(SERVICE_ACCOUNTS, namespace, spec.serviceAccountName) as ServiceAccountLike | undefined;
  // The serviceaccounts controller is not simulated: a missing `default` account is taken as the one it would create.
  if (!account && spec.serviceAccountName !== DEFAULT_SERVICE_ACCOUNT) {
    return {
      ok: false,
      error: forbidden(
        PODS,
        object.metadata.name ?? '',
        `error looking up service account ${namespace}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
      ),
    };
  }
  const automount = spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
  if (automount) mountServiceAccountToken(spec, context.random);
  if (!spec.imagePullSecrets?.length && account?.imagePullSecrets?.length) {
    spec.imagePullSecrets = account.imagePullSecrets.map((secret) => ({ name: secret.name }));
  }
  return { ok: true, value: object };
}

function mountServiceAccountToken(spec: PodSpecLike, random: RandomState): void {
  const existing = (spec.volumes ?? []).find((volume) => volume.name.startsWith(TOKEN_VOLUME_PREFIX));
  const volumeName = existing?.name ?? generateName(random, TOKEN_VOLUME_PREFIX);
  let needsVolume = false;
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    // A container that mounts anything at the token path keeps its own mount.
    if ((container.volumeMounts ?? []).some((mount) => mount.mountPath === TOKEN_MOUNT_PATH)) continue;
    container.volumeMounts = [
      ...(container.volumeMounts ?? []),
      { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH },
    ];
    needsVolume = true;
  }
  if (!existing && needsVolume) spec.volumes = [...(spec.volumes ?? []), tokenVolume(volumeName)];
}
