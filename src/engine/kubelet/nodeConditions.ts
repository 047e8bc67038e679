/**
 * The node conditions a running kubelet reports (pkg/kubelet/nodestatus/setters.go: MemoryPressureCondition,
 * DiskPressureCondition, PIDPressureCondition, ReadyCondition): every condition gets the current heartbeat time, one
 * whose status changes gets a new transition time and a node event `Node <name> status is now: <event>`.
 *
 * MemoryPressure follows the eviction manager; disk and PID pressure are never simulated.
 */
import type { Node, NodeCondition } from '../api/kinds';
import { formatTimestamp } from '../runtime/time';

interface KubeletCondition {
  type: string;
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

/** MemoryPressure while the eviction manager sees the threshold met. */
const MEMORY_PRESSURE: KubeletCondition = {
  type: 'MemoryPressure',
  status: 'True',
  reason: 'KubeletHasInsufficientMemory',
  message: 'kubelet has insufficient memory available',
  event: 'NodeHasInsufficientMemory',
};

/** The conditions the kubelet would write now, from the node's current ones and whether memory is short. */
export function kubeletNodeConditions(node: Node, now: number, memoryPressure = false): NodeConditionsReport {
  const time = formatTimestamp(now);
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
  const events: string[] = [];
  let changed = false;
  for (const normal of KUBELET_CONDITIONS) {
    const wanted = normal.type === 'MemoryPressure' && memoryPressure ? MEMORY_PRESSURE : normal;
    let condition = conditions.find((c) => c.type === wanted.type);
    if (!condition) {
      condition = { type: wanted.type, status: 'Unknown' };
      conditions.push(condition);
    }
    condition.lastHeartbeatTime = time;
    if (condition.status === wanted.status) continue;
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
