import { createTaskQueue, peekTime, popDue, schedule, type Task, type TaskQueueState } from './taskQueue';
import { nextFloat, seedRandom, type RandomState } from './random';

export interface RuntimeState {
  queue: TaskQueueState;
  random: RandomState;
}

export type TaskHandler = (task: Task) => void;

/**
 * Owns virtual time, the task queue and the seeded random source. Components register a handler per task type
 * once, at construction; the queue holds only data, so the state can be snapshotted at any time.
 */
export class Runtime {
  private readonly handlers = new Map<string, TaskHandler>();

  constructor(readonly state: RuntimeState) {}

  static initialState(seed: number, startTime: number): RuntimeState {
    return { queue: createTaskQueue(startTime), random: seedRandom(seed) };
  }

  /** Virtual milliseconds since the Unix epoch. */
  now(): number {
    return this.state.queue.now;
  }

  /** Seeded uniform [0, 1). */
  random(): number {
    return nextFloat(this.state.random);
  }

  on(type: string, handler: TaskHandler): void {
    if (this.handlers.has(type)) throw new Error(`duplicate handler for task type ${type}`);
    this.handlers.set(type, handler);
  }

  /** Schedules a task `delayMs` from now; keyed tasks are deduplicated (the earliest wins). */
  after(delayMs: number, type: string, payload?: unknown, key?: string): void {
    schedule(this.state.queue, this.now() + Math.max(0, Math.round(delayMs)), type, payload, key);
  }

  /** Schedules a task at an absolute virtual time (clamped to now). */
  at(time: number, type: string, payload?: unknown, key?: string): void {
    schedule(this.state.queue, Math.round(time), type, payload, key);
  }

  /** When the next task is due, if any. */
  nextTaskTime(): number | undefined {
    return peekTime(this.state.queue);
  }

  /** Runs every task due up to `until` in (time, sequence) order, then sets the clock to `until`. */
  runUntil(until: number): number {
    let processed = 0;
    for (let task = popDue(this.state.queue, until); task; task = popDue(this.state.queue, until)) {
      const handler = this.handlers.get(task.type);
      if (!handler) throw new Error(`no handler for task type ${task.type}`);
      handler(task);
      processed++;
    }
    this.state.queue.now = Math.max(this.state.queue.now, until);
    return processed;
  }

  /** Runs the next due task batch (all tasks at the earliest pending time). Returns that time, if any. */
  step(): number | undefined {
    const next = this.nextTaskTime();
    if (next === undefined) return undefined;
    this.runUntil(next);
    return next;
  }
}
