/**
 * controller_utils.go/replica_set.go:slowStartBatch: calls `attempt` `count` times in batches of 1, 2, 4, 8, …
 * (SlowStartInitialBatchSize = 1). Every call of a batch is made (they run in parallel in Kubernetes); if any of
 * them failed, the remaining batches are skipped, so a quota or admission error costs one failed call, not 500.
 */
export interface SlowStartResult<E> {
  successes: number;
  /** The sizes of the batches that ran, e.g. [1, 2, 4]. */
  batches: number[];
  /** The first failure, if a batch failed. */
  error?: E;
}

export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** Runs `attempt` in doubling batches; `attempt` returns an error or undefined. */
export function slowStartBatch<E>(
  count: number,
  initialBatchSize: number,
  attempt: () => E | undefined,
): SlowStartResult<E> {
  const result: SlowStartResult<E> = { successes: 0, batches: [] };
  let remaining = count;
  for (let size = Math.min(remaining, initialBatchSize); size > 0; size = Math.min(2 * size, remaining)) {
    result.batches.push(size);
    let firstError: E | undefined;
    for (let i = 0; i < size; i++) {
      const error = attempt();
      if (error === undefined) result.successes++;
      else firstError ??= error;
    }
    if (firstError !== undefined) {
      result.error = firstError;
      return result;
    }
    remaining -= size;
  }
  return result;
}
