/**
 * The faults a learner can inject by clicking, as the commands they stand for: the page runs them like typed
 * commands, so they show in the terminal, replay on the timeline and could be typed by hand.
 */
import type { ClusterView, NodeView, ObjectRef, PodView } from '../../engine/view/clusterViewTypes';

export interface FaultCommand {
  /** i18n key of the button label (namespace `app`, under `faults`). */
  label: string;
  /** Values for the label's placeholders. */
  values?: Record<string, string>;
  command: string;
}

const namespaceFlag = (pod: PodView) => (pod.namespace === 'default' ? '' : ` -n ${pod.namespace}`);

export function podFaults(pod: PodView, probes: { container: string; type: string }[]): FaultCommand[] {
  const faults: FaultCommand[] = [];
  for (const container of pod.containers.filter((c) => !c.init)) {
    const values = { container: container.name };
    if (container.state === 'running')
      faults.push({
        label: 'faults.killContainer',
        values,
        command: `kubeplay pod kill ${pod.name} -c ${container.name}${namespaceFlag(pod)}`,
      });
  }
  for (const probe of probes) {
    const values = { container: probe.container, probe: probe.type };
    const args = `${pod.name} ${probe.type} -c ${probe.container}${namespaceFlag(pod)}`;
    faults.push({ label: 'faults.failProbe', values, command: `kubeplay probe fail ${args}` });
    faults.push({ label: 'faults.healProbe', values, command: `kubeplay probe heal ${args}` });
  }
  faults.push({
    label: 'faults.deletePod',
    command: `kubectl delete pod ${pod.name}${namespaceFlag(pod)} --wait=false`,
  });
  return faults;
}

export function nodeFaults(node: NodeView): FaultCommand[] {
  const down = node.ready !== 'True';
  return [
    node.unschedulable
      ? { label: 'faults.uncordon', command: `kubectl uncordon ${node.name}` }
      : { label: 'faults.cordon', command: `kubectl cordon ${node.name}` },
    {
      label: 'faults.drain',
      command: `kubectl drain ${node.name} --ignore-daemonsets --delete-emptydir-data --force`,
    },
    down
      ? { label: 'faults.recoverNode', command: `kubeplay node recover ${node.name}` }
      : { label: 'faults.failNode', command: `kubeplay node fail ${node.name}` },
  ];
}

/** `kubeplay node add workerN` with the first worker number the cluster does not have. */
export function addNodeCommand(view: ClusterView | undefined): string {
  const taken = new Set(view?.nodes.map((node) => node.name) ?? []);
  let n = 1;
  while (taken.has(`worker${n}`)) n++;
  return `kubeplay node add worker${n}`;
}

export function faultsFor(
  ref: ObjectRef,
  view: ClusterView | undefined,
  probes: { container: string; type: string }[],
): FaultCommand[] {
  if (ref.kind === 'Pod') {
    const pod = view?.pods.find((p) => p.uid === ref.uid);
    return pod ? podFaults(pod, probes) : [];
  }
  if (ref.kind === 'Node') {
    const node = view?.nodes.find((n) => n.name === ref.name);
    return node ? nodeFaults(node) : [];
  }
  return [];
}
