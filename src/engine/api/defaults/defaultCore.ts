/**
 * Defaults of the non-workload kinds (kubernetes: pkg/apis/core/v1/defaults.go, pkg/apis/storage/v1/defaults.go,
 * pkg/apis/discovery/v1/defaults.go) and the strategy-time fields the apiserver adds to new Services and
 * Namespaces (pkg/registry/core/service/storage, pkg/registry/core/namespace/strategy.go). ClusterIPs and node ports
 * need allocation state and are left to the caller.
 */
import { childObject, childObjects, ensureObject, setDefault, type JsonObject } from './objects';
import { base64Encode } from '../base64';

function defaultService(spec: JsonObject, object: JsonObject): void {
  setDefault(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = ensureObject(spec, 'sessionAffinityConfig');
    const clientIP = ensureObject(config, 'clientIP');
    if (clientIP.timeoutSeconds === undefined) clientIP.timeoutSeconds = 10800;
  }
  setDefault(spec, 'type', 'ClusterIP');
  for (const port of childObjects(spec, 'ports')) {
    setDefault(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  const type = spec.type;
  const external =
    type === 'NodePort' || type === 'LoadBalancer' || (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0);
  if (external && type !== 'ExternalName') setDefault(spec, 'externalTrafficPolicy', 'Cluster');
  if (
    spec.internalTrafficPolicy === undefined &&
    (type === 'ClusterIP' || type === 'NodePort' || type === 'LoadBalancer')
  ) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined)
    spec.allocateLoadBalancerNodePorts = true;
  if (type !== 'ExternalName') {
    const headlessWithoutSelector = spec.clusterIP === 'None' && !childObject(spec, 'selector');
    setDefault(spec, 'ipFamilyPolicy', headlessWithoutSelector ? 'RequireDualStack' : 'SingleStack');
    if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  }
  ensureObject(ensureObject(object, 'status'), 'loadBalancer');
}

function defaultNamespace(object: JsonObject): void {
  const metadata = ensureObject(object, 'metadata');
  if (typeof metadata.name === 'string' && metadata.name) {
    ensureObject(metadata, 'labels')['kubernetes.io/metadata.name'] = metadata.name;
  }
  const spec = ensureObject(object, 'spec');
  if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes'];
  setDefault(ensureObject(object, 'status'), 'phase', 'Active');
}

function defaultSecret(object: JsonObject): void {
  setDefault(object, 'type', 'Opaque');
  // Conversion to the internal version folds stringData into data.
  const stringData = childObject(object, 'stringData');
  if (stringData) {
    const data = ensureObject(object, 'data');
    for (const [key, value] of Object.entries(stringData)) data[key] = base64Encode(String(value));
    delete object.stringData;
  }
}

function defaultLimitRange(spec: JsonObject): void {
  for (const item of childObjects(spec, 'limits')) {
    if (item.type !== 'Container') continue;
    const defaults = ensureObject(item, 'default');
    const defaultRequest = ensureObject(item, 'defaultRequest');
    for (const [name, value] of Object.entries(childObject(item, 'max') ?? {}))
      if (defaults[name] === undefined) defaults[name] = value;
    for (const [name, value] of Object.entries(defaults))
      if (defaultRequest[name] === undefined) defaultRequest[name] = value;
    for (const [name, value] of Object.entries(childObject(item, 'min') ?? {}))
      if (defaultRequest[name] === undefined) defaultRequest[name] = value;
  }
}

/** Applies the defaults of a core, storage or discovery kind in place; returns false for other kinds. */
export function defaultCore(object: JsonObject): boolean {
  const key = `${String(object.apiVersion)}/${String(object.kind)}`;
  switch (key) {
    case 'v1/Service':
      defaultService(ensureObject(object, 'spec'), object);
      return true;
    case 'v1/Namespace':
      defaultNamespace(object);
      return true;
    case 'v1/Secret':
      defaultSecret(object);
      return true;
    case 'v1/PersistentVolumeClaim':
      setDefault(ensureObject(object, 'spec'), 'volumeMode', 'Filesystem');
      setDefault(ensureObject(object, 'status'), 'phase', 'Pending');
      return true;
    case 'v1/PersistentVolume': {
      const spec = ensureObject(object, 'spec');
      setDefault(spec, 'persistentVolumeReclaimPolicy', 'Retain');
      setDefault(spec, 'volumeMode', 'Filesystem');
      setDefault(ensureObject(object, 'status'), 'phase', 'Pending');
      return true;
    }
    case 'v1/Endpoints':
      for (const subset of childObjects(object, 'subsets'))
        for (const port of childObjects(subset, 'ports')) setDefault(port, 'protocol', 'TCP');
      return true;
    case 'discovery.k8s.io/v1/EndpointSlice':
      for (const port of childObjects(object, 'ports')) setDefault(port, 'protocol', 'TCP');
      return true;
    case 'v1/LimitRange':
      defaultLimitRange(ensureObject(object, 'spec'));
      return true;
    case 'storage.k8s.io/v1/StorageClass':
      setDefault(object, 'reclaimPolicy', 'Delete');
      setDefault(object, 'volumeBindingMode', 'Immediate');
      return true;
    default:
      return false;
  }
}
