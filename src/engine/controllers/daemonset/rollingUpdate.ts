/**
 * A DaemonSet's rolling update (pkg/controller/daemon/update.go: rollingUpdate, updatedDesiredNodeCounts,
 * findUpdatedPodsOnNode). Budgets are counted in nodes and percentages round up (daemonset_util.go: SurgeCount,
 * UnavailableCount); with both 0, maxUnavailable is 1.
 *
 * Without surge, old pods are deleted while fewer than maxUnavailable nodes are unavailable (an old pod that is not
 * available is replaced regardless, and counts); the next sync creates the new pod on the emptied node. With surge,
 * a new pod starts next to the old one on up to maxSurge nodes, and the old one is deleted once the new one is
 * available. Kubernetes walks the nodes in Go map order; the simulator walks them by name.
 */
import type { Node, Pod } from '../../api/kinds';
import type { ApiError } from '../../api/types';
import type { ControllerContext } from '../controller';
import { isPodAvailable } from '../podConditions';
import { podsByNode } from './daemonPods';
import {
  DAEMON_SET_CONTROLLER_NAME,
  decisionSubject,
  isPodUpdated,
  minReadySecondsOf,
  surgeCount,
  templateGenerationOf,
  unavailableCount,
  type DaemonSet,
} from './daemonSetTypes';
import { nodeShouldRunDaemonPod } from './nodeShouldRunDaemonPod';
import { syncNodes } from './syncNodes';

interface NodePods {
  node: string;
  newPod?: Pod;
  oldPod?: Pod;
  /** False when the node has more than one new or more than one old pod (manage prunes them first). */
  ok: boolean;
}

class RollingUpdate {
  private readonly generation: string | undefined;
  private readonly minReadySeconds: number;

  constructor(
    private readonly context: ControllerContext,
    private readonly ds: DaemonSet,
    private readonly nodes: readonly Node[],
    private readonly hash: string,
    private readonly now: number,
  ) {
    this.generation = templateGenerationOf(ds);
    this.minReadySeconds = minReadySecondsOf(ds);
  }

  /** findUpdatedPodsOnNode over every node with pods or wanting one (updatedDesiredNodeCounts adds the latter). */
  nodePods(pods: readonly Pod[]): { desired: number; entries: NodePods[] } {
    const byNode = podsByNode(pods);
    let desired = 0;
    for (const node of this.nodes) {
      if (!nodeShouldRunDaemonPod(node, this.ds).shouldRun) continue;
      desired++;
      if (!byNode.has(node.metadata.name)) byNode.set(node.metadata.name, []);
    }
    const entries = [...byNode.keys()].sort().map((node) => {
      const entry: NodePods = { node, ok: true };
      for (const pod of byNode.get(node)!) {
        if (pod.metadata.deletionTimestamp) continue;
        const slot = isPodUpdated(pod, this.hash, this.generation) ? 'newPod' : 'oldPod';
        if (entry[slot]) return { node, ok: false };
        entry[slot] = pod;
      }
      return entry;
    });
    return { desired, entries };
  }

  private available(pod: Pod): boolean {
    return isPodAvailable(pod, this.minReadySeconds, this.now);
  }

  /** maxSurge 0: delete just enough old pods to stay within maxUnavailable. */
  withoutSurge(entries: readonly NodePods[], desired: number, maxUnavailable: number): ApiError | undefined {
    let numUnavailable = 0;
    const unavailable: string[] = [];
    const replacements: Pod[] = [];
    const candidates: Pod[] = [];
    let outdated = 0;
    for (const { node, newPod, oldPod, ok } of entries) {
      if (oldPod) outdated++;
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) {
        numUnavailable++;
        unavailable.push(`${node}: ${!ok ? 'extra pods' : newPod ? 'old and new pod' : 'no running pod'}`);
      } else if (newPod) {
        if (!this.available(newPod)) {
          numUnavailable++;
          unavailable.push(`${node}: ${newPod.metadata.name} not available yet`);
        }
      } else if (oldPod && !this.available(oldPod)) {
        // An old pod that is not available is replaced regardless of the budget, and counts against it.
        replacements.push(oldPod);
        numUnavailable++;
        unavailable.push(`${node}: old ${oldPod.metadata.name} not available`);
      } else if (oldPod && numUnavailable < maxUnavailable) {
        candidates.push(oldPod);
      }
    }
    const room = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    const toDelete = [...replacements, ...candidates.slice(0, room)];
    const budget = this.describeBudget('maxUnavailable', maxUnavailable, desired);
    if (toDelete.length > 0) {
      this.record(
        `rolling update (${budget}): deleting old ${toDelete.map((p) => p.metadata.name).join(', ')}; ` +
          `${numUnavailable} node(s) were unavailable before (${unavailable.join('; ') || 'none'}), and each ` +
          `emptied node gets a new pod on the next sync`,
      );
    } else if (outdated > 0) {
      this.wait(
        `rolling update waits: ${numUnavailable} node(s) unavailable (${unavailable.join('; ')}), ${budget}; ` +
          `${outdated} node(s) still run old pods`,
      );
    }
    return syncNodes(this.context, this.ds, this.hash, toDelete, []).error;
  }

  /** maxSurge > 0: start new pods next to old ones, delete old ones whose replacement is available. */
  withSurge(entries: readonly NodePods[], desired: number, maxSurge: number): ApiError | undefined {
    const oldToDelete: Pod[] = [];
    const shouldNotRun: Pod[] = [];
    const candidates: string[] = [];
    const allowed: string[] = [];
    let numSurge = 0;
    let numAvailable = 0;
    for (const { node, newPod, oldPod, ok } of entries) {
      if (!ok) {
        numSurge++;
        continue;
      }
      if (oldPod ? this.available(oldPod) : newPod && this.available(newPod)) numAvailable++;
      if (!oldPod) continue;
      if (newPod) {
        if (!this.available(newPod)) numSurge++;
        else oldToDelete.push(oldPod);
        continue;
      }
      const nodeObject = this.nodes.find((n) => n.metadata.name === node);
      const shouldRun = nodeObject !== undefined && nodeShouldRunDaemonPod(nodeObject, this.ds).shouldRun;
      if (!this.available(oldPod)) {
        if (shouldRun) allowed.push(node);
        else oldToDelete.push(oldPod);
      } else if (!shouldRun) {
        shouldNotRun.push(oldPod);
      } else if (numSurge < maxSurge) {
        candidates.push(node);
      }
    }
    // Pods on nodes the DaemonSet no longer wants go only while more pods are available than desired.
    const deletable = Math.min(Math.max(0, numAvailable - desired), shouldNotRun.length);
    oldToDelete.push(...shouldNotRun.slice(0, deletable));
    const room = Math.min(Math.max(0, maxSurge - numSurge), candidates.length);
    const newNodes = [...allowed, ...candidates.slice(0, room)];
    const budget = this.describeBudget('maxSurge', maxSurge, desired);
    if (newNodes.length > 0)
      this.record(
        `rolling update (${budget}): creating new pods on ${newNodes.join(', ')} next to the old ones; each old ` +
          `pod is deleted once its replacement is available`,
      );
    if (oldToDelete.length > 0)
      this.record(
        `rolling update: deleting old ${oldToDelete.map((p) => p.metadata.name).join(', ')}: ` +
          `the new pod on the node is available (or the old one was not)`,
      );
    if (newNodes.length === 0 && oldToDelete.length === 0 && numSurge > 0)
      this.wait(`rolling update waits: ${numSurge} new pod(s) not available yet, ${budget}`);
    return syncNodes(this.context, this.ds, this.hash, oldToDelete, newNodes).error;
  }

  /** "maxUnavailable 2 (10% of 12 nodes, rounded up)". */
  private describeBudget(field: 'maxSurge' | 'maxUnavailable', value: number, desired: number): string {
    const raw = this.ds.spec.updateStrategy?.rollingUpdate?.[field];
    return typeof raw === 'string' ? `${field} ${value} (${raw} of ${desired} nodes, rounded up)` : `${field} ${value}`;
  }

  private record(text: string): void {
    this.context.decisions.record(DAEMON_SET_CONTROLLER_NAME, decisionSubject(this.ds), text);
  }

  private wait(text: string): void {
    this.context.decisions.recordUnlessRepeated(DAEMON_SET_CONTROLLER_NAME, decisionSubject(this.ds), text);
  }
}

/** rollingUpdate: one step of a RollingUpdate strategy; returns the first failed write. */
export function rollingUpdate(
  context: ControllerContext,
  ds: DaemonSet,
  nodes: readonly Node[],
  hash: string,
  pods: readonly Pod[],
  now: number,
): ApiError | undefined {
  const update = new RollingUpdate(context, ds, nodes, hash, now);
  const { desired, entries } = update.nodePods(pods);
  const maxSurge = surgeCount(ds, desired);
  let maxUnavailable = unavailableCount(ds, desired);
  // An impossible configuration (both 0) falls back to accepting one unavailable node.
  if (desired > 0 && maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return maxSurge === 0
    ? update.withoutSurge(entries, desired, maxUnavailable)
    : update.withSurge(entries, desired, maxSurge);
}
