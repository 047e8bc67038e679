/**
 * What cluster DNS and kube-proxy know about Services, read from the API: ClusterIPs, headless answers, and a ready
 * backend for a connection to a VIP (chosen at random with the engine's seed, as iptables-mode kube-proxy does).
 */
import type { ApiServer } from '../api/apiServer';
import type { Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { ContainerRuntime } from '../node/containerRuntime';
import type { IpOwner, NetworkDirectory } from '../network/clusterNetwork';
import { CLUSTER_DOMAIN } from '../network/clusterNetwork';
import { nextInt, type RandomState } from '../runtime/random';

const SERVICES = resolveResourceName('services')!;
const PODS = resolveResourceName('pods')!;

interface ServiceSpec {
  clusterIP?: string;
  selector?: Record<string, string>;
  publishNotReadyAddresses?: boolean;
  ports?: { port: number; targetPort?: number | string; name?: string }[];
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

export class ServiceDirectory implements NetworkDirectory {
  constructor(
    private readonly api: ApiServer,
    private readonly containers: ContainerRuntime,
    private readonly random: RandomState,
  ) {}

  ownerOf(ip: string): IpOwner | undefined {
    const pod = this.containers.ownerOfIp(ip);
    if (pod) return pod;
    for (const service of this.api.all(SERVICES)) {
      if ((service.spec as ServiceSpec | undefined)?.clusterIP === ip) {
        return { kind: 'service', namespace: service.metadata.namespace!, name: service.metadata.name! };
      }
    }
    return undefined;
  }

  /** Pods selected by a Service that may receive traffic: not terminating, with an IP, Ready (or all if publishing not-ready). */
  private backends(namespace: string, spec: ServiceSpec): Pod[] {
    const selector = spec.selector;
    if (!selector || Object.keys(selector).length === 0) return [];
    return (this.api.all(PODS, namespace) as Pod[]).filter((pod) => {
      const labels = pod.metadata.labels ?? {};
      if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) return false;
      if (pod.metadata.deletionTimestamp || !pod.status?.podIP) return false;
      return spec.publishNotReadyAddresses === true || isReady(pod);
    });
  }

  serviceAddresses(namespace: string, name: string): string[] | undefined {
    const service = this.api.find(SERVICES, namespace, name);
    const spec = service?.spec as ServiceSpec | undefined;
    if (!spec) return undefined;
    if (spec.clusterIP && spec.clusterIP !== 'None') return [spec.clusterIP];
    return this.backends(namespace, spec).map((pod) => pod.status!.podIP!);
  }

  serviceBackend(namespace: string, name: string, port: number): { ip: string; port: number } | undefined {
    const spec = this.api.find(SERVICES, namespace, name)?.spec as ServiceSpec | undefined;
    const servicePort = spec?.ports?.find((p) => p.port === port);
    if (!spec || !servicePort) return undefined;
    const pods = this.backends(namespace, spec);
    if (pods.length === 0) return undefined;
    const pod = pods[nextInt(this.random, pods.length)]!;
    const target = servicePort.targetPort ?? servicePort.port;
    const targetPort =
      typeof target === 'number'
        ? target
        : (pod.spec.containers.flatMap((c) => c.ports ?? []).find((p) => p.name === target)?.containerPort ??
          Number(target));
    return { ip: pod.status!.podIP!, port: targetPort };
  }

  /** `<hostname>.<subdomain>.<ns>.svc.cluster.local` for pods under a headless Service (StatefulSet pods). */
  extraRecord(fqdn: string): string[] | undefined {
    const suffix = `.svc.${CLUSTER_DOMAIN}`;
    if (!fqdn.endsWith(suffix)) return undefined;
    const parts = fqdn.slice(0, -suffix.length).split('.');
    if (parts.length !== 3) return undefined;
    const [hostname, subdomain, namespace] = parts as [string, string, string];
    const service = this.api.find(SERVICES, namespace, subdomain);
    if (!service) return undefined;
    const pod = (this.api.all(PODS, namespace) as Pod[]).find(
      (p) => p.spec.hostname === hostname && p.spec.subdomain === subdomain && p.status?.podIP,
    );
    return pod ? [pod.status!.podIP!] : undefined;
  }
}
