/**
 * A DaemonSet's pods and the nodes they belong to (daemon_controller.go: getDaemonPods, getNodesToDaemonPods;
 * util/daemonset_util.go: GetTargetNodeName, CreatePodTemplate, ReplaceDaemonSetPodNodeNameNodeAffinity). A daemon
 * pod is created without nodeName: it is pinned to its node by a required node affinity on the node's name
 * (`matchFields metadata.name In [node]`) and bound there by the default scheduler.
 */
import type { Pod, PodSpec } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import { formatLabelSelector, matchesLabels, type LabelSelector } from '../../api/selectors/labelSelector';
import { parseTimestamp } from '../../runtime/time';
import { claimObjects } from '../claimObjects';
import type { ControllerContext } from '../controller';
import type { PodTemplate } from '../podControl';
import { withDaemonPodTolerations } from './nodeShouldRunDaemonPod';
import {
  DAEMON_SET_CONTROLLER_NAME,
  REVISION_HASH_LABEL,
  TEMPLATE_GENERATION_LABEL,
  decisionSubject,
  templateGenerationOf,
  type DaemonSet,
} from './daemonSetTypes';

const PODS = resolveResourceName('pods')!;

type Affinity = NonNullable<PodSpec['affinity']>;

/** getDaemonPods: the namespace's pods, claimed by the DaemonSet's selector (orphans adopted, strays released). */
export function claimDaemonPods(context: ControllerContext, ds: DaemonSet, selector: LabelSelector): Pod[] {
  return claimObjects(
    context,
    PODS,
    ds,
    context.api.all(PODS, ds.metadata.namespace) as Pod[],
    (pod) => matchesLabels(selector, pod.metadata.labels),
    (pod, change) =>
      context.decisions.record(
        DAEMON_SET_CONTROLLER_NAME,
        decisionSubject(ds),
        change === 'adopted'
          ? `adopted orphan pod ${pod.metadata.name}: its labels match selector ${formatLabelSelector(selector)}`
          : `released pod ${pod.metadata.name}: its labels no longer match selector ${formatLabelSelector(selector)}`,
      ),
  );
}

/** GetTargetNodeName: spec.nodeName, else the single name a required `metadata.name In` term pins. */
export function targetNodeOf(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  for (const term of terms ?? []) {
    for (const field of term.matchFields ?? []) {
      if (field.key === 'metadata.name' && field.operator === 'In')
        return field.values?.length === 1 ? field.values[0] : undefined;
    }
  }
  return undefined;
}

function isTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/**
 * getNodesToDaemonPods: claimed pods by target node. Finished pods already being deleted are left out unless
 * `includeDeletedTerminal` (history cleanup still counts their hashes).
 */
export function podsByNode(pods: readonly Pod[], includeDeletedTerminal = false): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    if (!includeDeletedTerminal && isTerminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = targetNodeOf(pod);
    if (node === undefined) continue;
    byNode.set(node, [...(byNode.get(node) ?? []), pod]);
  }
  return byNode;
}

/** podByCreationTimestampAndPhase: scheduled pods first, then oldest first, then by name. */
export function oldestFirst(pods: readonly Pod[]): Pod[] {
  return [...pods].sort((a, b) => {
    const scheduled = Number(!a.spec.nodeName) - Number(!b.spec.nodeName);
    if (scheduled !== 0) return scheduled;
    const age =
      (parseTimestamp(a.metadata.creationTimestamp) ?? 0) - (parseTimestamp(b.metadata.creationTimestamp) ?? 0);
    if (age !== 0) return age;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
}

/** CreatePodTemplate: the template with the daemon tolerations, its generation and the revision hash as labels. */
export function daemonPodTemplate(ds: DaemonSet, hash: string): PodTemplate {
  const template = structuredClone(ds.spec.template) as PodTemplate;
  const spec = template.spec ?? { containers: [] };
  template.spec = { ...spec, tolerations: withDaemonPodTolerations(spec) };
  const generation = templateGenerationOf(ds);
  template.metadata = {
    ...template.metadata,
    labels: {
      ...template.metadata?.labels,
      ...(generation !== undefined ? { [TEMPLATE_GENERATION_LABEL]: generation } : {}),
      ...(hash ? { [REVISION_HASH_LABEL]: hash } : {}),
    },
  };
  return template;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes the single term
 * `metadata.name In [node]` (the node already passed the template's own terms); preferred terms stay.
 */
export function pinnedToNode(affinity: Affinity | undefined, node: string): Affinity {
  const required = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: [node] }] }],
  };
  const next = structuredClone(affinity ?? {});
  next.nodeAffinity = { ...next.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: required };
  return next;
}
