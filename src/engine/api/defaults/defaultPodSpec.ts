/**
 * Scheme defaults for a PodSpec and everything inside it (kubernetes: pkg/apis/core/v1/defaults.go and the
 * `+default` markers of k8s.io/api/core/v1, plus the v1↔internal conversion of serviceAccount), applied to Pods and
 * to the pod templates of workloads alike.
 */
import { childObject, childObjects, ensureObject, setDefault, type JsonObject } from './objects';
import { imageTag } from './imageTag';

/** 0644, the default file mode of configMap/secret/downwardAPI/projected volumes. */
const DEFAULT_FILE_MODE = 420;

const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

function defaultHttpGet(action: JsonObject | undefined): void {
  if (!action) return;
  setDefault(action, 'path', '/');
  setDefault(action, 'scheme', 'HTTP');
}

function defaultHandler(handler: JsonObject | undefined): void {
  if (!handler) return;
  defaultHttpGet(childObject(handler, 'httpGet'));
  const grpc = childObject(handler, 'grpc');
  if (grpc && grpc.service === undefined) grpc.service = '';
}

function defaultProbe(probe: JsonObject | undefined): void {
  if (!probe) return;
  defaultHandler(probe);
  // SetDefaults_Probe: zero means unset for these four.
  for (const [key, value] of [
    ['timeoutSeconds', 1],
    ['periodSeconds', 10],
    ['successThreshold', 1],
    ['failureThreshold', 3],
  ] as const) {
    if (!probe[key]) probe[key] = value;
  }
}

function defaultFieldRef(fieldRef: JsonObject | undefined): void {
  if (fieldRef) setDefault(fieldRef, 'apiVersion', 'v1');
}

function defaultResourceFieldRef(resourceFieldRef: JsonObject | undefined): void {
  // A zero resource.Quantity serializes as "0".
  if (resourceFieldRef) setDefault(resourceFieldRef, 'divisor', '0');
}

function defaultContainer(container: JsonObject, hostNetwork: boolean): void {
  if (!container.imagePullPolicy) {
    container.imagePullPolicy =
      imageTag(typeof container.image === 'string' ? container.image : '') === 'latest' ? 'Always' : 'IfNotPresent';
  }
  setDefault(container, 'terminationMessagePath', '/dev/termination-log');
  setDefault(container, 'terminationMessagePolicy', 'File');
  ensureObject(container, 'resources');
  for (const port of childObjects(container, 'ports')) {
    setDefault(port, 'protocol', 'TCP');
    if (hostNetwork && !port.hostPort) port.hostPort = port.containerPort;
  }
  for (const env of childObjects(container, 'env')) {
    const valueFrom = childObject(env, 'valueFrom');
    defaultFieldRef(childObject(valueFrom, 'fieldRef'));
    defaultResourceFieldRef(childObject(valueFrom, 'resourceFieldRef'));
  }
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(childObject(container, probe));
  const lifecycle = childObject(container, 'lifecycle');
  defaultHandler(childObject(lifecycle, 'postStart'));
  defaultHandler(childObject(lifecycle, 'preStop'));
}

function defaultDownwardApiItems(source: JsonObject | undefined): void {
  for (const item of childObjects(source, 'items')) {
    defaultFieldRef(childObject(item, 'fieldRef'));
    defaultResourceFieldRef(childObject(item, 'resourceFieldRef'));
  }
}

function defaultVolume(volume: JsonObject): void {
  if (!VOLUME_SOURCES.some((source) => volume[source] !== undefined && volume[source] !== null)) volume.emptyDir = {};
  const hostPath = childObject(volume, 'hostPath');
  if (hostPath && hostPath.type === undefined) hostPath.type = '';
  for (const source of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const value = childObject(volume, source);
    if (value && value.defaultMode === undefined) value.defaultMode = DEFAULT_FILE_MODE;
  }
  defaultDownwardApiItems(childObject(volume, 'downwardAPI'));
  for (const projection of childObjects(childObject(volume, 'projected'), 'sources')) {
    defaultDownwardApiItems(childObject(projection, 'downwardAPI'));
    const token = childObject(projection, 'serviceAccountToken');
    if (token && token.expirationSeconds === undefined) token.expirationSeconds = 3600;
  }
  const claimSpec = childObject(childObject(childObject(volume, 'ephemeral'), 'volumeClaimTemplate'), 'spec');
  if (claimSpec) setDefault(claimSpec, 'volumeMode', 'Filesystem');
}

/**
 * Applies SetDefaults_PodSpec and the nested defaults in place. `isPod` adds what only Pods get (SetDefaults_Pod:
 * enableServiceLinks, requests copied from limits).
 */
export function defaultPodSpec(spec: JsonObject, isPod: boolean): void {
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'restartPolicy', 'Always');
  if (spec.securityContext === undefined || spec.securityContext === null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null)
    spec.terminationGracePeriodSeconds = 30;
  setDefault(spec, 'schedulerName', 'default-scheduler');
  // Conversion keeps the deprecated serviceAccount and serviceAccountName in step.
  if (!spec.serviceAccountName && typeof spec.serviceAccount === 'string' && spec.serviceAccount)
    spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;

  const hostNetwork = spec.hostNetwork === true;
  for (const key of ['containers', 'initContainers', 'ephemeralContainers']) {
    for (const container of childObjects(spec, key)) {
      defaultContainer(container, hostNetwork && key !== 'ephemeralContainers');
      if (isPod && key !== 'ephemeralContainers') defaultRequestsFromLimits(container);
    }
  }
  for (const volume of childObjects(spec, 'volumes')) defaultVolume(volume);
  if (isPod && spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
}

/** SetDefaults_Pod: a container with limits but no request for a resource requests its limit. */
function defaultRequestsFromLimits(container: JsonObject): void {
  const resources = ensureObject(container, 'resources');
  const limits = childObject(resources, 'limits');
  // An empty map is omitted on the wire, so only real limits produce requests.
  if (!limits || Object.keys(limits).length === 0) return;
  const requests = ensureObject(resources, 'requests');
  for (const [name, quantity] of Object.entries(limits)) if (requests[name] === undefined) requests[name] = quantity;
}
