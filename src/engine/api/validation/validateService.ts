/**
 * Service checks (kubernetes: pkg/apis/core/validation/validation.go: ValidateService, validateServicePort,
 * ValidateServiceUpdate, validateUpgradeDowngradeClusterIPs; the node port range of
 * pkg/registry/core/service/portallocator). ClusterIP allocation itself is the caller's.
 */
import type { KubeObject } from '../types';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from './fieldError';
import { asArray, asList, asObject, type JsonObject } from './json';
import { dns1123LabelErrors, nameIsDns1035Label, portNameErrors, portNumberErrors } from './names';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './validateObjectMeta';

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function isHeadless(spec: JsonObject): boolean {
  return spec.clusterIP === 'None';
}

function validateTargetPort(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return portNumberErrors(port).map((m) => invalid(field, port, m));
  return portNameErrors(String(port ?? '')).map((m) => invalid(field, String(port ?? ''), m));
}

function validateServicePorts(spec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const ports = asList(spec.ports);
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const path = `spec.ports[${i}]`;
    const name = String(port.name ?? '');
    if (ports.length > 1 && !name) errors.push(required(`${path}.name`));
    else if (name) {
      for (const m of dns1123LabelErrors(name)) errors.push(invalid(`${path}.name`, name, m));
      if (names.has(name)) errors.push(duplicate(`${path}.name`, name));
      else names.add(name);
    }
    const number = Number(port.port ?? 0);
    for (const m of portNumberErrors(number)) errors.push(invalid(`${path}.port`, number, m));
    if (!port.protocol) errors.push(required(`${path}.protocol`));
    else if (!PROTOCOLS.includes(String(port.protocol)))
      errors.push(notSupported(`${path}.protocol`, port.protocol, PROTOCOLS));
    errors.push(...validateTargetPort(port.targetPort, `${path}.targetPort`));
  });
  return errors;
}

function validateServiceSpec(spec: JsonObject): FieldError[] {
  const errors: FieldError[] = [];
  const type = spec.type;
  const ports = asList(spec.ports);
  if (ports.length === 0 && !isHeadless(spec) && type !== 'ExternalName') errors.push(required('spec.ports'));
  if (type === 'ExternalName') {
    const externalName = String(spec.externalName ?? '');
    if (!externalName) errors.push(required('spec.externalName'));
  }
  errors.push(...validateServicePorts(spec));
  errors.push(...validateLabels(spec.selector, 'spec.selector'));
  const affinity = spec.sessionAffinity;
  if (!affinity) errors.push(required('spec.sessionAffinity'));
  else if (!SESSION_AFFINITIES.includes(String(affinity)))
    errors.push(notSupported('spec.sessionAffinity', affinity, SESSION_AFFINITIES));
  if (!type) errors.push(required('spec.type'));
  else if (!SERVICE_TYPES.includes(String(type))) errors.push(notSupported('spec.type', type, SERVICE_TYPES));
  const seenNodePorts = new Set<string>();
  const seenPorts = new Set<string>();
  ports.forEach((port, i) => {
    const path = `spec.ports[${i}]`;
    const nodePort = Number(port.nodePort ?? 0);
    if (nodePort !== 0) {
      if (type === 'ClusterIP')
        errors.push(forbidden(`${path}.nodePort`, "may not be used when `type` is 'ClusterIP'"));
      else if (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX) {
        errors.push(
          invalid(
            `${path}.nodePort`,
            nodePort,
            `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
          ),
        );
      }
      const key = `${String(port.protocol ?? '')}/${nodePort}`;
      if (seenNodePorts.has(key)) errors.push(duplicate(`${path}.nodePort`, nodePort));
      seenNodePorts.add(key);
    }
    const key = `${String(port.protocol ?? '')}/${Number(port.port ?? 0)}`;
    if (seenPorts.has(key))
      errors.push(duplicate(path, { port: Number(port.port ?? 0), protocol: port.protocol ?? '', targetPort: 0 }));
    seenPorts.add(key);
  });
  return errors;
}

/** Create-time checks of a Service. */
export function validateServiceCreate(service: KubeObject): FieldError[] {
  return [
    ...validateObjectMeta(service.metadata, true, nameIsDns1035Label),
    ...validateServiceSpec(asObject(service.spec) ?? {}),
  ];
}

/**
 * Update-time checks: a set ClusterIP may not change (the registry first copies clusterIP into clusterIPs when only
 * the singular field was edited, so the error names clusterIPs).
 */
export function validateServiceUpdate(service: KubeObject, old: KubeObject): FieldError[] {
  const spec = asObject(service.spec) ?? {};
  const oldSpec = asObject(old.spec) ?? {};
  const errors = [...validateObjectMetaUpdate(service.metadata, old.metadata), ...validateServiceCreate(service)];
  if (spec.type === 'ExternalName' || oldSpec.type === 'ExternalName' || (isHeadless(spec) && isHeadless(oldSpec)))
    return errors;
  const oldIPs = asArray(oldSpec.clusterIPs).map(String);
  let newIPs = asArray(spec.clusterIPs).map(String);
  if (oldIPs.length > 0 && newIPs.length === 0 && spec.clusterIP === oldSpec.clusterIP) newIPs = oldIPs;
  if (spec.clusterIP !== oldSpec.clusterIP && spec.clusterIP && newIPs.join() === oldIPs.join())
    newIPs = [String(spec.clusterIP)];
  if (oldIPs.length === newIPs.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== newIPs[i]) errors.push(invalid(`spec.clusterIPs[${i}]`, newIPs, 'may not change once set'));
    });
  } else if (oldIPs.length > 0 && newIPs.length === 0) {
    errors.push(invalid('spec.clusterIPs[0]', newIPs, 'primary clusterIP can not be unset'));
  }
  return errors;
}
