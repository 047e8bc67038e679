/**
 * What the kubelet's parts (pod worker, image manager, prober, container killer) share: the node-side services,
 * the kubelet's state, and a few helpers every part needs.
 */
import type { ApiServer } from '../api/apiServer';
import type { Container, Node, Pod } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { resolveResourceName } from '../api/resources';
import type { Runtime } from '../runtime/runtime';
import { referenceTo, type EventRecorder, type EventType } from '../events/recorder';
import type { ContainerRuntime } from '../node/containerRuntime';
import type { Kernel } from '../os/kernel';
import type { ClusterNetwork } from '../network/clusterNetwork';
import type { ImageCatalog } from '../images/types';
import type { NetworkStack } from '../os/types';
import { nextUint32 } from '../runtime/random';
import type { KubeletState, PodWorkerState } from './workerState';
import { runningUidOf } from './staticPods';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;

export interface KubeletDependencies {
  runtime: Runtime;
  api: ApiServer;
  events: EventRecorder;
  containers: ContainerRuntime;
  kernel: Kernel;
  network: ClusterNetwork;
  images: ImageCatalog;
}

export class KubeletContext {
  readonly runtime: Runtime;
  readonly api: ApiServer;
  readonly containers: ContainerRuntime;
  readonly kernel: Kernel;
  readonly network: ClusterNetwork;
  readonly images: ImageCatalog;
  private readonly events: EventRecorder;
  /**
   * Counts changes to which worker states exist: pods adopted or forgotten, container workers added, probe workers
   * replaced. Derived caches of those objects hold while it stays the same; every such change must count here.
   */
  structure = 0;
  /** Each node's network stack, by node and the address it was built for (derived, never in the state). */
  private readonly nodeNets = new Map<string, { ip: string; net: NetworkStack }>();

  constructor(
    readonly state: KubeletState,
    deps: KubeletDependencies,
  ) {
    this.runtime = deps.runtime;
    this.api = deps.api;
    this.events = deps.events;
    this.containers = deps.containers;
    this.kernel = deps.kernel;
    this.network = deps.network;
    this.images = deps.images;
  }

  /** Records a kubelet event about a pod, or about one of its containers (with its field path). */
  record(pod: Pod, type: EventType, reason: string, message: string, container?: string): void {
    const fieldPath = container ? fieldPathOf(pod, container) : undefined;
    this.events.record(referenceTo(pod as unknown as KubeObject, fieldPath), type, reason, message, {
      component: 'kubelet',
      host: pod.spec.nodeName,
    });
  }

  /** The API object of a pod the kubelet runs, if it still exists with the same uid (for a static pod, its mirror). */
  findPod(worker: PodWorkerState): Pod | undefined {
    const pod = this.api.find(PODS, worker.namespace, worker.name) as Pod | undefined;
    return pod && runningUidOf(pod) === worker.uid ? pod : undefined;
  }

  nodeIp(node: string): string {
    const object = this.api.find(NODES, undefined, node) as Node | undefined;
    return object?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  /** The node's own network, from which the kubelet probes pods and calls httpGet hooks. */
  nodeNet(node: string): NetworkStack {
    const ip = this.nodeIp(node);
    const cached = this.nodeNets.get(node);
    if (cached?.ip === ip) return cached.net;
    const net = this.network.stackFor({
      netNs: `node:${node}`,
      ip,
      dnsPolicy: 'Default',
      namespace: 'default',
      ownNames: [node],
    });
    this.nodeNets.set(node, { ip, net });
    return net;
  }

  /** A 64-hex-digit id as containerd makes for exec sessions. */
  newExecId(): string {
    let id = '';
    for (let i = 0; i < 8; i++) id += nextUint32(this.runtime.state.random).toString(16).padStart(8, '0');
    return id;
  }
}

/** The spec of a container (init or regular) by name. */
export function specOf(pod: Pod, name: string): Container | undefined {
  // Init containers first, as the pod lists them; probes look this up on every tick, so nothing is copied.
  for (const container of pod.spec.initContainers ?? []) if (container.name === name) return container;
  for (const container of pod.spec.containers) if (container.name === name) return container;
  return undefined;
}

function fieldPathOf(pod: Pod, container: string): string {
  const init = (pod.spec.initContainers ?? []).some((c) => c.name === container);
  return init ? `spec.initContainers{${container}}` : `spec.containers{${container}}`;
}
