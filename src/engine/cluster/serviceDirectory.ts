/**
 * What the pod network asks of the cluster: who owns an address (a pod, a node, a Service's virtual IP), what the
 * cluster DNS answers, and where kube-proxy sends a connection to a Service or a node port. Node ports also cover
 * pods' `hostPort`s, which the CNI portmap plugin forwards from the node's address.
 */
import type { ApiServer } from '../api/apiServer';
import type { Node, Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { ContainerRuntime } from '../node/containerRuntime';
import type { Backend, IpOwner, NetworkDirectory } from '../network/clusterNetwork';
import { clusterDnsAnswer, clusterDnsReverse } from '../network/clusterDns';
import type { KubeProxy } from '../network/kubeProxy';

const NODES = resolveResourceName('nodes')!;
const PODS = resolveResourceName('pods')!;
const SERVICES = resolveResourceName('services')!;

export class ServiceDirectory implements NetworkDirectory {
  constructor(
    private readonly api: ApiServer,
    private readonly containers: ContainerRuntime,
    private readonly proxy: KubeProxy,
  ) {}

  ownerOf(ip: string): IpOwner | undefined {
    const pod = this.containers.ownerOfIp(ip);
    if (pod) return pod;
    const node = this.nodeAt(ip);
    if (node) return { kind: 'netns', netNs: `node:${node}`, node };
    const service = this.proxy.serviceAt(ip);
    if (service) return { kind: 'service', namespace: service.metadata.namespace!, name: service.metadata.name! };
    return undefined;
  }

  dnsRecord(fqdn: string): string[] | { cname: string } | undefined {
    return clusterDnsAnswer(this.api, fqdn);
  }

  reverseRecord(ip: string): string | undefined {
    return clusterDnsReverse(this.api, ip);
  }

  serviceBackend(namespace: string, name: string, port: number, clientIp: string): Backend | undefined {
    const service = this.api.find(SERVICES, namespace, name);
    return service ? this.proxy.backendForServicePort(service, port, clientIp) : undefined;
  }

  nodePortBackend(node: string, port: number, clientIp: string): Backend | 'rejected' | 'dropped' | undefined {
    return this.proxy.backendForNodePort(node, port, clientIp) ?? this.hostPortBackend(node, port);
  }

  /** A running pod on `node` that maps `port` of the node to one of its container ports. */
  private hostPortBackend(node: string, port: number): Backend | undefined {
    for (const pod of this.api.all(PODS) as Pod[]) {
      if (pod.spec.nodeName !== node || !pod.status?.podIP || pod.spec.hostNetwork) continue;
      for (const container of pod.spec.containers)
        for (const mapping of container.ports ?? [])
          if (mapping.hostPort === port && (mapping.protocol ?? 'TCP') === 'TCP')
            return { ip: pod.status.podIP, port: mapping.containerPort };
    }
    return undefined;
  }

  private nodeAt(ip: string): string | undefined {
    for (const node of this.api.all(NODES) as Node[])
      if (node.status?.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip)) return node.metadata.name;
    return undefined;
  }
}
