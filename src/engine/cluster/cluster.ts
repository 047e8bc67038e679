/**
 * A whole simulated cluster: API server, scheduler, kubelets, container runtime and network, wired on one runtime.
 * Created from options (seed, start time, shape) or restored from a snapshot; its entire state is one plain object.
 */
import { ApiServer, type ApiServerState } from '../api/apiServer';
import { KubeApiServer } from '../api/kubeApiServer';
import { MetricsServer, type MetricsServerState } from '../metrics/metricsServer';
import { EvictionManager, type EvictionManagerState } from '../kubelet/eviction/evictionManager';
import { resolveResourceName } from '../api/resources';
import { EventRecorder, type EventsState } from '../events/recorder';
import { Runtime, type RuntimeState } from '../runtime/runtime';
import { DEFAULT_START_TIME } from '../runtime/time';
import { Scheduler, type SchedulerState } from '../scheduler/scheduler';
import { Kernel, type KernelState } from '../os/kernel';
import { ContainerRuntime, type ContainerRuntimeState } from '../node/containerRuntime';
import { ClusterNetwork } from '../network/clusterNetwork';
import { Kubelet } from '../kubelet/kubelet';
import type { KubeletState } from '../kubelet/workerState';
import { createImageCatalog, imagePrograms } from '../images';
import { shellProgram } from '../shell';
import { utilities } from '../os/utilities';
import type { Node } from '../api/kinds';
import type { Utility } from '../os/types';
import type { KubectlResult } from '../kubectl/types';
import {
  SYSTEM_NAMESPACES,
  createApiServerEndpoints,
  createNamespace,
  createSystemServices,
  nodeAddressing,
  registerNode,
} from './bootstrap';
import { defaultShape, type ClusterShape, type NodeShape } from './shape';
import { kubeadmUtility } from './kubeadm';
import { ServiceDirectory } from './serviceDirectory';
import { KubeProxy, type KubeProxyState } from '../network/kubeProxy';
import { ControllerManager } from '../controllers/controllerManager';
import type { ControllerStates } from '../controllers/controller';
import { DecisionLog, type DecisionLogState } from '../controllers/decisionLog';
import { CONTROLLERS } from '../controllers/registry';
import { createDefaultStorageClass } from '../controllers/volume/persistentvolume/defaultStorageClass';
import { watchReclaimedVolumes } from '../kubelet/persistentVolumes';

export interface ClusterOptions {
  /** Seed of every random choice (names, IPs, tie-breaks). Default 1. */
  seed?: number;
  /** Virtual start time, ms since the Unix epoch. */
  startTime?: number;
  shape?: ClusterShape;
}

/** Format version of snapshots; bump on incompatible state changes. */
export const SNAPSHOT_VERSION = 1;

export interface ClusterState {
  version: number;
  options: { seed: number; startTime: number; shape: ClusterShape };
  runtime: RuntimeState;
  api: ApiServerState;
  events: EventsState;
  scheduler: SchedulerState;
  kernel: KernelState;
  containers: ContainerRuntimeState;
  kubelet: KubeletState;
  decisions: DecisionLogState;
  /** kube-proxy's session-affinity table. */
  proxy: KubeProxyState;
  /** metrics-server's samples and the synthetic loads on Services. */
  metrics: MetricsServerState;
  /** The kubelets' eviction managers: when each node last met its memory threshold; absent in older snapshots. */
  eviction?: EvictionManagerState;
  /** What controllers keep between syncs (the HPA controller's recent recommendations and scale events). */
  controllers: ControllerStates;
  /** node name → index used for its addresses (stable when nodes come and go). */
  nodeIndexes: Record<string, number>;
  /** Machines that are up but not yet nodes (`kubeplay machine add`), waiting for `kubeadm join`. */
  machines?: Record<string, NodeShape>;
}

const NODES = resolveResourceName('nodes')!;

export class Cluster {
  readonly runtime: Runtime;
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly scheduler: Scheduler;
  readonly kernel: Kernel;
  readonly containers: ContainerRuntime;
  readonly network: ClusterNetwork;
  readonly kubelet: Kubelet;
  readonly decisions: DecisionLog;
  readonly controllers: ControllerManager;
  readonly metrics: MetricsServer;
  readonly eviction: EvictionManager;
  private readonly images = createImageCatalog();
  private timeLimit = Infinity;

  private constructor(readonly state: ClusterState) {
    this.runtime = new Runtime(state.runtime);
    const now = () => this.runtime.now();
    const api = new KubeApiServer(state.api, now, state.runtime.random);
    this.api = api;
    this.events = new EventRecorder(state.events, this.api);
    this.containers = new ContainerRuntime(state.containers, state.runtime.random, now, (node) => {
      const index = state.nodeIndexes[node];
      return index === undefined ? undefined : nodeAddressing(index);
    });
    const nodeUtilities = {
      ...utilities,
      kubectl: this.kubectlUtility(),
      kubeadm: kubeadmUtility({
        api: this.api,
        apiServerEndpoint: () => `https://${this.controlPlaneAddress()}:6443`,
        isNode: (machine) => this.api.find(NODES, undefined, machine) !== undefined,
        join: (machine) => this.joinMachine(machine),
      }),
    };
    this.kernel = new Kernel(state.kernel, this.runtime, { sh: shellProgram, ...imagePrograms }, nodeUtilities, {
      container: (id) => this.containers.context(id),
      // The kubelet is built below; processes only exit once the cluster runs.
      onMainExit: (id, code, signal) => this.kubelet.onContainerExit(id, code, signal),
      onLog: (id, stream, text) => this.containers.appendLog(id, stream, text),
      onOomKill: (id) => this.containers.markOomKilled(id),
    });
    this.network = new ClusterNetwork(
      this.kernel,
      new ServiceDirectory(this.api, this.containers, new KubeProxy(this.api, state.runtime.random, now, state.proxy)),
    );
    this.containers.connect(this.kernel, this.network);
    this.scheduler = new Scheduler(state.scheduler, this.runtime, this.api, this.events);
    this.kubelet = new Kubelet(state.kubelet, {
      runtime: this.runtime,
      api: this.api,
      events: this.events,
      containers: this.containers,
      kernel: this.kernel,
      network: this.network,
      images: this.images,
    });
    this.decisions = new DecisionLog(state.decisions, now);
    this.metrics = new MetricsServer(state.metrics, {
      runtime: this.runtime,
      api: this.api,
      kubelet: this.kubelet,
      containers: this.containers,
      kernel: this.kernel,
    });
    api.registerApiService(this.metrics.api);
    // A volume its reclaim policy deletes takes its data with it.
    watchReclaimedVolumes(this.api, (storage, nodes) =>
      this.containers.dropVolumeStorage(storage, nodes === 'all' ? this.containers.nodesWithDirectories() : nodes),
    );
    this.eviction = new EvictionManager((state.eviction ??= EvictionManager.initialState()), {
      runtime: this.runtime,
      api: this.api,
      events: this.events,
      kubelet: this.kubelet,
      containers: this.containers,
      kernel: this.kernel,
    });
    this.kubelet.nodes.memoryPressure = (node) => this.eviction.isUnderMemoryPressure(node);
    this.controllers = new ControllerManager(
      this.runtime,
      this.api,
      this.events,
      this.decisions,
      CONTROLLERS,
      state.controllers,
    );
  }

  static create(options: ClusterOptions = {}): Cluster {
    const seed = options.seed ?? 1;
    const startTime = options.startTime ?? DEFAULT_START_TIME;
    const shape = options.shape ?? defaultShape();
    const state: ClusterState = {
      version: SNAPSHOT_VERSION,
      options: { seed, startTime, shape },
      runtime: Runtime.initialState(seed, startTime),
      api: ApiServer.initialState(),
      events: EventRecorder.initialState(),
      scheduler: Scheduler.initialState(),
      kernel: Kernel.initialState(),
      containers: ContainerRuntime.initialState(),
      kubelet: Kubelet.initialState(),
      decisions: DecisionLog.initialState(),
      proxy: KubeProxy.initialState(),
      metrics: MetricsServer.initialState(),
      eviction: EvictionManager.initialState(),
      controllers: {},
      nodeIndexes: {},
    };
    const cluster = new Cluster(state);
    for (const namespace of SYSTEM_NAMESPACES) createNamespace(cluster.api, namespace);
    createSystemServices(cluster.api);
    createDefaultStorageClass(cluster.api);
    shape.nodes.forEach((node) => cluster.addNode(node));
    const controlPlane = shape.nodes.flatMap((node) =>
      node.role === 'control-plane' ? [nodeAddressing(state.nodeIndexes[node.name]!).ip] : [],
    );
    createApiServerEndpoints(cluster.api, controlPlane);
    return cluster;
  }

  /** Rebuilds a cluster from a snapshot taken with `snapshot()`; it continues exactly as the original would. */
  static restore(snapshot: ClusterState): Cluster {
    if (snapshot.version !== SNAPSHOT_VERSION) throw new Error(`unsupported snapshot version ${snapshot.version}`);
    return new Cluster(structuredClone(snapshot));
  }

  /** A deep copy of the whole engine state. */
  snapshot(): ClusterState {
    return structuredClone(this.state);
  }

  now(): number {
    return this.runtime.now();
  }

  /**
   * A moment the clock may not pass until lifted (`undefined`): a command that would wait longer ends there. Replay
   * sets it so a crafted scenario cannot make one step run for days; not part of the state.
   */
  limitTime(at: number | undefined): void {
    this.timeLimit = at ?? Infinity;
  }

  /** Lets `ms` of virtual time pass, running everything due. */
  advance(ms: number): void {
    this.runtime.runUntil(Math.min(this.now() + ms, this.timeLimit));
  }

  /**
   * Runs the cluster until `done()` holds or `timeoutMs` passes, jumping from one due task to the next.
   * Returns whether `done()` became true.
   */
  runUntil(done: () => boolean, timeoutMs: number): boolean {
    const deadline = Math.min(this.now() + timeoutMs, this.timeLimit);
    for (;;) {
      if (done()) return true;
      const next = this.runtime.nextTaskTime();
      if (next === undefined || next > deadline) {
        this.runtime.runUntil(deadline);
        return done();
      }
      this.runtime.runUntil(next);
    }
  }

  /** Registers a node (kubeadm join): its Node object appears Ready and its kubelet starts. */
  addNode(shape: ClusterShape['nodes'][number]): void {
    const index = this.state.nodeIndexes[shape.name] ?? Object.keys(this.state.nodeIndexes).length;
    this.state.nodeIndexes[shape.name] = index;
    for (const image of shape.images ?? []) {
      const resolution = this.images.resolve(image);
      if (resolution.kind !== 'found') throw new Error(`node ${shape.name}: image ${image} is not in the catalog`);
      this.containers.storeImage(shape.name, resolution.image);
    }
    registerNode(this.api, shape, index, this.now());
    this.kubelet.nodes.start(shape.name);
  }

  /**
   * `kubeplay node fail`: the node's machine goes down. Its kubelet stops heartbeating and syncing and its containers
   * are gone; its pods stay in the API as they were. Returns false when the node has no running kubelet.
   */
  failNode(name: string): boolean {
    return this.kubelet.nodes.fail(name);
  }

  /** `kubeplay node recover`: the machine boots and its kubelet comes back. Returns false when it was not down. */
  recoverNode(name: string): boolean {
    return this.kubelet.nodes.recover(name);
  }

  /** `kubeadm reset` on the node, then `kubectl delete node`: its kubelet and containers go, and its Node object. */
  removeNode(name: string): void {
    this.kubelet.nodes.remove(name);
    this.api.delete(NODES, undefined, name);
  }

  /** Brings up a machine that is not a node yet: it has a host shell, and `kubeadm join` on it makes it one. */
  addMachine(shape: NodeShape): void {
    this.state.nodeIndexes[shape.name] ??= Object.keys(this.state.nodeIndexes).length;
    (this.state.machines ??= {})[shape.name] = shape;
  }

  private joinMachine(name: string): void {
    const shape = this.state.machines?.[name];
    if (!shape) throw new Error(`${name} is not a machine waiting to join`);
    delete this.state.machines![name];
    this.addNode(shape);
  }

  /** Whether a machine of that name exists (a node, or one waiting to join). */
  hasMachine(name: string): boolean {
    return this.state.nodeIndexes[name] !== undefined;
  }

  /** Why `ssh` cannot reach a machine, in ssh's words; undefined when it can. */
  sshProblem(machine: string): string | undefined {
    if (!this.hasMachine(machine)) return `Could not resolve hostname ${machine}: Name or service not known`;
    const isNode = this.api.find(NODES, undefined, machine) !== undefined;
    if (isNode && !this.kubelet.nodes.isUp(machine)) return `connect to host ${machine} port 22: No route to host`;
    return undefined;
  }

  /** The first control-plane node's address: where the API server listens. */
  private controlPlaneAddress(): string {
    const node = this.state.options.shape.nodes.find((n) => n.role === 'control-plane');
    return nodeAddressing(this.state.nodeIndexes[node?.name ?? ''] ?? 0).ip;
  }

  /**
   * Sends `requestsPerSecond` to a Service from outside the cluster, spread over its ready endpoints (0 stops it):
   * the load metrics-server sees on those pods (`kubeplay load`).
   */
  setLoad(namespace: string, service: string, requestsPerSecond: number): void {
    this.metrics.setLoad(namespace, service, requestsPerSecond);
  }

  /**
   * Makes something outside pods use `bytes` of memory on a node, 0 to release it: a runaway host process that drives
   * the node towards memory pressure (`kubeplay node pressure`).
   */
  occupyNodeMemory(node: string, bytes: number): void {
    this.kernel.setHostMemory(node, bytes);
  }

  /** Connects the `kubectl` available in node host shells to an interpreter (the session provides it). */
  setKubectl(run: (argv: string[], stdin: string) => KubectlResult): void {
    this.kubectlRunner = run;
  }

  private kubectlRunner?: (argv: string[], stdin: string) => KubectlResult;

  private kubectlUtility(): Utility {
    return (argv, io) => {
      if (!this.kubectlRunner) {
        io.stderr('kubectl: not available here\n');
        return 127;
      }
      const result = this.kubectlRunner(argv.slice(1), io.stdin);
      io.stdout(result.stdout);
      io.stderr(result.stderr);
      return result.exitCode;
    };
  }

  nodes(): Node[] {
    return this.api.all(NODES) as Node[];
  }
}
