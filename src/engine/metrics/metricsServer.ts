/**
 * metrics-server, preinstalled: every 15 s (`--metric-resolution`) it scrapes the kubelets. A container's CPU follows
 * from the requests it served — the kernel counts real ones, the synthetic load a learner set on a Service adds its
 * share — plus what its processes burn on their own (busy loops); so a scrape only samples the request counters of
 * containers that ever served any, and the usage over the last window (the increase between the last two scrapes) is
 * worked out when the API is read, from those samples and the pods as they are. Memory is what the kernel charges the
 * container now. A container needs two scrapes before it has a rate, so a new pod reports metrics 15–30 s after it
 * starts.
 */
import type { ApiServer } from '../api/apiServer';
import type { Container, Node, Pod } from '../api/kinds';
import { parseQuantity, quantityToNumber } from '../api/quantity/quantity';
import { resolveResourceName } from '../api/resources';
import type { Kubelet } from '../kubelet/kubelet';
import type { ContainerRuntime } from '../node/containerRuntime';
import type { Kernel } from '../os/kernel';
import type { Runtime } from '../runtime/runtime';
import { MetricsApi, type NodeUsage, type PodUsage, type UsageSource } from './metricsApi';
import { resourceProfileOf } from './resourceProfiles';
import { loadTargets } from './serviceLoad';
import { allocateCpu, cpuDemand, nodeOverhead, type CpuDemand } from './usageModel';

/** `--metric-resolution`. */
const METRIC_RESOLUTION_MS = 15_000;
const SCRAPE_TASK = 'metrics-server/scrape';
const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** A container's requests served (real and synthetic) as counted at the previous and at the last scrape. */
interface CounterSample {
  previous: number;
  last: number;
}

export interface MetricsServerState {
  /** When the next scrape is due (virtual ms); set once the first one is scheduled. */
  nextScrape?: number;
  lastScrape?: number;
  /** The scrape before the last: usage is reported for the window between the two. */
  previousScrape?: number;
  /** Container id → its counters, for containers that served requests. */
  samples: Record<string, CounterSample>;
  /** Node → the share of what its containers asked for that its allocatable CPU covered, when less than all. */
  saturated: Record<string, number>;
  /** `namespace/service` → requests per second sent from outside the cluster. */
  loads: Record<string, number>;
  /** Container id → synthetic requests per second it gets since `loadCheckpoint`. */
  loadRates: Record<string, number>;
  /** Container id → synthetic requests it got up to `loadCheckpoint`. */
  loadServed: Record<string, number>;
  loadCheckpoint: number;
}

export interface MetricsServerDependencies {
  runtime: Runtime;
  api: ApiServer;
  kubelet: Pick<Kubelet, 'containerIds'>;
  containers: Pick<ContainerRuntime, 'container'>;
  kernel: Pick<
    Kernel,
    | 'httpRequestsServed'
    | 'state'
    | 'containerMemoryBytes'
    | 'containerCpuCores'
    | 'cpuBusyContainers'
    | 'hostMemoryBytes'
  >;
}

/** A running container of a pod, as the kubelet knows it. */
interface RunningContainer {
  spec: Container;
  id: string;
  node: string;
  repository: string;
  startedAt?: number;
  /** The CFS quota the runtime set from its CPU limit. */
  cpuLimit?: number;
}

function cores(quantity: unknown): number | undefined {
  if (quantity === undefined || quantity === null) return undefined;
  const parsed = parseQuantity(String(quantity));
  return parsed.ok ? quantityToNumber(parsed.value) : undefined;
}

export class MetricsServer implements UsageSource {
  /** The metrics.k8s.io API group, for the aggregator. */
  readonly api: MetricsApi;

  constructor(
    readonly state: MetricsServerState,
    private readonly deps: MetricsServerDependencies,
  ) {
    this.api = new MetricsApi(this, deps.api);
    deps.runtime.on(SCRAPE_TASK, () => this.scrape());
    if (state.nextScrape === undefined) this.scheduleScrape();
  }

  static initialState(): MetricsServerState {
    return { samples: {}, saturated: {}, loads: {}, loadRates: {}, loadServed: {}, loadCheckpoint: 0 };
  }

  /** Sends `requestsPerSecond` to a Service from outside the cluster (0 stops it). */
  setLoad(namespace: string, service: string, requestsPerSecond: number): void {
    this.checkpointLoad();
    const key = `${namespace}/${service}`;
    if (requestsPerSecond > 0) this.state.loads[key] = requestsPerSecond;
    else delete this.state.loads[key];
    this.spreadLoad();
  }

  // ---- the usage source of the API ----

  pods(namespace: string | undefined, select: (labels: Record<string, string> | undefined) => boolean): PodUsage[] {
    const usages: PodUsage[] = [];
    for (const pod of this.deps.api.all(PODS, namespace) as Pod[]) {
      if (!select(pod.metadata.labels)) continue;
      const usage = this.podUsage(pod);
      if (usage) usages.push(usage);
    }
    return usages;
  }

  pod(namespace: string, name: string): PodUsage | undefined {
    const pod = this.deps.api.find(PODS, namespace, name) as Pod | undefined;
    return pod ? this.podUsage(pod) : undefined;
  }

  nodes(): NodeUsage[] {
    if (this.state.previousScrape === undefined) return [];
    const byNode = new Map<string, { cores: number; memory: number }>();
    for (const pod of this.deps.api.all(PODS) as Pod[]) {
      for (const container of this.runningContainers(pod)) {
        const total = byNode.get(container.node) ?? { cores: 0, memory: 0 };
        total.cores += this.containerCores(container);
        total.memory += this.deps.kernel.containerMemoryBytes(container.id);
        byNode.set(container.node, total);
      }
    }
    return (this.deps.api.all(NODES) as Node[]).map((node) => {
      const name = node.metadata.name;
      const overhead = nodeOverhead(node.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined);
      const pods = byNode.get(name) ?? { cores: 0, memory: 0 };
      return {
        name,
        labels: node.metadata.labels ?? {},
        ...this.window(),
        cpuNanocores: Math.round((overhead.cores + pods.cores) * 1e9),
        memoryBytes: overhead.memoryBytes + this.deps.kernel.hostMemoryBytes(name) + pods.memory,
      };
    });
  }

  node(name: string): NodeUsage | undefined {
    return this.nodes().find((node) => node.name === name);
  }

  /** A pod's usage, once every container has run through two scrapes. */
  private podUsage(pod: Pod): PodUsage | undefined {
    const previous = this.state.previousScrape;
    if (previous === undefined || pod.status?.phase !== 'Running') return undefined;
    const containers = this.runningContainers(pod);
    if (containers.length !== pod.spec.containers.length) return undefined;
    if (containers.some((c) => c.startedAt === undefined || c.startedAt > previous)) return undefined;
    return {
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      labels: pod.metadata.labels ?? {},
      ...this.window(),
      containers: containers.map((c) => ({
        name: c.spec.name,
        cpuNanocores: Math.round(this.containerCores(c) * 1e9),
        memoryBytes: this.deps.kernel.containerMemoryBytes(c.id),
      })),
    };
  }

  private window(): { timestamp: number; windowMs: number } {
    const last = this.state.lastScrape ?? 0;
    return { timestamp: last, windowMs: last - (this.state.previousScrape ?? last) };
  }

  /**
   * CPU over the last window: idle plus the requests' cost plus what its processes burn, at most the CFS quota
   * (throttled, never killed), scaled down on a saturated node.
   */
  private containerCores(container: RunningContainer): number {
    const demand = this.demandOf(container.id, container.repository);
    const limited = container.cpuLimit === undefined ? demand : Math.min(demand, container.cpuLimit);
    return limited * (this.state.saturated[container.node] ?? 1);
  }

  /** The cores a container would use unhindered. */
  private demandOf(id: string, repository: string): number {
    return cpuDemand(resourceProfileOf(repository), this.requestRate(id)) + this.deps.kernel.containerCpuCores(id);
  }

  /** Requests per second between the last two scrapes. */
  private requestRate(id: string): number {
    const sample = this.state.samples[id];
    const { lastScrape, previousScrape } = this.state;
    if (!sample || lastScrape === undefined || previousScrape === undefined) return 0;
    return (sample.last - sample.previous) / ((lastScrape - previousScrape) / 1000);
  }

  private runningContainers(pod: Pod): RunningContainer[] {
    const running: RunningContainer[] = [];
    for (const spec of pod.spec.containers) {
      const container = this.runningContainer(pod.metadata.uid ?? '', spec);
      if (container) running.push(container);
    }
    return running;
  }

  private runningContainer(podUid: string, spec: Container): RunningContainer | undefined {
    const id = this.deps.kubelet.containerIds(podUid, spec.name).current;
    const record = id ? this.deps.containers.container(id) : undefined;
    if (!id || record?.state !== 'running') return undefined;
    return {
      spec,
      id,
      node: record.node,
      repository: record.image.reference.repository,
      startedAt: record.startedAt,
      cpuLimit: record.resources?.cpuLimitCores,
    };
  }

  // ---- scraping ----

  private scheduleScrape(): void {
    this.state.nextScrape = this.deps.runtime.now() + METRIC_RESOLUTION_MS;
    this.deps.runtime.at(this.state.nextScrape, SCRAPE_TASK, undefined, SCRAPE_TASK);
  }

  /**
   * One scrape: every container that served requests gets a new sample. One that has none yet had served nothing
   * at the previous scrape (it would have been sampled), so its previous count is 0.
   */
  private scrape(): void {
    const now = this.deps.runtime.now();
    this.checkpointLoad();
    const { samples, loadServed } = this.state;
    const ids = new Set([...Object.keys(this.deps.kernel.state.httpServed), ...Object.keys(loadServed)]);
    for (const id of Object.keys(samples)) if (!ids.has(id)) delete samples[id];
    for (const id of ids) {
      const sample = (samples[id] ??= { previous: 0, last: 0 });
      sample.previous = sample.last;
      sample.last = this.deps.kernel.httpRequestsServed(id) + (loadServed[id] ?? 0);
    }
    this.state.previousScrape = this.state.lastScrape;
    this.state.lastScrape = now;
    this.state.saturated = this.saturatedNodes();
    this.spreadLoad();
    this.scheduleScrape();
  }

  /**
   * The nodes whose containers ask for more CPU than they have, with the share each gets. Only containers that
   * served requests or run busy processes can ask for much, so only they are looked at.
   */
  private saturatedNodes(): Record<string, number> {
    const asked = new Map<string, { total: number; ids: string[] }>();
    const busy = new Set([...Object.keys(this.state.samples), ...this.deps.kernel.cpuBusyContainers()]);
    for (const id of busy) {
      const record = this.deps.containers.container(id);
      if (record?.state !== 'running') continue;
      const demand = this.demandOf(id, record.image.reference.repository);
      const node = asked.get(record.node) ?? { total: 0, ids: [] };
      node.total += demand;
      node.ids.push(id);
      asked.set(record.node, node);
    }
    const saturated: Record<string, number> = {};
    for (const [name, { total, ids }] of asked) {
      const node = this.deps.api.find(NODES, undefined, name) as Node | undefined;
      const allocatable = cores(node?.status?.allocatable?.cpu) ?? Infinity;
      if (total <= allocatable) continue;
      const demands: CpuDemand[] = ids.map((id) => {
        const record = this.deps.containers.container(id)!;
        const demand = this.demandOf(id, record.image.reference.repository);
        return { id, node: name, cores: demand, limit: record.resources?.cpuLimitCores };
      });
      const granted = allocateCpu(demands, { [name]: allocatable });
      const wanted = demands.reduce((sum, d) => sum + Math.min(d.cores, d.limit ?? Infinity), 0);
      const given = demands.reduce((sum, d) => sum + (granted[d.id] ?? 0), 0);
      if (given < wanted) saturated[name] = given / wanted;
    }
    return saturated;
  }

  /** Adds the synthetic requests served since the last checkpoint at the rates that held. */
  private checkpointLoad(): void {
    const now = this.deps.runtime.now();
    const seconds = (now - this.state.loadCheckpoint) / 1000;
    for (const [id, rate] of Object.entries(this.state.loadRates))
      this.state.loadServed[id] = (this.state.loadServed[id] ?? 0) + rate * seconds;
    this.state.loadCheckpoint = now;
  }

  /** Spreads the loads over the Services' ready endpoints as they are now, until the next checkpoint. */
  private spreadLoad(): void {
    const rates: Record<string, number> = {};
    for (const target of loadTargets(this.deps.api, this.state.loads)) {
      const pod = this.deps.api.find(PODS, target.namespace, target.pod) as Pod | undefined;
      const spec = pod ? containerServing(pod, target.port) : undefined;
      const container = pod && spec ? this.runningContainer(pod.metadata.uid ?? '', spec) : undefined;
      if (container) rates[container.id] = (rates[container.id] ?? 0) + target.requestsPerSecond;
    }
    this.state.loadRates = rates;
    // Synthetic requests of containers that are gone no longer count.
    for (const id of Object.keys(this.state.loadServed))
      if (!(id in rates) && this.deps.containers.container(id)?.state !== 'running') delete this.state.loadServed[id];
  }
}

/** The container that declares the endpoint's port, else the pod's first container. */
function containerServing(pod: Pod, port: number | undefined): Container | undefined {
  const containers = pod.spec.containers;
  return containers.find((c) => (c.ports ?? []).some((p) => p.containerPort === port)) ?? containers[0];
}
