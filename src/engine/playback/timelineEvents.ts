/**
 * The cluster's Events as the page lays them along its timeline: when, what kind, why, about what. The same
 * Events `kubectl get events` lists; the page never invents one.
 */
import type { IEvent } from 'kubernetes-models/v1/Event';
import { resolveResourceName } from '../api/resources';
import type { Cluster } from '../cluster/cluster';
import { parseTimestamp } from '../runtime/time';

const EVENTS = resolveResourceName('events')!;

export interface TimelineEvent {
  /** Virtual ms of the latest occurrence. */
  time: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  count: number;
  object: { kind: string; namespace?: string; name: string; uid?: string };
}

/** Event time as `kubectl get events` sorts it: the last occurrence, else the event time, else creation. */
function eventTime(event: IEvent): number {
  const stamp =
    event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp;
  return parseTimestamp(stamp === undefined ? undefined : String(stamp)) ?? 0;
}

/** The newest `limit` Events of every namespace, oldest first. */
export function timelineEvents(cluster: Cluster, limit: number): TimelineEvent[] {
  const events = (cluster.api.all(EVENTS) as unknown as IEvent[]).map((event): TimelineEvent => ({
    time: eventTime(event),
    type: event.type === 'Warning' ? 'Warning' : 'Normal',
    reason: event.reason ?? '',
    message: event.message ?? '',
    count: event.series?.count ?? event.count ?? 1,
    object: {
      kind: event.involvedObject.kind ?? '',
      namespace: event.involvedObject.namespace,
      name: event.involvedObject.name ?? '',
      uid: event.involvedObject.uid,
    },
  }));
  events.sort((a, b) => a.time - b.time);
  return events.slice(-limit);
}
