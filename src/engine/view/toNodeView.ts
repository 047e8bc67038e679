import type { Node } from '../api/kinds';
import { findNodeRoles } from '../kubectl/printers/nodePrinter';
import type { NodeView } from './clusterViewTypes';

/** kubectl's STATUS: `Ready`, else `NotReady` (False or Unknown), `Unknown` without a Ready condition (printNode). */
function nodeStatusText(ready: string | undefined, unschedulable: boolean): string {
  const status = ready === undefined ? 'Unknown' : ready === 'True' ? 'Ready' : 'NotReady';
  return unschedulable ? `${status},SchedulingDisabled` : status;
}

/** One node's region header: roles, readiness, cordon, taints and the pressure conditions that hold. */
export function toNodeView(node: Node): NodeView {
  const conditions = node.status?.conditions ?? [];
  const readyCondition = conditions.find((c) => c.type === 'Ready')?.status;
  const unschedulable = node.spec?.unschedulable === true;
  return {
    name: node.metadata.name,
    uid: node.metadata.uid ?? '',
    roles: findNodeRoles(node),
    ready: readyCondition === 'True' || readyCondition === 'False' ? readyCondition : 'Unknown',
    status: nodeStatusText(readyCondition, unschedulable),
    unschedulable,
    // `key=value:Effect`, `key:Effect` without a value, as kubectl describe lists taints.
    taints: (node.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    pressures: conditions.filter((c) => c.type !== 'Ready' && c.status === 'True').map((c) => c.type),
  };
}
