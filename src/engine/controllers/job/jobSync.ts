/** What one Job sync works with (job_controller.go `syncJobCtx`), passed between the steps of the sync. */
import type { Pod } from '../../api/kinds';
import type { ControllerContext } from '../controller';
import { JOB_CONTROLLER_NAME, type JobCondition, type Job } from './jobTypes';
import type { BackoffRecord } from './podFailureBackoff';

export interface JobSync {
  context: ControllerContext;
  key: string;
  now: number;
  /** A copy of the Job whose status the sync fills in. */
  job: Job;
  /** Every pod the Job controls, finished ones included. */
  pods: Pod[];
  activePods: Pod[];
  /** Succeeded and failed pods, counted or not yet counted. */
  succeeded: number;
  failed: number;
  /** Indexed Jobs: the succeeded indexes counted in status, and those plus the ones not yet counted. */
  previousSucceededIndexes: number[];
  succeededIndexes: number[];
  backoff: BackoffRecord;
  ready: number;
  terminating: number;
  /** The condition the Job is finishing with (interim or terminal), once it is. */
  finished?: JobCondition;
}

/** Records why the controller did something to the Job, once per distinct reason in a row. */
export function explain(sync: JobSync, text: string): void {
  const { metadata } = sync.job;
  sync.context.decisions.recordUnlessRepeated(
    JOB_CONTROLLER_NAME,
    { kind: 'Job', namespace: metadata.namespace, name: metadata.name ?? '', uid: metadata.uid },
    text,
  );
}
