/**
 * The cluster's Events as a plain-text log to save beside an exported scenario: every core/v1 Event the API server
 * holds, one line each, with its virtual time as a real timestamp.
 */
import type { IEvent } from 'kubernetes-models/v1/Event';
import { resolveResourceName } from '../api/resources';
import type { Cluster } from '../cluster/cluster';
import { formatTable } from '../kubectl/format/tabwriter';
import { formatTimestamp, parseTimestamp } from '../runtime/time';

const EVENTS = resolveResourceName('events')!;

export interface FormatEventLogOptions {
  /** Only the Events of this namespace; every namespace when absent. */
  namespace?: string;
}

const HEADER = ['TIME', 'NAMESPACE', 'TYPE', 'REASON', 'OBJECT', 'COUNT', 'SOURCE', 'MESSAGE'];

/**
 * The second of the last occurrence: a series' last observation, else lastTimestamp, eventTime, creation. Whole
 * seconds, as shown: core/v1 timestamps have no finer precision, so a finer one would misorder a second's events.
 */
function lastSeenSecond(event: IEvent): number {
  const stamp =
    event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp;
  const ms = parseTimestamp(stamp === undefined ? undefined : String(stamp)) ?? 0;
  return ms - (((ms % 1000) + 1000) % 1000);
}

/** A series counts its own occurrences; a core/v1 event its `count` (kubectl: printEvent). */
function occurrences(event: IEvent): number {
  return event.series?.count ?? event.count ?? 1;
}

/** kubectl: formatEventSource — the legacy source, else the events.k8s.io reporter. */
function eventSource(event: IEvent): string {
  const component = event.source?.component || event.reportingComponent || '';
  const host = event.source?.host || event.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** One line per event: a message's line breaks and tabs would split the row or its columns. */
function oneLine(text: string): string {
  return text
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\t/g, ' ');
}

/**
 * The cluster's Events as text: a header, then one line per event, oldest first by the second of last occurrence,
 * then in the order the API server wrote them (creation order, a repeat counting as written again),
 * with time (ISO-8601 UTC), namespace, type, reason, `kind/name` of the object, `xN` when it happened N > 1 times,
 * source and message, aligned in columns as kubectl aligns its tables.
 */
export function formatEventLog(cluster: Cluster, options: FormatEventLogOptions = {}): string {
  const events = (cluster.api.all(EVENTS, options.namespace) as unknown as IEvent[])
    .map((event) => ({
      event,
      time: lastSeenSecond(event),
      // The API server's write order: within a second, the order the events were recorded (or last counted).
      written: Number(event.metadata?.resourceVersion ?? 0),
    }))
    .sort((a, b) => a.time - b.time || a.written - b.written);
  const rows = events.map(({ event, time }) => {
    const count = occurrences(event);
    return [
      formatTimestamp(time),
      event.metadata?.namespace ?? '',
      event.type ?? '',
      event.reason ?? '',
      `${(event.involvedObject.kind ?? '').toLowerCase()}/${event.involvedObject.name ?? ''}`,
      count > 1 ? `x${count}` : '',
      eventSource(event),
      oneLine(event.message ?? ''),
    ];
  });
  return formatTable([HEADER, ...rows]);
}
