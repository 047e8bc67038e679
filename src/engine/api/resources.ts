/**
 * API discovery: the resources this cluster serves, in the order `kubectl api-resources` prints them
 * (core group first, then groups alphabetically, names alphabetically within a group).
 */
import type { ResourceType } from './types';

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function resource(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
  verbs: string[] = ALL_VERBS,
): ResourceType {
  return { group, version, kind, plural, singular: kind.toLowerCase(), shortNames, namespaced, verbs, categories };
}

// Source: `kubectl api-resources` against a v1.34 kube-apiserver (names, short names, categories).
export const RESOURCE_TYPES: readonly ResourceType[] = [
  resource('', 'v1', 'Binding', 'bindings', true, [], [], ['create']),
  resource('', 'v1', 'ComponentStatus', 'componentstatuses', false, ['cs'], [], ['get', 'list']),
  resource('', 'v1', 'ConfigMap', 'configmaps', true, ['cm']),
  resource('', 'v1', 'Endpoints', 'endpoints', true, ['ep']),
  resource('', 'v1', 'Event', 'events', true, ['ev']),
  resource('', 'v1', 'LimitRange', 'limitranges', true, ['limits']),
  resource(
    '',
    'v1',
    'Namespace',
    'namespaces',
    false,
    ['ns'],
    [],
    ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  ),
  resource('', 'v1', 'Node', 'nodes', false, ['no']),
  resource('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, ['pvc']),
  resource('', 'v1', 'PersistentVolume', 'persistentvolumes', false, ['pv']),
  resource('', 'v1', 'Pod', 'pods', true, ['po'], ['all']),
  resource('', 'v1', 'PodTemplate', 'podtemplates', true),
  resource('', 'v1', 'ReplicationController', 'replicationcontrollers', true, ['rc'], ['all']),
  resource('', 'v1', 'ResourceQuota', 'resourcequotas', true, ['quota']),
  resource('', 'v1', 'Secret', 'secrets', true),
  resource('', 'v1', 'ServiceAccount', 'serviceaccounts', true, ['sa']),
  resource(
    '',
    'v1',
    'Service',
    'services',
    true,
    ['svc'],
    ['all'],
    ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
  ),
  resource('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  resource('apps', 'v1', 'DaemonSet', 'daemonsets', true, ['ds'], ['all']),
  resource('apps', 'v1', 'Deployment', 'deployments', true, ['deploy'], ['all']),
  resource('apps', 'v1', 'ReplicaSet', 'replicasets', true, ['rs'], ['all']),
  resource('apps', 'v1', 'StatefulSet', 'statefulsets', true, ['sts'], ['all']),
  resource('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, ['hpa'], ['all']),
  resource('batch', 'v1', 'CronJob', 'cronjobs', true, ['cj'], ['all']),
  resource('batch', 'v1', 'Job', 'jobs', true, [], ['all']),
  resource('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  resource('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  resource('events.k8s.io', 'v1', 'Event', 'events', true, ['ev']),
  resource('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, ['pdb']),
  resource('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, ['sc']),
];

/** Other versions the apiserver still serves for a group/kind (same storage, converted). */
const ALSO_SERVED: Record<string, string[]> = {
  'autoscaling/HorizontalPodAutoscaler': ['v1'],
};

export function apiVersionOf(resource: ResourceType): string {
  return resource.group ? `${resource.group}/${resource.version}` : resource.version;
}

/** Storage key of a resource, e.g. `pods`, `deployments.apps`. */
export function resourceKey(resource: ResourceType): string {
  return resource.group ? `${resource.plural}.${resource.group}` : resource.plural;
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** The resource serving `kind` in `apiVersion`, honouring versions served besides the preferred one. */
export function findResourceFor(apiVersion: string, kind: string): ResourceType | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  return RESOURCE_TYPES.find(
    (r) =>
      r.group === group &&
      r.kind === kind &&
      (r.version === version || (ALSO_SERVED[`${group}/${kind}`] ?? []).includes(version)),
  );
}

/**
 * What a user typed to name a resource type, as kubectl's RESTMapper resolves it: plural, singular, short name or
 * kind, optionally qualified by group (`deployments.apps`) or version and group (`deployments.v1.apps`).
 * The core group wins over others for an unqualified name (`events` → v1 Event).
 */
export function resolveResourceName(typed: string): ResourceType | undefined {
  const lower = typed.toLowerCase();
  const matches = (r: ResourceType, name: string) =>
    r.plural === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name;
  const direct = RESOURCE_TYPES.find((r) => matches(r, lower));
  if (direct) return direct;
  const dot = lower.indexOf('.');
  if (dot < 0) return undefined;
  const name = lower.slice(0, dot);
  const rest = lower.slice(dot + 1);
  return RESOURCE_TYPES.find(
    (r) =>
      matches(r, name) &&
      (r.group === rest || `${r.version}.${r.group}` === rest || (r.group === '' && rest === r.version)),
  );
}
