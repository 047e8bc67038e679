/**
 * The Job controller (pkg/controller/job/job_controller.go): runs a Job's pods to completion — as many at once as
 * parallelism allows, replacing failed ones after a back-off until backoffLimit or activeDeadlineSeconds ends the
 * Job — and tracks every finished pod through the `batch.kubernetes.io/job-tracking` finalizer so none is counted
 * twice or lost. podFailurePolicy, successPolicy and backoffLimitPerIndex are not simulated.
 */
import type { Pod } from '../../api/kinds';
import { labelSelectorFromSpec, matchesLabels, type LabelSelectorSpec } from '../../api/selectors/labelSelector';
import type { KubeObject, ResourceType, WatchEvent } from '../../api/types';
import { referenceTo } from '../../events/recorder';
import { formatTimestamp, parseTimestamp } from '../../runtime/time';
import { claimObjects } from '../claimObjects';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../controller';
import { controllerOf } from '../ownerReferences';
import { isPodActive, isPodReady } from '../podConditions';
import { succeededIndexes } from './completionIndexes';
import { ensureJobCondition, newJobCondition } from './jobConditions';
import { hasTrackingFinalizer, isPodFailed, isPodTerminating } from './jobPods';
import { explain, type JobSync } from './jobSync';
import {
  CONDITION,
  JOB_CONTROLLER_NAME,
  JOB_TRACKING_FINALIZER,
  JOBS,
  MESSAGE,
  PODS,
  REASON,
  findCondition,
  isIndexedJob,
  isJobFinished,
  type Job,
  type JobCondition,
} from './jobTypes';
import { SYNC_JOB_BATCH_PERIOD_MS, deleteActivePods, manageJob, removeTrackingFinalizer } from './manageJob';
import { backoffRecordOf } from './podFailureBackoff';
import { trackJobStatus } from './trackJobStatus';

/** Work-queue keys of orphan pods whose tracking finalizer must go (the controller's `orphanQueue`). */
const ORPHAN_POD_PREFIX = 'orphan-pod:';
const JOB_MANAGER = 'kubernetes.io/job-controller';

export const JOB_CONTROLLER: ControllerDefinition = {
  name: JOB_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => keysFor(context, event, resource, previous),
    sync: (key) => (key.startsWith(ORPHAN_POD_PREFIX) ? syncOrphanPod(context, key) : syncJob(context, key)),
  }),
};

/**
 * The event handlers: a Job's own creation, deletion and spec changes sync it at once, status changes and pod
 * changes after the 1 s batching period; pods of a finished or deleted Job lose their finalizer.
 */
function keysFor(
  context: ControllerContext,
  event: WatchEvent,
  resource: ResourceType,
  previous?: KubeObject,
): string[] {
  const object = event.object;
  const { namespace, name } = object.metadata;
  const key = objectKeyOf(namespace, name ?? '');
  if (resource === JOBS) {
    const job = object as Job;
    if (event.type === 'DELETED' || isJobFinished(job))
      orphanPodKeysOf(context, job).forEach((k) => context.queue.add(k));
    if (event.type !== 'MODIFIED' || previous?.metadata.generation !== job.metadata.generation) return [key];
    context.queue.addAfter(key, SYNC_JOB_BATCH_PERIOD_MS);
    return [];
  }
  if (resource !== PODS) return [];
  const pod = object as Pod;
  const ref = controllerOf(pod);
  if (!ref) {
    const keys = hasTrackingFinalizer(pod) && event.type !== 'DELETED' ? [ORPHAN_POD_PREFIX + key] : [];
    // A matching Job may adopt the orphan.
    if (event.type !== 'DELETED') for (const job of jobsSelecting(context, pod)) batch(context, job);
    return keys;
  }
  if (ref.kind !== 'Job') return [];
  const job = context.api.find(JOBS, namespace, ref.name) as Job | undefined;
  if (!job || job.metadata.uid !== ref.uid) return [];
  if (isJobFinished(job)) return hasTrackingFinalizer(pod) && event.type !== 'DELETED' ? [ORPHAN_POD_PREFIX + key] : [];
  batch(context, job);
  return [];
}

/** `enqueueSyncJobBatched`. */
function batch(context: ControllerContext, job: Job): void {
  context.queue.addAfter(objectKeyOf(job.metadata.namespace, job.metadata.name ?? ''), SYNC_JOB_BATCH_PERIOD_MS);
}

/** `cleanupPodFinalizers`: the Job's pods still holding the tracking finalizer. */
function orphanPodKeysOf(context: ControllerContext, job: Job): string[] {
  return (context.api.all(PODS, job.metadata.namespace) as Pod[])
    .filter((pod) => controllerOf(pod)?.uid === job.metadata.uid && hasTrackingFinalizer(pod))
    .map((pod) => ORPHAN_POD_PREFIX + objectKeyOf(pod.metadata.namespace, pod.metadata.name));
}

function selectorOf(job: Job) {
  const selector = labelSelectorFromSpec(job.spec.selector as LabelSelectorSpec | undefined);
  return 'error' in selector ? undefined : selector;
}

function jobsSelecting(context: ControllerContext, pod: Pod): Job[] {
  return (context.api.all(JOBS, pod.metadata.namespace) as Job[]).filter((job) => {
    const selector = selectorOf(job);
    return selector !== undefined && matchesLabels(selector, pod.metadata.labels);
  });
}

/** `syncOrphanPod`: drops the tracking finalizer of a pod no unfinished Job controls. */
function syncOrphanPod(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key.slice(ORPHAN_POD_PREFIX.length));
  const pod = context.api.find(PODS, namespace, name) as Pod | undefined;
  if (!pod) return;
  const ref = controllerOf(pod);
  if (ref) {
    if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
    const job = context.api.find(JOBS, namespace, ref.name) as Job | undefined;
    if (job && job.metadata.uid === ref.uid && !isJobFinished(job)) return;
  }
  removeTrackingFinalizer({ context }, pod);
}

/**
 * `getPodsForJob`: every pod of the namespace the Job owns (finished ones too), after adopting matching orphans —
 * which also get the tracking finalizer — and releasing owned pods that no longer match.
 */
function podsForJob(context: ControllerContext, job: Job): Pod[] {
  const selector = selectorOf(job);
  const all = context.api.all(PODS, job.metadata.namespace) as Pod[];
  const adopted = new Set<string>();
  const claimed = claimObjects(
    context,
    PODS,
    job,
    all,
    (pod) => selector !== undefined && matchesLabels(selector, pod.metadata.labels),
    (pod, change) => {
      if (change === 'adopted') adopted.add(pod.metadata.uid ?? '');
    },
  );
  return claimed.map((pod) => {
    if (!adopted.has(pod.metadata.uid ?? '') || hasTrackingFinalizer(pod)) return pod;
    const next = structuredClone(pod);
    next.metadata.finalizers = [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
    const updated = context.api.update(next);
    return updated.ok ? (updated.value as Pod) : pod;
  });
}

/** `syncJob`. */
function syncJob(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const stored = context.api.find(JOBS, namespace, name) as Job | undefined;
  if (!stored || isJobFinished(stored)) return;
  if (stored.spec.managedBy !== undefined && stored.spec.managedBy !== JOB_MANAGER) return;
  const now = context.runtime.now();
  const job = structuredClone(stored);
  const status = (job.status ??= {});
  status.uncountedTerminatedPods ??= {};
  const pods = podsForJob(context, job);
  const activePods = pods.filter(isPodActive);
  const uncounted = status.uncountedTerminatedPods;
  const counted = (pod: Pod) =>
    !hasTrackingFinalizer(pod) ||
    (uncounted.succeeded ?? []).includes(pod.metadata.uid ?? '') ||
    (uncounted.failed ?? []).includes(pod.metadata.uid ?? '');
  const newSucceeded = pods.filter((p) => !counted(p) && p.status?.phase === 'Succeeded').length;
  const newFailed = pods.filter((p) => !counted(p) && isPodFailed(p, job)).length;
  const suspended = job.spec.suspend === true;
  if (!status.startTime && !suspended) status.startTime = formatTimestamp(now);
  const indexes = isIndexedJob(job) ? succeededIndexes(job, pods) : { previous: [], current: [] };
  const sync: JobSync = {
    context,
    key,
    now,
    job,
    pods,
    activePods,
    succeeded: (status.succeeded ?? 0) + newSucceeded + (uncounted.succeeded?.length ?? 0),
    failed: (status.failed ?? 0) + newFailed + (uncounted.failed?.length ?? 0),
    previousSucceededIndexes: indexes.previous,
    succeededIndexes: indexes.current,
    backoff: backoffRecordOf(job, pods),
    ready: activePods.filter(isPodReady).length,
    terminating: pods.filter(isPodTerminating).length,
  };
  if (isIndexedJob(job)) sync.succeeded = indexes.current.length;
  sync.finished = finishingCondition(sync);

  let active = activePods.length;
  let suspendChanged = false;
  if (sync.finished) {
    const deleted = deleteActivePods(sync, activePods);
    // Not finished yet while a pod could not be deleted.
    if (deleted !== active) sync.finished = undefined;
    active -= deleted;
  } else {
    const manageCalled = job.metadata.deletionTimestamp === undefined;
    if (manageCalled) active = manageJob(sync);
    const completions = job.spec.completions;
    const complete =
      completions === undefined || completions === null
        ? sync.succeeded > 0 && active === 0
        : sync.succeeded >= completions && active === 0;
    if (complete) {
      sync.finished = newJobCondition(
        CONDITION.successCriteriaMet,
        'True',
        REASON.completionsReached,
        MESSAGE.completionsReached,
        now,
      );
    } else if (manageCalled) {
      suspendChanged = updateSuspendCondition(sync);
    }
  }
  const before = stored.status ?? {};
  const needsUpdate =
    suspendChanged ||
    active !== (before.active ?? 0) ||
    sync.ready !== before.ready ||
    sync.terminating !== before.terminating;
  const next = sync.job.status!;
  if (active > 0) next.active = active;
  else delete next.active;
  next.ready = sync.ready;
  next.terminating = sync.terminating;
  trackJobStatus(sync, needsUpdate);
}

/**
 * The condition the Job finishes with, if it does now: an interim one already written, too many failures
 * (failed pods above backoffLimit, or for OnFailure the containers' restarts), or the active deadline passed.
 * Otherwise requeues for the deadline.
 */
function finishingCondition(sync: JobSync): JobCondition | undefined {
  const { job, now } = sync;
  const criteriaMet = findCondition(job, CONDITION.successCriteriaMet);
  if (criteriaMet?.status === 'True') return criteriaMet;
  const target = findCondition(job, CONDITION.failureTarget);
  if (target?.status === 'True')
    return newJobCondition(CONDITION.failed, 'True', target.reason ?? '', target.message ?? '', now);
  const backoffLimit = job.spec.backoffLimit ?? 6;
  if (sync.failed > backoffLimit || pastBackoffLimitOnFailure(job, sync.pods)) {
    explain(
      sync,
      job.spec.template.spec?.restartPolicy === 'OnFailure' && sync.failed <= backoffLimit
        ? `failing: container restarts reached backoffLimit ${backoffLimit}`
        : `failing: ${sync.failed} failed pod(s), more than backoffLimit ${backoffLimit}`,
    );
    return newJobCondition(
      CONDITION.failureTarget,
      'True',
      REASON.backoffLimitExceeded,
      MESSAGE.backoffLimitExceeded,
      now,
    );
  }
  const deadline = job.spec.activeDeadlineSeconds;
  const started = parseTimestamp(job.status?.startTime);
  if (deadline === undefined || deadline === null || started === undefined || job.spec.suspend === true)
    return undefined;
  const left = deadline * 1000 - (now - started);
  if (left <= 0) {
    explain(sync, `failing: active for ${Math.floor((now - started) / 1000)}s, activeDeadlineSeconds is ${deadline}`);
    return newJobCondition(CONDITION.failureTarget, 'True', REASON.deadlineExceeded, MESSAGE.deadlineExceeded, now);
  }
  sync.context.queue.addAfter(sync.key, left);
  return undefined;
}

/**
 * `pastBackoffLimitOnFailure`: with restartPolicy OnFailure, the restarts of the containers of pending and running
 * pods add up to backoffLimit (or to anything when it is 0).
 */
function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec.template.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
    for (const s of [...(pod.status.initContainerStatuses ?? []), ...(pod.status.containerStatuses ?? [])])
      restarts += s.restartCount ?? 0;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** The Suspended condition and its events; resuming restarts the activeDeadlineSeconds clock (startTime). */
function updateSuspendCondition(sync: JobSync): boolean {
  const status = sync.job.status!;
  const conditions = (status.conditions ??= []);
  const record = (reason: string, message: string) =>
    sync.context.events.record(referenceTo(sync.job), 'Normal', reason, message, { component: JOB_CONTROLLER_NAME });
  if (sync.job.spec.suspend === true) {
    if (!ensureJobCondition(conditions, CONDITION.suspended, 'True', REASON.jobSuspended, 'Job suspended', sync.now))
      return false;
    record('Suspended', 'Job suspended');
    return true;
  }
  if (!ensureJobCondition(conditions, CONDITION.suspended, 'False', REASON.jobResumed, 'Job resumed', sync.now))
    return false;
  record('Resumed', 'Job resumed');
  status.startTime = formatTimestamp(sync.now);
  return true;
}
