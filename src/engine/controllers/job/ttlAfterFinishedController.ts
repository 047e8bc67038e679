/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): deletes a finished Job, with its pods in the
 * foreground, once `ttlSecondsAfterFinished` has passed since its Complete or Failed condition turned True.
 */
import type { KubeObject } from '../../api/types';
import { parseTimestamp } from '../../runtime/time';
import { objectKeyOf, splitObjectKey, type ControllerContext, type ControllerDefinition } from '../controller';
import { JOBS, finishedConditionOf, type Job } from './jobTypes';

export const TTL_AFTER_FINISHED_CONTROLLER_NAME = 'ttl-after-finished-controller';

export const TTL_AFTER_FINISHED_CONTROLLER: ControllerDefinition = {
  name: TTL_AFTER_FINISHED_CONTROLLER_NAME,
  create: (context) => ({
    keysFor: (event, resource) =>
      resource === JOBS && event.type !== 'DELETED' && needsCleanup(event.object)
        ? [objectKeyOf(event.object.metadata.namespace, event.object.metadata.name ?? '')]
        : [],
    sync: (key) => processJob(context, key),
  }),
};

/** `needsCleanup`: finished, with a TTL, and not already being deleted. */
function needsCleanup(object: KubeObject): boolean {
  const job = object as Job;
  const ttl = job.spec?.ttlSecondsAfterFinished;
  return ttl !== undefined && ttl !== null && !job.metadata.deletionTimestamp && finishedConditionOf(job) !== undefined;
}

/** `processJob`: deletes the Job once its TTL has expired, or checks again when it will have. */
function processJob(context: ControllerContext, key: string): void {
  const { namespace, name } = splitObjectKey(key);
  const job = context.api.find(JOBS, namespace, name) as Job | undefined;
  if (!job || !needsCleanup(job)) return;
  const finishedAt = parseTimestamp(finishedConditionOf(job)?.lastTransitionTime);
  if (finishedAt === undefined) return;
  const now = context.runtime.now();
  const expireAt = finishedAt + (job.spec.ttlSecondsAfterFinished ?? 0) * 1000;
  if (expireAt > now) {
    context.queue.addAfter(key, expireAt - now);
    return;
  }
  const deleted = context.api.delete(JOBS, namespace, name, {
    propagationPolicy: 'Foreground',
    preconditionUid: job.metadata.uid,
  });
  if (!deleted.ok) return;
  context.decisions.record(
    TTL_AFTER_FINISHED_CONTROLLER_NAME,
    { kind: 'Job', namespace, name, uid: job.metadata.uid },
    `deleted the Job (foreground): finished ${Math.round((now - finishedAt) / 1000)}s ago, ` +
      `ttlSecondsAfterFinished is ${job.spec.ttlSecondsAfterFinished}`,
  );
}
