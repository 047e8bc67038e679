/**
 * The files of a `projected` volume (pkg/volume/projected/projected.go collectData): a service account token, keys
 * of a ConfigMap, and downward-API fields — what the `kube-api-access-xxxxx` volume of every pod holds (`token`,
 * `ca.crt`, `namespace` under /var/run/secrets/kubernetes.io/serviceaccount). Secrets and resource fields come
 * with the configuration volumes; sources that are missing are left out rather than failing the mount.
 */
import type { ApiServer } from '../api/apiServer';
import type { Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import { base64Encode } from '../api/base64';

const CONFIG_MAPS = resolveResourceName('configmaps')!;
const SERVICE_ACCOUNTS = resolveResourceName('serviceaccounts')!;
const ISSUER = 'https://kubernetes.default.svc.cluster.local';

interface KeyToPath {
  key: string;
  path: string;
}

interface ProjectionSource {
  serviceAccountToken?: { path: string; expirationSeconds?: number; audience?: string };
  configMap?: { name?: string; items?: KeyToPath[] };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string } }[] };
}

const base64Url = (text: string) => base64Encode(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');

/** A bound service account token: a JWT whose claims are the real ones; its signature is not a real one. */
function serviceAccountToken(api: ApiServer, pod: Pod, nowMs: number, expirationSeconds: number, audience?: string) {
  const namespace = pod.metadata.namespace ?? 'default';
  const account = pod.spec.serviceAccountName ?? 'default';
  const iat = Math.floor(nowMs / 1000);
  const claims = {
    aud: [audience ?? ISSUER],
    exp: iat + expirationSeconds,
    iat,
    iss: ISSUER,
    'kubernetes.io': {
      namespace,
      node: { name: pod.spec.nodeName ?? '' },
      pod: { name: pod.metadata.name, uid: pod.metadata.uid ?? '' },
      serviceaccount: { name: account, uid: api.find(SERVICE_ACCOUNTS, namespace, account)?.metadata.uid ?? '' },
    },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${account}`,
  };
  const header = base64Url(JSON.stringify({ alg: 'RS256', kid: '' }));
  return `${header}.${base64Url(JSON.stringify(claims))}.${base64Url(`kube-playground:${pod.metadata.uid ?? ''}`)}`;
}

/** `fieldpath.ExtractFieldPathAsString` for the metadata fields a projected volume may name. */
function fieldValue(pod: Pod, fieldPath: string): string | undefined {
  const meta = pod.metadata;
  const pairs = (map: Record<string, string> | undefined) =>
    Object.keys(map ?? {})
      .sort()
      .map((key) => `${key}="${map![key]}"`)
      .join('\n');
  switch (fieldPath) {
    case 'metadata.namespace':
      return meta.namespace;
    case 'metadata.name':
      return meta.name;
    case 'metadata.uid':
      return meta.uid;
    case 'metadata.labels':
      return pairs(meta.labels);
    case 'metadata.annotations':
      return pairs(meta.annotations);
    default:
      return undefined;
  }
}

/** The files (path → content) of a pod's projected volume, read when the volume is set up. */
export function projectedVolumeFiles(
  api: ApiServer,
  pod: Pod,
  sources: readonly ProjectionSource[],
  nowMs: number,
): Record<string, string> {
  const files: Record<string, string> = {};
  for (const source of sources) {
    const token = source.serviceAccountToken;
    if (token)
      files[token.path] = serviceAccountToken(api, pod, nowMs, token.expirationSeconds ?? 3600, token.audience);
    if (source.configMap?.name) {
      const data = (api.find(CONFIG_MAPS, pod.metadata.namespace, source.configMap.name)?.data ?? {}) as Record<
        string,
        string
      >;
      const items = source.configMap.items ?? Object.keys(data).map((key) => ({ key, path: key }));
      for (const item of items) if (data[item.key] !== undefined) files[item.path] = data[item.key]!;
    }
    for (const item of source.downwardAPI?.items ?? []) {
      const value = item.fieldRef ? fieldValue(pod, item.fieldRef.fieldPath) : undefined;
      if (value !== undefined) files[item.path] = value;
    }
  }
  return files;
}
