/**
 * The Job a CronJob creates for one scheduled time (pkg/controller/cronjob/utils.go: getJobFromTemplate2,
 * getJobName): named after the scheduled time in minutes since the epoch, so the same time can never run twice.
 */
import { controllerRefTo } from '../ownerReferences';
import { SCHEDULED_TIMESTAMP_ANNOTATION, type CronJob } from './cronJobTypes';
import { formatInTimeZone } from './cronSchedule';

/** `getJobName`: `hello-28401721` for 2024-01-01T10:01:00Z. */
export function jobNameFor(cronJob: CronJob, scheduledTime: number): string {
  return `${cronJob.metadata.name ?? ''}-${Math.floor(scheduledTime / 60_000)}`;
}

/**
 * The Job to create: the template's labels, annotations (plus the scheduled time in the CronJob's zone) and spec,
 * controlled by the CronJob. Kubernetes also sends the scheduled time as creationTimestamp; the API server
 * replaces it with the time of creation, so it is left out.
 */
export function jobFromTemplate(cronJob: CronJob, scheduledTime: number): Record<string, unknown> {
  const template = cronJob.spec.jobTemplate;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cronJob, scheduledTime),
      namespace: cronJob.metadata.namespace,
      ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
      annotations: {
        ...template.metadata?.annotations,
        [SCHEDULED_TIMESTAMP_ANNOTATION]: formatInTimeZone(scheduledTime, cronJob.spec.timeZone),
      },
      ownerReferences: [controllerRefTo(cronJob)],
    },
    spec: structuredClone(template.spec),
  };
}
