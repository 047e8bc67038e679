import type { IEvent } from 'kubernetes-models/v1/Event';
import { translateTimestampSince } from '../format/duration';
import { defineColumns, type TablePrinter } from './tablePrinter';

/** First and last time an event was seen, counting series (`printEvent`). */
function eventTimes(event: IEvent, nowMs: number): { first: string; last: string; count: number } {
  const first = event.firstTimestamp
    ? translateTimestampSince(event.firstTimestamp, nowMs)
    : translateTimestampSince(event.eventTime, nowMs);
  let last = event.lastTimestamp ? translateTimestampSince(event.lastTimestamp, nowMs) : first;
  let count = event.count ?? 0;
  if (event.series) {
    last = translateTimestampSince(event.series.lastObservedTime, nowMs);
    count = event.series.count ?? 0;
  } else if (count === 0) {
    count = 1;
  }
  return { first, last, count };
}

/** `kind/name` of the object an event is about, lower-case kind (`pod/web-1`). */
function eventTarget(event: IEvent): string {
  const kind = (event.involvedObject.kind ?? '').toLowerCase();
  return event.involvedObject.name ? `${kind}/${event.involvedObject.name}` : kind;
}

function eventSource(event: IEvent): string {
  const component = event.source?.component || event.reportingComponent || '';
  const host = event.source?.host || event.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/**
 * `printEvent`: `LAST SEEN TYPE REASON OBJECT MESSAGE` + wide `SUBOBJECT SOURCE` before MESSAGE and
 * `FIRST SEEN COUNT NAME` after it.
 */
export const eventPrinter: TablePrinter = {
  columns: defineColumns('LAST SEEN|TYPE|REASON|OBJECT|SUBOBJECT*|SOURCE*|MESSAGE|FIRST SEEN*|COUNT*|NAME*'),
  row: (object, nowMs) => {
    const event = object as unknown as IEvent;
    const { first, last, count } = eventTimes(event, nowMs);
    return [
      last,
      event.type ?? '',
      event.reason ?? '',
      eventTarget(event),
      event.involvedObject.fieldPath ?? '',
      eventSource(event),
      (event.message ?? '').trim(),
      first,
      String(count),
      event.metadata.name ?? '',
    ];
  },
};
