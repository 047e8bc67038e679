/**
 * job_controller.go:manageJob: keep as many pods running as the Job still needs — parallelism, capped by the
 * completions left (or, without completions, parallelism until a first pod succeeds) — deleting extras, creating
 * the rest in slow-start batches once the pod-failure back-off allows, and deleting everything while suspended.
 */
import type { Pod } from '../../api/kinds';
import type { ApiError } from '../../api/types';
import { isPodReady } from '../podConditions';
import { createPodFromTemplate, requestPodDeletion, type PodTemplate } from '../podControl';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../replicaset/slowStartBatch';
import { firstPendingIndexes, generateNameWithIndex } from './completionIndexes';
import { activePodsForRemoval, isPodTerminating, onlyReplacesFailedPods } from './jobPods';
import { explain, type JobSync } from './jobSync';
import {
  JOB_COMPLETION_INDEX,
  JOB_COMPLETION_INDEX_ENV,
  JOB_CONTROLLER_NAME,
  JOB_TRACKING_FINALIZER,
  PODS,
  isIndexedJob,
  type Job,
} from './jobTypes';
import { backoffDelay, remainingBackoff } from './podFailureBackoff';

/** `MaxPodCreateDeletePerSync`. */
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** `syncJobBatchPeriod`: the shortest delay of a requeue. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;

/** Runs manageJob for one sync; returns the number of active pods to report. */
export function manageJob(sync: JobSync): number {
  const { job } = sync;
  const active = sync.activePods.length;
  if (job.spec.suspend === true) {
    if (active > 0) explain(sync, `suspended: deleting its ${active} active pod(s)`);
    return active - deleteJobPods(sync, activePodsForRemoval(job, sync.activePods, active));
  }
  const parallelism = job.spec.parallelism ?? 1;
  const completions = job.spec.completions;
  let wantActive: number;
  if (completions === undefined || completions === null) {
    // Work-queue mode: once any pod succeeded the Job only waits for the rest to finish.
    wantActive = sync.succeeded > 0 ? active : parallelism;
  } else {
    wantActive = Math.max(0, Math.min(completions - sync.succeeded, parallelism));
  }

  const extra = activePodsForRemoval(job, sync.activePods, Math.max(0, active - wantActive)).slice(
    0,
    MAX_POD_CREATE_DELETE_PER_SYNC,
  );
  if (extra.length > 0) {
    explain(sync, `wants ${wantActive} active, has ${active}: deleting ${extra.length}`);
    // A sync either deletes or creates; deletion wins.
    return active - deleteJobPods(sync, extra);
  }

  const terminating = onlyReplacesFailedPods(job) ? sync.terminating : 0;
  let diff = wantActive - terminating - active;
  if (diff <= 0) return active;
  const remaining = remainingBackoff(sync.backoff, sync.now);
  if (remaining > 0) {
    const failures = sync.backoff.failuresAfterLastSuccess;
    explain(
      sync,
      `${failures} pod failure(s) since the last success: the next pod waits ${backoffDelay(failures) / 1000}s ` +
        'after the latest failure (10s, doubled per failure, at most 10m)',
    );
    sync.context.queue.addAfter(sync.key, Math.max(SYNC_JOB_BATCH_PERIOD_MS, remaining));
    // Kubernetes reports no active pods for this sync (manageJob returns 0 here).
    return 0;
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  let indexes: number[] | undefined;
  if (isIndexedJob(job)) {
    const busy = onlyReplacesFailedPods(job)
      ? [...sync.activePods, ...sync.pods.filter(isPodTerminating)]
      : sync.activePods;
    indexes = firstPendingIndexes(diff, completions ?? 0, sync.succeededIndexes, busy);
    diff = indexes.length;
  }
  const created = createJobPods(sync, diff, indexes);
  const why =
    completions === undefined || completions === null
      ? `parallelism ${parallelism}, no completions set`
      : `min(completions ${completions} − succeeded ${sync.succeeded}, parallelism ${parallelism})`;
  explain(sync, `wants ${wantActive} active (${why}), has ${active}: created ${created} of ${diff}`);
  return active + created;
}

/** Creates `count` pods in slow-start batches; returns how many were created. */
function createJobPods(sync: JobSync, count: number, indexes: number[] | undefined): number {
  const { job } = sync;
  const template = podTemplateOf(job);
  const pending = [...(indexes ?? [])];
  const result = slowStartBatch<ApiError>(count, SLOW_START_INITIAL_BATCH_SIZE, () => {
    const index = pending.shift();
    const podTemplate = index === undefined ? template : indexedTemplate(job, template, index);
    const identity = index === undefined ? {} : { generateName: generateNameWithIndex(job.metadata.name ?? '', index) };
    const created = createPodFromTemplate(sync.context, JOB_CONTROLLER_NAME, job, podTemplate, identity);
    return created.ok ? undefined : created.error;
  });
  return result.successes;
}

/** The Job's template with the tracking finalizer, and for Indexed Jobs the index variable in every container. */
function podTemplateOf(job: Job): PodTemplate {
  const template = structuredClone(job.spec.template) as PodTemplate;
  const metadata = (template.metadata ??= {});
  const finalizers = metadata.finalizers ?? [];
  metadata.finalizers = finalizers.includes(JOB_TRACKING_FINALIZER)
    ? finalizers
    : [...finalizers, JOB_TRACKING_FINALIZER];
  if (isIndexedJob(job) && template.spec) {
    for (const container of [...(template.spec.initContainers ?? []), ...template.spec.containers]) {
      const env = container.env ?? [];
      if (env.some((e) => e.name === JOB_COMPLETION_INDEX_ENV)) continue;
      container.env = [
        ...env,
        {
          name: JOB_COMPLETION_INDEX_ENV,
          valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX}']` } },
        },
      ];
    }
  }
  return template;
}

/** One index's pod: the index as annotation and label (PodIndexLabel), hostname `<job>-<index>`. */
function indexedTemplate(job: Job, template: PodTemplate, index: number): PodTemplate {
  const copy = structuredClone(template);
  const metadata = (copy.metadata ??= {});
  metadata.annotations = { ...metadata.annotations, [JOB_COMPLETION_INDEX]: String(index) };
  metadata.labels = { ...metadata.labels, [JOB_COMPLETION_INDEX]: String(index) };
  if (copy.spec) copy.spec.hostname = `${job.metadata.name ?? ''}-${index}`;
  return copy;
}

/**
 * `deleteJobPods`: removes each pod's tracking finalizer, then deletes it; a deleted pod counts as terminating.
 * Returns how many were deleted.
 */
function deleteJobPods(sync: JobSync, pods: readonly Pod[]): number {
  let removed = 0;
  for (const pod of pods) {
    if (!removeTrackingFinalizer(sync, pod)) continue;
    if (!requestPodDeletion(sync.context, JOB_CONTROLLER_NAME, sync.job, pod).ok) continue;
    removed++;
    sync.terminating++;
    if (isPodReady(pod)) sync.ready--;
  }
  return removed;
}

/**
 * `deleteActivePods`: deletes pods keeping their finalizers (the Job is finishing and still counts them). Returns
 * how many were deleted.
 */
export function deleteActivePods(sync: JobSync, pods: readonly Pod[]): number {
  let removed = 0;
  for (const pod of pods) {
    if (!requestPodDeletion(sync.context, JOB_CONTROLLER_NAME, sync.job, pod).ok) continue;
    removed++;
    sync.terminating++;
    if (isPodReady(pod)) sync.ready--;
  }
  return removed;
}

/**
 * `removeTrackingFinalizerPatch`: drops the finalizer with a patch (a merge patch of the remaining list, so an empty
 * list disappears as Go's omitempty drops it); true when done or not needed.
 */
export function removeTrackingFinalizer(sync: Pick<JobSync, 'context'>, pod: Pod): boolean {
  const current = sync.context.api.find(PODS, pod.metadata.namespace, pod.metadata.name) as Pod | undefined;
  if (!current || current.metadata.uid !== pod.metadata.uid) return true;
  const finalizers = current.metadata.finalizers ?? [];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) return true;
  const rest = finalizers.filter((f) => f !== JOB_TRACKING_FINALIZER);
  const patched = sync.context.api.patch(PODS, pod.metadata.namespace, pod.metadata.name, 'merge', {
    metadata: { finalizers: rest.length > 0 ? rest : null },
  });
  return patched.ok || patched.error.reason === 'NotFound';
}
