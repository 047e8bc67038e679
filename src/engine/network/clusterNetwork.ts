/**
 * The cluster's network as seen from inside a pod: DNS (cluster DNS for Services, the pod's own names, the simulated
 * internet), and delivery of HTTP/TCP/ICMP to whatever owns the destination IP — a pod's listening process, a node,
 * or an external site.
 */
import type { DnsAnswer, HttpOutcome, HttpRequest, NetworkError, NetworkStack } from '../os/types';
import type { Kernel } from '../os/kernel';
import { EXTERNAL_SITES, externalSiteByIp, serveExternal } from './internet';

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';

/** Who answers at an IP inside the cluster: a network namespace (a pod's, or a node's), or a Service's virtual IP. */
export type IpOwner =
  { kind: 'netns'; netNs: string; node?: string } | { kind: 'service'; namespace: string; name: string };

/** Where kube-proxy (or a hostPort mapping) sends a connection. */
export interface Backend {
  ip: string;
  port: number;
}

/** What the network asks of the rest of the engine. */
export interface NetworkDirectory {
  ownerOf(ip: string): IpOwner | undefined;
  /** The cluster DNS's A records (or an ExternalName's CNAME) for a fully qualified name; undefined for NXDOMAIN. */
  dnsRecord(fqdn: string): string[] | { cname: string } | undefined;
  /** The cluster DNS's PTR record for an address; undefined for NXDOMAIN. */
  reverseRecord(ip: string): string | undefined;
  /** Delivers a connection to a Service's virtual IP to one of its endpoints; undefined when it is rejected. */
  serviceBackend(namespace: string, name: string, port: number, clientIp: string): Backend | undefined;
  /** Delivers a connection to a node's port held by a NodePort Service or a hostPort; undefined when none holds it. */
  nodePortBackend(node: string, port: number, clientIp: string): Backend | 'rejected' | 'dropped' | undefined;
}

export interface PodNetworkIdentity {
  netNs: string;
  ip: string;
  /** `ClusterFirst` resolves cluster names first; `Default` uses the node's resolver (external names only). */
  dnsPolicy: string;
  namespace: string;
  /** Names this pod's /etc/hosts maps to its own IP (hostname, FQDN with subdomain). */
  ownNames: string[];
}

export class ClusterNetwork {
  constructor(
    private readonly kernel: Kernel,
    private readonly directory: NetworkDirectory,
  ) {}

  /** The resolv.conf a pod gets for its DNS policy (pkg/kubelet/network/dns/dns.go). */
  resolvConf(identity: Pick<PodNetworkIdentity, 'dnsPolicy' | 'namespace'>): string {
    if (identity.dnsPolicy === 'Default') return 'nameserver 192.168.56.1\n';
    const search = [`${identity.namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN].join(' ');
    return `search ${search}\nnameserver ${CLUSTER_DNS_IP}\noptions ndots:5\n`;
  }

  stackFor(identity: PodNetworkIdentity): NetworkStack {
    return {
      podIp: identity.ip,
      lookup: (name) => this.lookup(identity, name),
      reverseLookup: (ip) => (identity.dnsPolicy === 'Default' ? undefined : this.directory.reverseRecord(ip)),
      http: (request) => this.http(identity, request),
      connect: (host, port) => {
        const target = this.resolveTarget(identity, host, port);
        if ('kind' in target) return { ok: false, error: target };
        if (target.external) return { ok: true, ip: target.ip };
        if (target.netNs === undefined || !this.kernel.isListening(target.netNs, target.port))
          return { ok: false, error: { kind: 'connection-refused', ip: target.ip, port } };
        return { ok: true, ip: target.ip };
      },
      ping: (host) => {
        const resolved = this.resolveIp(identity, host);
        if ('kind' in resolved) return { ok: false, error: resolved };
        const owner = this.directory.ownerOf(resolved.ip);
        // Service VIPs are virtual: nothing answers ICMP on them (kube-proxy iptables mode).
        if (owner?.kind === 'service') return { ok: false, error: { kind: 'timeout', ip: resolved.ip, port: 0 } };
        if (!owner && !externalSiteByIp(resolved.ip) && resolved.ip !== identity.ip && !isLoopback(resolved.ip))
          return { ok: false, error: { kind: 'no-route', ip: resolved.ip } };
        const rttMs = externalSiteByIp(resolved.ip)
          ? 12.4
          : resolved.ip === identity.ip || isLoopback(resolved.ip)
            ? 0.041
            : 0.087;
        return { ok: true, ip: resolved.ip, name: resolved.name, rttMs };
      },
    };
  }

  /** getaddrinfo with the pod's search path: /etc/hosts first, then cluster DNS, then the internet. */
  private lookup(identity: PodNetworkIdentity, rawName: string): DnsAnswer | NetworkError {
    const name = rawName.replace(/\.$/, '').toLowerCase();
    const server = identity.dnsPolicy === 'Default' ? '192.168.56.1' : CLUSTER_DNS_IP;
    if (isIpv4(name)) return { name, addresses: [name], server };
    if (name === 'localhost') return { name, addresses: ['127.0.0.1'], server };
    if (identity.ownNames.includes(name)) return { name, addresses: [identity.ip], server };
    const absolute = rawName.endsWith('.') || name.split('.').length - 1 >= 5;
    const candidates =
      identity.dnsPolicy === 'Default' || absolute
        ? [name]
        : [
            `${name}.${identity.namespace}.svc.${CLUSTER_DOMAIN}`,
            `${name}.svc.${CLUSTER_DOMAIN}`,
            `${name}.${CLUSTER_DOMAIN}`,
            name,
          ];
    for (const candidate of candidates) {
      const record = identity.dnsPolicy === 'Default' ? undefined : this.directory.dnsRecord(candidate);
      if (record && 'cname' in record) {
        // An ExternalName Service: the resolver follows the CNAME (CoreDNS answers with both records).
        const target = this.directory.dnsRecord(record.cname);
        const addresses =
          target && !('cname' in target) ? target : EXTERNAL_SITES[record.cname] && [EXTERNAL_SITES[record.cname]!.ip];
        if (addresses) return { name: candidate, canonicalName: record.cname, addresses, server };
        continue;
      }
      if (record && record.length > 0) return { name: candidate, addresses: record, server };
      const site = EXTERNAL_SITES[candidate];
      if (site) return { name: candidate, addresses: [site.ip], server };
    }
    return { kind: 'nxdomain', name: candidates[0]! };
  }

  private resolveIp(identity: PodNetworkIdentity, host: string): { ip: string; name: string } | NetworkError {
    // An address needs no lookup (probes and most pod-to-pod traffic use one).
    if (isIpv4(host)) return { ip: host, name: host };
    const answer = this.lookup(identity, host);
    if ('kind' in answer) return answer;
    return { ip: answer.addresses[0]!, name: answer.name };
  }

  /** Where a connection to host:port really goes, after DNS and kube-proxy's DNAT. */
  private resolveTarget(
    identity: PodNetworkIdentity,
    host: string,
    port: number,
  ): { ip: string; port: number; netNs?: string; external?: boolean } | NetworkError {
    const resolved = this.resolveIp(identity, host);
    if ('kind' in resolved) return resolved;
    const ip = resolved.ip;
    const owner = isLoopback(ip) ? undefined : this.directory.ownerOf(ip);
    // kube-proxy's NodePort rules see a node's address before any local socket does (also from the node itself).
    if (owner?.kind === 'netns' && owner.node !== undefined) {
      const forwarded = this.directory.nodePortBackend(owner.node, port, identity.ip);
      if (forwarded === 'rejected') return { kind: 'connection-refused', ip, port };
      if (forwarded === 'dropped') return { kind: 'timeout', ip, port };
      if (forwarded) return this.deliverTo(forwarded, ip);
    }
    if (isLoopback(ip) || ip === identity.ip) return { ip, port, netNs: identity.netNs };
    if (externalSiteByIp(ip)) return { ip, port, external: true };
    if (!owner) return { kind: 'timeout', ip, port };
    if (owner.kind === 'netns') return { ip, port, netNs: owner.netNs };
    const backend = this.directory.serviceBackend(owner.namespace, owner.name, port, identity.ip);
    if (!backend) return { kind: 'connection-refused', ip, port };
    return this.deliverTo(backend, ip);
  }

  /** A translated connection: it still reports the address dialled, and lands in the backend's namespace. */
  private deliverTo(backend: Backend, dialled: string): { ip: string; port: number; netNs?: string } {
    const owner = this.directory.ownerOf(backend.ip);
    return { ip: dialled, port: backend.port, netNs: owner?.kind === 'netns' ? owner.netNs : undefined };
  }

  private http(
    identity: PodNetworkIdentity,
    request: {
      method: string;
      host: string;
      port: number;
      path: string;
      headers?: Record<string, string>;
      body?: string;
    },
  ): HttpOutcome {
    const target = this.resolveTarget(identity, request.host, request.port);
    if ('kind' in target) return { ok: false, error: target };
    const full: HttpRequest = {
      method: request.method,
      host: request.port === 80 ? request.host : `${request.host}:${request.port}`,
      port: target.port,
      path: request.path || '/',
      headers: request.headers ?? {},
      body: request.body,
      sourceIp: identity.ip,
    };
    if (target.external) {
      const site = externalSiteByIp(target.ip)!;
      if (request.port !== 80) return { ok: false, error: { kind: 'timeout', ip: target.ip, port: request.port } };
      return { ok: true, ip: target.ip, port: request.port, response: serveExternal(site, full.path) };
    }
    if (target.netNs === undefined)
      return { ok: false, error: { kind: 'connection-refused', ip: target.ip, port: request.port } };
    const response = this.kernel.serveHttp(target.netNs, target.port, full);
    if (response === undefined)
      return { ok: false, error: { kind: 'connection-refused', ip: target.ip, port: request.port } };
    if (response === 'no-http') return { ok: false, error: { kind: 'reset', ip: target.ip, port: request.port } };
    return { ok: true, ip: target.ip, port: request.port, response };
  }
}

/** Four groups of one to three digits separated by dots (the shape `/^\d{1,3}(\.\d{1,3}){3}$/` accepts). */
function isIpv4(text: string): boolean {
  let groups = 0;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++digits > 3) return false;
    } else if (code === 46 && digits > 0 && groups < 3) {
      groups++;
      digits = 0;
    } else return false;
  }
  return groups === 3 && digits > 0;
}

function isLoopback(ip: string): boolean {
  return ip.startsWith('127.');
}
