/**
 * The root CA certificate publisher (pkg/controller/certificates/rootcacertpublisher/publisher.go): every active
 * namespace has a ConfigMap `kube-root-ca.crt` with the cluster's CA bundle, which the projected service account
 * volume mounts as `ca.crt`. It is put back if deleted and its data restored if edited.
 */
import { resolveResourceName } from '../../api/resources';
import { semanticEqual } from '../../api/semanticEqual';
import type { ControllerContext, ControllerDefinition } from '../controller';

export const ROOT_CA_CERT_PUBLISHER_NAME = 'root-ca-cert-publisher';
const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';

const NAMESPACES = resolveResourceName('namespaces')!;
const CONFIG_MAPS = resolveResourceName('configmaps')!;
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the ' +
  'internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes ' +
  'clusters.';

/** The simulated cluster's CA certificate (kubeadm's `kubernetes` CA); its bytes carry no real key. */
export const CLUSTER_CA_CERT = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIKubePlayGroundMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV',
  'BAMTCmt1YmVybmV0ZXMwHhcNMjYwMTA1MDkwMDAwWhcNMzYwMTAzMDkwMDAwWjAV',
  'MRMwEQYDVQQDEwprdWJlcm5ldGVzMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIB',
  'CgKCAQEAc2ltdWxhdGVkIGNsdXN0ZXIgY2VydGlmaWNhdGUsIG5vdCBhIHJlYWwg',
  'a2V5OyBLdWJlIFBsYXlncm91bmQgbmV2ZXIgc2lnbnMgYW55dGhpbmcuAgMBAAGj',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

export const ROOT_CA_CERT_PUBLISHER: ControllerDefinition = {
  name: ROOT_CA_CERT_PUBLISHER_NAME,
  create: (context) => ({
    keysFor: (event, resource) => {
      const { namespace, name } = event.object.metadata;
      if (resource === NAMESPACES && event.type !== 'DELETED') return [name ?? ''];
      if (resource === CONFIG_MAPS && name === ROOT_CA_CONFIGMAP) return [namespace ?? ''];
      return [];
    },
    sync: (namespace) => syncNamespace(context, namespace),
  }),
};

function syncNamespace(context: ControllerContext, name: string): void {
  const namespace = context.api.find(NAMESPACES, undefined, name);
  if (!namespace || (namespace.status as { phase?: string } | undefined)?.phase !== 'Active') return;
  const data = { 'ca.crt': CLUSTER_CA_CERT };
  const annotations = { 'kubernetes.io/description': DESCRIPTION };
  const current = context.api.find(CONFIG_MAPS, name, ROOT_CA_CONFIGMAP);
  if (!current) {
    context.api.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ROOT_CA_CONFIGMAP, namespace: name, annotations },
      data,
    });
    return;
  }
  if (current.metadata.deletionTimestamp) return;
  const same =
    semanticEqual(current.data, data) && current.metadata.annotations?.['kubernetes.io/description'] === DESCRIPTION;
  if (!same)
    context.api.update({
      ...current,
      metadata: { ...current.metadata, annotations: { ...current.metadata.annotations, ...annotations } },
      data,
    });
}
