/**
 * The events.k8s.io/v1 broadcaster's series bookkeeping (client-go tools/events/event_broadcaster.go), used by
 * components on the new Events API such as kube-scheduler. Isomorphic events (same type, action, reason, reporter,
 * regarding and related object — the note is not part of the key) form a series: the second occurrence writes
 * `series.count: 2`, later ones only count in memory until the 30-minute refresh or the 6-minute finish writes them.
 */
import { cloneJson } from '../runtime/cloneJson';

/** A core/v1 view of an events.k8s.io/v1 Event, as the apiserver stores and kubectl reads it. */
export interface SeriesEvent {
  metadata: { name: string; namespace: string };
  involvedObject: Record<string, unknown>;
  related?: Record<string, unknown>;
  reason: string;
  message: string;
  type: string;
  action: string;
  /** metav1.MicroTime of the first occurrence. */
  eventTime: string;
  reportingComponent: string;
  reportingInstance: string;
  series?: { count: number; lastObservedTime: string };
}

interface CachedEvent {
  event: SeriesEvent;
  /** Virtual ms of eventTime and of the last observation, for the 6-minute finish. */
  eventTimeMs: number;
  lastObservedMs?: number;
}

/** One recorder's cache: isomorphic key → the event it stands for. */
export type SeriesCache = Record<string, CachedEvent>;

const FINISH_TIME_MS = 6 * 60_000;

function isomorphicKey(event: SeriesEvent): string {
  return JSON.stringify([
    event.type,
    event.action,
    event.reason,
    event.reportingComponent,
    event.reportingInstance,
    event.involvedObject,
    event.related ?? null,
  ]);
}

/**
 * One recorder's series cache, over its plain state. The number of entries is kept alongside (derived, counted
 * again from the state after a restore), so that asking whether anything is pending does not walk the cache.
 */
export class SeriesBook {
  private size: number;

  constructor(readonly cache: SeriesCache) {
    this.size = Object.keys(cache).length;
  }

  /**
   * recordToSink: returns the event to write now (a new one, or the first repeat carrying `series.count: 2`), or
   * undefined when the repeat is only counted.
   */
  observe(event: SeriesEvent, now: number, nowMicro: string): SeriesEvent | undefined {
    const key = isomorphicKey(event);
    const cached = this.cache[key];
    if (!cached) {
      this.cache[key] = { event: cloneJson(event), eventTimeMs: now };
      this.size++;
      return cloneJson(event);
    }
    cached.lastObservedMs = now;
    if (cached.event.series) {
      cached.event.series = { count: cached.event.series.count + 1, lastObservedTime: nowMicro };
      return undefined;
    }
    cached.event.series = { count: 2, lastObservedTime: nowMicro };
    return cloneJson(cached.event);
  }

  /** refreshExistingEventSeries: every running series, to rewrite with its current count. */
  toRefresh(): SeriesEvent[] {
    return Object.values(this.cache)
      .filter((entry) => entry.event.series)
      .map((entry) => cloneJson(entry.event));
  }

  /**
   * finishSeries: series not observed for 6 minutes are written one last time and forgotten; singletons older than
   * 6 minutes are forgotten. Returns the final writes.
   */
  finish(now: number): SeriesEvent[] {
    const writes: SeriesEvent[] = [];
    for (const [key, entry] of Object.entries(this.cache)) {
      if (entry.event.series) {
        if ((entry.lastObservedMs ?? entry.eventTimeMs) < now - FINISH_TIME_MS) {
          writes.push(cloneJson(entry.event));
          this.forget(key);
        }
      } else if (entry.eventTimeMs < now - FINISH_TIME_MS) {
        this.forget(key);
      }
    }
    return writes;
  }

  /** Whether the cache holds anything the periodic housekeeping still has to look at. */
  hasPending(): boolean {
    return this.size > 0;
  }

  private forget(key: string): void {
    delete this.cache[key];
    this.size--;
  }
}
