/**
 * client-go's EventCorrelator (tools/record/events_cache.go), which every core/v1 event recorder runs before it
 * writes: it aggregates events that differ only in their message and counts exact repeats into one object. The
 * caches are plain data in the engine state. Its third stage is the spam filter: a source may report 25 events about
 * one object, then one more every 5 minutes — which is why a long probe failure's later events can go missing on a
 * real cluster too (kubernetes issue 67887).
 */
import { LruCache, type LruEntries } from './lruCache';

/** A core/v1 Event as the recorder builds it (the fields the correlator reads and writes). */
export interface CoreEvent {
  metadata: { name: string; namespace: string; resourceVersion?: string };
  involvedObject: {
    apiVersion: string;
    kind: string;
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    fieldPath?: string;
  };
  reason: string;
  message: string;
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: string;
  reportingComponent: string;
  reportingInstance: string;
}

interface AggregateRecord {
  /** Distinct messages seen, oldest first. */
  localKeys: string[];
  /** Virtual ms of the last similar event. */
  last: number;
}

interface EventLog {
  count: number;
  firstTimestamp: string;
  name: string;
  resourceVersion: string;
}

/** A token bucket (golang.org/x/time/rate, as flowcontrol's token-bucket limiter uses it). */
interface SpamRecord {
  tokens: number;
  /** Virtual ms of the last refill. */
  last: number;
}

export interface CorrelatorState {
  aggregates: LruEntries<AggregateRecord>;
  observations: LruEntries<EventLog>;
  spam: LruEntries<SpamRecord>;
}

// events_cache.go constants.
const MAX_LRU_CACHE_ENTRIES = 4096;
const AGGREGATE_MAX_EVENTS = 10;
const AGGREGATE_INTERVAL_MS = 600_000;
const SPAM_BURST = 25;
const SPAM_REFILL_PER_MS = 1 / 300_000;

export function createCorrelatorState(): CorrelatorState {
  return { aggregates: {}, observations: {}, spam: {} };
}

// The Go keys join their parts with an empty separator; so do these.
function eventKey(event: CoreEvent): string {
  const o = event.involvedObject;
  return [
    event.source.component,
    event.source.host ?? '',
    o.kind,
    o.namespace ?? '',
    o.name,
    o.fieldPath ?? '',
    o.uid ?? '',
    o.apiVersion,
    event.type,
    event.reason,
    event.message,
  ].join('');
}

/** getSpamKey: the source and the object, whatever the event says. */
function spamKey(event: CoreEvent): string {
  const o = event.involvedObject;
  return [
    event.source.component,
    event.source.host ?? '',
    o.kind,
    o.namespace ?? '',
    o.name,
    o.uid ?? '',
    o.apiVersion,
  ].join('');
}

/** EventAggregatorByReasonFunc: the group is everything but the message. */
function aggregateKey(event: CoreEvent): string {
  const o = event.involvedObject;
  return [
    event.source.component,
    event.source.host ?? '',
    o.kind,
    o.namespace ?? '',
    o.name,
    o.uid ?? '',
    o.apiVersion,
    event.type,
    event.reason,
    event.reportingComponent,
    event.reportingInstance,
  ].join('');
}

/** What to write for an event: a new object, or an update (count > 1) of the one first written. */
export interface Correlation {
  event: CoreEvent;
  update: boolean;
  /** Dropped by the spam filter: nothing is written (the repeat count still grew). */
  skip: boolean;
}

/** The correlator of one recorder, over its caches in the engine state. */
export class EventCorrelator {
  private readonly aggregates: LruCache<AggregateRecord>;
  private readonly observations: LruCache<EventLog>;
  private readonly spam: LruCache<SpamRecord>;

  constructor(state: CorrelatorState) {
    this.aggregates = new LruCache(state.aggregates, MAX_LRU_CACHE_ENTRIES);
    this.observations = new LruCache(state.observations, MAX_LRU_CACHE_ENTRIES);
    this.spam = new LruCache(state.spam, MAX_LRU_CACHE_ENTRIES);
  }

  /**
   * EventCorrelate: aggregate, observe, then filter spam. `now` is virtual ms; `nameNow` names a new aggregate
   * event (`<object>.<UnixNano hex>`) at the moment the aggregator reads its clock.
   */
  correlate(incoming: CoreEvent, now: number, nameNow: () => string): Correlation {
    const { event, cacheKey } = this.aggregate(incoming, now, nameNow);
    const observed = this.observe(event, cacheKey);
    return { event: observed, update: observed.count > 1, skip: this.isSpam(observed, now) };
  }

  /** UpdateState: remember what the server stored, under the stored event's own key. */
  recordServerState(stored: CoreEvent): void {
    this.observations.add(eventKey(stored), {
      count: stored.count,
      firstTimestamp: stored.firstTimestamp,
      name: stored.metadata.name,
      resourceVersion: stored.metadata.resourceVersion ?? '',
    });
  }

  /** EventAggregate: the 10th distinct message within 10 minutes of the previous one turns into a combined event. */
  private aggregate(event: CoreEvent, now: number, nameNow: () => string): { event: CoreEvent; cacheKey: string } {
    // Records are in last-use order; those older than the interval would start afresh anyway, so drop them.
    for (let key = this.aggregates.oldest(); key !== undefined; key = this.aggregates.oldest()) {
      if (now - this.aggregates.peek(key)!.last <= AGGREGATE_INTERVAL_MS) break;
      this.aggregates.remove(key);
    }
    const groupKey = aggregateKey(event);
    let record = this.aggregates.get(groupKey);
    if (!record || now - record.last > AGGREGATE_INTERVAL_MS) record = { localKeys: [], last: now };
    if (!record.localKeys.includes(event.message)) record.localKeys.push(event.message);
    record.last = now;
    this.aggregates.add(groupKey, record);
    if (record.localKeys.length < AGGREGATE_MAX_EVENTS) return { event, cacheKey: eventKey(event) };
    // Go pops an arbitrary member (map order); the oldest keeps the simulation deterministic.
    record.localKeys.shift();
    const stamp = event.lastTimestamp;
    return {
      cacheKey: groupKey,
      event: {
        metadata: { name: nameNow(), namespace: event.metadata.namespace },
        involvedObject: event.involvedObject,
        reason: event.reason,
        message: `(combined from similar events): ${event.message}`,
        source: event.source,
        firstTimestamp: stamp,
        lastTimestamp: stamp,
        count: 1,
        type: event.type,
        // The aggregate copy carries no reporting fields.
        reportingComponent: '',
        reportingInstance: '',
      },
    };
  }

  /** eventObserve: a repeat takes the first occurrence's name and first timestamp and counts one more. */
  private observe(event: CoreEvent, cacheKey: string): CoreEvent {
    const observed: CoreEvent = { ...event, metadata: { ...event.metadata } };
    const last = this.observations.get(cacheKey);
    if (last && last.count > 0) {
      observed.metadata.name = last.name;
      observed.metadata.resourceVersion = last.resourceVersion;
      observed.firstTimestamp = last.firstTimestamp;
      observed.count = last.count + 1;
    }
    this.observations.add(cacheKey, {
      count: observed.count,
      firstTimestamp: observed.firstTimestamp,
      name: observed.metadata.name,
      resourceVersion: observed.metadata.resourceVersion ?? '',
    });
    return observed;
  }

  /** EventSourceObjectSpamFilter.Filter: true when the event is dropped. */
  private isSpam(event: CoreEvent, now: number): boolean {
    const key = spamKey(event);
    const record = this.spam.get(key) ?? { tokens: SPAM_BURST, last: now };
    record.tokens = Math.min(SPAM_BURST, record.tokens + (now - record.last) * SPAM_REFILL_PER_MS);
    record.last = now;
    const allowed = record.tokens >= 1;
    if (allowed) record.tokens -= 1;
    this.spam.add(key, record);
    return !allowed;
  }
}
