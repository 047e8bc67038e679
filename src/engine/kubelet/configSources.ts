/**
 * What a container reads from ConfigMaps and Secrets (pkg/kubelet/kubelet_pods.go makeEnvironmentVariables,
 * pkg/volume/configmap and secret): `envFrom` sources, `valueFrom` keys, and the files of configMap and secret
 * volumes. A missing object or key that is not optional is an error with the kubelet's wording; the pod then waits
 * (CreateContainerConfigError for env, FailedMount for volumes) and the kubelet tries again.
 */
import type { ApiServer } from '../api/apiServer';
import type { Container, Pod } from '../api/kinds';
import { base64Decode } from '../api/base64';
import { resolveResourceName } from '../api/resources';

const CONFIG_MAPS = resolveResourceName('configmaps')!;
const SECRETS = resolveResourceName('secrets')!;

type SourceKind = 'configmap' | 'secret';

/** The key → text of a ConfigMap (data and binaryData) or a Secret (decoded), if it exists. */
function sourceData(
  api: ApiServer,
  kind: SourceKind,
  namespace: string,
  name: string,
): Record<string, string> | undefined {
  const object = api.find(kind === 'configmap' ? CONFIG_MAPS : SECRETS, namespace, name) as
    { data?: Record<string, string>; binaryData?: Record<string, string> } | undefined;
  if (!object) return undefined;
  if (kind === 'configmap') {
    const binary = Object.fromEntries(
      Object.entries(object.binaryData ?? {}).map(([key, value]) => [key, base64Decode(value) ?? '']),
    );
    return { ...binary, ...(object.data ?? {}) };
  }
  return Object.fromEntries(Object.entries(object.data ?? {}).map(([key, value]) => [key, base64Decode(value) ?? '']));
}

const notFound = (kind: SourceKind, name: string) => `${kind} "${name}" not found`;
const kindTitle = (kind: SourceKind) => (kind === 'configmap' ? 'ConfigMap' : 'Secret');

/** A C identifier-ish name the kubelet accepts for env (IsEnvVarName: letters, digits, `_`, `-`, `.`, not a digit first). */
const validEnvName = (name: string) => /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name);

/** `envFrom` gives variables by source; `keys` maps each env entry naming a key to its value. */
export interface ConfigValues {
  envFrom: Record<string, string>;
  keys: Record<string, string>;
}

export type ConfigEnv = ({ ok: true } & ConfigValues) | { ok: false; error: string };

/**
 * The variables `envFrom` and `valueFrom` (configMapKeyRef, secretKeyRef) give, in the kubelet's order: every
 * envFrom source, then the env entries that name a key. Plain values and fieldRefs are the caller's.
 */
export function configEnv(api: ApiServer, pod: Pod, container: Container): ConfigEnv {
  const namespace = pod.metadata.namespace ?? 'default';
  const envFrom: Record<string, string> = {};
  const keys: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const ref = source.configMapRef ?? source.secretRef;
    if (!ref?.name) continue;
    const kind: SourceKind = source.configMapRef ? 'configmap' : 'secret';
    const data = sourceData(api, kind, namespace, ref.name);
    if (!data) {
      if (ref.optional) continue;
      return { ok: false, error: notFound(kind, ref.name) };
    }
    for (const [key, value] of Object.entries(data)) {
      const name = `${source.prefix ?? ''}${key}`;
      if (validEnvName(name)) envFrom[name] = value;
    }
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.configMapKeyRef ?? variable.valueFrom?.secretKeyRef;
    if (!ref?.name) continue;
    const kind: SourceKind = variable.valueFrom?.configMapKeyRef ? 'configmap' : 'secret';
    const data = sourceData(api, kind, namespace, ref.name);
    if (!data) {
      if (ref.optional) continue;
      return { ok: false, error: notFound(kind, ref.name) };
    }
    const value = data[ref.key];
    if (value === undefined) {
      if (ref.optional) continue;
      return { ok: false, error: `couldn't find key ${ref.key} in ${kindTitle(kind)} ${namespace}/${ref.name}` };
    }
    keys[variable.name] = value;
  }
  return { ok: true, envFrom, keys };
}

interface ConfigVolumeSource {
  name?: string;
  secretName?: string;
  items?: { key: string; path: string }[];
  optional?: boolean;
}

export type VolumeFiles = { ok: true; files: Record<string, string> } | { ok: false; error: string };

/** The files of a configMap or secret volume: every key, or the listed `items` (a missing listed key fails). */
export function configVolumeFiles(api: ApiServer, pod: Pod, kind: SourceKind, source: ConfigVolumeSource): VolumeFiles {
  const name = (kind === 'configmap' ? source.name : source.secretName) ?? '';
  const data = sourceData(api, kind, pod.metadata.namespace ?? 'default', name);
  if (!data) return source.optional ? { ok: true, files: {} } : { ok: false, error: notFound(kind, name) };
  if (!source.items) return { ok: true, files: { ...data } };
  const files: Record<string, string> = {};
  for (const item of source.items) {
    const value = data[item.key];
    if (value === undefined) {
      if (source.optional) continue;
      const problem =
        kind === 'configmap' ? 'configmap references non-existent config key' : 'references non-existent secret key';
      return { ok: false, error: `${problem}: ${item.key}` };
    }
    files[item.path] = value;
  }
  return { ok: true, files };
}
