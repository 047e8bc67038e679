/**
 * What `kubeadm init` + `kubeadm join` leave behind before a learner does anything: the four system namespaces,
 * registered nodes with their status, the `kubernetes` and `kube-dns` Services, and default ServiceAccounts.
 */
import type { ApiServer } from '../api/apiServer';
import type { KubeObject } from '../api/types';
import { formatTimestamp } from '../runtime/time';
import { CLUSTER_DNS_IP } from '../network/clusterNetwork';
import type { NodeShape } from './shape';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
export const KUBELET_VERSION = 'v1.34.1';

function must(result: ReturnType<ApiServer['create']>, what: string): KubeObject {
  if (!result.ok) throw new Error(`bootstrap: cannot create ${what}: ${result.error.message}`);
  return result.value;
}

export function createNamespace(api: ApiServer, name: string): void {
  must(
    api.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    }),
    `namespace ${name}`,
  );
  must(
    api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } }),
    `serviceaccount ${name}/default`,
  );
}

/** Addresses by node index: nodes on 192.168.56.10+, pod CIDRs 10.244.<index>.0/24 (flannel's default range). */
export function nodeAddressing(index: number): { ip: string; podCidr: string } {
  return { ip: `192.168.56.${10 + index}`, podCidr: `10.244.${index}.0/24` };
}

export function registerNode(api: ApiServer, shape: NodeShape, index: number, now: number): void {
  const { ip, podCidr } = nodeAddressing(index);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': shape.name,
    'kubernetes.io/os': 'linux',
  };
  if (shape.role === 'control-plane') {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  Object.assign(labels, shape.labels ?? {});
  const capacity = {
    cpu: shape.cpu,
    'ephemeral-storage': '61202244Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: shape.memory,
    pods: String(shape.pods),
  };
  const time = formatTimestamp(now);
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    reason,
    message,
  });
  must(
    api.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: shape.name,
        labels,
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: { podCIDR: podCidr, podCIDRs: [podCidr], ...(shape.taints?.length ? { taints: shape.taints } : {}) },
      status: {
        capacity,
        allocatable: { ...capacity, 'ephemeral-storage': '56403987978' },
        conditions: [
          condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
          condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
          condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
          condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
        ],
        addresses: [
          { type: 'InternalIP', address: ip },
          { type: 'Hostname', address: shape.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: '',
          systemUUID: '',
          bootID: '',
          kernelVersion: '6.8.0-60-generic',
          osImage: 'Ubuntu 24.04.2 LTS',
          containerRuntimeVersion: 'containerd://1.7.27',
          kubeletVersion: KUBELET_VERSION,
          kubeProxyVersion: '',
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    }),
    `node ${shape.name}`,
  );
}

/** The Services kubeadm creates: the API server's (first address of the service CIDR) and CoreDNS's. */
export function createSystemServices(api: ApiServer): void {
  must(
    api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        type: 'ClusterIP',
      },
    }),
    'service kubernetes',
  );
  must(
    api.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      },
      spec: {
        clusterIP: CLUSTER_DNS_IP,
        clusterIPs: [CLUSTER_DNS_IP],
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        type: 'ClusterIP',
      },
    }),
    'service kube-dns',
  );
}

/**
 * The `kubernetes` Service's Endpoints and EndpointSlice, which kube-apiserver itself keeps pointing at the
 * control-plane nodes' secure port (pkg/controlplane/reconcilers: the lease reconciler and endpointsadapter).
 */
export function createApiServerEndpoints(api: ApiServer, addresses: readonly string[]): void {
  const ports = [{ name: 'https', port: 6443, protocol: 'TCP' }];
  must(
    api.create({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
      },
      subsets: [{ addresses: addresses.map((ip) => ({ ip })), ports }],
    }),
    'endpoints kubernetes',
  );
  must(
    api.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: addresses.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
      ports,
    }),
    'endpointslice kubernetes',
  );
}
