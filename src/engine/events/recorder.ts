/**
 * Records core/v1 Events the way client-go's event recorder does: one object per (source, object, type, reason,
 * message), whose count and lastTimestamp grow when the same event repeats (tools/record/events_cache.go).
 */
import type { ApiServer } from '../api/apiServer';
import type { KubeObject } from '../api/types';
import { resolveResourceName } from '../api/resources';
import { formatTimestamp } from '../runtime/time';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

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
  /** Aggregation key → event name, for repeats. */
  byKey: Record<string, string>;
  /** Distinguishes events created in the same virtual millisecond (their names use nanoseconds). */
  sequence: number;
}

const EVENTS = resolveResourceName('events')!;

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
  constructor(
    readonly state: EventsState,
    private readonly api: ApiServer,
  ) {}

  static initialState(): EventsState {
    return { byKey: {}, sequence: 0 };
  }

  record(involved: InvolvedObject, type: EventType, reason: string, message: string, source: EventSource): void {
    const namespace = involved.namespace ?? 'default';
    const key = [
      source.component,
      source.host ?? '',
      involved.kind,
      namespace,
      involved.name,
      involved.uid ?? '',
      involved.fieldPath ?? '',
      type,
      reason,
      message,
    ].join('\u0000');
    const now = formatTimestamp(this.api.now());
    const existingName = this.state.byKey[key];
    const existing = existingName ? this.api.find(EVENTS, namespace, existingName) : undefined;
    if (existing) {
      this.api.update({ ...existing, count: ((existing.count as number | undefined) ?? 1) + 1, lastTimestamp: now });
      return;
    }
    // Go names events `<object>.<UnixNano in hex>`; virtual nanoseconds plus a sequence keep names unique.
    const nanos = BigInt(this.api.now()) * 1_000_000n + BigInt(this.state.sequence++ % 1_000_000);
    const name = `${involved.name}.${nanos.toString(16)}`;
    const created = this.api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: { ...involved },
      reason,
      message,
      source: { ...source },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
    if (created.ok) this.state.byKey[key] = name;
  }
}
