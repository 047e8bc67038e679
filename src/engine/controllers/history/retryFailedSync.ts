/**
 * The requeue after a failed sync. client-go's default controller rate limiter waits 5 ms after the first failure
 * and doubles per further failure, up to 1000 s. The simulator keeps no failure counter: the failure is written to
 * the decision log (once while it repeats), and the next attempt waits as long as the failure has already lasted,
 * which doubles the same way.
 */
import type { ControllerContext } from '../controller';
import type { Decision } from '../decisionLog';

const RETRY_BASE_MS = 5;
const RETRY_MAX_MS = 1000 * 1000;

/** Logs why the sync failed (`message`, the apiserver's error) and queues `key` again with backoff. */
export function retryFailedSync(
  context: ControllerContext,
  controller: string,
  subject: Decision['object'],
  key: string,
  message: string,
): void {
  context.decisions.recordUnlessRepeated(controller, subject, `sync failed, retrying with backoff: ${message}`);
  const entries = context.decisions.about(subject.kind, subject.namespace, subject.name);
  const since = entries[entries.length - 1]?.time ?? context.runtime.now();
  const failingFor = context.runtime.now() - since;
  context.queue.addAfter(key, Math.min(RETRY_MAX_MS, Math.max(RETRY_BASE_MS, failingFor)));
}
