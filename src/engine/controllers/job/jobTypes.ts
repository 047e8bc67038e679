/**
 * The Job as its controllers read it, and the names they write (k8s.io/api/batch/v1 types.go constants; condition
 * reasons of pkg/controller/job).
 */
import type { IJobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';

/** A `JobCondition`; the controller always writes both times. */
export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** `JobStatus`; zero counts are left out as Go's `omitempty` leaves them out, `ready` and `terminating` are not. */
export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  completedIndexes?: string;
  uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
  ready?: number;
}

export type Job = KubeObject & { spec: IJobSpec; status?: JobStatus };

export const JOBS = resolveResourceName('jobs.batch')!;
export const PODS = resolveResourceName('pods')!;
export const JOB_CONTROLLER_NAME = 'job-controller';

/** The finalizer that keeps a finished pod until the controller has counted it (`batch.JobTrackingFinalizer`). */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** Annotation and label of an Indexed Job's pods, and the environment variable that exposes it. */
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const JOB_COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** Condition types (`batch.JobConditionType`). */
export const CONDITION = {
  suspended: 'Suspended',
  complete: 'Complete',
  failed: 'Failed',
  failureTarget: 'FailureTarget',
  successCriteriaMet: 'SuccessCriteriaMet',
} as const;

/** Condition reasons and messages the controller writes, which its events repeat. */
export const REASON = {
  backoffLimitExceeded: 'BackoffLimitExceeded',
  deadlineExceeded: 'DeadlineExceeded',
  completionsReached: 'CompletionsReached',
  jobSuspended: 'JobSuspended',
  jobResumed: 'JobResumed',
} as const;

export const MESSAGE = {
  backoffLimitExceeded: 'Job has reached the specified backoff limit',
  deadlineExceeded: 'Job was active longer than specified deadline',
  completionsReached: 'Reached expected number of succeeded pods',
} as const;

/** Whether a Job is Indexed (`isIndexedJob`). */
export function isIndexedJob(job: Job): boolean {
  return job.spec.completionMode === 'Indexed';
}

/** The first condition of `type`, if any (`findConditionByType`). */
export function findCondition(job: Job, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

/** Complete or Failed, True: the Job is done (`util.FinishedCondition`). */
export function finishedConditionOf(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find(
    (c) => (c.type === CONDITION.complete || c.type === CONDITION.failed) && c.status === 'True',
  );
}

/** Whether the Job has finished, successfully or not (`util.IsJobFinished`). */
export function isJobFinished(job: Job): boolean {
  return finishedConditionOf(job) !== undefined;
}
