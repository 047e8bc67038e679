/**
 * The Service registry's allocators: ClusterIPs from the service CIDR and node ports from the node-port range,
 * assigned when a Service is created or changes type, kept across updates that leave them out, and free again once
 * no Service holds them (the set in use is read from the stored Services, so a deleted Service releases its own).
 * Sources: pkg/registry/core/service/storage/alloc.go (allocateCreate, initNodePorts, updateNodePorts),
 * storage.go (patchAllocatedValues), ipallocator/bitmap.go and portallocator (random choice above a static band,
 * calculateRangeOffset), pkg/apis/core/v1/conversion.go (clusterIP → clusterIPs).
 */
import type { ApiError, KubeObject } from './types';
import { invalidError } from './validation/invalidError';
import { invalid, toStatusCause } from './validation/fieldError';
import { nextInt, type RandomState } from '../runtime/random';

/** kubeadm's default `--service-cluster-ip-range`. */
const SERVICE_CIDR = '10.96.0.0/12';
const SERVICE_CIDR_BASE = (10 << 24) | (96 << 16);
const SERVICE_CIDR_SIZE = 1 << 20;
/** The default `--service-node-port-range`. */
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

export interface ServiceAllocationContext {
  random: RandomState;
  /** Every stored Service (the one being updated included; it is skipped by uid). */
  services(): readonly KubeObject[];
}

interface ServicePort {
  port?: number;
  protocol?: string;
  nodePort?: number;
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: ServicePort[];
  externalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  allocateLoadBalancerNodePorts?: boolean;
}

const specOf = (service: KubeObject): ServiceSpec => (service.spec ?? {}) as ServiceSpec;

function internalError(message: string): ApiError {
  return { code: 500, reason: 'InternalError', message: `Internal error occurred: ${message}` };
}

function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!/^\d{1,3}$/.test(part) || octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

function intToIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** `calculateRangeOffset`: the lower band kept for static choices — size/step, within [min, max]. */
function staticBand(size: number, min: number, max: number, step: number): number {
  return Math.min(max, Math.max(min, Math.floor(size / step)));
}

/**
 * `randomScanStrategyWithOffset.AllocateBit`: a random start in the dynamic band, scanning forward (wrapping) for a
 * free slot, then the static band the same way.
 */
function allocateNext(random: RandomState, size: number, band: number, taken: (index: number) => boolean) {
  for (const [from, to] of [
    [band, size],
    [0, band],
  ] as const) {
    const length = to - from;
    if (length <= 0) continue;
    const start = nextInt(random, length);
    for (let i = 0; i < length; i++) {
      const index = from + ((start + i) % length);
      if (!taken(index)) return index;
    }
  }
  return undefined;
}

function needsClusterIP(spec: ServiceSpec): boolean {
  return spec.type !== 'ExternalName';
}

function needsNodePorts(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || spec.type === 'LoadBalancer';
}

/** `shouldAllocateNodePorts`: LoadBalancers may opt out of node ports. */
function allocatesNodePorts(spec: ServiceSpec): boolean {
  if (spec.type === 'NodePort') return true;
  return spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false;
}

/** `apiservice.NeedsHealthCheck`: a LoadBalancer with externalTrafficPolicy Local. */
function needsHealthCheck(spec: ServiceSpec): boolean {
  return spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
}

class AllocatedSet {
  readonly clusterIPs = new Set<string>();
  readonly nodePorts = new Set<number>();

  constructor(services: readonly KubeObject[], except?: string) {
    for (const service of services) {
      if (except !== undefined && service.metadata.uid === except) continue;
      const spec = specOf(service);
      for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) this.clusterIPs.add(ip);
      for (const port of spec.ports ?? []) if (port.nodePort) this.nodePorts.add(port.nodePort);
      if (spec.healthCheckNodePort) this.nodePorts.add(spec.healthCheckNodePort);
    }
  }
}

function invalidService(service: KubeObject, field: string, value: unknown, detail: string): ApiError {
  return invalidError(service, [toStatusCause(invalid(field, value, detail))]);
}

/** `Convert_v1_ServiceSpec_To_core_ServiceSpec`: a lone clusterIP is the first of clusterIPs. */
function convertClusterIPs(spec: ServiceSpec): void {
  if ((spec.clusterIPs ?? []).length === 0 && spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
}

function allocateClusterIP(service: KubeObject, context: ServiceAllocationContext, used: AllocatedSet) {
  const spec = specOf(service);
  const requested = spec.clusterIPs?.[0] ?? '';
  if (requested === 'None') return undefined;
  const size = SERVICE_CIDR_SIZE - 2;
  if (!requested) {
    const index = allocateNext(context.random, size, staticBand(SERVICE_CIDR_SIZE, 16, 256, 16), (i) =>
      used.clusterIPs.has(intToIp(SERVICE_CIDR_BASE + 1 + i)),
    );
    if (index === undefined) return internalError('failed to allocate a serviceIP: range is full');
    const ip = intToIp(SERVICE_CIDR_BASE + 1 + index);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip];
    return undefined;
  }
  const value = ipToInt(requested);
  const offset = value === undefined ? -1 : value - SERVICE_CIDR_BASE - 1;
  if (offset < 0 || offset >= size)
    return invalidService(
      service,
      'spec.clusterIPs',
      spec.clusterIPs,
      `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
    );
  if (used.clusterIPs.has(requested))
    return invalidService(
      service,
      'spec.clusterIPs',
      spec.clusterIPs,
      `failed to allocate IP ${requested}: provided IP is already allocated`,
    );
  spec.clusterIP = requested;
  return undefined;
}

function nextNodePort(context: ServiceAllocationContext, used: AllocatedSet): number | undefined {
  const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  const index = allocateNext(context.random, size, staticBand(size, 16, 128, 32), (i) =>
    used.nodePorts.has(NODE_PORT_MIN + i),
  );
  if (index === undefined) return undefined;
  used.nodePorts.add(NODE_PORT_MIN + index);
  return NODE_PORT_MIN + index;
}

/** Reserves a requested node port, or says why it cannot be had. */
function reserveNodePort(port: number, used: AllocatedSet): string | undefined {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX)
    return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
  if (used.nodePorts.has(port)) return 'provided port is already allocated';
  used.nodePorts.add(port);
  return undefined;
}

/**
 * `initNodePorts` / `updateNodePorts`: every port gets a node port (ports sharing a number share one); requested
 * ports are reserved unless this Service already held them.
 */
function allocateNodePorts(
  service: KubeObject,
  context: ServiceAllocationContext,
  used: AllocatedSet,
  held: ReadonlySet<number>,
): ApiError | undefined {
  const spec = specOf(service);
  if (!needsNodePorts(spec)) return undefined;
  const byServicePort = new Map<number, number>();
  const ports = spec.ports ?? [];
  for (let i = 0; i < ports.length; i++) {
    const port = ports[i]!;
    if (!port.nodePort && !allocatesNodePorts(spec)) continue;
    const shared = byServicePort.get(port.port ?? 0);
    if (shared !== undefined && !port.nodePort) {
      port.nodePort = shared;
      continue;
    }
    if (port.nodePort) {
      if (held.has(port.nodePort) || port.nodePort === shared) continue;
      const problem = reserveNodePort(port.nodePort, used);
      if (problem) return invalidService(service, `spec.ports[${i}].nodePort`, port.nodePort, problem);
    } else {
      const allocated = nextNodePort(context, used);
      if (allocated === undefined) return internalError('failed to allocate a nodePort: range is full');
      port.nodePort = allocated;
    }
    byServicePort.set(port.port ?? 0, port.nodePort);
  }
  return undefined;
}

function allocateHealthCheckNodePort(
  service: KubeObject,
  context: ServiceAllocationContext,
  used: AllocatedSet,
  held: ReadonlySet<number>,
): ApiError | undefined {
  const spec = specOf(service);
  if (!needsHealthCheck(spec)) {
    delete spec.healthCheckNodePort;
    return undefined;
  }
  if (spec.healthCheckNodePort) {
    if (held.has(spec.healthCheckNodePort)) return undefined;
    const problem = reserveNodePort(spec.healthCheckNodePort, used);
    return problem
      ? internalError(`failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${problem}`)
      : undefined;
  }
  const allocated = nextNodePort(context, used);
  if (allocated === undefined) return internalError('failed to allocate a HealthCheck NodePort 0: range is full');
  spec.healthCheckNodePort = allocated;
  return undefined;
}

/** Allocates what a new Service needs, in place; returns the API error that stops the create. */
export function allocateServiceCreate(service: KubeObject, context: ServiceAllocationContext): ApiError | undefined {
  const spec = specOf(service);
  const used = new AllocatedSet(context.services());
  if (needsClusterIP(spec)) {
    convertClusterIPs(spec);
    const failure = allocateClusterIP(service, context, used);
    if (failure) return failure;
  }
  return (
    allocateNodePorts(service, context, used, new Set()) ??
    allocateHealthCheckNodePort(service, context, used, new Set())
  );
}

const sameNodePorts = (a: ServiceSpec, b: ServiceSpec) =>
  (a.ports ?? []).map((p) => p.nodePort ?? 0).join() === (b.ports ?? []).map((p) => p.nodePort ?? 0).join();

/**
 * `dropTypeDependentFields` (strategy.go): a type change that no longer needs ClusterIPs, node ports or a health
 * check port clears the ones the user did not touch, so `patch -p '{"spec":{"type":"ClusterIP"}}'` just works.
 */
function dropTypeDependentFields(spec: ServiceSpec, old: ServiceSpec): void {
  if (needsClusterIP(old) && !needsClusterIP(spec) && spec.clusterIP === old.clusterIP) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  if (needsNodePorts(old) && !needsNodePorts(spec) && sameNodePorts(spec, old))
    for (const port of spec.ports ?? []) delete port.nodePort;
  if (needsHealthCheck(old) && !needsHealthCheck(spec) && spec.healthCheckNodePort === old.healthCheckNodePort)
    delete spec.healthCheckNodePort;
  if (old.type === 'LoadBalancer' && spec.type !== 'LoadBalancer')
    if (spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts)
      delete spec.allocateLoadBalancerNodePorts;
}

/**
 * Before validation: `dropTypeDependentFields`, then `patchAllocatedValues` — an update that leaves out the
 * ClusterIP or a node port keeps the one the Service already has (a `kubectl replace` of the original manifest
 * must not ask for new ones).
 */
export function keepAllocatedValues(next: KubeObject, current: KubeObject): void {
  const spec = specOf(next);
  const old = specOf(current);
  dropTypeDependentFields(spec, old);
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = old.clusterIP;
    if ((spec.clusterIPs ?? []).length === 0 && spec.clusterIP === old.clusterIP) spec.clusterIPs = old.clusterIPs;
  }
  if (needsNodePorts(old) && needsNodePorts(spec)) {
    for (const port of spec.ports ?? []) {
      if (port.nodePort) continue;
      const match = (old.ports ?? []).find((o) => o.port === port.port && o.protocol === port.protocol);
      if (match?.nodePort) port.nodePort = match.nodePort;
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort)
    spec.healthCheckNodePort = old.healthCheckNodePort;
}

/**
 * `allocateUpdate`, after validation: a Service that leaves ExternalName gets a ClusterIP (and one that becomes
 * ExternalName drops it); one that becomes NodePort or LoadBalancer gets node ports, and one that stops being
 * either gives them up.
 */
export function allocateServiceUpdate(
  next: KubeObject,
  current: KubeObject,
  context: ServiceAllocationContext,
): ApiError | undefined {
  const spec = specOf(next);
  const old = specOf(current);
  const used = new AllocatedSet(context.services(), current.metadata.uid);
  if (needsClusterIP(spec)) {
    convertClusterIPs(spec);
    if (!needsClusterIP(old)) {
      const failure = allocateClusterIP(next, context, used);
      if (failure) return failure;
    }
  } else {
    delete spec.clusterIP;
    delete spec.clusterIPs;
  }
  if (!needsNodePorts(spec)) for (const port of spec.ports ?? []) delete port.nodePort;
  const held = new Set<number>((old.ports ?? []).flatMap((p) => (p.nodePort ? [p.nodePort] : [])));
  if (old.healthCheckNodePort) held.add(old.healthCheckNodePort);
  return (
    allocateNodePorts(next, context, used, needsNodePorts(old) ? held : new Set()) ??
    allocateHealthCheckNodePort(next, context, used, held)
  );
}
