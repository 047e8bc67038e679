/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go): at each scheduled time it creates a Job
 * from the template — unless suspended, too late for startingDeadlineSeconds, or a previous Job still runs under
 * concurrencyPolicy Forbid (Replace deletes it first) — keeps `status.active`, `lastScheduleTime` and
 * `lastSuccessfulTime`, and deletes the oldest finished Jobs beyond the history limits.
 */
import type { KubeObject, ResourceType, WatchEvent } from '../../api/types';
import { referenceTo } from '../../events/recorder';
import { formatTimestamp, parseTimestamp } from '../../runtime/time';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../controller';
import { controllerOf } from '../ownerReferences';
import { CONDITION, JOBS, finishedConditionOf, type Job } from '../job/jobTypes';
import { CRONJOB_CONTROLLER_NAME, CRONJOBS, type CronJob, type JobReference } from './cronJobTypes';
import { parseCronSchedule, type CronSchedule } from './cronSchedule';
import { jobFromTemplate, jobNameFor } from './jobFromTemplate';
import { mostRecentScheduleTime, nextScheduleDelay } from './scheduleTimes';

/** Retry after a failed API call (Kubernetes backs off from 5 ms; the simulator keeps no retry counter). */
const RETRY_MS = 1000;

export const CRONJOB_CONTROLLER: ControllerDefinition = {
  name: CRONJOB_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource, previous) => keysFor(context, event, resource, previous),
    sync: (key) => syncKey(context, key),
  }),
};

/**
 * The event handlers: a CronJob's own changes (a new schedule or zone waits for its next time), and Jobs through
 * their controller reference (the old one too when it changed).
 */
function keysFor(
  context: ControllerContext,
  event: WatchEvent,
  resource: ResourceType,
  previous?: KubeObject,
): string[] {
  const { namespace, name } = event.object.metadata;
  if (resource === CRONJOBS) {
    const key = objectKeyOf(namespace, name ?? '');
    const cronJob = event.object as CronJob;
    const before = previous as CronJob | undefined;
    if (event.type !== 'MODIFIED' || !before) return [key];
    if (before.spec.schedule === cronJob.spec.schedule && before.spec.timeZone === cronJob.spec.timeZone) return [key];
    const parsed = parseCronSchedule(cronJob.spec.schedule, cronJob.spec.timeZone);
    if (!parsed.ok) {
      record(
        context,
        cronJob,
        'Warning',
        'UnParseableCronJobSchedule',
        `unparseable schedule for cronjob: ${cronJob.spec.schedule}`,
      );
      return [];
    }
    const delay = nextScheduleDelay(cronJob, context.runtime.now(), parsed.schedule);
    if (delay !== undefined) context.queue.addAfter(key, delay);
    return [];
  }
  if (resource !== JOBS) return [];
  const keys: string[] = [];
  for (const job of [event.object, previous]) {
    const ref = job && controllerOf(job);
    if (ref?.kind !== 'CronJob') continue;
    const owner = context.api.find(CRONJOBS, namespace, ref.name);
    if (owner?.metadata.uid === ref.uid) keys.push(objectKeyOf(namespace, ref.name));
  }
  return keys;
}

function record(
  context: ControllerContext,
  cronJob: CronJob,
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
) {
  context.events.record(referenceTo(cronJob), type, reason, message, { component: CRONJOB_CONTROLLER_NAME });
}

function explain(context: ControllerContext, cronJob: CronJob, text: string): void {
  const { metadata } = cronJob;
  context.decisions.recordUnlessRepeated(
    CRONJOB_CONTROLLER_NAME,
    { kind: 'CronJob', namespace: metadata.namespace, name: metadata.name ?? '', uid: metadata.uid },
    text,
  );
}

/** `sync`: history cleanup, then the schedule, then one status write; requeues for the next scheduled time. */
function syncKey(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const stored = context.api.find(CRONJOBS, namespace, name) as CronJob | undefined;
  if (!stored) return;
  // `getJobsToBeReconciled`: the Jobs whose controller reference carries this CronJob's name.
  const jobs = (context.api.all(JOBS, namespace) as Job[]).filter((job) => controllerOf(job)?.name === name);
  const cronJob = structuredClone(stored);
  cronJob.status ??= {};
  const cleaned = cleanupFinishedJobs(context, cronJob, jobs);
  const { requeueAfter, updateStatus } = syncCronJob(context, cronJob, jobs);
  if (cleaned || updateStatus) {
    if (cronJob.status.active?.length === 0) delete cronJob.status.active;
    if (!context.api.updateStatus(cronJob).ok) {
      context.queue.addAfter(key, RETRY_MS);
      return;
    }
  }
  if (requeueAfter !== undefined) context.queue.addAfter(key, requeueAfter);
}

interface SyncResult {
  requeueAfter?: number;
  updateStatus: boolean;
}

/** `syncCronJob`. */
function syncCronJob(context: ControllerContext, cronJob: CronJob, jobs: readonly Job[]): SyncResult {
  const now = context.runtime.now();
  const status = cronJob.status!;
  let updateStatus = false;
  const children = new Set<string>();
  for (const job of jobs) {
    const uid = job.metadata.uid ?? '';
    children.add(uid);
    const active = isActive(cronJob, uid);
    const finished = finishedConditionOf(job);
    if (!active && !finished) {
      record(
        context,
        cronJob,
        'Warning',
        'UnexpectedJob',
        `Saw a job that the controller did not create or forgot: ${job.metadata.name}`,
      );
    } else if (finished) {
      if (active) {
        removeFromActive(cronJob, uid);
        record(
          context,
          cronJob,
          'Normal',
          'SawCompletedJob',
          `Saw completed job: ${job.metadata.name}, condition: ${finished.type}`,
        );
        updateStatus = true;
      }
      const completed = parseTimestamp(job.status?.completionTime);
      if (finished.type === CONDITION.complete && completed !== undefined) {
        const last = parseTimestamp(status.lastSuccessfulTime);
        if (last === undefined || completed > last) {
          status.lastSuccessfulTime = job.status!.completionTime;
          updateStatus = true;
        }
      }
    }
  }
  // Active Jobs that no longer exist.
  for (const ref of [...(status.active ?? [])]) {
    if (children.has(ref.uid ?? '') || context.api.find(JOBS, ref.namespace, ref.name)) continue;
    record(context, cronJob, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    removeFromActive(cronJob, ref.uid ?? '');
    updateStatus = true;
  }

  if (cronJob.metadata.deletionTimestamp) return { updateStatus };
  if (cronJob.spec.suspend === true) {
    explain(context, cronJob, 'suspended: no Job is started (missed times count once it resumes)');
    return { updateStatus };
  }
  const parsed = parseCronSchedule(cronJob.spec.schedule, cronJob.spec.timeZone);
  if (!parsed.ok) {
    record(
      context,
      cronJob,
      'Warning',
      'UnparseableSchedule',
      `unparseable schedule: "${cronJob.spec.schedule}" : ${parsed.error}`,
    );
    return { updateStatus };
  }
  const schedule = parsed.schedule;
  const requeue = () => nextScheduleDelay(cronJob, now, schedule);

  // `nextScheduleTime`.
  const recent = mostRecentScheduleTime(cronJob, now, schedule, true);
  if (recent.error) {
    record(
      context,
      cronJob,
      'Warning',
      'InvalidSchedule',
      `invalid schedule: ${cronJob.spec.schedule} : ${recent.error}`,
    );
    return { updateStatus };
  }
  if (recent.mostRecent === undefined) {
    explainMissedDeadline(context, cronJob, now, schedule);
    return { requeueAfter: requeue(), updateStatus };
  }
  const scheduledTime = recent.mostRecent;
  if (recent.missed === 'many') {
    record(
      context,
      cronJob,
      'Warning',
      'TooManyMissedTimes',
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    );
  }

  const jobName = jobNameFor(cronJob, scheduledTime);
  if (
    (status.active ?? []).some((ref) => ref.name === jobName) ||
    parseTimestamp(status.lastScheduleTime) === scheduledTime
  )
    return { requeueAfter: requeue(), updateStatus };
  const policy = cronJob.spec.concurrencyPolicy ?? 'Allow';
  if (policy === 'Forbid' && (status.active ?? []).length > 0) {
    record(
      context,
      cronJob,
      'Normal',
      'JobAlreadyActive',
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    );
    explain(
      context,
      cronJob,
      `skipped ${formatTimestamp(scheduledTime)}: concurrencyPolicy Forbid and a Job still runs`,
    );
    return { requeueAfter: requeue(), updateStatus };
  }
  if (policy === 'Replace') {
    for (const ref of [...(status.active ?? [])]) {
      const job = context.api.find(JOBS, ref.namespace, ref.name) as Job | undefined;
      if (!job) {
        record(context, cronJob, 'Warning', 'FailedGet', `Get job: jobs.batch "${ref.name}" not found`);
        return { updateStatus, requeueAfter: RETRY_MS };
      }
      if (!deleteJob(context, cronJob, job)) return { updateStatus, requeueAfter: RETRY_MS };
      updateStatus = true;
    }
  }

  const created = context.api.create(jobFromTemplate(cronJob, scheduledTime));
  let job: Job;
  if (created.ok) {
    job = created.value as Job;
    record(context, cronJob, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
    explain(
      context,
      cronJob,
      `created Job ${job.metadata.name} for ${formatTimestamp(scheduledTime)} (concurrencyPolicy ${policy})`,
    );
  } else if (created.error.reason === 'AlreadyExists') {
    // Created in an earlier sync whose status write was lost: take it into the active list again.
    const existing = context.api.find(JOBS, cronJob.metadata.namespace, jobName) as Job | undefined;
    if (
      !existing ||
      controllerOf(existing)?.uid !== cronJob.metadata.uid ||
      isActive(cronJob, existing.metadata.uid ?? '')
    )
      return { updateStatus };
    job = existing;
  } else {
    // A terminating namespace refuses every Job: nothing to report.
    if (created.error.code !== 403)
      record(context, cronJob, 'Warning', 'FailedCreate', `Error creating job: ${created.error.message}`);
    return { updateStatus, requeueAfter: RETRY_MS };
  }
  status.active = [...(status.active ?? []), referenceOf(job)];
  status.lastScheduleTime = formatTimestamp(scheduledTime);
  return { requeueAfter: requeue(), updateStatus: true };
}

/**
 * A scheduled time older than startingDeadlineSeconds is never considered (mostRecentScheduleTime starts from
 * `now − startingDeadlineSeconds`), so Kubernetes skips it silently: its `MissSchedule` event cannot be raised
 * (kubernetes#111223). The decision log says what happened.
 */
function explainMissedDeadline(
  context: ControllerContext,
  cronJob: CronJob,
  now: number,
  schedule: CronSchedule,
): void {
  const deadline = cronJob.spec.startingDeadlineSeconds;
  if (deadline === undefined || deadline === null) return;
  const missed = mostRecentScheduleTime(cronJob, now, schedule, false).mostRecent;
  if (missed === undefined) return;
  explain(
    context,
    cronJob,
    `did not start a Job for ${formatTimestamp(missed)}: it is more than startingDeadlineSeconds (${deadline}s) ago`,
  );
}

/**
 * `cleanupFinishedJobs`: beyond successfulJobsHistoryLimit Complete and failedJobsHistoryLimit Failed Jobs, the
 * oldest (by start time, then name) are deleted.
 */
function cleanupFinishedJobs(context: ControllerContext, cronJob: CronJob, jobs: readonly Job[]): boolean {
  const successLimit = cronJob.spec.successfulJobsHistoryLimit;
  const failedLimit = cronJob.spec.failedJobsHistoryLimit;
  let updated = false;
  for (const [type, limit] of [
    [CONDITION.complete, successLimit],
    [CONDITION.failed, failedLimit],
  ] as const) {
    if (limit === undefined || limit === null) continue;
    const finished = jobs.filter((job) => finishedConditionOf(job)?.type === type).sort(byStartTime);
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) {
      if (deleteJob(context, cronJob, job)) updated = true;
    }
  }
  return updated;
}

/** `byJobStartTime`: started before not started, earlier first, then by name. */
function byStartTime(a: Job, b: Job): number {
  const startA = parseTimestamp(a.status?.startTime);
  const startB = parseTimestamp(b.status?.startTime);
  if (startA === undefined || startB === undefined) {
    if (startA !== startB) return startA === undefined ? 1 : -1;
  } else if (startA !== startB) return startA - startB;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** `deleteJob`: the Job with its pods (Background), and its place in the active list. */
function deleteJob(context: ControllerContext, cronJob: CronJob, job: Job): boolean {
  const deleted = context.api.delete(JOBS, job.metadata.namespace, job.metadata.name ?? '', {
    propagationPolicy: 'Background',
  });
  if (!deleted.ok) {
    record(context, cronJob, 'Warning', 'FailedDelete', `Deleted job: ${deleted.error.message}`);
    return false;
  }
  removeFromActive(cronJob, job.metadata.uid ?? '');
  record(context, cronJob, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  return true;
}

function isActive(cronJob: CronJob, uid: string): boolean {
  return (cronJob.status?.active ?? []).some((ref) => ref.uid === uid);
}

function removeFromActive(cronJob: CronJob, uid: string): void {
  const status = (cronJob.status ??= {});
  status.active = (status.active ?? []).filter((ref) => ref.uid !== uid);
}

/** `reference.GetReference` of a Job. */
function referenceOf(job: Job): JobReference {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name ?? '',
    namespace: job.metadata.namespace,
    uid: job.metadata.uid,
    resourceVersion: job.metadata.resourceVersion,
  };
}
