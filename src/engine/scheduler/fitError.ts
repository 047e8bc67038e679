/**
 * The FailedScheduling message: framework/types.go FitError.Error() — `0/N nodes are available:` then the
 * PreFilter message or the histogram of node reasons (`count reason`, sorted as strings, joined by ", "), each
 * ended by "." — followed by DefaultPreemption's PostFilter message (`preemption: ` + its own FitError).
 */
import type { Pod } from '../api/kinds';
import type { FilterStatus } from './filters';

/** What scheduling one pod found: each evaluated node's status, and the status of nodes PreFilter left out. */
export interface Diagnosis {
  numAllNodes: number;
  /** node name → status, for nodes evaluated and rejected. */
  nodes: Map<string, FilterStatus>;
  /** Status of every node PreFilter excluded (`node(s) didn't satisfy plugin(s) [...]`). */
  absent?: FilterStatus;
  /** A PreFilter rejection, which stands for every node. */
  preFilter?: FilterStatus;
}

const NOT_HELPFUL = 'Preemption is not helpful for scheduling';
const NO_VICTIMS = 'No preemption victims found for incoming pod';

/** FitError.Error() without a PostFilter message. */
function formatFitError(numAllNodes: number, reasons: string[], preFilterMessage?: string): string {
  let message = `0/${numAllNodes} nodes are available:`;
  if (preFilterMessage !== undefined) return `${message} ${preFilterMessage}.`;
  const histogram = new Map<string, number>();
  for (const reason of reasons) histogram.set(reason, (histogram.get(reason) ?? 0) + 1);
  const entries = [...histogram.entries()].map(([reason, count]) => `${count} ${reason}`).sort();
  if (entries.length > 0) message += ` ${entries.join(', ')}.`;
  return message;
}

/** Every node's status, absent nodes included, in no particular order. */
function allStatuses(diagnosis: Diagnosis): FilterStatus[] {
  const statuses = [...diagnosis.nodes.values()];
  const absentCount = diagnosis.numAllNodes - diagnosis.nodes.size;
  const absent = diagnosis.preFilter ?? diagnosis.absent;
  if (absent) for (let i = 0; i < absentCount; i++) statuses.push(absent);
  return statuses;
}

/**
 * DefaultPreemption's PostFilter message. Nodes rejected as unresolvable are "not helpful"; on the others
 * preemption looks for lower-priority victims — none exist in the simulator (no PriorityClasses, every pod has
 * priority 0), so each reports that none were found.
 */
function preemptionMessage(pod: Pod, diagnosis: Diagnosis): string {
  if (pod.spec.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const verdicts = allStatuses(diagnosis).map((status) =>
    status.code === 'UnschedulableAndUnresolvable' ? NOT_HELPFUL : NO_VICTIMS,
  );
  return `preemption: ${formatFitError(diagnosis.numAllNodes, verdicts)}`;
}

/** The full message the scheduler puts in the FailedScheduling event and the PodScheduled condition. */
export function failedSchedulingMessage(pod: Pod, diagnosis: Diagnosis): string {
  const reasons = diagnosis.preFilter ? [] : allStatuses(diagnosis).flatMap((status) => status.reasons);
  const fitError = formatFitError(diagnosis.numAllNodes, reasons, diagnosis.preFilter?.reasons.join(', '));
  return `${fitError} ${preemptionMessage(pod, diagnosis)}`;
}

/** The plugins that rejected the pod somewhere (Diagnosis.UnschedulablePlugins), which decide what requeues it. */
export function rejectingPlugins(diagnosis: Diagnosis): string[] {
  const plugins = new Set<string>();
  for (const status of allStatuses(diagnosis)) plugins.add(status.plugin);
  return [...plugins].sort();
}
