/**
 * The node conditions a running kubelet reports (pkg/kubelet/nodestatus/setters.go: MemoryPressureCondition,
 * DiskPressureCondition, PIDPressureCondition, ReadyCondition): every condition gets the current heartbeat time, one
 * whose status changes gets a new transition time and a node event `Node <name> status is now: <event>`.
 *
 * The pressure conditions come from the eviction manager; this kubelet keeps the status they have (whoever set it)
 * and only clears the `Unknown` the node lifecycle controller leaves behind while the kubelet was away.
 */
import type { Node, NodeCondition } from '../api/kinds';
import { formatTimestamp } from '../runtime/time';

interface KubeletCondition {
  type: string;
  /** What the kubelet reports when the condition holds no news: no pressure, or ready. */
  status: 'True' | 'False';
  reason: string;
  message: string;
  /** The node event recorded when the condition turns to that status. */
  event: string;
}

/** The kubelet's conditions in the order it sets them (defaultNodeStatusFuncs). */
const KUBELET_CONDITIONS: readonly KubeletCondition[] = [
  {
    type: 'MemoryPressure',
    status: 'False',
    reason: 'KubeletHasSufficientMemory',
    message: 'kubelet has sufficient memory available',
    event: 'NodeHasSufficientMemory',
  },
  {
    type: 'DiskPressure',
    status: 'False',
    reason: 'KubeletHasNoDiskPressure',
    message: 'kubelet has no disk pressure',
    event: 'NodeHasNoDiskPressure',
  },
  {
    type: 'PIDPressure',
    status: 'False',
    reason: 'KubeletHasSufficientPID',
    message: 'kubelet has sufficient PID available',
    event: 'NodeHasSufficientPID',
  },
  {
    type: 'Ready',
    status: 'True',
    reason: 'KubeletReady',
    message: 'kubelet is posting ready status',
    event: 'NodeReady',
  },
];

export interface NodeConditionsReport {
  conditions: NodeCondition[];
  /** Node events for the conditions whose status changed, in order. */
  events: string[];
  /** Whether anything but the heartbeat times differs from the node's current conditions (nodeStatusHasChanged). */
  changed: boolean;
}

/** The conditions the kubelet would write now, from the node's current ones. */
export function kubeletNodeConditions(node: Node, now: number): NodeConditionsReport {
  const time = formatTimestamp(now);
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
  const events: string[] = [];
  let changed = false;
  for (const wanted of KUBELET_CONDITIONS) {
    let condition = conditions.find((c) => c.type === wanted.type);
    if (!condition) {
      condition = { type: wanted.type, status: 'Unknown' };
      conditions.push(condition);
    }
    condition.lastHeartbeatTime = time;
    const keeps = wanted.type !== 'Ready' && (condition.status === 'True' || condition.status === 'False');
    if (keeps || condition.status === wanted.status) continue;
    Object.assign(condition, {
      status: wanted.status,
      reason: wanted.reason,
      message: wanted.message,
      lastTransitionTime: time,
    });
    events.push(wanted.event);
    changed = true;
  }
  return { conditions, events, changed };
}
