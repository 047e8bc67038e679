/** The decisions that explain an object: its own, its owners' and (for a Deployment) its ReplicaSets'. */
import type { ClusterView, ObjectRef } from '../../engine/view/clusterViewTypes';
import type { Decision } from '../../worker/protocol';

export function relatedDecisions(
  decisions: readonly Decision[],
  selected: ObjectRef | undefined,
  view: ClusterView | undefined,
): Decision[] {
  if (!selected) return [...decisions];
  const related = new Set<string>([`${selected.kind}/${selected.namespace ?? ''}/${selected.name}`]);
  const add = (ref: { kind: string; namespace?: string; name: string } | undefined) => {
    if (ref) related.add(`${ref.kind}/${ref.namespace ?? ''}/${ref.name}`);
  };
  const pod = view?.pods.find((p) => p.uid === selected.uid);
  if (pod) {
    add(pod.owner);
    add(view?.workloads.find((w) => w.uid === pod.owner?.uid)?.owner);
  }
  for (const workload of view?.workloads ?? [])
    if (workload.owner?.uid === selected.uid) add(workload);
    else if (workload.uid === selected.uid) add(workload.owner);
  return decisions.filter((decision) =>
    related.has(`${decision.object.kind}/${decision.object.namespace ?? ''}/${decision.object.name}`),
  );
}
