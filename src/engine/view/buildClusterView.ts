/**
 * The page's picture of the cluster (see clusterViewTypes.ts), read from the API store the way `kubectl get` reads
 * it, with kubectl's own STATUS/READY/RESTARTS cells. Built in the engine worker whenever `clusterViewRevision`
 * moved; every list is sorted by namespace then name so equal clusters give equal views.
 */
import type { Node, Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { KubeObject, ResourceType } from '../api/types';
import type { Cluster } from '../cluster/cluster';
import type { ClusterView, WorkloadKind, WorkloadView } from './clusterViewTypes';
import { countProbeFailures } from './countProbeFailures';
import { toNodeView } from './toNodeView';
import { toPodView } from './toPodView';
import { toServiceView } from './toServiceView';
import { toWorkloadView } from './toWorkloadView';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;
const SERVICES = resolveResourceName('services')!;
const ENDPOINTS = resolveResourceName('endpoints')!;
const EVENTS = resolveResourceName('events')!;

const WORKLOADS: [WorkloadKind, ResourceType][] = [
  ['Deployment', resolveResourceName('deployments.apps')!],
  ['ReplicaSet', resolveResourceName('replicasets.apps')!],
  ['StatefulSet', resolveResourceName('statefulsets.apps')!],
  ['DaemonSet', resolveResourceName('daemonsets.apps')!],
  ['Job', resolveResourceName('jobs.batch')!],
  ['CronJob', resolveResourceName('cronjobs.batch')!],
  ['ReplicationController', resolveResourceName('replicationcontrollers')!],
];

/** Everything the view shows comes from these; Events give the probe failures. */
const VIEWED_RESOURCES: ResourceType[] = [PODS, NODES, SERVICES, ENDPOINTS, EVENTS, ...WORKLOADS.map(([, r]) => r)];

/** The cluster's own Services (bootstrap.ts), which no learner made: the API server's and CoreDNS's. */
const SYSTEM_SERVICES = new Set(['default/kubernetes', 'kube-system/kube-dns']);

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Orders by namespace, then name, then kind (a Deployment and a StatefulSet may share a name). */
function compareObjects(
  a: { namespace?: string; name: string; kind?: string },
  b: { namespace?: string; name: string; kind?: string },
): number {
  return (
    compareText(a.namespace ?? '', b.namespace ?? '') ||
    compareText(a.name, b.name) ||
    compareText(a.kind ?? '', b.kind ?? '')
  );
}

/** The view of the whole cluster at its current virtual time: nodes, workloads, pods and Services of every namespace. */
export function buildClusterView(cluster: Cluster): ClusterView {
  const api = cluster.api;
  const now = cluster.now();
  const failures = countProbeFailures(api.all(EVENTS));
  const pods = api.all(PODS).map((pod) => {
    const uid = pod.metadata.uid ?? '';
    return toPodView(pod as unknown as Pod, now, failures.get(uid));
  });
  const workloads: WorkloadView[] = WORKLOADS.flatMap(([kind, resource]) =>
    api.all(resource).map((object) => toWorkloadView(kind, object, now)),
  );
  const services = api
    .all(SERVICES)
    .filter((service) => !SYSTEM_SERVICES.has(`${service.metadata.namespace}/${service.metadata.name}`))
    .map((service: KubeObject) =>
      toServiceView(service, api.find(ENDPOINTS, service.metadata.namespace, service.metadata.name ?? '')),
    );
  return {
    time: now,
    nodes: api
      .all(NODES)
      .map((node) => toNodeView(node as unknown as Node))
      .sort(compareObjects),
    workloads: workloads.sort(compareObjects),
    pods: pods.sort(compareObjects),
    services: services.sort(compareObjects),
  };
}

/**
 * A number that moves whenever anything `buildClusterView` shows may have changed, so the worker rebuilds only then:
 * the latest change to any viewed resource. Time alone changes nothing drawn (the page counts deletion grace down).
 */
export function clusterViewRevision(cluster: Cluster): number {
  return Math.max(...VIEWED_RESOURCES.map((resource) => cluster.api.resourceRevision(resource)));
}
