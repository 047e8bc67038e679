/**
 * Taint nodes by condition, the NoSchedule pass of the node lifecycle controller
 * (pkg/controller/nodelifecycle/node_lifecycle_controller.go: doNoScheduleTaintingPass,
 * nodeConditionToTaintKeyStatusMap): a node whose condition says it cannot take new pods — not Ready, under
 * memory, disk or PID pressure, without a network — or that is cordoned, carries the matching
 * `node.kubernetes.io/…:NoSchedule` taint, and loses it when the condition clears. Pods that tolerate the taint
 * (DaemonSet pods, for most of them) still land there.
 */
import type { Node, Taint } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { semanticEqual } from '../../api/semanticEqual';
import { formatTimestamp } from '../../runtime/time';
import type { ControllerContext, ControllerDefinition } from '../controller';
import {
  NODE_HEALTH_MONITOR_KEY,
  NODE_LIFECYCLE_CONTROLLER_NAME,
  monitorNodeHealth,
  startNodeHealthMonitor,
} from './monitorNodeHealth';

const NODES = resolveResourceName('nodes')!;
const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';

/** Condition type → (status → taint key). */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: 'node.kubernetes.io/not-ready', Unknown: 'node.kubernetes.io/unreachable' },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const MANAGED_KEYS = new Set([
  UNSCHEDULABLE_TAINT,
  ...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)),
]);

/** The node lifecycle controller: this NoSchedule pass on node changes, and the periodic health monitoring. */
export const NODE_LIFECYCLE_CONTROLLER: ControllerDefinition = {
  name: NODE_LIFECYCLE_CONTROLLER_NAME,
  create: (context) => {
    startNodeHealthMonitor(context);
    return {
      keysFor: (event, resource) =>
        resource === NODES && event.type !== 'DELETED' ? [event.object.metadata.name!] : [],
      sync: (key) => (key === NODE_HEALTH_MONITOR_KEY ? monitorNodeHealth(context) : syncNode(context, key)),
    };
  },
};

/** The NoSchedule taint keys the node's conditions and cordon call for. */
function wantedTaintKeys(node: Node): string[] {
  const keys: string[] = [];
  for (const condition of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[condition.type]?.[condition.status];
    if (key) keys.push(key);
  }
  if (node.spec?.unschedulable) keys.push(UNSCHEDULABLE_TAINT);
  return keys;
}

function syncNode(context: ControllerContext, name: string): void {
  const node = context.api.find(NODES, undefined, name) as Node | undefined;
  if (!node || node.metadata.deletionTimestamp) return;
  const current = node.spec?.taints ?? [];
  const wanted = wantedTaintKeys(node);
  const kept = current.filter((t) => !(MANAGED_KEYS.has(t.key) && t.effect === 'NoSchedule') || wanted.includes(t.key));
  const added: Taint[] = wanted
    .filter((key) => !kept.some((t) => t.key === key && t.effect === 'NoSchedule'))
    .map((key) => ({ key, effect: 'NoSchedule', timeAdded: formatTimestamp(context.runtime.now()) }));
  const taints = [...kept, ...added];
  if (semanticEqual(taints, current)) return;
  const updated = context.api.update({ ...node, spec: { ...node.spec, taints } });
  if (!updated.ok) return;
  const object = { kind: 'Node', name, uid: node.metadata.uid };
  for (const taint of added)
    context.decisions.record(
      NODE_LIFECYCLE_CONTROLLER_NAME,
      object,
      `tainted ${taint.key}:NoSchedule: ${taint.key === UNSCHEDULABLE_TAINT ? 'the node is cordoned' : 'its condition says it cannot take new pods'}; only pods that tolerate it are scheduled there`,
    );
  for (const taint of current)
    if (!taints.includes(taint))
      context.decisions.record(
        NODE_LIFECYCLE_CONTROLLER_NAME,
        object,
        `removed ${taint.key}:${taint.effect}: the condition cleared`,
      );
}
