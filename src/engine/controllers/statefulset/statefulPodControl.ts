/**
 * The StatefulSet controller's writes and their events (pkg/controller/statefulset/stateful_pod_control.go):
 * claims are created before their pod, and every pod and claim write is reported on the StatefulSet as
 * `SuccessfulCreate` "create Pod web-0 in StatefulSet web successful", `SuccessfulCreate` "create Claim www-web-0
 * Pod web-0 in StatefulSet web success", `SuccessfulDelete`, `SuccessfulUpdate`, or `Failed<Verb>` with the error.
 *
 * Claims are created Pending; the PV controller binds them (or has them provisioned) and the scheduler binds the pod
 * once they are bound. They outlive their pods, so a pod recreated for the same ordinal mounts the same volume.
 */
import type { Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { referenceTo } from '../../events/recorder';
import type { ControllerContext } from '../controller';
import { claimsOf, identityMatches, ordinalOf, storageMatches, withIdentity, withStorage } from './statefulSetPods';
import { STATEFUL_SET_CONTROLLER_NAME, decisionSubject, type StatefulSet } from './statefulSetTypes';

const PODS = resolveResourceName('pods')!;
const CLAIMS = resolveResourceName('persistentvolumeclaims')!;

type Verb = 'create' | 'update' | 'delete';

/** A failed write, as the error text the events and the retry carry. */
export interface PodControlError {
  message: string;
}

const TITLE: Record<Verb, string> = { create: 'Create', update: 'Update', delete: 'Delete' };

/** recordPodEvent. */
function recordPodEvent(
  context: ControllerContext,
  set: StatefulSet,
  verb: Verb,
  pod: Pod,
  error?: PodControlError,
): void {
  const name = set.metadata.name ?? '';
  const source = { component: STATEFUL_SET_CONTROLLER_NAME };
  if (!error) {
    const message = `${verb} Pod ${pod.metadata.name} in StatefulSet ${name} successful`;
    context.events.record(referenceTo(set), 'Normal', `Successful${TITLE[verb]}`, message, source);
    return;
  }
  const message = `${verb} Pod ${pod.metadata.name} in StatefulSet ${name} failed error: ${error.message}`;
  context.events.record(referenceTo(set), 'Warning', `Failed${TITLE[verb]}`, message, source);
}

/** recordClaimEvent (only `create` is used). */
function recordClaimEvent(
  context: ControllerContext,
  set: StatefulSet,
  pod: Pod,
  claim: KubeObject,
  error?: PodControlError,
): void {
  const [claimName, podName, setName] = [claim.metadata.name, pod.metadata.name, set.metadata.name];
  const source = { component: STATEFUL_SET_CONTROLLER_NAME };
  if (!error) {
    const message = `create Claim ${claimName} Pod ${podName} in StatefulSet ${setName} success`;
    context.events.record(referenceTo(set), 'Normal', 'SuccessfulCreate', message, source);
    return;
  }
  const message = `create Claim ${claimName} for Pod ${podName} in StatefulSet ${setName} failed error: ${error.message}`;
  context.events.record(referenceTo(set), 'Warning', 'FailedCreate', message, source);
}

/** utilerrors.NewAggregate's message: one error as is, several as `[a, b]`. */
function aggregate(messages: string[]): PodControlError | undefined {
  if (messages.length === 0) return undefined;
  return { message: messages.length === 1 ? messages[0]! : `[${messages.join(', ')}]` };
}

/**
 * createPersistentVolumeClaims: creates each of the pod's claims that does not exist; a claim being deleted is an
 * error (the pod must wait until it is gone and can be created again).
 */
export function createMissingClaims(
  context: ControllerContext,
  set: StatefulSet,
  pod: Pod,
): PodControlError | undefined {
  const failures: string[] = [];
  for (const claim of claimsOf(set, ordinalOf(pod))) {
    const name = claim.metadata.name ?? '';
    const existing = context.api.find(CLAIMS, claim.metadata.namespace, name);
    if (existing) {
      if (existing.metadata.deletionTimestamp) failures.push(`pvc ${name} is being deleted`);
      continue;
    }
    const created = context.api.create(claim);
    if (created.ok) {
      recordClaimEvent(context, set, pod, claim);
      context.decisions.record(
        STATEFUL_SET_CONTROLLER_NAME,
        decisionSubject(set),
        `created PersistentVolumeClaim ${name} for ${pod.metadata.name} before the pod itself; it is kept when the ` +
          `pod is deleted or the set scales down, and ${pod.metadata.name} gets it back whenever it is recreated`,
      );
      continue;
    }
    failures.push(`failed to create PVC ${name}: ${created.error.message}`);
    if (created.error.reason !== 'AlreadyExists') recordClaimEvent(context, set, pod, claim, created.error);
  }
  return aggregate(failures);
}

/** CreateStatefulPod: the claims first, then the pod; an AlreadyExists pod is an error without an event. */
export function createStatefulPod(context: ControllerContext, set: StatefulSet, pod: Pod): PodControlError | undefined {
  const claimError = createMissingClaims(context, set, pod);
  if (claimError) {
    recordPodEvent(context, set, 'create', pod, claimError);
    return claimError;
  }
  const created = context.api.create(pod);
  if (!created.ok && created.error.reason === 'AlreadyExists') return created.error;
  recordPodEvent(context, set, 'create', pod, created.ok ? undefined : created.error);
  return created.ok ? undefined : created.error;
}

/**
 * UpdateStatefulPod: puts back a pod's identity labels and claim volumes when they drifted (someone removed the
 * `statefulset.kubernetes.io/pod-name` label, say); nothing is written when both match.
 */
export function updateStatefulPod(context: ControllerContext, set: StatefulSet, pod: Pod): PodControlError | undefined {
  let next = pod;
  if (!identityMatches(set, next)) next = withIdentity(set, next);
  if (!storageMatches(set, next)) {
    next = withStorage(set, next);
    const claimError = createMissingClaims(context, set, next);
    if (claimError) {
      recordPodEvent(context, set, 'update', pod, claimError);
      return claimError;
    }
  }
  if (next === pod) return undefined;
  const updated = context.api.update(next);
  const error = updated.ok ? undefined : updated.error;
  recordPodEvent(context, set, 'update', pod, error);
  return error;
}

/** DeleteStatefulPod: a plain (graceful) delete; the claims stay. */
export function deleteStatefulPod(context: ControllerContext, set: StatefulSet, pod: Pod): PodControlError | undefined {
  const deleted = context.api.delete(PODS, pod.metadata.namespace, pod.metadata.name);
  const error = deleted.ok ? undefined : deleted.error;
  recordPodEvent(context, set, 'delete', pod, error);
  return error;
}
