/**
 * A StatefulSet pod's identity and health (pkg/controller/statefulset/stateful_set_utils.go): its name
 * `<set>-<ordinal>`, hostname and subdomain, identity labels, one PersistentVolumeClaim per volumeClaimTemplate
 * named `<template>-<set>-<ordinal>`, and the revision label saying which template it was made from.
 */
import type { Pod, Volume } from '../../api/kinds';
import type { KubeObject } from '../../api/types';
import { controllerRefTo } from '../ownerReferences';
import { isPodAvailable, isPodReady } from '../podConditions';
import {
  POD_INDEX_LABEL,
  POD_NAME_LABEL,
  REVISION_LABEL,
  partitionOf,
  replicasOf,
  startOrdinalOf,
  type StatefulSet,
} from './statefulSetTypes';

const MAX_INT32 = 2 ** 31 - 1;

/** getParentNameAndOrdinal: `web-2` → `web`, 2; a name without a trailing `-<number>` has ordinal −1. */
export function parentAndOrdinalOf(podName: string): { parent: string; ordinal: number } {
  const match = /^(.*)-([0-9]+)$/.exec(podName);
  if (!match) return { parent: '', ordinal: -1 };
  const ordinal = Number(match[2]);
  return { parent: match[1]!, ordinal: ordinal <= MAX_INT32 ? ordinal : -1 };
}

export function ordinalOf(pod: Pod): number {
  return parentAndOrdinalOf(pod.metadata.name).ordinal;
}

/** isMemberOf: the pod's name says it belongs to the set. */
export function isMemberOf(set: StatefulSet, pod: KubeObject): boolean {
  return parentAndOrdinalOf(pod.metadata.name ?? '').parent === set.metadata.name;
}

export function podNameOf(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** podInOrdinalRange: start ≤ ordinal < start + replicas. */
export function isInOrdinalRange(set: StatefulSet, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  return ordinal >= startOrdinalOf(set) && ordinal < startOrdinalOf(set) + replicasOf(set);
}

/** getPodRevision: the ControllerRevision name in the pod's `controller-revision-hash` label. */
export function revisionOf(pod: Pod): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** isRunningAndReady: phase Running and the Ready condition True. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** isRunningAndAvailable: running, ready, and ready for longer than minReadySeconds. */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return isRunningAndReady(pod) && isPodAvailable(pod, minReadySeconds, now);
}

/** isUnavailable: not running-and-available, or terminating; a pod not created yet is unavailable too. */
export function isUnavailable(pod: Pod | undefined, minReadySeconds: number, now: number): boolean {
  return !pod || !isRunningAndAvailable(pod, minReadySeconds, now) || isTerminating(pod);
}

/** Why a pod is not healthy, in the words a learner reads in `kubectl get pods`. */
export function describeUnhealthy(pod: Pod, minReadySeconds: number, now: number): string {
  const name = pod.metadata.name;
  if (isTerminating(pod)) return `${name} is terminating`;
  const phase = pod.status?.phase ?? 'Pending';
  if (phase !== 'Running') return `${name} is not Running and Ready (phase ${phase})`;
  if (!isPodReady(pod)) return `${name} is not Running and Ready (Running, not Ready)`;
  if (!isPodAvailable(pod, minReadySeconds, now))
    return `${name} is Ready but not yet available (minReadySeconds ${minReadySeconds})`;
  return `${name} is Running and Ready`;
}

type ClaimTemplate = NonNullable<StatefulSet['spec']['volumeClaimTemplates']>[number];

/** getPersistentVolumeClaimName: `<template>-<set>-<ordinal>`. */
export function claimNameOf(set: StatefulSet, template: ClaimTemplate, ordinal: number): string {
  return `${template.metadata?.name ?? ''}-${set.metadata.name}-${ordinal}`;
}

/**
 * getPersistentVolumeClaims: the claims of the pod with `ordinal`, one per template, labelled with the template's
 * labels plus the set's selector matchLabels.
 */
export function claimsOf(set: StatefulSet, ordinal: number): KubeObject[] {
  return (set.spec.volumeClaimTemplates ?? []).map((template) => {
    const claim = structuredClone(template);
    return {
      ...claim,
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...claim.metadata,
        name: claimNameOf(set, template, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...claim.metadata?.labels, ...set.spec.selector.matchLabels },
      },
    };
  });
}

/** The identity labels of the pod with `ordinal` (updateIdentity). */
function identityLabels(set: StatefulSet, ordinal: number): Record<string, string> {
  return { [POD_NAME_LABEL]: podNameOf(set, ordinal), [POD_INDEX_LABEL]: String(ordinal) };
}

/** identityMatches: the name, namespace and identity labels of a member of the set. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parentAndOrdinalOf(pod.metadata.name);
  const labels = pod.metadata.labels ?? {};
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    pod.metadata.namespace === set.metadata.namespace &&
    Object.entries(identityLabels(set, ordinal)).every(([key, value]) => labels[key] === value)
  );
}

/** storageMatches: a volume per claim template, pointing at this ordinal's claim. */
export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  return (set.spec.volumeClaimTemplates ?? []).every((template) => {
    const volume = pod.spec.volumes?.find((v) => v.name === template.metadata?.name);
    return volume?.persistentVolumeClaim?.claimName === claimNameOf(set, template, ordinal);
  });
}

/** updateIdentity: restores the identity labels (hostname and subdomain are only set at creation). */
export function withIdentity(set: StatefulSet, pod: Pod): Pod {
  const next = structuredClone(pod);
  next.metadata.labels = { ...next.metadata.labels, ...identityLabels(set, ordinalOf(pod)) };
  return next;
}

/** updateStorage: the claim volumes first, in template order, then the pod's other volumes. */
export function withStorage(set: StatefulSet, pod: Pod): Pod {
  const next = structuredClone(pod);
  const ordinal = ordinalOf(pod);
  const templates = set.spec.volumeClaimTemplates ?? [];
  const claimVolumes: Volume[] = templates.map((template) => ({
    name: template.metadata?.name ?? '',
    persistentVolumeClaim: { claimName: claimNameOf(set, template, ordinal) },
  }));
  const names = new Set(claimVolumes.map((v) => v.name));
  const others = (next.spec.volumes ?? []).filter((v) => !names.has(v.name));
  const volumes = [...claimVolumes, ...others];
  if (volumes.length > 0) next.spec.volumes = volumes;
  return next;
}

/**
 * newStatefulSetPod: the pod with `ordinal` as `set` (at some revision) describes it — the template's labels,
 * annotations and spec, owned by the set, with its identity (name, labels, hostname, subdomain) and storage.
 * Like every controller-made pod it also carries `generateName: <set>-` (GetPodFromTemplate), unused here.
 */
export function newStatefulSetPod(set: StatefulSet, ordinal: number, revision: string): Pod {
  const template = set.spec.template;
  const name = podNameOf(set, ordinal);
  const metadata = template.metadata ?? {};
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${set.metadata.name}-`,
      name,
      namespace: set.metadata.namespace,
      labels: { ...metadata.labels, ...identityLabels(set, ordinal), [REVISION_LABEL]: revision },
      ...(metadata.annotations ? { annotations: { ...metadata.annotations } } : {}),
      ...(metadata.finalizers ? { finalizers: [...metadata.finalizers] } : {}),
      ownerReferences: [controllerRefTo(set)],
    },
    spec: {
      ...structuredClone(template.spec ?? { containers: [] }),
      // initIdentity: set once, when the pod is created.
      hostname: name,
      ...(set.spec.serviceName ? { subdomain: set.spec.serviceName } : {}),
    },
  };
  return withStorage(set, pod);
}

/**
 * newVersionedStatefulSetPod: ordinals below the RollingUpdate partition are made from the current revision,
 * every other pod (and every pod under OnDelete) from the update revision. A RollingUpdate strategy written without
 * a `rollingUpdate` block has no partition; the first status.currentReplicas ordinals then stay current.
 */
export function newVersionedStatefulSetPod(
  currentSet: StatefulSet,
  updateSet: StatefulSet,
  currentRevision: string,
  updateRevision: string,
  ordinal: number,
): Pod {
  const strategy = currentSet.spec.updateStrategy;
  const start = startOrdinalOf(currentSet);
  const keepsCurrent = strategy?.rollingUpdate
    ? ordinal < start + partitionOf(currentSet)
    : strategy?.type === 'RollingUpdate' && ordinal < start + (currentSet.status?.currentReplicas ?? 0);
  return keepsCurrent
    ? newStatefulSetPod(currentSet, ordinal, currentRevision)
    : newStatefulSetPod(updateSet, ordinal, updateRevision);
}
