/**
 * kube-scheduler: binds each pending pod to a node. Filters run per node in the default profile's order and the
 * first failing one gives that node's reason (framework/runtime/framework.go:RunFilterPlugins); feasible nodes are
 * scored (NodeResourcesFit LeastAllocated, BalancedAllocation, spreading of a workload's pods) and ties are broken
 * with the engine's seeded randomness.
 */
import type { ApiServer } from '../api/apiServer';
import type { Node, Pod } from '../api/kinds';
import type { KubeObject, ResourceType } from '../api/types';
import { resolveResourceName } from '../api/resources';
import type { Runtime } from '../runtime/runtime';
import type { Task } from '../runtime/taskQueue';
import { TIMING } from '../runtime/timing';
import { formatTimestamp } from '../runtime/time';
import type { EventRecorder } from '../events/recorder';
import { referenceTo } from '../events/recorder';
import { firstUntoleratedTaint, formatTaintForScheduler } from './taints';
import { matchesNodeSelectorAndAffinity } from './nodeAffinity';
import { nodeAllocatable, podNonZeroRequests, podRequests } from '../resources/podResources';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;
const SCHEDULER_NAME = 'default-scheduler';
/** Unschedulable pods are retried at least this often even without a cluster change (podMaxInUnschedulablePodsDuration). */
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;

export interface SchedulerState {
  /** uid → namespace/name of pods that failed to schedule and wait for a cluster change. */
  unschedulable: Record<string, string>;
}

const TASK_SCHEDULE = 'scheduler/schedule';

type FilterOutcome = { fits: true } | { fits: false; reasons: string[]; preemptionMayHelp: boolean };

export class Scheduler {
  constructor(
    readonly state: SchedulerState,
    private readonly runtime: Runtime,
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
  ) {
    runtime.on(TASK_SCHEDULE, (task) => this.handleSchedule(task));
    api.watch((event, resource) => this.onChange(event.type, event.object, resource));
  }

  static initialState(): SchedulerState {
    return { unschedulable: {} };
  }

  private onChange(type: string, object: KubeObject, resource: ResourceType): void {
    if (resource === PODS) {
      const pod = object as Pod;
      if (type !== 'DELETED' && this.wantsScheduling(pod)) {
        if (!this.state.unschedulable[pod.metadata.uid!]) this.enqueue(pod, TIMING.schedulingMs);
      } else {
        delete this.state.unschedulable[pod.metadata.uid!];
        // Freed resources or ports may let waiting pods fit.
        if (type === 'DELETED' && pod.spec.nodeName) this.retryUnschedulable();
      }
    } else if (resource === NODES) {
      this.retryUnschedulable();
    }
  }

  private wantsScheduling(pod: Pod): boolean {
    return (
      !pod.spec.nodeName &&
      !pod.metadata.deletionTimestamp &&
      (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME
    );
  }

  private enqueue(pod: Pod, delayMs: number): void {
    this.runtime.after(
      delayMs,
      TASK_SCHEDULE,
      { namespace: pod.metadata.namespace, name: pod.metadata.name },
      `schedule/${pod.metadata.uid}`,
    );
  }

  private retryUnschedulable(): void {
    const waiting = Object.entries(this.state.unschedulable);
    this.state.unschedulable = {};
    for (const [uid, key] of waiting) {
      const [namespace, name] = key.split('/');
      this.runtime.after(TIMING.schedulingMs, TASK_SCHEDULE, { namespace, name }, `schedule/${uid}`);
    }
  }

  private handleSchedule(task: Task): void {
    const { namespace, name } = task.payload as { namespace: string; name: string };
    const pod = this.api.find(PODS, namespace, name) as Pod | undefined;
    if (!pod || !this.wantsScheduling(pod)) return;
    const nodes = this.api.all(NODES) as Node[];
    const pods = this.api.all(PODS) as Pod[];
    const feasible: Node[] = [];
    const reasons = new Map<string, number>();
    const preemption = new Map<string, number>();
    for (const node of nodes) {
      const outcome = this.filter(pod, node, pods);
      if (outcome.fits) {
        feasible.push(node);
        continue;
      }
      for (const reason of outcome.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      const verdict = outcome.preemptionMayHelp
        ? 'No preemption victims found for incoming pod.'
        : 'Preemption is not helpful for scheduling.';
      preemption.set(verdict, (preemption.get(verdict) ?? 0) + 1);
    }
    if (feasible.length === 0) {
      this.reportUnschedulable(pod, nodes.length, reasons, preemption);
      return;
    }
    this.bind(pod, this.pickNode(pod, feasible, pods));
  }

  /** The default profile's filters, in order; the first failure is the node's verdict. */
  private filter(pod: Pod, node: Node, pods: Pod[]): FilterOutcome {
    if (node.spec?.unschedulable && !tolerates(pod, 'node.kubernetes.io/unschedulable')) {
      return { fits: false, reasons: ['node(s) were unschedulable'], preemptionMayHelp: false };
    }
    const taint = firstUntoleratedTaint(node.spec?.taints, pod.spec.tolerations);
    if (taint)
      return {
        fits: false,
        reasons: [`node(s) had untolerated taint ${formatTaintForScheduler(taint)}`],
        preemptionMayHelp: false,
      };
    if (!matchesNodeSelectorAndAffinity(pod, node)) {
      return { fits: false, reasons: ["node(s) didn't match Pod's node affinity/selector"], preemptionMayHelp: false };
    }
    const onNode = pods.filter((p) => p.spec.nodeName === node.metadata.name && !isTerminal(p));
    const wantedPorts = hostPorts(pod);
    if (wantedPorts.length > 0) {
      const used = new Set(onNode.flatMap(hostPorts));
      if (wantedPorts.some((port) => used.has(port))) {
        return {
          fits: false,
          reasons: ["node(s) didn't have free ports for the requested pod ports"],
          preemptionMayHelp: true,
        };
      }
    }
    const allocatable = nodeAllocatable(node);
    const request = podRequests(pod);
    const used = { cpu: 0, memory: 0 };
    for (const other of onNode) {
      const r = podRequests(other);
      used.cpu += r.cpu;
      used.memory += r.memory;
    }
    const insufficient: string[] = [];
    if (onNode.length + 1 > allocatable.pods) insufficient.push('Too many pods');
    if (request.cpu > 0 && used.cpu + request.cpu > allocatable.cpu) insufficient.push('Insufficient cpu');
    if (request.memory > 0 && used.memory + request.memory > allocatable.memory)
      insufficient.push('Insufficient memory');
    if (insufficient.length > 0) return { fits: false, reasons: insufficient, preemptionMayHelp: true };
    return { fits: true };
  }

  /** Highest score wins: LeastAllocated + BalancedAllocation on non-zero requests, plus spreading a workload. */
  private pickNode(pod: Pod, feasible: Node[], pods: Pod[]): Node {
    const request = podNonZeroRequests(pod);
    const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller)?.uid;
    let best: Node[] = [];
    let bestScore = -Infinity;
    for (const node of feasible) {
      const allocatable = nodeAllocatable(node);
      const onNode = pods.filter((p) => p.spec.nodeName === node.metadata.name && !isTerminal(p));
      let cpu = request.cpu;
      let memory = request.memory;
      for (const other of onNode) {
        const r = podNonZeroRequests(other);
        cpu += r.cpu;
        memory += r.memory;
      }
      const cpuFree = allocatable.cpu > 0 ? Math.max(0, (allocatable.cpu - cpu) / allocatable.cpu) : 0;
      const memFree = allocatable.memory > 0 ? Math.max(0, (allocatable.memory - memory) / allocatable.memory) : 0;
      const leastAllocated = Math.floor(((cpuFree + memFree) / 2) * 100);
      const balanced = Math.floor((1 - Math.abs(cpuFree - memFree) / 2) * 100);
      const siblings = owner
        ? onNode.filter((p) => p.metadata.ownerReferences?.some((ref) => ref.uid === owner)).length
        : 0;
      // PodTopologySpread's system default (hostname, maxSkew 3) reduced to: fewer siblings is better.
      const spread = Math.max(0, 100 - siblings * 20) * 2;
      const score = leastAllocated + balanced + spread;
      if (score > bestScore) {
        bestScore = score;
        best = [node];
      } else if (score === bestScore) {
        best.push(node);
      }
    }
    return best[Math.floor(this.runtime.random() * best.length)]!;
  }

  private bind(pod: Pod, node: Node): void {
    const bound = structuredClone(pod) as Pod;
    bound.spec.nodeName = node.metadata.name;
    const conditions = (bound.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: formatTimestamp(this.runtime.now()),
    });
    bound.status = { ...(bound.status ?? {}), phase: bound.status?.phase ?? 'Pending', conditions };
    const result = this.api.bind(bound);
    if (!result.ok) return;
    delete this.state.unschedulable[pod.metadata.uid!];
    this.events.record(
      referenceTo(result.value),
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`,
      { component: SCHEDULER_NAME },
    );
  }

  private reportUnschedulable(
    pod: Pod,
    nodeCount: number,
    reasons: Map<string, number>,
    preemption: Map<string, number>,
  ): void {
    const summary = (counts: Map<string, number>) =>
      [...counts.entries()]
        .map(([reason, count]) => `${count} ${reason}`)
        .sort()
        .join(', ');
    let message = `0/${nodeCount} nodes are available`;
    if (reasons.size > 0) message += `: ${summary(reasons)}.`;
    else message += '.';
    if (preemption.size > 0)
      message += ` preemption: 0/${nodeCount} nodes are available: ${summary(preemption).replace(/\.(?=,)/g, '')}`;
    const status = structuredClone(pod) as Pod;
    const conditions = (status.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({
      type: 'PodScheduled',
      status: 'False',
      reason: 'Unschedulable',
      message,
      lastProbeTime: null as unknown as string,
      lastTransitionTime: formatTimestamp(this.runtime.now()),
    });
    status.status = { ...(status.status ?? {}), phase: 'Pending', conditions };
    const updated = this.api.updateStatus(status as unknown as KubeObject);
    this.events.record(
      referenceTo(updated.ok ? updated.value : (pod as unknown as KubeObject)),
      'Warning',
      'FailedScheduling',
      message,
      {
        component: SCHEDULER_NAME,
      },
    );
    this.state.unschedulable[pod.metadata.uid!] = `${pod.metadata.namespace}/${pod.metadata.name}`;
    this.runtime.after(
      UNSCHEDULABLE_FLUSH_MS,
      TASK_SCHEDULE,
      { namespace: pod.metadata.namespace, name: pod.metadata.name },
      `schedule/${pod.metadata.uid}`,
    );
  }
}

function isTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

function tolerates(pod: Pod, key: string): boolean {
  return (pod.spec.tolerations ?? []).some(
    (t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoSchedule'),
  );
}

function hostPorts(pod: Pod): string[] {
  return (pod.spec.containers ?? []).flatMap((c) =>
    (c.ports ?? [])
      .filter((p) => p.hostPort)
      .map((p) => `${p.protocol ?? 'TCP'}/${p.hostIP ?? '0.0.0.0'}/${p.hostPort}`),
  );
}
