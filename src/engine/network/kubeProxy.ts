/**
 * kube-proxy's decisions for one new connection (iptables mode, pkg/proxy/iptables/proxier.go and
 * pkg/proxy/topology.go CategorizeEndpoints): a Service virtual IP (ClusterIP, an external IP or the load
 * balancer's address) or a node port is translated to one endpoint, chosen at random with equal probability
 * (the `statistic --mode random` chain) from the engine's seeded source. Ready endpoints are used; when none is
 * ready, serving endpoints that are terminating still get traffic. `sessionAffinity: ClientIP` keeps a client on
 * the endpoint it had until the affinity times out. A Service with no usable endpoint rejects the connection.
 * Rules take effect as soon as the EndpointSlices change (the proxy's sync delay is left out).
 */
import type { ApiServer } from '../api/apiServer';
import type { KubeObject } from '../api/types';
import { resolveResourceName } from '../api/resources';
import { nextInt, type RandomState } from '../runtime/random';
import { serviceEndpoints, type ServiceEndpoint } from './serviceEndpoints';

const SERVICES = resolveResourceName('services')!;

export interface KubeProxyState {
  /** `namespace/service:port/clientIp` → the endpoint chosen and when the affinity ends (virtual ms). */
  affinity: Record<string, { ip: string; port: number; expires: number }>;
}

interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  nodePort?: number;
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  externalIPs?: string[];
  ports?: ServicePort[];
  sessionAffinity?: string;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  externalTrafficPolicy?: string;
}

export interface Backend {
  ip: string;
  port: number;
}

const specOf = (service: KubeObject) => (service.spec ?? {}) as ServiceSpec;
const DEFAULT_AFFINITY_SECONDS = 10800;

export class KubeProxy {
  constructor(
    private readonly api: ApiServer,
    private readonly random: RandomState,
    private readonly now: () => number,
    private readonly state: KubeProxyState,
  ) {}

  static initialState(): KubeProxyState {
    return { affinity: {} };
  }

  /** The Service whose virtual IP `ip` is. */
  serviceAt(ip: string): KubeObject | undefined {
    for (const service of this.api.all(SERVICES)) {
      const spec = specOf(service);
      if (spec.type === 'ExternalName') continue;
      if (spec.clusterIP === ip || (spec.externalIPs ?? []).includes(ip)) return service;
      const ingress = (service.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer
        ?.ingress;
      if (ingress?.some((entry) => entry.ip === ip)) return service;
    }
    return undefined;
  }

  /** Where a TCP connection to the Service's `port` on its virtual IP goes; undefined when it is rejected. */
  backendForServicePort(service: KubeObject, port: number, clientIp: string): Backend | undefined {
    const servicePort = specOf(service).ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    return servicePort ? this.choose(service, servicePort, clientIp) : undefined;
  }

  /**
   * Where a TCP connection to `node`'s `port` goes when a NodePort (or LoadBalancer) Service holds that port;
   * `externalTrafficPolicy: Local` keeps it to endpoints on that node. Undefined when no Service has the port.
   */
  backendForNodePort(node: string, port: number, clientIp: string): Backend | 'rejected' | 'dropped' | undefined {
    for (const service of this.api.all(SERVICES)) {
      const spec = specOf(service);
      if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') continue;
      const servicePort = spec.ports?.find((p) => p.nodePort === port && (p.protocol ?? 'TCP') === 'TCP');
      if (!servicePort) continue;
      const local = spec.externalTrafficPolicy === 'Local' ? node : undefined;
      const chosen = this.choose(service, servicePort, clientIp, local);
      if (chosen) return chosen;
      // No endpoint at all is rejected; a Local policy with endpoints only elsewhere drops the packets.
      return local !== undefined && this.choose(service, servicePort, clientIp) ? 'dropped' : 'rejected';
    }
    return undefined;
  }

  private choose(service: KubeObject, servicePort: ServicePort, clientIp: string, node?: string): Backend | undefined {
    const name = servicePort.name ?? '';
    const candidates: Backend[] = [];
    const terminating: Backend[] = [];
    for (const endpoint of serviceEndpoints(this.api, service)) {
      if (node !== undefined && endpoint.nodeName !== node) continue;
      const target = endpointPort(endpoint, name, servicePort.protocol ?? 'TCP');
      if (target === undefined) continue;
      if (endpoint.ready) candidates.push({ ip: endpoint.address, port: target });
      else if (endpoint.serving && endpoint.terminating) terminating.push({ ip: endpoint.address, port: target });
    }
    const usable = candidates.length > 0 ? candidates : terminating;
    if (usable.length === 0) return undefined;
    const spec = specOf(service);
    if (spec.sessionAffinity !== 'ClientIP') return usable[nextInt(this.random, usable.length)]!;

    const key = `${service.metadata.namespace}/${service.metadata.name}:${servicePort.port}/${clientIp}`;
    const timeoutMs = (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS) * 1000;
    const now = this.now();
    const held = this.state.affinity[key];
    const kept = held && held.expires > now ? usable.find((b) => b.ip === held.ip && b.port === held.port) : undefined;
    const chosen = kept ?? usable[nextInt(this.random, usable.length)]!;
    if (!held) this.forgetExpired(now);
    this.state.affinity[key] = { ip: chosen.ip, port: chosen.port, expires: now + timeoutMs };
    return chosen;
  }

  private forgetExpired(now: number): void {
    for (const [key, entry] of Object.entries(this.state.affinity))
      if (entry.expires <= now) delete this.state.affinity[key];
  }
}

function endpointPort(endpoint: ServiceEndpoint, name: string, protocol: string): number | undefined {
  return endpoint.ports.find((p) => p.name === name && p.protocol === protocol)?.port;
}
