/** The CronJob as its controller reads and writes it (k8s.io/api/batch/v1 CronJob). */
import type { ICronJobSpec } from 'kubernetes-models/batch/v1/CronJobSpec';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';

/** An ObjectReference to one of the CronJob's running Jobs. */
export interface JobReference {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
}

export interface CronJobStatus {
  active?: JobReference[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

export type CronJob = KubeObject & { spec: ICronJobSpec; status?: CronJobStatus };

export const CRONJOBS = resolveResourceName('cronjobs.batch')!;
export const CRONJOB_CONTROLLER_NAME = 'cronjob-controller';

/** The annotation that records which scheduled time a Job ran for (`batch.CronJobScheduledTimestampAnnotation`). */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
