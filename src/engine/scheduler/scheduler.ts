/**
 * kube-scheduler with the default profile. Pending pods wait in a scheduling queue (activeQ ordered by priority then
 * arrival, backoffQ, unschedulablePods — internal/queue/scheduling_queue.go); each attempt filters every node
 * (filters.ts), scores the feasible ones (scoring.ts) and binds to the best, a tie broken by the seeded random
 * source. A failed attempt records `FailedScheduling` and the PodScheduled condition; the pod then waits until a
 * cluster event may help the plugins that rejected it (queueingHints.ts), or at most 5 minutes. A pod whose claims
 * still need binding is assumed on its node while VolumeBinding's PreBind waits for them (volumeBinding.ts).
 */
import type { ApiServer } from '../api/apiServer';
import type { Node, Pod } from '../api/kinds';
import type { KubeObject, ResourceType } from '../api/types';
import { resolveResourceName } from '../api/resources';
import { labelSelectorFromSpec, type LabelSelector } from '../api/selectors/labelSelector';
import type { Runtime } from '../runtime/runtime';
import { TIMING } from '../runtime/timing';
import { formatTimestamp } from '../runtime/time';
import type { EventRecorder } from '../events/recorder';
import { referenceTo } from '../events/recorder';
import { NodeInfoCache, isTerminal, type NodeInfo } from './nodeInfo';
import { runFilters, type FilterStatus } from './filters';
import { failedSchedulingMessage, rejectingPlugins, type Diagnosis } from './fitError';
import { nodeNamesFromAffinity } from './nodeAffinity';
import { countMatching, scoreNodes, type SpreadCounter } from './scoring';
import { isWorthRequeuing, type ClusterEvent } from './queueingHints';
import {
  checkBindings,
  filterVolumeBinding,
  preBindWrites,
  preFilterVolumeBinding,
  type PodVolumeClaims,
  type PodVolumes,
} from './volumeBinding';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;
const SERVICES = resolveResourceName('services')!;
const CLAIMS = resolveResourceName('persistentvolumeclaims')!;
const VOLUMES = resolveResourceName('persistentvolumes')!;
const STORAGE_CLASSES = resolveResourceName('storageclasses.storage.k8s.io')!;
const SCHEDULER_NAME = 'default-scheduler';
/** Controllers whose selector DefaultSelector adds to a pod's spreading selector. */
const SPREADING_CONTROLLERS: Record<string, ResourceType> = {
  'apps/v1/ReplicaSet': resolveResourceName('replicasets.apps')!,
  'apps/v1/StatefulSet': resolveResourceName('statefulsets.apps')!,
  'v1/ReplicationController': resolveResourceName('replicationcontrollers')!,
};

const TASK_CYCLE = 'scheduler/cycle';
const TASK_FLUSH = 'scheduler/flush-unschedulable';
const TASK_EVENTS = 'scheduler/event-series';
const TASK_PREBIND = 'scheduler/prebind';

// scheduling_queue.go defaults.
const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;
const MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
const FLUSH_UNSCHEDULABLE_PERIOD_MS = 30_000;
// tools/events/event_broadcaster.go housekeeping periods.
const EVENT_FINISH_PERIOD_MS = 6 * 60_000;
const EVENT_REFRESH_PERIOD_MS = 30 * 60_000;
// VolumeBinding's PreBind: it polls the claims every second (wait.PollUntilContextTimeout) for at most
// VolumeBindingArgs.BindTimeoutSeconds (600 s by default).
const PREBIND_POLL_MS = 1_000;
const BIND_TIMEOUT_MS = 600_000;
/** validation.NoteLengthLimit, which the scheduler truncates its event notes to. */
const NOTE_LENGTH_LIMIT = 1024;

/** A pod in the scheduling queue. */
export interface QueuedPod {
  namespace: string;
  name: string;
  queue: 'active' | 'backoff' | 'unschedulable';
  priority: number;
  /** When it entered the queue it is in (activeQ orders equal priorities by it; unschedulablePods flushes by it). */
  timestamp: number;
  /** Arrival order, for pods that arrived in the same virtual millisecond. */
  sequence: number;
  /** When it can be popped: watch delivery and queue pickup after it arrived. */
  readyAt: number;
  attempts: number;
  /** End of the back-off after its last failed attempt. */
  backoffUntil: number;
  /** Plugins that rejected it on some node (Diagnosis.UnschedulablePlugins). */
  rejectedBy: string[];
}

/** A pod assumed on a node while VolumeBinding's PreBind waits for its claims to be bound. */
export interface VolumeBindingWait {
  namespace: string;
  name: string;
  node: string;
  /** When PreBind started, for its timeout. */
  since: number;
  /** Claim name → the existing volume PreBind bound it to (the other claims were sent to provisioning). */
  preBound: Record<string, string>;
  attempts: number;
  priority: number;
}

export interface SchedulerState {
  /** Virtual ms the scheduler started; its periodic loops tick from it. */
  startedAt?: number;
  /** `default-scheduler-<hostname>`, fixed when it first reports. */
  reportingInstance?: string;
  /** uid → queued pod. */
  queue: Record<string, QueuedPod>;
  /** Next arrival sequence number. */
  arrivals: number;
  /** uid → pod waiting in PreBind for its volumes. */
  binding?: Record<string, VolumeBindingWait>;
}

type Failure = { message: string; rejectedBy: string[] };
type Placement = { node: Node; volumes?: PodVolumes };

/** calculateBackoffDuration: 1 s doubled per earlier attempt, at most 10 s. */
function backoffDuration(attempts: number): number {
  let duration = INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    if (duration > MAX_BACKOFF_MS - duration) return MAX_BACKOFF_MS;
    duration += duration;
  }
  return duration;
}

/** truncateMessage: notes longer than the limit end in " ...". */
function truncateNote(message: string): string {
  return message.length <= NOTE_LENGTH_LIMIT ? message : `${message.slice(0, NOTE_LENGTH_LIMIT - 4)} ...`;
}

/** activeQ order: higher priority first, then earlier arrival. */
function comesFirst(a: QueuedPod, b: QueuedPod): boolean {
  return (b.priority - a.priority || a.timestamp - b.timestamp || a.sequence - b.sequence) < 0;
}

/** backoffQ order: the back-off that ends first, then earlier arrival. */
function backsOffFirst(a: QueuedPod, b: QueuedPod): boolean {
  return (a.backoffUntil - b.backoffUntil || a.sequence - b.sequence) < 0;
}

function isAssigned(pod: Pod): boolean {
  return !!pod.spec.nodeName;
}

export class Scheduler {
  private readonly nodeInfos = new NodeInfoCache(() => (this.api.all(PODS) as Pod[]).map((pod) => this.assumed(pod)));
  /** Derived, not state: NodeInfo → `namespace selector` → countMatching over its pods. */
  private readonly spreadCounts = new WeakMap<NodeInfo, Map<string, number>>();

  constructor(
    readonly state: SchedulerState,
    private readonly runtime: Runtime,
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
  ) {
    state.startedAt ??= runtime.now();
    runtime.on(TASK_CYCLE, () => this.runCycle());
    runtime.on(TASK_FLUSH, () => this.flushUnschedulable());
    runtime.on(TASK_EVENTS, () => this.eventHousekeeping());
    runtime.on(TASK_PREBIND, (task) => this.pollBinding(task.payload as string));
    api.watch((event, resource, previous) => this.onChange(event.type, event.object, resource, previous));
  }

  static initialState(): SchedulerState {
    return { queue: {}, arrivals: 0 };
  }

  // ------------------------------------------------------------------ informer events

  private onChange(type: string, object: KubeObject, resource: ResourceType, previous?: KubeObject): void {
    if (resource === PODS) this.onPodChange(type, object as unknown as Pod, previous as unknown as Pod | undefined);
    else if (resource === NODES && type === 'ADDED') this.onClusterEvent({ kind: 'NodeAdd', node: object as Node });
    else if (resource === NODES && type === 'MODIFIED' && previous)
      this.onClusterEvent({ kind: 'NodeUpdate', old: previous as Node, node: object as Node });
    else if (type === 'DELETED') return;
    else if (resource === CLAIMS) this.onClusterEvent({ kind: 'ClaimAddOrUpdate', claim: object });
    else if (resource === VOLUMES) this.onClusterEvent({ kind: 'VolumeAddOrUpdate' });
    else if (resource === STORAGE_CLASSES && type === 'ADDED') this.onClusterEvent({ kind: 'StorageClassAdd' });
    else if (resource === STORAGE_CLASSES && previous)
      this.onClusterEvent({ kind: 'StorageClassUpdate', old: previous, storageClass: object });
  }

  /** The pod as the scheduler cache holds it: on its node while it waits in PreBind. */
  private assumed(pod: Pod): Pod {
    const waiting = this.state.binding?.[pod.metadata.uid!];
    if (!waiting || pod.spec.nodeName) return pod;
    return { ...pod, spec: { ...pod.spec, nodeName: waiting.node } };
  }

  private onPodChange(type: string, pod: Pod, previous: Pod | undefined): void {
    this.nodeInfos.podChanged(this.assumed(pod), type === 'DELETED', previous && this.assumed(previous));
    const uid = pod.metadata.uid!;
    // PreBind gives up on a pod that is gone or being deleted; its next poll finds that out.
    if (this.state.binding?.[uid]) return;
    const queued = this.state.queue[uid];
    if (type === 'DELETED' || !this.wantsScheduling(pod)) {
      if (queued) delete this.state.queue[uid];
    } else if (!queued) {
      this.enqueue(pod);
    } else if (queued.queue === 'unschedulable' && previous && this.specOrLabelsChanged(previous, pod)) {
      if (isWorthRequeuing(pod, queued.rejectedBy, { kind: 'UnscheduledPodUpdate', old: previous, pod }))
        this.requeue(queued);
    }
    // A pod leaving a node frees what it held; the scheduler's informer drops finished pods as if deleted.
    const heldBefore = type === 'DELETED' ? pod : previous;
    if (heldBefore && isAssigned(heldBefore) && !isTerminal(heldBefore) && (type === 'DELETED' || isTerminal(pod)))
      this.onClusterEvent({ kind: 'AssignedPodDelete', pod: heldBefore });
  }

  private specOrLabelsChanged(previous: Pod, pod: Pod): boolean {
    return (
      JSON.stringify(previous.spec) !== JSON.stringify(pod.spec) ||
      JSON.stringify(previous.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {})
    );
  }

  /** MoveAllToActiveOrBackoffQueue: unschedulable pods the event may help go back to the queue. */
  private onClusterEvent(event: ClusterEvent): void {
    for (const [uid, queued] of Object.entries(this.state.queue)) {
      if (queued.queue !== 'unschedulable') continue;
      const pod = this.api.find(PODS, queued.namespace, queued.name) as Pod | undefined;
      if (!pod || pod.metadata.uid !== uid) continue;
      if (isWorthRequeuing(pod, queued.rejectedBy, event)) this.requeue(queued);
    }
  }

  private wantsScheduling(pod: Pod): boolean {
    return (
      !pod.spec.nodeName &&
      !this.state.binding?.[pod.metadata.uid!] &&
      !pod.metadata.deletionTimestamp &&
      (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
      (pod.spec.schedulingGates ?? []).length === 0
    );
  }

  // ------------------------------------------------------------------ the queue

  private enqueue(pod: Pod): void {
    const now = this.runtime.now();
    this.state.queue[pod.metadata.uid!] = {
      namespace: pod.metadata.namespace!,
      name: pod.metadata.name,
      queue: 'active',
      priority: pod.spec.priority ?? 0,
      timestamp: now,
      sequence: this.state.arrivals++,
      readyAt: now + TIMING.schedulingMs,
      attempts: 0,
      backoffUntil: now,
      rejectedBy: [],
    };
    this.wakeAt(now + TIMING.schedulingMs);
  }

  /** From unschedulablePods to backoffQ (still backing off) or activeQ. */
  private requeue(queued: QueuedPod): void {
    const now = this.runtime.now();
    queued.queue = now < queued.backoffUntil ? 'backoff' : 'active';
    queued.timestamp = now;
    queued.sequence = this.state.arrivals++;
    queued.readyAt = now + TIMING.schedulingMs;
    this.wakeAt(queued.readyAt);
  }

  private wakeAt(time: number): void {
    this.runtime.at(time, TASK_CYCLE, undefined, TASK_CYCLE);
  }

  /** The next pod to schedule: activeQ by priority then arrival; when activeQ is empty, backoffQ (PopFromBackoffQ). */
  private popNext(now: number): string | undefined {
    let ready: [string, QueuedPod] | undefined;
    let active = false;
    let backoff: [string, QueuedPod] | undefined;
    for (const entry of Object.entries(this.state.queue)) {
      const queued = entry[1];
      // flushBackoffQCompleted: a pod whose back-off ended is active again.
      if (queued.queue === 'backoff' && queued.backoffUntil <= now) queued.queue = 'active';
      if (queued.queue === 'active') {
        active = true;
        if (queued.readyAt <= now && (!ready || comesFirst(queued, ready[1]))) ready = entry;
      } else if (queued.queue === 'backoff' && queued.readyAt <= now) {
        if (!backoff || backsOffFirst(queued, backoff[1])) backoff = entry;
      }
    }
    if (ready) return ready[0];
    if (active) return undefined;
    return backoff?.[0];
  }

  private runCycle(): void {
    const now = this.runtime.now();
    for (let uid = this.popNext(now); uid !== undefined; uid = this.popNext(now)) this.scheduleOne(uid);
    const waiting = Object.values(this.state.queue).filter((q) => q.queue !== 'unschedulable');
    const next = Math.min(
      ...waiting.map((q) => (q.readyAt > now ? q.readyAt : q.queue === 'backoff' ? q.backoffUntil : Infinity)),
    );
    if (Number.isFinite(next)) this.wakeAt(next);
  }

  /** flushUnschedulablePodsLeftover: every 30 s, pods unschedulable for over 5 minutes are retried. */
  private flushUnschedulable(): void {
    const now = this.runtime.now();
    for (const queued of Object.values(this.state.queue)) {
      if (queued.queue === 'unschedulable' && now - queued.timestamp > MAX_IN_UNSCHEDULABLE_MS) this.requeue(queued);
    }
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (Object.values(this.state.queue).some((q) => q.queue === 'unschedulable'))
      this.runtime.at(this.nextTick(FLUSH_UNSCHEDULABLE_PERIOD_MS), TASK_FLUSH, undefined, TASK_FLUSH);
  }

  /** The next tick of a loop started with the scheduler (wait.Until). */
  private nextTick(period: number): number {
    const started = this.state.startedAt!;
    return started + (Math.floor((this.runtime.now() - started) / period) + 1) * period;
  }

  // ------------------------------------------------------------------ one scheduling attempt

  /** PreFilter and Filter listers of VolumeBinding: the API server's claims, volumes and classes. */
  private readonly volumeLister = {
    find: (resource: ResourceType, namespace: string | undefined, name: string) =>
      this.api.find(resource, namespace, name),
    all: (resource: ResourceType) => this.api.all(resource),
  };

  private scheduleOne(uid: string): void {
    const queued = this.state.queue[uid]!;
    const pod = this.api.find(PODS, queued.namespace, queued.name) as Pod | undefined;
    if (!pod || pod.metadata.uid !== uid || !this.wantsScheduling(pod)) {
      delete this.state.queue[uid];
      return;
    }
    queued.attempts++;
    const nodes = this.api.all(NODES) as Node[];
    if (nodes.length === 0) {
      this.recordFailure(queued, pod, { message: 'no nodes available to schedule pods', rejectedBy: [] });
      return;
    }
    const infos = this.nodeInfos.build(nodes);
    const result = this.findNode(pod, infos);
    if ('message' in result) {
      this.recordFailure(queued, pod, result);
      return;
    }
    delete this.state.queue[uid];
    const volumes = result.volumes;
    if (volumes && (volumes.staticBindings.length > 0 || volumes.provisions.length > 0)) {
      this.startPreBind(queued, pod, result.node, volumes);
      return;
    }
    this.bindPod(pod, result.node.metadata.name);
  }

  /** The Bind extension point (DefaultBinder) and the `Scheduled` event. */
  private bindPod(pod: Pod, node: string): void {
    const bound = this.api.bind(pod.metadata.namespace!, pod.metadata.name, node);
    if (!bound.ok) return;
    this.events.eventf(
      referenceTo(pod as unknown as KubeObject),
      undefined,
      'Normal',
      'Scheduled',
      'Binding',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node}`,
      this.reporter(),
    );
    this.scheduleEventHousekeeping();
  }

  /**
   * Reserve and PreBind of VolumeBinding: the pod is assumed on the node, the chosen volumes are pre-bound and the
   * claims to provision get the selected node; then PreBind polls until the PV controller has bound them all.
   */
  private startPreBind(queued: QueuedPod, pod: Pod, node: Node, volumes: PodVolumes): void {
    const uid = pod.metadata.uid!;
    const nodeName = node.metadata.name;
    const preBound: Record<string, string> = {};
    for (const { claim, volume } of volumes.staticBindings)
      preBound[claim.metadata.name ?? ''] = volume.metadata.name ?? '';
    (this.state.binding ??= {})[uid] = {
      namespace: queued.namespace,
      name: queued.name,
      node: nodeName,
      since: this.runtime.now(),
      preBound,
      attempts: queued.attempts,
      priority: queued.priority,
    };
    this.nodeInfos.podChanged(this.assumed(pod), false, pod);
    for (const object of preBindWrites(volumes, nodeName)) {
      const written = this.api.update(object);
      if (!written.ok) {
        this.failBinding(uid, `running PreBind plugin "VolumeBinding": ${written.error.message}`);
        return;
      }
    }
    this.runtime.after(PREBIND_POLL_MS, TASK_PREBIND, uid, `${TASK_PREBIND}/${uid}`);
  }

  /** One poll of PreBind: bind the pod once its claims are bound, give up on errors or after the timeout. */
  private pollBinding(uid: string): void {
    const waiting = this.state.binding?.[uid];
    if (!waiting) return;
    const pod = this.api.find(PODS, waiting.namespace, waiting.name) as Pod | undefined;
    const node = this.api.find(NODES, undefined, waiting.node) as Node | undefined;
    if (!pod || pod.metadata.uid !== uid || pod.metadata.deletionTimestamp || pod.spec.nodeName || !node) {
      this.forgetBinding(uid, pod?.metadata.uid === uid ? pod : undefined);
      return;
    }
    const check = checkBindings(pod, node, waiting.preBound, this.volumeLister);
    if (check === true) {
      this.forgetBinding(uid, pod);
      this.bindPod(pod, waiting.node);
    } else if (typeof check === 'string') {
      this.failBinding(uid, `running PreBind plugin "VolumeBinding": binding volumes: ${check}`);
    } else if (this.runtime.now() - waiting.since >= BIND_TIMEOUT_MS) {
      this.failBinding(uid, 'running PreBind plugin "VolumeBinding": binding volumes: context deadline exceeded');
    } else {
      this.runtime.after(PREBIND_POLL_MS, TASK_PREBIND, uid, `${TASK_PREBIND}/${uid}`);
    }
  }

  /** The pod leaves PreBind: no longer assumed on the node. */
  private forgetBinding(uid: string, pod: Pod | undefined): void {
    const waiting = this.state.binding?.[uid];
    if (!waiting) return;
    const assumed = pod && this.assumed(pod);
    delete this.state.binding![uid];
    if (Object.keys(this.state.binding!).length === 0) delete this.state.binding;
    if (pod && assumed) this.nodeInfos.podChanged(pod, false, assumed);
  }

  /**
   * handleBindingCycleError: the assumption is undone (the volume writes are not), a FailedScheduling event with
   * the error and the SchedulerError condition, and the pod tries again after its back-off.
   */
  private failBinding(uid: string, message: string): void {
    const waiting = this.state.binding?.[uid];
    const pod = waiting && (this.api.find(PODS, waiting.namespace, waiting.name) as Pod | undefined);
    this.forgetBinding(uid, pod);
    if (!waiting || !pod || pod.metadata.uid !== uid) return;
    const now = this.runtime.now();
    this.reportFailure(pod, message, 'SchedulerError');
    const backoffUntil = now + backoffDuration(waiting.attempts);
    this.state.queue[uid] = {
      namespace: waiting.namespace,
      name: waiting.name,
      queue: 'backoff',
      priority: waiting.priority,
      timestamp: now,
      sequence: this.state.arrivals++,
      readyAt: now + TIMING.schedulingMs,
      attempts: waiting.attempts,
      backoffUntil,
      rejectedBy: [],
    };
    this.wakeAt(backoffUntil);
    this.scheduleEventHousekeeping();
  }

  /** schedulePod: PreFilter, Filter on every node, then Score and selectHost among the feasible ones. */
  private findNode(pod: Pod, infos: NodeInfo[]): Placement | Failure {
    const diagnosis: Diagnosis = { numAllNodes: infos.length, nodes: new Map() };
    const restriction = nodeNamesFromAffinity(pod);
    let candidates = infos;
    if (restriction.kind === 'conflict') {
      diagnosis.preFilter = {
        plugin: 'NodeAffinity',
        code: 'UnschedulableAndUnresolvable',
        reasons: ['pod affinity terms conflict'],
      };
      candidates = [];
    } else if (restriction.kind === 'names') {
      candidates = infos.filter((info) => restriction.names.includes(info.node.metadata.name));
      diagnosis.absent = {
        plugin: 'NodeAffinity',
        code: 'UnschedulableAndUnresolvable',
        reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"],
      };
    }
    let claims: PodVolumeClaims | undefined;
    if (!diagnosis.preFilter) {
      const volumes = preFilterVolumeBinding(pod, this.volumeLister);
      if (volumes && 'status' in volumes) {
        diagnosis.preFilter = volumes.status;
        candidates = [];
      } else claims = volumes?.claims;
    }
    const feasible: NodeInfo[] = [];
    const podVolumes = new Map<NodeInfo, PodVolumes>();
    for (const info of candidates) {
      let status: FilterStatus | undefined = runFilters(pod, info);
      if (!status && claims) {
        const volumes = filterVolumeBinding(claims, info.node, this.volumeLister);
        if ('status' in volumes) status = volumes.status;
        else podVolumes.set(info, volumes.volumes);
      }
      if (status) diagnosis.nodes.set(info.node.metadata.name, status);
      else feasible.push(info);
    }
    if (feasible.length === 0)
      return { message: failedSchedulingMessage(pod, diagnosis), rejectedBy: rejectingPlugins(diagnosis) };
    const placed = (info: NodeInfo): Placement => ({ node: info.node, volumes: podVolumes.get(info) });
    if (feasible.length === 1) return placed(feasible[0]!);
    const selector = this.spreadSelector(pod);
    const scores = scoreNodes(pod, feasible, infos, selector, selector && this.spreadCounter(pod, selector));
    const best = Math.max(...scores);
    const top = feasible.filter((_, i) => scores[i] === best);
    return placed(top[Math.floor(this.runtime.random() * top.length)]!);
  }

  /**
   * countMatching per node from the cache: a node's NodeInfo is replaced whenever one of its pods changes, so a
   * count taken for the same NodeInfo, namespace and selector still holds.
   */
  private spreadCounter(pod: Pod, selector: LabelSelector): SpreadCounter {
    const namespace = pod.metadata.namespace;
    const key = `${namespace ?? ''} ${JSON.stringify(selector)}`;
    return (info) => {
      let counts = this.spreadCounts.get(info);
      if (!counts) this.spreadCounts.set(info, (counts = new Map()));
      let count = counts.get(key);
      if (count === undefined) counts.set(key, (count = countMatching(info.pods, selector, namespace)));
      return count;
    };
  }

  /**
   * helper.DefaultSelector: the selectors of the Services selecting the pod, plus its controlling ReplicaSet's,
   * StatefulSet's or ReplicationController's. Undefined when nothing selects it.
   */
  private spreadSelector(pod: Pod): LabelSelector | undefined {
    const labels = pod.metadata.labels ?? {};
    const merged: Record<string, string> = {};
    for (const service of this.api.all(SERVICES, pod.metadata.namespace)) {
      const selector = (service.spec as { selector?: Record<string, string> } | undefined)?.selector;
      if (selector && Object.entries(selector).every(([k, v]) => labels[k] === v)) Object.assign(merged, selector);
    }
    const fromServices = labelSelectorFromSpec({ matchLabels: merged });
    const requirements = 'error' in fromServices ? [] : [...fromServices.requirements];
    const owner = pod.metadata.ownerReferences?.find((ref) => ref.controller);
    const controllerOf = owner && SPREADING_CONTROLLERS[`${owner.apiVersion}/${owner.kind}`];
    const controller = controllerOf && this.api.find(controllerOf, pod.metadata.namespace, owner.name);
    if (controller) {
      const selector = (controller.spec as { selector?: Record<string, unknown> } | undefined)?.selector;
      // A ReplicationController's selector is a plain label map.
      const spec =
        controller.kind === 'ReplicationController' ? { matchLabels: selector as Record<string, string> } : selector;
      const parsed = labelSelectorFromSpec(spec as Parameters<typeof labelSelectorFromSpec>[0]);
      if (!('error' in parsed) && !parsed.matchesNothing) requirements.push(...parsed.requirements);
    }
    return requirements.length > 0 ? { requirements } : undefined;
  }

  /**
   * handleSchedulingFailure: the FailedScheduling event, then the PodScheduled condition (patched only when it
   * changes), and the pod parks in unschedulablePods.
   */
  private recordFailure(queued: QueuedPod, pod: Pod, failure: Failure): void {
    const now = this.runtime.now();
    this.reportFailure(pod, failure.message, 'Unschedulable');
    queued.queue = 'unschedulable';
    queued.timestamp = now;
    queued.backoffUntil = now + backoffDuration(queued.attempts);
    queued.rejectedBy = failure.rejectedBy;
    this.scheduleFlush();
    this.scheduleEventHousekeeping();
  }

  /** The FailedScheduling event and the PodScheduled condition of a pod that could not be placed or bound. */
  private reportFailure(pod: Pod, message: string, reason: 'Unschedulable' | 'SchedulerError'): void {
    this.events.eventf(
      referenceTo(pod as unknown as KubeObject),
      undefined,
      'Warning',
      'FailedScheduling',
      'Scheduling',
      truncateNote(message),
      this.reporter(),
    );
    this.updateScheduledCondition(pod, message, reason);
  }

  /**
   * podutil.UpdatePodCondition + PatchPodStatus: lastTransitionTime moves only when the status does. The reason is
   * Unschedulable for a fit error, SchedulerError for anything else.
   */
  private updateScheduledCondition(pod: Pod, message: string, reason: 'Unschedulable' | 'SchedulerError'): void {
    const conditions = [...(pod.status?.conditions ?? [])];
    const index = conditions.findIndex((c) => c.type === 'PodScheduled');
    const old = index >= 0 ? conditions[index] : undefined;
    if (old && old.status === 'False' && old.reason === reason && old.message === message && !old.lastProbeTime) return;
    const condition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null as unknown as string,
      lastTransitionTime: old?.status === 'False' ? old.lastTransitionTime : formatTimestamp(this.runtime.now()),
      reason,
      message,
    };
    if (old) conditions[index] = condition;
    else conditions.push(condition);
    this.api.updateStatus({ ...(pod as unknown as KubeObject), status: { ...(pod.status ?? {}), conditions } });
  }

  // ------------------------------------------------------------------ events

  private reporter(): { controller: string; instance: string } {
    if (this.state.reportingInstance === undefined) {
      // kube-scheduler runs on the control plane; its hostname is that node's name.
      const nodes = this.api.all(NODES) as Node[];
      const host =
        nodes.find((n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined) ?? nodes[0];
      if (!host) return { controller: SCHEDULER_NAME, instance: `${SCHEDULER_NAME}-` };
      this.state.reportingInstance = `${SCHEDULER_NAME}-${host.metadata.name}`;
    }
    return { controller: SCHEDULER_NAME, instance: this.state.reportingInstance };
  }

  private scheduleEventHousekeeping(): void {
    if (this.events.hasPendingSeries(SCHEDULER_NAME))
      this.runtime.at(this.nextTick(EVENT_FINISH_PERIOD_MS), TASK_EVENTS, undefined, TASK_EVENTS);
  }

  /** The event broadcaster's loops: refresh running series every 30 minutes, finish ended ones every 6. */
  private eventHousekeeping(): void {
    if ((this.runtime.now() - this.state.startedAt!) % EVENT_REFRESH_PERIOD_MS === 0)
      this.events.refreshSeries(SCHEDULER_NAME);
    this.events.finishSeries(SCHEDULER_NAME);
    this.scheduleEventHousekeeping();
  }
}
