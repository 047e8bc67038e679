import { describe, expect, it } from 'vitest';
import { EventCorrelator, createCorrelatorState, type CoreEvent } from './eventCorrelator';
import { LruCache } from './lruCache';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);

function event(message: string, at: number, reason = 'BackOff', name = 'web.1'): CoreEvent {
  const stamp = new Date(Math.floor(at / 1000) * 1000).toISOString().replace('.000Z', 'Z');
  return {
    metadata: { name, namespace: 'default' },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1' },
    reason,
    message,
    source: { component: 'kubelet', host: 'worker1' },
    firstTimestamp: stamp,
    lastTimestamp: stamp,
    count: 1,
    type: 'Warning',
    reportingComponent: 'kubelet',
    reportingInstance: 'worker1',
  };
}

describe('EventCorrelator.correlate (client-go EventCorrelator)', () => {
  it('writes a new event, then counts an exact repeat into the first one, keeping its name and firstTimestamp', () => {
    const correlator = new EventCorrelator(createCorrelatorState());
    const first = correlator.correlate(event('Back-off restarting', T0), T0, () => 'agg');
    expect(first).toEqual({ event: event('Back-off restarting', T0), update: false, skip: false });
    correlator.recordServerState({ ...first.event, metadata: { ...first.event.metadata, resourceVersion: '7' } });

    const repeat = correlator.correlate(
      event('Back-off restarting', T0 + 42_000, 'BackOff', 'web.2'),
      T0 + 42_000,
      () => 'agg',
    );
    expect(repeat.update).toBe(true);
    expect(repeat.event.metadata).toEqual({ name: 'web.1', namespace: 'default', resourceVersion: '7' });
    expect(repeat.event.count).toBe(2);
    expect(repeat.event.firstTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(repeat.event.lastTimestamp).toBe('2026-01-05T09:00:42Z');
  });

  it('keeps events with another message, reason or object apart', () => {
    const correlator = new EventCorrelator(createCorrelatorState());
    correlator.correlate(event('a', T0), T0, () => 'agg');
    expect(correlator.correlate(event('b', T0), T0, () => 'agg').update).toBe(false);
    expect(correlator.correlate(event('a', T0, 'Failed'), T0, () => 'agg').update).toBe(false);
    const other = event('a', T0);
    other.involvedObject = { ...other.involvedObject, fieldPath: 'spec.containers{app}' };
    expect(correlator.correlate(other, T0, () => 'agg').update).toBe(false);
  });

  it('combines the 10th distinct message of the same reason within 10 minutes, and counts later ones into it', () => {
    const correlator = new EventCorrelator(createCorrelatorState());
    for (let i = 1; i <= 9; i++) {
      const result = correlator.correlate(event(`msg ${i}`, T0 + i * 1000), T0 + i * 1000, () => 'agg');
      expect(result.event.message).toBe(`msg ${i}`);
    }
    const tenth = correlator.correlate(event('msg 10', T0 + 10_000), T0 + 10_000, () => 'web.agg1');
    expect(tenth).toEqual({
      update: false,
      skip: false,
      event: {
        metadata: { name: 'web.agg1', namespace: 'default' },
        involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1' },
        reason: 'BackOff',
        message: '(combined from similar events): msg 10',
        source: { component: 'kubelet', host: 'worker1' },
        firstTimestamp: '2026-01-05T09:00:10Z',
        lastTimestamp: '2026-01-05T09:00:10Z',
        count: 1,
        type: 'Warning',
        reportingComponent: '',
        reportingInstance: '',
      },
    });
    const eleventh = correlator.correlate(event('msg 11', T0 + 11_000), T0 + 11_000, () => 'web.agg2');
    expect(eleventh.update).toBe(true);
    expect(eleventh.event.metadata.name).toBe('web.agg1');
    expect(eleventh.event.count).toBe(2);
    expect(eleventh.event.message).toBe('(combined from similar events): msg 11');
    expect(eleventh.event.firstTimestamp).toBe('2026-01-05T09:00:10Z');
    expect(eleventh.event.lastTimestamp).toBe('2026-01-05T09:00:11Z');
  });

  it('starts a new aggregation group once more than 10 minutes passed since the last similar event', () => {
    const correlator = new EventCorrelator(createCorrelatorState());
    for (let i = 1; i <= 9; i++) correlator.correlate(event(`msg ${i}`, T0), T0, () => 'agg');
    const later = T0 + 600_001;
    const result = correlator.correlate(event('msg 10', later), later, () => 'agg');
    expect(result.event.message).toBe('msg 10');
  });

  it('does not combine before 10 distinct messages even when one repeats often', () => {
    const correlator = new EventCorrelator(createCorrelatorState());
    for (let i = 0; i < 20; i++) correlator.correlate(event('same', T0 + i), T0 + i, () => 'agg');
    const result = correlator.correlate(event('same', T0 + 20), T0 + 20, () => 'agg');
    expect(result.event.message).toBe('same');
    expect(result.event.count).toBe(21);
  });

  it('lets a source report 25 events about an object, then one more per 5 minutes (the spam filter)', () => {
    const correlator = new EventCorrelator(createCorrelatorState());
    const skips = Array.from(
      { length: 27 },
      (_, i) => correlator.correlate(event(`m${i % 3}`, T0), T0, () => 'x').skip,
    );
    expect(skips.indexOf(true)).toBe(25);
    expect(correlator.correlate(event('m0', T0 + 299_000), T0 + 299_000, () => 'x').skip).toBe(true);
    expect(correlator.correlate(event('m0', T0 + 300_000), T0 + 300_000, () => 'x').skip).toBe(false);
    expect(correlator.correlate(event('m0', T0 + 300_001), T0 + 300_001, () => 'x').skip).toBe(true);
  });
});

describe('lruCache', () => {
  it('evicts the least recently used entry, where a read counts as a use', () => {
    const entries: Record<string, number> = {};
    const cache = new LruCache(entries, 2);
    cache.add('a', 1);
    cache.add('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.add('c', 3);
    expect(entries).toEqual({ a: 1, c: 3 });
    expect(Object.keys(entries)).toEqual(['a', 'c']);
    expect(cache.get('b')).toBeUndefined();
  });

  it('takes the recency order of existing entries from their key order (a restored snapshot)', () => {
    const entries: Record<string, number> = { x: 1, y: 2, z: 3 };
    const cache = new LruCache(entries, 3);
    expect(cache.oldest()).toBe('x');
    cache.get('x');
    cache.add('w', 4);
    expect(Object.keys(entries)).toEqual(['z', 'x', 'w']);
    expect(cache.oldest()).toBe('z');
  });
});
