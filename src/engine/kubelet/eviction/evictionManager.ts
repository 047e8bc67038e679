/**
 * The kubelet's eviction manager for memory (pkg/kubelet/eviction/eviction_manager.go synchronize). Every 10 s
 * (housekeeping) it observes each node's `memory.available`: its capacity less the working set of everything on it —
 * the system's own daemons, what runs outside pods, every container — against the kubelet's default hard threshold
 * `memory.available<100Mi`. Once the threshold is met the node reports MemoryPressure, and keeps reporting it until
 * 5 minutes passed without the threshold met (evictionPressureTransitionPeriod). While it is met each pass records
 * EvictionThresholdMet and evicts one pod, the first of rankMemoryPressure's order that is not critical: an Evicted
 * event, its containers stopped with a 1 s grace period (a hard threshold), the pod Failed with reason Evicted.
 * The manager then waits for the pod's cleanup (at most 30 s) and looks again at once.
 *
 * Simplified: observations are exact and instant (cAdvisor's are a few seconds old); the MemoryPressure condition
 * is written when the manager decides it rather than at the next node status update; pod admission under pressure
 * (BestEffort pods rejected) and the allocatable threshold are left out.
 */
import type { ApiServer } from '../../api/apiServer';
import type { Node, Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { referenceTo, type EventRecorder, type InvolvedObject } from '../../events/recorder';
import type { KubeObject } from '../../api/types';
import { nodeOverhead } from '../../metrics/usageModel';
import type { ContainerRuntime } from '../../node/containerRuntime';
import type { Kernel } from '../../os/kernel';
import { quantityToMilli } from '../../resources/quantities';
import type { Runtime } from '../../runtime/runtime';
import type { Kubelet } from '../kubelet';
import type { PodWorkerState } from '../workerState';
import { memoryEvictionMessage, type ContainerMemoryUsage } from './evictionMessage';
import { rankMemoryPressure, type PodMemoryUsage } from './rankMemoryPressure';

/** kubelet.go evictionMonitoringPeriod. */
const HOUSEKEEPING_INTERVAL_MS = 10_000;
/** The kubelet's default hard eviction threshold for memory: `memory.available<100Mi`. */
export const MEMORY_AVAILABLE_THRESHOLD_BYTES = 100 * 1024 * 1024;
/** KubeletConfiguration evictionPressureTransitionPeriod (default 5m). */
const PRESSURE_TRANSITION_PERIOD_MS = 5 * 60_000;
/** eviction_manager.go immediateEvictionGracePeriodSeconds, for a hard threshold. */
const IMMEDIATE_EVICTION_GRACE_SECONDS = 1;
/** eviction_manager.go podCleanupTimeout and podCleanupPollFreq. */
const POD_CLEANUP_TIMEOUT_MS = 30_000;
const POD_CLEANUP_POLL_MS = 1_000;
/** scheduling.SystemCriticalPriority: pods at or above it are critical and never evicted. */
const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
const CRITICAL_PRIORITY_CLASSES = new Set(['system-node-critical', 'system-cluster-critical']);

const NODES = resolveResourceName('nodes')!;
const PODS = resolveResourceName('pods')!;
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
const TASK = { housekeeping: 'kubelet/eviction-housekeeping', cleanup: 'kubelet/eviction-cleanup' } as const;

/** What each node's eviction manager remembers between passes: plain data. */
export interface NodeEvictionState {
  /** When the memory threshold was last met (nodeConditionsLastObservedAt). */
  pressureObservedAt?: number;
  /** The pod evicted last, whose cleanup the manager waits for, and how long at most (waitForPodsCleanup). */
  cleanup?: { uid: string; until: number };
}

export interface EvictionManagerState {
  /** When the next housekeeping pass is due; set once the first is scheduled. */
  nextHousekeeping?: number;
  nodes: Record<string, NodeEvictionState>;
}

export interface EvictionManagerDependencies {
  runtime: Runtime;
  api: ApiServer;
  events: EventRecorder;
  kubelet: Pick<Kubelet, 'state' | 'terminatePodAbnormally' | 'nodes'>;
  containers: Pick<ContainerRuntime, 'state'>;
  kernel: Pick<Kernel, 'containerMemoryBytes' | 'hostMemoryBytes'>;
}

/** A pod the manager may evict, with its stats. */
interface Candidate extends PodMemoryUsage {
  worker: PodWorkerState;
  containers: ContainerMemoryUsage[];
}

export class EvictionManager {
  constructor(
    readonly state: EvictionManagerState,
    private readonly deps: EvictionManagerDependencies,
  ) {
    deps.runtime.on(TASK.housekeeping, () => this.housekeeping());
    deps.runtime.on(TASK.cleanup, (task) => this.checkCleanup((task.payload as { node: string }).node));
    if (state.nextHousekeeping === undefined) this.scheduleHousekeeping();
  }

  static initialState(): EvictionManagerState {
    return { nodes: {} };
  }

  /** `memory.available` on a node now, in bytes (negative when more is used than the machine has). */
  memoryAvailable(node: Node, containerBytes = this.containerBytesByNode()): number {
    const capacity = node.status?.capacity?.memory;
    const bytes = capacity === undefined ? 0 : quantityToMilli(capacity) / 1000;
    return bytes - this.workingSet(node, containerBytes);
  }

  private scheduleHousekeeping(): void {
    this.state.nextHousekeeping = this.deps.runtime.now() + HOUSEKEEPING_INTERVAL_MS;
    this.deps.runtime.at(this.state.nextHousekeeping, TASK.housekeeping, undefined, TASK.housekeeping);
  }

  private housekeeping(): void {
    const containerBytes = this.containerBytesByNode();
    for (const node of this.deps.api.all(NODES) as Node[])
      if (!this.state.nodes[node.metadata.name]?.cleanup) this.synchronize(node, containerBytes);
    this.scheduleHousekeeping();
  }

  /** The memory of every running container, summed per node in one pass. */
  private containerBytesByNode(): Map<string, number> {
    const sums = new Map<string, number>();
    for (const record of Object.values(this.deps.containers.state.containers))
      if (record.state === 'running')
        sums.set(record.node, (sums.get(record.node) ?? 0) + this.deps.kernel.containerMemoryBytes(record.id));
    return sums;
  }

  /**
   * The node's working set: the system's daemons (the figure `kubectl top node` counts too), memory used outside any
   * container, and every running container on it.
   */
  private workingSet(node: Node, containerBytes: Map<string, number>): number {
    const name = node.metadata.name;
    const overhead = nodeOverhead(node.metadata.labels?.[CONTROL_PLANE_LABEL] !== undefined).memoryBytes;
    return overhead + this.deps.kernel.hostMemoryBytes(name) + (containerBytes.get(name) ?? 0);
  }

  /** One pass of the control loop for a node. */
  private synchronize(node: Node, containerBytes: Map<string, number>): void {
    const name = node.metadata.name;
    if (!this.deps.kubelet.nodes.isUp(name)) return;
    const now = this.deps.runtime.now();
    const own = (this.state.nodes[name] ??= {});
    const available = this.memoryAvailable(node, containerBytes);
    const met = available < MEMORY_AVAILABLE_THRESHOLD_BYTES;
    if (met) own.pressureObservedAt = now;
    const underPressure =
      own.pressureObservedAt !== undefined && now - own.pressureObservedAt < PRESSURE_TRANSITION_PERIOD_MS;
    if (!underPressure) delete this.state.nodes[name];
    if (!met) return;
    this.recordNodeEvent(name, 'Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory');
    for (const candidate of rankMemoryPressure(this.activePods(name)) as Candidate[]) {
      if (isCriticalPod(candidate.pod)) continue;
      this.evict(name, candidate, available);
      return;
    }
  }

  /** The pods the kubelet runs on the node and has not finished, in the order it took them on, with their stats. */
  private activePods(node: string): Candidate[] {
    const candidates: Candidate[] = [];
    for (const worker of Object.values(this.deps.kubelet.state.pods)) {
      if (worker.node !== node || worker.terminal || worker.abnormalTermination) continue;
      const pod = this.deps.api.find(PODS, worker.namespace, worker.name) as Pod | undefined;
      if (!pod || pod.metadata.uid !== worker.uid || pod.metadata.deletionTimestamp) continue;
      const containers: ContainerMemoryUsage[] = [];
      for (const container of Object.values(worker.containers))
        if (container.runningSince !== undefined && container.containerId)
          containers.push({
            name: container.name,
            workingSetBytes: this.deps.kernel.containerMemoryBytes(container.containerId),
          });
      // cAdvisor knows a pod once its sandbox (the pod cgroup) exists.
      const workingSetBytes =
        worker.sandboxReadyAt === undefined ? undefined : containers.reduce((sum, c) => sum + c.workingSetBytes, 0);
      candidates.push({ pod, worker, containers, workingSetBytes });
    }
    return candidates;
  }

  private evict(node: string, candidate: Candidate, available: number): void {
    const { pod, worker } = candidate;
    const now = this.deps.runtime.now();
    const message = memoryEvictionMessage(pod, candidate.containers, MEMORY_AVAILABLE_THRESHOLD_BYTES, available);
    this.deps.events.record(referenceTo(pod as unknown as KubeObject), 'Warning', 'Evicted', message, {
      component: 'kubelet',
      host: node,
    });
    this.deps.kubelet.terminatePodAbnormally(worker.uid, {
      reason: 'Evicted',
      message,
      gracePeriodSeconds: IMMEDIATE_EVICTION_GRACE_SECONDS,
      at: now,
    });
    (this.state.nodes[node] ??= {}).cleanup = { uid: worker.uid, until: now + POD_CLEANUP_TIMEOUT_MS };
    this.deps.runtime.after(POD_CLEANUP_POLL_MS, TASK.cleanup, { node }, `${TASK.cleanup}/${node}`);
  }

  /** podResourcesAreReclaimed, polled every second: then (or after 30 s) the next pass runs at once. */
  private checkCleanup(name: string): void {
    const own = this.state.nodes[name];
    const cleanup = own?.cleanup;
    if (!own || !cleanup) return;
    const worker = this.deps.kubelet.state.pods[cleanup.uid];
    const reclaimed =
      !worker ||
      (worker.terminal === true && !Object.values(worker.containers).some((c) => c.runningSince !== undefined));
    if (!reclaimed && this.deps.runtime.now() < cleanup.until) {
      this.deps.runtime.after(POD_CLEANUP_POLL_MS, TASK.cleanup, { node: name }, `${TASK.cleanup}/${name}`);
      return;
    }
    delete own.cleanup;
    const node = this.deps.api.find(NODES, undefined, name) as Node | undefined;
    if (node) this.synchronize(node, this.containerBytesByNode());
  }

  /**
   * IsUnderMemoryPressure: the threshold was met within the pressure transition period. The kubelet's node status
   * reports it as the MemoryPressure condition (nodestatus.MemoryPressureCondition).
   */
  isUnderMemoryPressure(node: string): boolean {
    const observed = this.state.nodes[node]?.pressureObservedAt;
    return observed !== undefined && this.deps.runtime.now() - observed < PRESSURE_TRANSITION_PERIOD_MS;
  }

  /** An event about the node; the kubelet's node reference carries the node name as its uid. */
  private recordNodeEvent(node: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
    const ref: InvolvedObject = { apiVersion: 'v1', kind: 'Node', name: node, uid: node };
    this.deps.events.record(ref, type, reason, message, { component: 'kubelet', host: node });
  }
}

/** kubelettypes.IsCriticalPod: static and mirror pods, and pods of system-critical priority. */
function isCriticalPod(pod: Pod): boolean {
  const annotations = pod.metadata.annotations ?? {};
  const source = annotations['kubernetes.io/config.source'];
  if ((source !== undefined && source !== 'api') || annotations['kubernetes.io/config.mirror'] !== undefined)
    return true;
  if ((pod.spec.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY) return true;
  return CRITICAL_PRIORITY_CLASSES.has(pod.spec.priorityClassName ?? '');
}
