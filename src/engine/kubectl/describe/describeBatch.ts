/** `kubectl describe` for Jobs and CronJobs (`KC:pkg/describe/describe.go:describeJob, describeCronJob`). */
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IIoK8sApiBatchV1JobTemplateSpec as JobTemplateSpec } from 'kubernetes-models/batch/v1/JobTemplateSpec';
import { humanDuration } from '../format/duration';
import { printBoolPtr, selectorString } from '../printers/cellFormats';
import {
  controlledBy,
  describeEvents,
  formatRfc1123z,
  printAnnotationsMultiline,
  printLabelsMultiline,
} from './describeHelpers';
import type { DescribeInput } from './describeInput';
import { describePodTemplate } from './podTemplate';
import { LEVEL_0, PrefixWriter } from './prefixWriter';

const isSet = <T>(value: T | undefined | null): value is T => value !== undefined && value !== null;

/** `capIndexesListOrNone`: the completed indexes cut after the first comma past 50 characters. */
function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return '<none>';
  const comma = indexes.indexOf(',', softLimit);
  return comma < 0 ? indexes : `${indexes.slice(0, comma + 1)}...`;
}

export function describeJob(input: DescribeInput): string {
  const { object } = input;
  const job = object as unknown as IJob;
  const spec = job.spec;
  const status = job.status ?? {};
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  const controller = controlledBy(object);
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller}\n`);
  if (isSet(spec?.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(LEVEL_0, `Completions:\t${isSet(spec?.completions) ? spec.completions : '<unset>'}\n`);
  if (isSet(spec?.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (isSet(spec?.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (isSet(spec?.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (isSet(spec?.ttlSecondsAfterFinished)) {
    w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  }
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${formatRfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) {
    const took = Date.parse(status.completionTime) - Date.parse(status.startTime);
    w.write(LEVEL_0, `Duration:\t${humanDuration(took)}\n`);
  }
  if (isSet(spec?.activeDeadlineSeconds)) {
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  }
  const active = `${status.active ?? 0} Active${isSet(status.ready) ? ` (${status.ready} Ready)` : ''}`;
  w.write(LEVEL_0, `Pods Statuses:\t${active} / ${status.succeeded ?? 0} Succeeded / ${status.failed ?? 0} Failed\n`);
  if (spec?.completionMode === 'Indexed') {
    w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes)}\n`);
  }
  describePodTemplate(w, spec?.template);
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}

/** `describeJobTemplate`. */
function describeJobTemplate(w: PrefixWriter, template: JobTemplateSpec | undefined): void {
  const spec = template?.spec;
  w.write(LEVEL_0, `Selector:\t${spec?.selector ? selectorString(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${isSet(spec?.parallelism) ? spec.parallelism : '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${isSet(spec?.completions) ? spec.completions : '<unset>'}\n`);
  if (isSet(spec?.activeDeadlineSeconds)) {
    w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  }
  describePodTemplate(w, spec?.template);
}

export function describeCronJob(input: DescribeInput): string {
  const { object } = input;
  const cj = object as unknown as ICronJob;
  const spec = cj.spec;
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${object.metadata.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${object.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', object.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', object.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
  w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`);
  const limit = (value: number | undefined | null) => (isSet(value) ? String(value) : '<unset>');
  w.write(LEVEL_0, `Successful Job History Limit:\t${limit(spec?.successfulJobsHistoryLimit)}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${limit(spec?.failedJobsHistoryLimit)}\n`);
  const deadline = spec?.startingDeadlineSeconds;
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${isSet(deadline) ? `${deadline}s` : '<unset>'}\n`);
  describeJobTemplate(w, spec?.jobTemplate);
  const last = cj.status?.lastScheduleTime;
  w.write(LEVEL_0, `Last Schedule Time:\t${last ? formatRfc1123z(last) : '<unset>'}\n`);
  const active = (cj.status?.active ?? []).map((j) => j.name ?? '');
  w.write(LEVEL_0, `Active Jobs:\t`);
  w.writeLine(active.length > 0 ? active.join(', ') : '<none>');
  describeEvents(w, input.events, input.nowMs);
  return w.text();
}
