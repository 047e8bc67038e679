/**
 * Event recording as Kubernetes components do it. `record` is client-go's core/v1 recorder (tools/record) used by
 * the kubelet and the controllers: events pass the EventCorrelator (aggregation, counting) and are
 * created or patched. `eventf` is the events.k8s.io/v1 recorder (tools/events) used by kube-scheduler: isomorphic
 * events form a series whose housekeeping (`refreshSeries`, `finishSeries`) its owner runs periodically.
 */
import type { ApiServer } from '../api/apiServer';
import type { KubeObject } from '../api/types';
import { resolveResourceName } from '../api/resources';
import { formatMicroTimestamp, formatTimestamp } from '../runtime/time';
import { EventCorrelator, createCorrelatorState, type CoreEvent, type CorrelatorState } from './eventCorrelator';
import { SeriesBook, type SeriesCache, type SeriesEvent } from './eventSeries';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

/** The reporter of events.k8s.io events: `reportingController` and `<controller>-<hostname>`. */
export interface EventReporter {
  controller: string;
  instance: string;
}

/** An ObjectReference (`involvedObject`, `regarding`). */
export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  /** e.g. `spec.containers{app}` for kubelet events about one container. */
  fieldPath?: string;
}

export interface EventsState {
  correlator: CorrelatorState;
  /** events.k8s.io recorders' series caches, by reporting controller. */
  series: Record<string, SeriesCache>;
  /** Distinguishes events named in the same virtual millisecond (names carry nanoseconds). */
  sequence: number;
}

const EVENTS = resolveResourceName('events')!;
const NANOS_PER_MS = 1_000_000n;

/** reference.GetReference: apiVersion, kind, namespace, name, uid, resourceVersion (+ fieldPath). */
export function referenceTo(object: KubeObject, fieldPath?: string): InvolvedObject {
  const ref: InvolvedObject = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name ?? '',
    uid: object.metadata.uid,
    resourceVersion: object.metadata.resourceVersion,
  };
  if (object.metadata.namespace) ref.namespace = object.metadata.namespace;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}

export class EventRecorder {
  private readonly correlator: EventCorrelator;
  /** The series caches in the state, by reporting controller, each with its entry count. */
  private readonly books = new Map<string, SeriesBook>();

  constructor(
    readonly state: EventsState,
    private readonly api: ApiServer,
  ) {
    this.correlator = new EventCorrelator(state.correlator);
  }

  static initialState(): EventsState {
    return { correlator: createCorrelatorState(), series: {}, sequence: 0 };
  }

  /** Records a core/v1 event (record.EventRecorder.Event). */
  record(involved: InvolvedObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const now = this.api.now();
    const stamp = formatTimestamp(now);
    const event: CoreEvent = {
      metadata: { name: this.eventName(involved.name), namespace: involved.namespace || 'default' },
      involvedObject: { ...involved },
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: stamp,
      lastTimestamp: stamp,
      count: 1,
      type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    const result = this.correlator.correlate(event, now, () => this.eventName(involved.name));
    if (result.skip) return;
    const stored = this.writeCoreEvent(result.event, result.update);
    if (stored) this.correlator.recordServerState(stored);
  }

  /** Records an events.k8s.io/v1 event (events.EventRecorder.Eventf). */
  eventf(
    regarding: InvolvedObject,
    related: InvolvedObject | undefined,
    type: EventType,
    reason: string,
    action: string,
    note: string,
    reporter: EventReporter,
  ): void {
    const now = this.api.now();
    const event: SeriesEvent = {
      metadata: { name: this.eventName(regarding.name), namespace: regarding.namespace || 'default' },
      involvedObject: { ...regarding },
      reason,
      message: note,
      type,
      action,
      eventTime: formatMicroTimestamp(now),
      reportingComponent: reporter.controller,
      reportingInstance: reporter.instance,
    };
    if (related) event.related = { ...related };
    this.state.series[reporter.controller] ??= {};
    const write = this.book(reporter.controller)!.observe(event, now, formatMicroTimestamp(now));
    if (write) this.writeSeriesEvent(write);
  }

  /** Whether `controller`'s recorder still has series or recent events its housekeeping must look at. */
  hasPendingSeries(controller: string): boolean {
    return this.book(controller)?.hasPending() ?? false;
  }

  /** The 30-minute refresh of running series (refreshExistingEventSeries). */
  refreshSeries(controller: string): void {
    for (const event of this.book(controller)?.toRefresh() ?? []) this.writeSeriesEvent(event);
  }

  /** The 6-minute finish of ended series (finishSeries). */
  finishSeries(controller: string): void {
    const book = this.book(controller);
    if (!book) return;
    for (const event of book.finish(this.api.now())) this.writeSeriesEvent(event);
    if (!book.hasPending()) delete this.state.series[controller];
  }

  /** The book over `controller`'s series cache in the state, if it has one. */
  private book(controller: string): SeriesBook | undefined {
    const cache: SeriesCache | undefined = this.state.series[controller];
    if (!cache) return undefined;
    let book = this.books.get(controller);
    if (book?.cache !== cache) this.books.set(controller, (book = new SeriesBook(cache)));
    return book;
  }

  /** `<object>.<UnixNano in hex>`; virtual nanoseconds plus a sequence keep names unique. */
  private eventName(objectName: string): string {
    const nanos = BigInt(this.api.now()) * NANOS_PER_MS + BigInt(this.state.sequence++ % 1_000_000);
    return `${objectName}.${nanos.toString(16)}`;
  }

  /** recordEvent: patch a repeat (create it again if it expired), create a new one. */
  private writeCoreEvent(event: CoreEvent, update: boolean): CoreEvent | undefined {
    const { namespace, name } = event.metadata;
    if (update) {
      const patched = this.api.patch(EVENTS, namespace, name, 'strategic', {
        count: event.count,
        lastTimestamp: event.lastTimestamp,
        message: event.message,
      });
      if (patched.ok) return patched.value as unknown as CoreEvent;
      if (patched.error.code !== 404) return undefined;
    }
    const created = this.api.create({
      apiVersion: 'v1',
      kind: 'Event',
      ...event,
      metadata: { name, namespace },
    });
    return created.ok ? (created.value as unknown as CoreEvent) : undefined;
  }

  /** events.k8s.io recordEvent: a series is patched (created if gone), anything else created. */
  private writeSeriesEvent(event: SeriesEvent): void {
    const { namespace, name } = event.metadata;
    if (event.series) {
      const patched = this.api.patch(EVENTS, namespace, name, 'strategic', { series: event.series });
      if (patched.ok || patched.error.code !== 404) return;
    }
    this.api.create({
      apiVersion: 'v1',
      kind: 'Event',
      ...event,
      // The core/v1 view of a new-API event: no legacy source, count or first/last timestamps.
      source: {},
    });
  }
}
