/**
 * The node lifecycle controller's health monitoring (pkg/controller/nodelifecycle/node_lifecycle_controller.go:
 * monitorNodeHealth, tryUpdateNodeHealth, processTaintBaseEviction, doNoExecuteTaintingPass, markNodeAsReachable;
 * pkg/controller/util/node/controller_utils.go: MarkPodsNotReady, RecordNodeStatusChange). Every 5 s
 * (--node-monitor-period) it looks for a sign of life from each node's kubelet — a renewed Lease or a new
 * heartbeat in the Ready condition. A node silent for longer than the grace period gets its Ready and pressure
 * conditions set to Unknown, a `NodeNotReady` event, and its pods marked not Ready; from the next pass it carries
 * the NoExecute taint `node.kubernetes.io/unreachable` (`not-ready` when the kubelet reports Ready=False), which the
 * taint eviction controller acts on. When the node is Ready again the NoExecute taints go.
 */
import type { Node, NodeCondition, Pod, Taint } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { referenceTo } from '../../events/recorder';
import { cloneJson } from '../../runtime/cloneJson';
import { formatTimestamp, parseTimestamp } from '../../runtime/time';
import { semanticEqual } from '../../api/semanticEqual';
import type { ControllerContext } from '../controller';
import { handleDisruption, isExcludedFromDisruption, zoneKeyOf, type ZoneHealth } from './zoneDisruption';

export const NODE_LIFECYCLE_CONTROLLER_NAME = 'node-lifecycle-controller';
/** The event source of the node lifecycle controller (its client and recorder are `node-controller`). */
const NODE_CONTROLLER_COMPONENT = 'node-controller';
/** The work-queue key of the periodic pass (no node is named like this). */
export const NODE_HEALTH_MONITOR_KEY = '#monitor-node-health';
/** --node-monitor-period. */
const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period: 50 s since v1.32 (kubernetes PR #126287; 40 s before). */
const NODE_MONITOR_GRACE_MS = 50_000;
/** --node-startup-grace-period: for a node whose kubelet never posted a Ready condition. */
const NODE_STARTUP_GRACE_MS = 60_000;

const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';

const NODES = resolveResourceName('nodes')!;
const PODS = resolveResourceName('pods')!;
const LEASES = resolveResourceName('leases.coordination.k8s.io')!;
/** The conditions a silent node's kubelet no longer vouches for (NetworkUnavailable belongs to the network). */
const KUBELET_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** What the controller last saw of a node (nodeHealthData), plain data in its state. */
interface NodeHealth {
  /** When the controller last saw a sign of life (probeTimestamp). */
  probeTime: number;
  /** The Ready condition's lastHeartbeatTime as last seen; none while the node has no Ready condition. */
  heartbeat?: string;
  /** The Lease's renewTime as last seen. */
  leaseRenewTime?: string;
}

interface NodeLifecycleState {
  health: Record<string, NodeHealth>;
  zones: Record<string, ZoneHealth>;
}

/** Starts the periodic pass (wait.Until with --node-monitor-period); a pass already queued is kept. */
export function startNodeHealthMonitor(context: ControllerContext): void {
  context.queue.addAfter(NODE_HEALTH_MONITOR_KEY, NODE_MONITOR_PERIOD_MS);
}

/** One monitorNodeHealth pass over every node; queues the next. */
export function monitorNodeHealth(context: ControllerContext): void {
  const state = context.state<NodeLifecycleState>(() => ({ health: {}, zones: {} }));
  const now = context.runtime.now();
  const nodes = context.api.all(NODES) as Node[];
  const names = new Set(nodes.map((n) => n.metadata.name));
  for (const name of Object.keys(state.health)) if (!names.has(name)) delete state.health[name];
  const readyByZone: Record<string, (NodeCondition | undefined)[]> = {};
  const toTaint: string[] = [];
  for (const listed of nodes) {
    const { node, observed, current } = updateNodeHealth(context, state, listed, now);
    if (!isExcludedFromDisruption(node)) (readyByZone[zoneKeyOf(node)] ??= []).push(current);
    if (!current) continue;
    if (processTaintBasedEviction(context, node, observed.status)) toTaint.push(node.metadata.name);
    if (current.status !== 'True' && observed.status === 'True') {
      recordNodeStatusChange(context, node, 'NodeNotReady');
      markPodsNotReady(context, node.metadata.name);
    }
  }
  const disruption = handleDisruption(state.zones, readyByZone);
  if (disruption === 'enter') for (const node of nodes) markNodeAsReachable(context, node.metadata.name);
  if (disruption === 'exit') for (const health of Object.values(state.health)) health.probeTime = now;
  for (const name of toTaint) taintUnresponsiveNode(context, state, name, now);
  context.queue.addAfter(NODE_HEALTH_MONITOR_KEY, NODE_MONITOR_PERIOD_MS);
}

function readyOf(node: Node): NodeCondition | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready');
}

/**
 * tryUpdateNodeHealth: notes a new heartbeat or lease renewal as the time the node was last heard of; past the
 * grace period, sets the kubelet's conditions to Unknown. Returns the Ready condition as observed at the start
 * and as it is now.
 */
function updateNodeHealth(
  context: ControllerContext,
  state: NodeLifecycleState,
  node: Node,
  now: number,
): { node: Node; observed: NodeCondition; current?: NodeCondition } {
  const name = node.metadata.name;
  const created = node.metadata.creationTimestamp;
  const ready = readyOf(node);
  // A node whose kubelet never posted status is judged from its creation, with the longer startup grace period.
  const observed: NodeCondition = ready
    ? { ...ready }
    : { type: 'Ready', status: 'Unknown', lastHeartbeatTime: created, lastTransitionTime: created };
  const grace = ready ? NODE_MONITOR_GRACE_MS : NODE_STARTUP_GRACE_MS;
  const health = (state.health[name] ??= { probeTime: ready ? now : (parseTimestamp(created) ?? now) });
  if (ready && health.heartbeat !== ready.lastHeartbeatTime) health.probeTime = now;
  if (ready?.lastHeartbeatTime) health.heartbeat = ready.lastHeartbeatTime;
  else delete health.heartbeat;
  const lease = context.api.find(LEASES, 'kube-node-lease', name) as { spec?: { renewTime?: string } } | undefined;
  const renewed = lease?.spec?.renewTime;
  const isNewer = (time: string) => (parseTimestamp(health.leaseRenewTime) ?? -Infinity) < (parseTimestamp(time) ?? 0);
  if (renewed && renewed !== health.leaseRenewTime && isNewer(renewed)) {
    health.leaseRenewTime = renewed;
    health.probeTime = now;
  }
  if (now <= health.probeTime + grace) return { node, observed, current: ready };

  const time = formatTimestamp(now);
  const next = cloneJson(node);
  const conditions = ((next.status ??= {}).conditions ??= []);
  for (const type of KUBELET_CONDITION_TYPES) {
    const condition = conditions.find((c) => c.type === type);
    if (!condition)
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: created,
        lastTransitionTime: time,
      });
    else if (condition.status !== 'Unknown')
      Object.assign(condition, {
        status: 'Unknown',
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
        lastTransitionTime: time,
      });
  }
  const current = readyOf(next);
  if (semanticEqual(current, observed)) return { node, observed, current };
  const updated = context.api.updateStatus(next as unknown as KubeObject);
  if (!updated.ok) return { node, observed, current: ready };
  context.decisions.record(
    NODE_LIFECYCLE_CONTROLLER_NAME,
    { kind: 'Node', name, uid: node.metadata.uid },
    `no heartbeat from its kubelet for ${Math.round((now - health.probeTime) / 1000)}s (grace period ` +
      `${grace / 1000}s): set Ready, MemoryPressure, DiskPressure and PIDPressure to Unknown`,
  );
  return { node: updated.value as unknown as Node, observed, current };
}

function hasTaint(node: Node, key: string): boolean {
  return (node.spec?.taints ?? []).some((t) => t.key === key && t.effect === 'NoExecute');
}

/**
 * processTaintBaseEviction: a node observed not Ready (False) or unreachable (Unknown) gets the matching NoExecute
 * taint — at once when it carries the opposite one (they swap), otherwise through the rate-limited tainter (the
 * return value says it is queued for it); a Ready node loses both.
 */
function processTaintBasedEviction(context: ControllerContext, node: Node, observed: string): boolean {
  if (observed === 'True') {
    markNodeAsReachable(context, node.metadata.name);
    return false;
  }
  if (observed !== 'False' && observed !== 'Unknown') return false;
  const [wanted, opposite] =
    observed === 'False' ? [NOT_READY_TAINT, UNREACHABLE_TAINT] : [UNREACHABLE_TAINT, NOT_READY_TAINT];
  if (hasTaint(node, opposite)) {
    swapNoExecuteTaint(context, node.metadata.name, wanted, opposite);
    return false;
  }
  return !hasTaint(node, wanted);
}

/** doNoExecuteTaintingPass for one queued node, as its zone's rate limiter allows. */
function taintUnresponsiveNode(context: ControllerContext, state: NodeLifecycleState, name: string, now: number): void {
  const node = context.api.find(NODES, undefined, name) as Node | undefined;
  const zone = node ? state.zones[zoneKeyOf(node)] : undefined;
  if (!node || !zone || zone.qps <= 0 || (zone.nextTaintAt !== undefined && now < zone.nextTaintAt)) return;
  const status = readyOf(node)?.status;
  if (status !== 'False' && status !== 'Unknown') return;
  if (status === 'False') swapNoExecuteTaint(context, name, NOT_READY_TAINT, UNREACHABLE_TAINT);
  else swapNoExecuteTaint(context, name, UNREACHABLE_TAINT, NOT_READY_TAINT);
  zone.nextTaintAt = now + 1000 / zone.qps;
}

/** SwapNodeControllerTaint: adds one NoExecute taint (timeAdded now) and removes the other. */
function swapNoExecuteTaint(context: ControllerContext, name: string, add: string, remove: string): void {
  const node = context.api.find(NODES, undefined, name) as Node | undefined;
  if (!node) return;
  const kept = (node.spec?.taints ?? []).filter(
    (t) => !(t.effect === 'NoExecute' && (t.key === add || t.key === remove)),
  );
  const taint: Taint = { key: add, effect: 'NoExecute', timeAdded: formatTimestamp(context.runtime.now()) };
  const updated = context.api.update({ ...node, spec: { ...node.spec, taints: [...kept, taint] } });
  if (!updated.ok) return;
  context.decisions.record(
    NODE_LIFECYCLE_CONTROLLER_NAME,
    { kind: 'Node', name, uid: node.metadata.uid },
    `tainted ${add}:NoExecute: its kubelet is ${add === UNREACHABLE_TAINT ? 'not heard from' : 'not ready'}; ` +
      'pods that do not tolerate the taint are evicted, most tolerate it for 300s',
  );
}

/** markNodeAsReachable: a Ready node loses the unreachable and not-ready NoExecute taints. */
function markNodeAsReachable(context: ControllerContext, name: string): void {
  const node = context.api.find(NODES, undefined, name) as Node | undefined;
  const taints = node?.spec?.taints ?? [];
  const removed = taints.filter(
    (t) => t.effect === 'NoExecute' && (t.key === UNREACHABLE_TAINT || t.key === NOT_READY_TAINT),
  );
  if (!node || removed.length === 0) return;
  const kept = taints.filter((t) => !removed.includes(t));
  const updated = context.api.update({ ...node, spec: { ...node.spec, taints: kept } });
  if (!updated.ok) return;
  for (const taint of removed)
    context.decisions.record(
      NODE_LIFECYCLE_CONTROLLER_NAME,
      { kind: 'Node', name, uid: node.metadata.uid },
      `removed ${taint.key}:NoExecute: the node is Ready again`,
    );
}

/** RecordNodeStatusChange: `Node <name> status is now: <status>`, about the Node. */
function recordNodeStatusChange(context: ControllerContext, node: Node, status: string): void {
  const name = node.metadata.name;
  context.events.record(
    { apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid },
    'Normal',
    status,
    `Node ${name} status is now: ${status}`,
    { component: NODE_CONTROLLER_COMPONENT },
  );
}

/** MarkPodsNotReady: every pod on the node with a Ready condition not yet False gets it False and an event. */
function markPodsNotReady(context: ControllerContext, nodeName: string): void {
  const time = formatTimestamp(context.runtime.now());
  for (const pod of context.api.all(PODS) as Pod[]) {
    if (pod.spec.nodeName !== nodeName) continue;
    const conditions = pod.status?.conditions ?? [];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const status = {
      ...pod.status,
      conditions: conditions.map((c) => (c === ready ? { ...c, status: 'False', lastTransitionTime: time } : c)),
    };
    if (!context.api.updateStatus({ ...(pod as unknown as KubeObject), status }).ok) continue;
    context.events.record(referenceTo(pod as unknown as KubeObject), 'Warning', 'NodeNotReady', 'Node is not ready', {
      component: NODE_CONTROLLER_COMPONENT,
    });
  }
}
