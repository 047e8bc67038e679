/**
 * The discrete-event core: a priority queue of tasks ordered by (virtual time, insertion sequence). Tasks are plain
 * data naming a handler by `type`, so the queue is part of the serializable engine state.
 */
export interface Task {
  /** Virtual milliseconds since the Unix epoch. */
  at: number;
  seq: number;
  type: string;
  /** Deduplication key: at most one pending task per key (work-queue semantics). */
  key?: string;
  payload?: unknown;
}

export interface TaskQueueState {
  now: number;
  seq: number;
  heap: Task[];
  /** key → `at` of the pending task with that key. */
  keyed: Record<string, number>;
}

export function createTaskQueue(startTime: number): TaskQueueState {
  return { now: startTime, seq: 0, heap: [], keyed: {} };
}

function before(a: Task, b: Task): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

function siftUp(heap: Task[], index: number): void {
  const task = heap[index]!;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    const p = heap[parent]!;
    if (!before(task, p)) break;
    heap[index] = p;
    index = parent;
  }
  heap[index] = task;
}

function siftDown(heap: Task[], index: number): void {
  const length = heap.length;
  const task = heap[index]!;
  for (;;) {
    const left = 2 * index + 1;
    if (left >= length) break;
    const right = left + 1;
    const child = right < length && before(heap[right]!, heap[left]!) ? right : left;
    if (!before(heap[child]!, task)) break;
    heap[index] = heap[child]!;
    index = child;
  }
  heap[index] = task;
}

/**
 * Schedules a task. With a key, an already pending task with the same key wins if it is due no later (like
 * client-go's workqueue AddAfter, which keeps the earliest); otherwise the new time replaces it.
 */
export function schedule(queue: TaskQueueState, at: number, type: string, payload?: unknown, key?: string): void {
  const due = Math.max(at, queue.now);
  if (key !== undefined) {
    const pending = queue.keyed[key];
    if (pending !== undefined && pending <= due) return;
    queue.keyed[key] = due;
  }
  const task: Task = { at: due, seq: queue.seq++, type };
  if (key !== undefined) task.key = key;
  if (payload !== undefined) task.payload = payload;
  queue.heap.push(task);
  siftUp(queue.heap, queue.heap.length - 1);
}

/** Time of the next live task, or undefined when nothing is pending. */
export function peekTime(queue: TaskQueueState): number | undefined {
  dropStale(queue);
  return queue.heap[0]?.at;
}

/** Removes and returns the next live task if it is due at or before `until`; advances `now` to its time. */
export function popDue(queue: TaskQueueState, until: number): Task | undefined {
  dropStale(queue);
  const top = queue.heap[0];
  if (!top || top.at > until) return undefined;
  const last = queue.heap.pop()!;
  if (queue.heap.length > 0) {
    queue.heap[0] = last;
    siftDown(queue.heap, 0);
  }
  if (top.key !== undefined) delete queue.keyed[top.key];
  queue.now = Math.max(queue.now, top.at);
  return top;
}

/** A keyed task superseded by an earlier one with the same key is dead weight: skip it. */
function dropStale(queue: TaskQueueState): void {
  for (;;) {
    const top = queue.heap[0];
    if (!top || top.key === undefined || queue.keyed[top.key] === top.at) return;
    const last = queue.heap.pop()!;
    if (queue.heap.length > 0) {
      queue.heap[0] = last;
      siftDown(queue.heap, 0);
    }
  }
}
