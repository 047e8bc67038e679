/**
 * `rollout history` (`KC:pkg/polymorphichelpers/history.go`): the revisions of a Deployment (from its ReplicaSets'
 * revision annotations) or of a DaemonSet or StatefulSet (from ControllerRevisions), or one revision's pod template.
 */
import type { IIoK8sApiCoreV1PodTemplateSpec as PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { ApiClient, KubeObject, ResourceType } from '../../api/types';
import { describePodTemplate } from '../describe/podTemplate';
import { DESCRIBE_TABWRITER, alignTabs } from '../format/tabwriter';
import { PrefixWriter } from '../describe/prefixWriter';
import { clientError } from '../errors';
import { CHANGE_CAUSE_ANNOTATION } from '../record';
import { groupResource } from '../resourceArgs';
import { applyRevision, controllerHistory } from './controllerHistory';
import { deploymentReplicaSets, revisionOf } from './deploymentReplicaSets';
import { groupKind } from './statusViewers';

interface HistoryEntry {
  template: PodTemplateSpec | undefined;
  changeCause: string | undefined;
}

/** `printTemplate`: the pod template through a PrefixWriter without a tabwriter (tabs stay in). */
export function printTemplate(template: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(w, template);
  return w.unaligned();
}

/** Revision → template and change cause; later entries of the same revision win, as in kubectl's map. */
function historyOf(api: ApiClient, resource: ResourceType, object: KubeObject): Map<number, HistoryEntry> {
  const entries = new Map<number, HistoryEntry>();
  if (groupResource(resource) === 'deployments.apps') {
    const { newReplicaSet, oldReplicaSets } = deploymentReplicaSets(api, object);
    for (const rs of [...oldReplicaSets, ...(newReplicaSet ? [newReplicaSet] : [])]) {
      const revision = revisionOf(rs);
      if (revision === undefined) continue;
      const changeCause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION];
      // DeploymentHistoryViewer shows the revision's change-cause among its template's annotations.
      const template = rs.spec?.template && {
        ...rs.spec.template,
        metadata: {
          ...rs.spec.template.metadata,
          annotations: {
            ...rs.spec.template.metadata?.annotations,
            ...(changeCause ? { [CHANGE_CAUSE_ANNOTATION]: changeCause } : {}),
          },
        },
      };
      entries.set(revision, { template, changeCause });
    }
    return entries;
  }
  for (const history of controllerHistory(api, object)) {
    const template = (applyRevision(object, history).spec as { template?: PodTemplateSpec } | undefined)?.template;
    entries.set(history.revision, { template, changeCause: history.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION] });
  }
  return entries;
}

/** `ViewHistory`: the `REVISION CHANGE-CAUSE` table, or with `revision` > 0 that revision's pod template. */
export function viewHistory(api: ApiClient, resource: ResourceType, object: KubeObject, revision: number): string {
  if (!['deployments.apps', 'daemonsets.apps', 'statefulsets.apps'].includes(groupResource(resource))) {
    throw clientError(`no history viewer has been implemented for "${groupKind(resource)}"`);
  }
  const entries = historyOf(api, resource, object);
  if (entries.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const entry = entries.get(revision);
    if (!entry) throw clientError('unable to find the specified revision');
    return printTemplate(entry.template);
  }
  const rows = [...entries.keys()]
    .sort((a, b) => a - b)
    .map((r) => `${r}\t${entries.get(r)?.changeCause || '<none>'}\n`);
  return alignTabs(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, [], DESCRIBE_TABWRITER).output;
}
