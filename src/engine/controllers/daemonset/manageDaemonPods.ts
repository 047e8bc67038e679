/**
 * The DaemonSet's per-node bookkeeping (daemon_controller.go: manage, podsShouldBeOnNode,
 * getUnscheduledPodsWithoutNode): a node that should run a daemon pod and has none gets one; failed and finished
 * pods are deleted (failed ones with a per-node backoff); extra pods on a node are pruned to the oldest; a node
 * that may no longer keep its pod loses it. Unscheduled pods aimed at nodes that no longer exist are deleted.
 */
import type { Node, Pod } from '../../api/kinds';
import type { ApiError } from '../../api/types';
import { referenceTo } from '../../events/recorder';
import type { ControllerContext } from '../controller';
import { isPodAvailable, isPodReady } from '../podConditions';
import { oldestFirst, podsByNode } from './daemonPods';
import {
  DAEMON_SET_CONTROLLER_NAME,
  REVISION_HASH_LABEL,
  allowsSurge,
  decisionSubject,
  minReadySecondsOf,
  type DaemonSet,
} from './daemonSetTypes';
import { FAILED_DAEMON_POD_REASON, failedDaemonPodMessage, failedPodBackoffRemaining } from './failedPodBackoff';
import { nodeShouldRunDaemonPod, type NodeVerdict } from './nodeShouldRunDaemonPod';
import { syncNodes } from './syncNodes';

export interface ManageResult {
  /** Pods were created or deleted: the rolling update waits for the next sync (the controller's expectations). */
  changed: boolean;
  error?: ApiError;
  /** A failed pod waits out its backoff: sync again after this many ms. */
  requeueAfterMs?: number;
}

interface NodePlan {
  needsPod: boolean;
  toDelete: Pod[];
  requeueAfterMs?: number;
}

class NodeBookkeeping {
  constructor(
    private readonly context: ControllerContext,
    private readonly ds: DaemonSet,
    private readonly hash: string,
    private readonly now: number,
  ) {}

  /** podsShouldBeOnNode. */
  plan(node: Node, verdict: NodeVerdict, pods: readonly Pod[] | undefined): NodePlan {
    const plan: NodePlan = { needsPod: false, toDelete: [] };
    const name = node.metadata.name;
    if (verdict.shouldRun && !pods) {
      plan.needsPod = true;
    } else if (verdict.shouldContinueRunning) {
      const running = this.removeFinished(plan, name, pods ?? []);
      if (!allowsSurge(this.ds)) this.keepOldest(plan, name, running);
      else this.keepSurgePair(plan, name, running, verdict.shouldRun);
      if (!verdict.shouldRun && running.length > 0)
        this.wait(
          `${running.map((p) => p.metadata.name).join(', ')} keeps running on ${name} although ${verdict.reason}: ` +
            `only a NoExecute taint removes a running daemon pod, so it counts as misscheduled`,
        );
    } else if (pods) {
      const leaving = pods.filter((pod) => !pod.metadata.deletionTimestamp);
      plan.toDelete.push(...leaving);
      if (leaving.length > 0)
        this.record(`deleting ${leaving.map((p) => p.metadata.name).join(', ')} on ${name}: ${verdict.reason}`);
    }
    return plan;
  }

  /** Failed pods are deleted (unless backing off), Succeeded ones too; returns the pods still running. */
  private removeFinished(plan: NodePlan, node: string, pods: readonly Pod[]): Pod[] {
    const running: Pod[] = [];
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      const phase = pod.status?.phase;
      if (phase === 'Failed') {
        const remaining = failedPodBackoffRemaining(this.context, this.ds, node, this.now);
        if (remaining > 0) {
          plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? Infinity, remaining);
          this.wait(
            `${pod.metadata.name} on ${node} failed again: waiting ${Math.ceil(remaining / 1000)}s before deleting ` +
              `it (the wait doubles with each failed pod on a node, up to 15 min)`,
          );
          continue;
        }
        const message = failedDaemonPodMessage(pod.metadata.namespace, pod.metadata.name, node);
        this.event('Warning', FAILED_DAEMON_POD_REASON, message);
        this.record(`${pod.metadata.name} on ${node} failed: deleting it so that a new pod can run there`);
        plan.toDelete.push(pod);
      } else if (phase === 'Succeeded') {
        const message = `Found succeeded daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node}, will try to delete it`;
        this.event('Normal', 'SucceededDaemonPod', message);
        this.record(`${pod.metadata.name} on ${node} exited: deleting it so that a new pod can run there`);
        plan.toDelete.push(pod);
      } else {
        running.push(pod);
      }
    }
    return running;
  }

  /** Without surge a node runs one daemon pod: the oldest stays. */
  private keepOldest(plan: NodePlan, node: string, running: readonly Pod[]): void {
    if (running.length <= 1) return;
    const [keep, ...extra] = oldestFirst(running);
    plan.toDelete.push(...extra);
    this.record(
      `${node} runs ${running.length} daemon pods: keeping the oldest, ${keep!.metadata.name}, and deleting ` +
        `${extra.map((p) => p.metadata.name).join(', ')}`,
    );
  }

  /**
   * With surge a node may briefly run two pods: the oldest new one and the oldest old one, until the old one is not
   * ready or the new one is available. Any others go.
   */
  private keepSurgePair(plan: NodePlan, node: string, running: readonly Pod[], shouldRun: boolean): void {
    if (running.length <= 1) {
      if (running.length === 0 && shouldRun) plan.needsPod = true;
      return;
    }
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const pod of oldestFirst(running)) {
      const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === this.hash;
      if (isNew && !oldestNew) oldestNew = pod;
      else if (!isNew && !oldestOld) oldestOld = pod;
      else plan.toDelete.push(pod);
    }
    if (!oldestNew || !oldestOld) return;
    if (!isPodReady(oldestOld)) {
      plan.toDelete.push(oldestOld);
      this.record(
        `deleting old pod ${oldestOld.metadata.name} on ${node}: it is not ready, and new pod ` +
          `${oldestNew.metadata.name} replaces it`,
      );
    } else if (isPodAvailable(oldestNew, minReadySecondsOf(this.ds), this.now)) {
      plan.toDelete.push(oldestOld);
      this.record(
        `deleting old pod ${oldestOld.metadata.name} on ${node}: new pod ${oldestNew.metadata.name} is ` +
          `available (maxSurge keeps the old one only until then)`,
      );
    }
  }

  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.context.events.record(referenceTo(this.ds), type, reason, message, { component: DAEMON_SET_CONTROLLER_NAME });
  }

  record(text: string): void {
    this.context.decisions.record(DAEMON_SET_CONTROLLER_NAME, decisionSubject(this.ds), text);
  }

  wait(text: string): void {
    this.context.decisions.recordUnlessRepeated(DAEMON_SET_CONTROLLER_NAME, decisionSubject(this.ds), text);
  }
}

/** manage: plans every node, then creates and deletes (syncNodes). */
export function manageDaemonPods(
  context: ControllerContext,
  ds: DaemonSet,
  nodes: readonly Node[],
  hash: string,
  pods: readonly Pod[],
  now: number,
): ManageResult {
  const bookkeeping = new NodeBookkeeping(context, ds, hash, now);
  const byNode = podsByNode(pods);
  const needing: string[] = [];
  const skipped: string[] = [];
  const toDelete: Pod[] = [];
  let requeueAfterMs: number | undefined;
  for (const node of nodes) {
    const verdict = nodeShouldRunDaemonPod(node, ds);
    if (!verdict.shouldRun) skipped.push(`${node.metadata.name} (${verdict.reason})`);
    const plan = bookkeeping.plan(node, verdict, byNode.get(node.metadata.name));
    if (plan.needsPod) needing.push(node.metadata.name);
    toDelete.push(...plan.toDelete);
    if (plan.requeueAfterMs !== undefined) requeueAfterMs = Math.min(requeueAfterMs ?? Infinity, plan.requeueAfterMs);
  }
  const known = new Set(nodes.map((node) => node.metadata.name));
  for (const [node, podsOnNode] of byNode) {
    if (known.has(node)) continue;
    const stranded = podsOnNode.filter((pod) => !pod.spec.nodeName);
    toDelete.push(...stranded);
    if (stranded.length > 0)
      bookkeeping.record(
        `deleting ${stranded.map((p) => p.metadata.name).join(', ')}: pinned to node ${node}, which no longer exists`,
      );
  }
  const result = syncNodes(context, ds, hash, toDelete, needing);
  if (result.created.length > 0)
    bookkeeping.record(
      `creating a daemon pod for ${result.created.map((c) => c.node).join(', ')}: ` +
        `${result.created.length === 1 ? 'this node should run one and has' : 'each of these nodes should run one and has'} none` +
        (skipped.length > 0 ? `; none for ${skipped.join(', ')}` : ''),
    );
  return {
    changed: result.created.length + result.deleted.length > 0,
    ...(result.error ? { error: result.error } : {}),
    ...(requeueAfterMs !== undefined ? { requeueAfterMs } : {}),
  };
}
