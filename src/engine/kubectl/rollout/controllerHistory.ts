/**
 * The ControllerRevisions of a DaemonSet or StatefulSet and the templates they record
 * (`KC:pkg/polymorphichelpers/history.go:controlledHistory, applyDaemonSetHistory, applyStatefulSetHistory`).
 */
import type { IIoK8sApiCoreV1PodTemplateSpec as PodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { ApiClient, KubeObject } from '../../api/types';
import { applyStrategicMergePatch } from '../../api/patch/strategicMerge';
import { selectorString } from '../printers/cellFormats';
import { semanticEqual } from './deploymentReplicaSets';

export interface ControllerRevision extends KubeObject {
  revision: number;
  data?: { spec?: { template?: PodTemplateSpec & { $patch?: string } } };
}

/** `controlledHistory`: revisions matching the owner's selector and controlled by it. */
export function controllerHistory(api: ApiClient, owner: KubeObject): ControllerRevision[] {
  const resource = api.resolveResource('controllerrevisions.apps');
  if (!resource) return [];
  const selector = (owner.spec as { selector?: Parameters<typeof selectorString>[0] } | undefined)?.selector;
  const listed = api.list(resource, owner.metadata.namespace, { labelSelector: selectorString(selector) });
  return (listed.ok ? listed.value : []).filter((r) =>
    (r.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === owner.metadata.uid),
  ) as ControllerRevision[];
}

/** The owner as it was at a revision: its spec strategically patched with the revision's data. */
export function applyRevision(owner: KubeObject, revision: ControllerRevision): KubeObject {
  return applyStrategicMergePatch(structuredClone(owner), revision.data ?? {}) as KubeObject;
}

/** `daemonSetMatch` / `statefulsetMatch`: whether the owner's template is the one the revision recorded. */
export function templateMatches(owner: KubeObject, revision: ControllerRevision): boolean {
  const recorded = { ...(revision.data?.spec?.template ?? {}) };
  delete recorded.$patch;
  return semanticEqual((owner.spec as { template?: unknown } | undefined)?.template, recorded);
}
