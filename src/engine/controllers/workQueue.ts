/**
 * A controller's work queue on the engine's runtime: keys wait as keyed tasks, so a key queued twice before its
 * sync runs is synced once (client-go workqueue's dedup), and the queue is plain data in the snapshot.
 */
import type { Runtime } from '../runtime/runtime';
import { TIMING } from '../runtime/timing';

export const SYNC_TASK = 'controller-sync';

export interface SyncPayload {
  controller: string;
  key: string;
}

export class WorkQueue {
  constructor(
    private readonly runtime: Runtime,
    private readonly controller: string,
  ) {}

  /** Queues `key` to sync after the watch-and-pickup delay a real controller has. */
  add(key: string): void {
    this.addAfter(key, TIMING.controllerReactionMs);
  }

  /** Queues `key` to sync `delayMs` from now; an earlier pending sync of the same key wins. */
  addAfter(key: string, delayMs: number): void {
    const payload: SyncPayload = { controller: this.controller, key };
    this.runtime.after(delayMs, SYNC_TASK, payload, `${this.controller}/${key}`);
  }
}
