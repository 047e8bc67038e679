/** Pieces shared by describers (`KC:pkg/describe/describe.go`). */
import type { IEvent } from 'kubernetes-models/v1/Event';
import type { KubeObject } from '../../api/types';
import { translateTimestampSince } from '../format/duration';
import { LAST_APPLIED_ANNOTATION } from '../apply/lastApplied';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefixWriter';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** Go's `time.RFC1123Z` layout in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`; an unset time is Go's zero time. */
export function formatRfc1123z(iso: string | undefined | null): string {
  if (!iso) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(iso);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** `printLabelsMultilineWithIndent`: sorted `key=value` lines, or `<none>`. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
  indent = '',
): void {
  w.write(LEVEL_0, `${indent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.writeLine('<none>');
  keys.forEach((key, i) => {
    if (i > 0) w.write(LEVEL_0, `${indent}\t`);
    w.write(LEVEL_0, `${key}=${labels?.[key] ?? ''}\n`);
  });
}

const MAX_ANNOTATION_LENGTH = 140;

/** `printAnnotationsMultiline`: sorted `key: value`, long or multi-line values on their own lines, last-applied skipped. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED_ANNOTATION)
    .sort();
  if (keys.length === 0) return w.writeLine('<none>');
  keys.forEach((key, i) => {
    if (i > 0) w.write(LEVEL_0, '\t');
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) {
        const short = line.length > MAX_ANNOTATION_LENGTH - 2 ? `${line.slice(0, MAX_ANNOTATION_LENGTH - 2)}...` : line;
        w.write(LEVEL_0, `\t  ${short}\n`);
      }
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** `printController`: `Kind/name` of the controlling owner. */
export function controlledBy(object: KubeObject): string | undefined {
  const owner = (object.metadata.ownerReferences ?? []).find((o) => o.controller);
  return owner ? `${owner.kind}/${owner.name}` : undefined;
}

const timeOf = (timestamp: string | undefined) => (timestamp ? Date.parse(timestamp) : 0);

/** Events oldest first by lastTimestamp, as describe lists them (`KC:pkg/util/event/sorted_event_list.go`). */
function sortEvents(events: readonly IEvent[]): IEvent[] {
  return [...events].sort((a, b) => timeOf(a.lastTimestamp) - timeOf(b.lastTimestamp));
}

/** Events oldest first by series, lastTimestamp or eventTime, as `kubectl events` lists them (`events.go:eventTime`). */
export function sortEventsByTime(events: readonly IEvent[]): IEvent[] {
  const time = (e: IEvent) =>
    timeOf(e.series ? e.series.lastObservedTime : e.lastTimestamp ? e.lastTimestamp : e.eventTime);
  return [...events].sort((a, b) => time(a) - time(b));
}

/** `2m (x4 over 5m)` for repeated events, else the age of the first occurrence. */
export function eventInterval(e: IEvent, nowMs: number): string {
  const first = e.eventTime
    ? translateTimestampSince(e.eventTime, nowMs)
    : translateTimestampSince(e.firstTimestamp, nowMs);
  if (e.series)
    return `${translateTimestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  return first;
}

/**
 * `DescribeEvents`: the `Events:` table (flushed apart from what precedes it), oldest first; nothing at all when
 * events were not looked up (`--show-events=false`).
 */
export function describeEvents(w: PrefixWriter, events: readonly IEvent[] | undefined, nowMs: number): void {
  if (events === undefined) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sortEvents(events)) {
    const interval = eventInterval(e, nowMs);
    const source = e.source?.component || e.reportingComponent || '';
    let message = (e.message ?? '').trim();
    // kubectl 1.35 (kubernetes PR 133627) names the container an event is about.
    if (e.involvedObject.fieldPath) message = `${e.involvedObject.fieldPath}: ${message}`;
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${message}\n`);
  }
}

/** Events about an object: same namespace and involvedObject uid (or, for nodes, the node's name as uid). */
export function eventsFor(events: readonly KubeObject[], object: KubeObject, extraUid?: string): IEvent[] {
  return (events as unknown as IEvent[]).filter((e) => {
    const ref = e.involvedObject;
    if (ref.name !== object.metadata.name) return false;
    return ref.uid === object.metadata.uid || (extraUid !== undefined && ref.uid === extraUid);
  });
}
