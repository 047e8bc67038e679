/**
 * Creating and deleting a controller's pods with the events kube-controller-manager records for them
 * (controller_utils.go:RealPodControl): `SuccessfulCreate` "Created pod: web-x2k9p", `FailedCreate` "Error creating:
 * <apiserver message>", `SuccessfulDelete` "Deleted pod: …", `FailedDelete` "Error deleting: …".
 */
import type { Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import type { ApiError, KubeObject } from '../api/types';
import { referenceTo } from '../events/recorder';
import type { ControllerContext } from './controller';
import { controllerRefTo } from './ownerReferences';
import { cloneJson } from '../runtime/cloneJson';

const PODS = resolveResourceName('pods')!;

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] };
  spec?: Pod['spec'];
}

export interface PodIdentity {
  /** A fixed name (StatefulSet); otherwise `generateName` makes one. */
  name?: string;
  generateName?: string;
  /** Labels beyond the template's (`pod-template-hash`, `controller-revision-hash`, ...). */
  labels?: Record<string, string>;
  /** Spec fields the controller sets on top of the template (hostname, subdomain, nodeName affinity, ...). */
  spec?: Partial<Pod['spec']>;
}

/** Creates a pod from `template`, owned by `owner`; returns it or the apiserver's error (after the events). */
export function createPodFromTemplate(
  context: ControllerContext,
  controller: string,
  owner: KubeObject,
  template: PodTemplate,
  identity: PodIdentity,
): { ok: true; pod: Pod } | { ok: false; error: ApiError } {
  const metadata = template.metadata ?? {};
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(identity.name
        ? { name: identity.name }
        : { generateName: identity.generateName ?? `${owner.metadata.name}-` }),
      namespace: owner.metadata.namespace,
      labels: { ...metadata.labels, ...identity.labels },
      ...(metadata.annotations ? { annotations: { ...metadata.annotations } } : {}),
      ...(metadata.finalizers ? { finalizers: [...metadata.finalizers] } : {}),
      ownerReferences: [controllerRefTo(owner)],
    },
    spec: { ...cloneJson(template.spec), ...identity.spec },
  };
  const created = context.api.create(pod);
  if (!created.ok) {
    context.events.record(referenceTo(owner), 'Warning', 'FailedCreate', `Error creating: ${created.error.message}`, {
      component: controller,
    });
    return { ok: false, error: created.error };
  }
  const name = created.value.metadata.name ?? '';
  context.events.record(referenceTo(owner), 'Normal', 'SuccessfulCreate', `Created pod: ${name}`, {
    component: controller,
  });
  return { ok: true, pod: created.value as Pod };
}

/** Deletes one of `owner`'s pods (graceful, as the controller's API call is); true when the request succeeded. */
export function deleteControlledPod(
  context: ControllerContext,
  controller: string,
  owner: KubeObject,
  pod: Pod,
): boolean {
  return requestPodDeletion(context, controller, owner, pod).ok;
}

/**
 * `deleteControlledPod` with the apiserver's error kept, for controllers that report it (a ReplicaSet's
 * `ReplicaFailure` condition). A pod already gone counts as deleted, without an event.
 */
export function requestPodDeletion(
  context: ControllerContext,
  controller: string,
  owner: KubeObject,
  pod: Pod,
): { ok: true } | { ok: false; error: ApiError } {
  const deleted = context.api.delete(PODS, pod.metadata.namespace, pod.metadata.name, {
    preconditionUid: pod.metadata.uid,
  });
  if (!deleted.ok) {
    if (deleted.error.reason === 'NotFound') return { ok: true };
    context.events.record(referenceTo(owner), 'Warning', 'FailedDelete', `Error deleting: ${deleted.error.message}`, {
      component: controller,
    });
    return { ok: false, error: deleted.error };
  }
  context.events.record(referenceTo(owner), 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, {
    component: controller,
  });
  return { ok: true };
}
