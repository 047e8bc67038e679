/**
 * The files of a `projected` volume (pkg/volume/projected/projected.go collectData): a service account token, keys
 * of a ConfigMap, and downward-API fields — what the `kube-api-access-xxxxx` volume of every pod holds (`token`,
 * `ca.crt`, `namespace` under /var/run/secrets/kubernetes.io/serviceaccount), and Secrets; sources that are missing
 * are left out rather than failing the mount.
 */
import type { ApiServer } from '../api/apiServer';
import type { Container, Node, Pod } from '../api/kinds';
import { configVolumeFiles } from './configSources';
import { downwardApiFiles, type DownwardApiItem } from './downwardApi';
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
  downwardAPI?: { items?: DownwardApiItem[] };
  secret?: { name?: string; items?: { key: string; path: string }[]; optional?: boolean };
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

/** The files (path → content) of a pod's projected volume, read when the volume is set up. */
export function projectedVolumeFiles(
  api: ApiServer,
  pod: Pod,
  container: Container,
  sources: readonly ProjectionSource[],
  nowMs: number,
  node: Node | undefined,
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
    Object.assign(files, downwardApiFiles(pod, container, source.downwardAPI?.items ?? [], node));
    if (source.secret?.name) {
      const secret = configVolumeFiles(api, pod, 'secret', { secretName: source.secret.name, ...source.secret });
      if (secret.ok) Object.assign(files, secret.files);
    }
  }
  return files;
}
