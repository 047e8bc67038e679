/**
 * A harness for one-sync controller tests (sample-controller style) shared by the Job, CronJob, garbage collector,
 * namespace and service account controller tests: an API server with nothing else running, objects seeded by the
 * test, then one `sync(key)` and the exact API requests it made (`create pods/pi-*`, `update jobs/pi/status`,
 * `patch pods/pi-x2k9p`, `delete pods/pi-x2k9p (Background)`), the events it recorded and the syncs it queued.
 * Used by tests only.
 */
import { ApiServer } from '../../api/apiServer';
import type { Event } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { ApiResult, DeleteOptions, KubeObject, PatchType, ResourceType } from '../../api/types';
import { createNamespace } from '../../cluster/bootstrap';
import { EventRecorder } from '../../events/recorder';
import { Runtime } from '../../runtime/runtime';
import { DEFAULT_START_TIME } from '../../runtime/time';
import type { Controller, ControllerContext, ControllerDefinition } from '../controller';
import { DecisionLog } from '../decisionLog';
import { WorkQueue } from '../workQueue';

const EVENTS = resolveResourceName('events')!;

/** An API server that notes each write request a controller makes. */
class RecordingApiServer extends ApiServer {
  requests: string[] = [];
  recording = false;

  private note(text: string): void {
    if (this.recording) this.requests.push(text);
  }

  private pathOf(object: unknown): string {
    const o = object as KubeObject;
    const resource = this.resourceFor(o.apiVersion, o.kind);
    const name = o.metadata.name ?? `${o.metadata.generateName ?? ''}*`;
    return `${resource?.plural ?? o.kind}/${name}`;
  }

  override create(object: unknown, options?: { dryRun?: boolean }): ApiResult<KubeObject> {
    if ((object as KubeObject).kind !== 'Event') this.note(`create ${this.pathOf(object)}`);
    return super.create(object, options);
  }

  override update(object: unknown, options?: { dryRun?: boolean }): ApiResult<KubeObject> {
    if ((object as KubeObject).kind !== 'Event') this.note(`update ${this.pathOf(object)}`);
    return super.update(object, options);
  }

  override updateStatus(object: KubeObject): ApiResult<KubeObject> {
    this.note(`update ${this.pathOf(object)}/status`);
    return super.updateStatus(object);
  }

  override patch(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    options?: { dryRun?: boolean },
  ): ApiResult<KubeObject> {
    if (resource !== EVENTS) this.note(`patch ${resource.plural}/${name}`);
    return super.patch(resource, namespace, name, type, patch, options);
  }

  override delete(
    resource: ResourceType,
    namespace: string | undefined,
    name: string,
    options?: DeleteOptions,
  ): ApiResult<KubeObject> {
    const policy = options?.propagationPolicy ? ` (${options.propagationPolicy})` : '';
    this.note(`delete ${resource.plural}/${name}${policy}`);
    return super.delete(resource, namespace, name, options);
  }

  override finalizeNamespace(name: string, finalizers: string[]): ApiResult<KubeObject> {
    this.note(`update namespaces/${name}/finalize`);
    return super.finalizeNamespace(name, finalizers);
  }
}

export class OneSyncHarness {
  readonly runtime = new Runtime(Runtime.initialState(1, DEFAULT_START_TIME));
  private readonly recording = new RecordingApiServer(
    ApiServer.initialState(),
    () => this.runtime.now(),
    this.runtime.state.random,
  );
  readonly api: ApiServer = this.recording;
  readonly decisions = new DecisionLog(DecisionLog.initialState(), () => this.runtime.now());
  readonly context: ControllerContext;
  readonly controller: Controller;

  constructor(private readonly definition: ControllerDefinition) {
    createNamespace(this.api, 'default');
    this.context = {
      runtime: this.runtime,
      api: this.api,
      events: new EventRecorder(EventRecorder.initialState(), this.api),
      decisions: this.decisions,
      queue: new WorkQueue(this.runtime, definition.name),
    };
    this.controller = definition.create(this.context);
  }

  /** Moves the clock without running anything (no component runs here). */
  advance(seconds: number): void {
    this.runtime.state.queue.now += seconds * 1000;
  }

  /** Creates an object as a client would; returns the stored object. */
  create<T extends KubeObject>(object: unknown): T {
    return must(this.api.create(object)) as T;
  }

  /** Replaces an object's status (what the kubelet or another controller would report). */
  setStatus<T extends KubeObject>(object: T, status: unknown): T {
    const current = this.find<T>(object)!;
    return must(this.api.updateStatus({ ...current, status })) as T;
  }

  /** Changes an object's metadata or spec through an update. */
  modify<T extends KubeObject>(object: T, change: (o: T) => void): T {
    const next = structuredClone(this.find<T>(object)!);
    change(next);
    return must(this.api.update(next)) as T;
  }

  /** The stored version of `object`, if it still exists. */
  find<T extends KubeObject>(object: KubeObject): T | undefined {
    const resource = this.api.resourceFor(object.apiVersion, object.kind)!;
    return this.api.find(resource, object.metadata.namespace, object.metadata.name ?? '') as T | undefined;
  }

  all<T extends KubeObject>(plural: string, namespace = 'default'): T[] {
    return this.api.all(resolveResourceName(plural)!, namespace) as T[];
  }

  /** Runs one sync of `key`; returns the write requests it made, in order. */
  sync(key: string): string[] {
    // This sync is the one the queue held for the key: a real run would have taken it off the queue.
    delete this.runtime.state.queue.keyed[`${this.definition.name}/${key}`];
    this.recording.requests = [];
    this.recording.recording = true;
    try {
      this.controller.sync(key);
    } finally {
      this.recording.recording = false;
    }
    return this.recording.requests;
  }

  /** The keys the controller returns for a watched change (keys it queues itself show in `queuedIn`). */
  keysFor(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject, previous?: KubeObject): string[] {
    const resource = this.api.resourceFor(object.apiVersion, object.kind)!;
    return this.controller.keysFor({ type, object }, resource, previous);
  }

  /** `Type Reason: message` of the events about an object, in the order they were recorded. */
  events(name: string, namespace = 'default'): string[] {
    return (this.api.all(EVENTS, namespace) as Event[])
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  /** Decision texts about an object in the default namespace. */
  decisionsAbout(kind: string, name: string): string[] {
    return this.decisions.about(kind, 'default', name).map((d) => d.text);
  }

  /** Milliseconds from now until the controller's queued sync of `key`, if one is queued. */
  queuedIn(key: string): number | undefined {
    const due = this.runtime.state.queue.keyed[`${this.definition.name}/${key}`];
    return due === undefined ? undefined : due - this.runtime.now();
  }
}

function must(result: ApiResult<KubeObject>): KubeObject {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
