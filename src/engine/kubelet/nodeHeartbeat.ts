/**
 * Each node's kubelet as a process that can die: its heartbeats — the node Lease renewed every 10 s, the node status
 * computed every 10 s (nodeStatusUpdateFrequency) and written when it changed or 5 min after the last write
 * (nodeStatusReportFrequency; pkg/kubelet/kubelet_node_status.go tryUpdateNodeStatus) — and the machine going down
 * and coming back.
 *
 * A machine that goes down loses its kubelet (with everything it kept in memory) and its running containers; the
 * pods stay in the API as they were. When it boots again the kubelet starts over from the API: it heartbeats, runs
 * the pods still bound to it and finishes the deletion of those marked for deletion meanwhile.
 */
import { fnv32a } from '../runtime/hash';
import type { Node, Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { EventRecorder } from '../events/recorder';
import { seedRandom, type RandomState } from '../runtime/random';
import type { KubeletContext } from './kubeletContext';
import { kubeletNodeConditions } from './nodeConditions';
import { NODE_LEASE_RENEW_INTERVAL_MS, renewNodeLease } from './nodeLease';
import type { PodWorkerState } from './workerState';

/**
 * KubeletConfiguration nodeStatusReportFrequency: an unchanged status is still written every 5 min. The status is
 * computed every nodeStatusUpdateFrequency (10 s), the lease renewal's period, so one loop does both.
 */
const NODE_STATUS_REPORT_MS = 5 * 60_000;

const NODES = resolveResourceName('nodes')!;
const PODS = resolveResourceName('pods')!;
const HEARTBEAT_TASK = 'kubelet/heartbeat';

/** Runs `fn` with the shared random state replaced by a stream derived from it and `salt`, then puts it back. */
function withOwnRandomStream(random: RandomState, salt: number, fn: () => void): void {
  const main: RandomState = [...random];
  random.splice(0, 4, ...seedRandom((main[0] ^ salt) >>> 0));
  try {
    fn();
  } finally {
    random.splice(0, 4, ...main);
  }
}

/** What is known of a node's machine and kubelet: plain data in the kubelet state. */
export interface NodeAgentState {
  /** The machine is down: its kubelet neither heartbeats nor syncs pods. */
  down?: true;
  /** When the kubelet last wrote its node status. */
  reportedAt: number;
}

/** What the heartbeat needs from the rest of the kubelet. */
export interface NodeHeartbeatHooks {
  /** Drops a pod worker and what the kubelet kept about its containers. */
  forgetPod(worker: PodWorkerState): void;
  /** Lets the pod worker of a pod sync soon. */
  queueSync(uid: string): void;
}

export class NodeHeartbeat {
  constructor(
    private readonly ctx: KubeletContext,
    private readonly events: EventRecorder,
    private readonly hooks: NodeHeartbeatHooks,
  ) {
    ctx.runtime.on(HEARTBEAT_TASK, (task) => this.beat((task.payload as { node: string }).node));
  }

  /** Whether the node's eviction manager sees memory pressure (the cluster wires in the eviction manager). */
  memoryPressure: (node: string) => boolean = () => false;

  private get agents(): Record<string, NodeAgentState> {
    return (this.ctx.state.nodes ??= {});
  }

  /** Whether the node's machine is up (a node never failed counts as up). */
  isUp(node: string): boolean {
    return this.ctx.state.nodes?.[node]?.down === undefined;
  }

  /**
   * The kubelet of a node that just registered (its Node written now) starts: its lease controller creates the
   * node's Lease at once, then it heartbeats.
   */
  start(node: string): void {
    const object = this.ctx.api.find(NODES, undefined, node) as Node | undefined;
    if (!object) return;
    const now = this.ctx.runtime.now();
    this.agents[node] = { reportedAt: now };
    // The Lease's uid comes from a random stream of its own: node leases leave every other generated name as it was.
    withOwnRandomStream(this.ctx.runtime.state.random, fnv32a(node), () => renewNodeLease(this.ctx.api, object, now));
    this.schedule(node);
  }

  /**
   * The machine goes down: the kubelet stops, its containers are gone from the node. Returns false when the node
   * has no kubelet or is already down.
   */
  fail(node: string): boolean {
    const agent = this.agents[node];
    if (!agent || agent.down) return false;
    agent.down = true;
    this.stopPods(node);
    return true;
  }

  /**
   * The machine boots: the kubelet starts (kubelet.go Run: a `Starting` event, then the first lease renewal and
   * node status), and syncs every pod still bound to the node. Returns false when the node was not down.
   */
  recover(node: string): boolean {
    const agent = this.agents[node];
    const object = this.ctx.api.find(NODES, undefined, node) as Node | undefined;
    if (!agent?.down || !object) return false;
    delete agent.down;
    this.recordNodeEvent(object, 'Starting', 'Starting kubelet.');
    this.beat(node);
    for (const pod of this.ctx.api.all(PODS) as Pod[])
      if (pod.spec.nodeName === node) this.hooks.queueSync(pod.metadata.uid!);
    return true;
  }

  /** `kubeadm reset`: the kubelet stops for good and the node's containers are removed. */
  remove(node: string): void {
    this.stopPods(node);
    delete this.agents[node];
  }

  private stopPods(node: string): void {
    for (const worker of Object.values(this.ctx.state.pods)) {
      if (worker.node !== node) continue;
      this.ctx.containers.removeSandbox(worker.uid);
      this.hooks.forgetPod(worker);
    }
    delete this.ctx.state.pullQueue[node];
  }

  private schedule(node: string): void {
    this.ctx.runtime.after(NODE_LEASE_RENEW_INTERVAL_MS, HEARTBEAT_TASK, { node }, `kubelet-heartbeat/${node}`);
  }

  /** One heartbeat: renew the Lease, then write the node status if it changed or is due. */
  private beat(node: string): void {
    const agent = this.ctx.state.nodes?.[node];
    const object = this.ctx.api.find(NODES, undefined, node) as Node | undefined;
    if (!agent || agent.down || !object) return;
    const now = this.ctx.runtime.now();
    renewNodeLease(this.ctx.api, object, now);
    const report = kubeletNodeConditions(object, now, this.memoryPressure(node));
    if (report.changed || now >= agent.reportedAt + NODE_STATUS_REPORT_MS) {
      this.ctx.api.updateStatus({ ...object, status: { ...object.status, conditions: report.conditions } });
      agent.reportedAt = now;
      for (const event of report.events) this.recordNodeEvent(object, event, `Node ${node} status is now: ${event}`);
    }
    this.schedule(node);
  }

  /** kubelet.go recordNodeStatusEvent: the kubelet's node reference carries the node name as its uid. */
  private recordNodeEvent(node: Node, reason: string, message: string): void {
    const name = node.metadata.name;
    this.events.record({ apiVersion: 'v1', kind: 'Node', name, uid: name }, 'Normal', reason, message, {
      component: 'kubelet',
      host: name,
    });
  }
}
