import { describe, expect, it } from 'vitest';
import { createTaskQueue, peekTime, popDue, schedule } from './taskQueue';

function drain(queue: ReturnType<typeof createTaskQueue>, until: number): string[] {
  const order: string[] = [];
  for (let task = popDue(queue, until); task; task = popDue(queue, until)) order.push(`${task.at}:${task.type}`);
  return order;
}

describe('task queue', () => {
  it('runs tasks by time, then by insertion order', () => {
    const queue = createTaskQueue(0);
    schedule(queue, 20, 'b');
    schedule(queue, 10, 'a');
    schedule(queue, 20, 'c');
    schedule(queue, 5, 'first');
    expect(drain(queue, 100)).toEqual(['5:first', '10:a', '20:b', '20:c']);
    expect(queue.now).toBe(20);
  });

  it('keeps only the earliest pending task per key, as a work queue does', () => {
    const queue = createTaskQueue(0);
    schedule(queue, 50, 'sync', { n: 1 }, 'pod/a');
    schedule(queue, 30, 'sync', { n: 2 }, 'pod/a');
    schedule(queue, 40, 'sync', { n: 3 }, 'pod/a');
    const task = popDue(queue, 100);
    expect(task?.payload).toEqual({ n: 2 });
    expect(popDue(queue, 100)).toBeUndefined();
  });

  it('lets a key be scheduled again once its task ran', () => {
    const queue = createTaskQueue(0);
    schedule(queue, 10, 'sync', undefined, 'k');
    expect(drain(queue, 10)).toEqual(['10:sync']);
    schedule(queue, 15, 'sync', undefined, 'k');
    expect(peekTime(queue)).toBe(15);
  });

  it('never schedules in the past', () => {
    const queue = createTaskQueue(100);
    schedule(queue, 50, 'late');
    expect(peekTime(queue)).toBe(100);
  });

  it('survives a JSON round-trip mid-run', () => {
    const queue = createTaskQueue(0);
    for (let i = 0; i < 20; i++) schedule(queue, (i * 7) % 13, `t${i}`);
    popDue(queue, 3);
    const copy = JSON.parse(JSON.stringify(queue));
    expect(drain(copy, 100)).toEqual(drain(queue, 100));
  });
});
