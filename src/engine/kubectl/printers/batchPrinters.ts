/** Tables of Jobs and CronJobs (`K:pkg/printers/internalversion/printers.go:printJob, printCronJob`). */
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import { humanDuration, translateTimestampSince } from '../format/duration';
import { formatSelectorSpec, layoutContainerCells, printBoolPtr } from './cellFormats';
import { defineColumns, type TablePrinter } from './tablePrinter';

/** `hasJobCondition`: the first condition of that type decides. */
function hasCondition(job: IJob, type: string): boolean {
  const found = (job.status?.conditions ?? []).find((c) => c.type === type);
  return found?.status === 'True';
}

/** STATUS since kubernetes PR 123226 (v1.30). */
function jobStatus(job: IJob): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** `succeeded/completions`; without completions `0/1`, or `0/1 of N` when parallelism is above 1. */
function jobCompletions(job: IJob): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Completion minus start, or the time since the start while running; blank before it starts. */
function jobDuration(job: IJob, nowMs: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return humanDuration((end ? Date.parse(end) : nowMs) - Date.parse(start));
}

export const jobPrinter: TablePrinter = {
  columns: defineColumns('NAME|STATUS|COMPLETIONS|DURATION|AGE|CONTAINERS*|IMAGES*|SELECTOR*'),
  row: (object, nowMs) => {
    const job = object as unknown as IJob;
    return [
      object.metadata.name ?? '',
      jobStatus(job),
      jobCompletions(job),
      jobDuration(job, nowMs),
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
      ...layoutContainerCells(job.spec?.template.spec?.containers),
      formatSelectorSpec(job.spec?.selector),
    ];
  },
};

/** TIMEZONE since kubernetes PR 122231 (v1.30). */
export const cronJobPrinter: TablePrinter = {
  columns: defineColumns('NAME|SCHEDULE|TIMEZONE|SUSPEND|ACTIVE|LAST SCHEDULE|AGE|CONTAINERS*|IMAGES*|SELECTOR*'),
  row: (object, nowMs) => {
    const cj = object as unknown as ICronJob;
    const last = cj.status?.lastScheduleTime;
    const jobSpec = cj.spec?.jobTemplate.spec;
    return [
      object.metadata.name ?? '',
      cj.spec?.schedule ?? '',
      cj.spec?.timeZone ?? '<none>',
      printBoolPtr(cj.spec?.suspend),
      String((cj.status?.active ?? []).length),
      last ? translateTimestampSince(last, nowMs) : '<none>',
      translateTimestampSince(object.metadata.creationTimestamp, nowMs),
      ...layoutContainerCells(jobSpec?.template.spec?.containers),
      formatSelectorSpec(jobSpec?.selector),
    ];
  },
};
