/**
 * The base of the one-sync controller test harnesses (sample-controller style): an API server with nothing else
 * running, objects seeded by the test, one `sync(key)` at a time, and what that sync did — its writes, events,
 * decisions and requeues. The per-controller harnesses add their seeding helpers and how they record writes.
 * Used by tests only.
 */
import { ApiServer } from '../../api/apiServer';
import type { Event, Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { ApiResult, KubeObject } from '../../api/types';
import { createNamespace } from '../../cluster/bootstrap';
import { EventRecorder } from '../../events/recorder';
import type { RandomState } from '../../runtime/random';
import { Runtime } from '../../runtime/runtime';
import { DEFAULT_START_TIME } from '../../runtime/time';
import { controllerState, type Controller, type ControllerContext, type ControllerDefinition } from '../controller';
import { DecisionLog } from '../decisionLog';
import { WorkQueue } from '../workQueue';

const EVENTS = resolveResourceName('events')!;
const PODS = resolveResourceName('pods')!;

export interface HarnessOptions<A extends ApiServer> {
  /** The API server to run against (a recording or aggregating one); a plain ApiServer by default. */
  api?: (now: () => number, random: RandomState) => A;
  /** Virtual start time; the default cluster start by default. */
  startTime?: number;
}

export class ControllerHarness<A extends ApiServer = ApiServer> {
  readonly runtime: Runtime;
  readonly api: A;
  readonly decisions: DecisionLog;
  readonly context: ControllerContext;
  readonly controller: Controller;
  /** The controller's state between syncs (what `context.state` hands out). */
  readonly states: Record<string, unknown> = {};

  constructor(
    protected readonly definition: ControllerDefinition,
    options: HarnessOptions<A> = {},
  ) {
    this.runtime = new Runtime(Runtime.initialState(1, options.startTime ?? DEFAULT_START_TIME));
    const now = () => this.runtime.now();
    const random = this.runtime.state.random;
    this.api = options.api ? options.api(now, random) : (new ApiServer(ApiServer.initialState(), now, random) as A);
    this.decisions = new DecisionLog(DecisionLog.initialState(), now);
    createNamespace(this.api, 'default');
    this.context = {
      runtime: this.runtime,
      api: this.api,
      events: new EventRecorder(EventRecorder.initialState(), this.api),
      decisions: this.decisions,
      queue: new WorkQueue(this.runtime, definition.name),
      state: controllerState(this.states, definition.name),
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

  /** The stored version of `object`, if it still exists. */
  find<T extends KubeObject>(object: KubeObject): T | undefined {
    const resource = this.api.resourceFor(object.apiVersion, object.kind)!;
    return this.api.find(resource, object.metadata.namespace, object.metadata.name ?? '') as T | undefined;
  }

  get<T extends KubeObject>(plural: string, name: string, namespace: string | undefined = 'default'): T | undefined {
    return this.api.find(resolveResourceName(plural)!, namespace, name) as T | undefined;
  }

  /** A pod of the default namespace that must exist. */
  pod(name: string): Pod {
    const pod = this.api.find(PODS, 'default', name) as Pod | undefined;
    if (!pod) throw new Error(`no pod ${name}`);
    return pod;
  }

  /** `Type Reason: message` of the events about an object, in the order they were recorded. */
  events(name: string, namespace = 'default'): string[] {
    return (this.api.all(EVENTS, namespace) as Event[])
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  /** Decision texts about an object in the default namespace, oldest first. */
  decisionsAbout(kind: string, name: string): string[] {
    return this.decisions.about(kind, 'default', name).map((d) => d.text);
  }

  /** Milliseconds from now until the controller's queued sync of `key`, if one is queued. */
  queuedIn(key: string): number | undefined {
    const due = this.runtime.state.queue.keyed[`${this.definition.name}/${key}`];
    return due === undefined ? undefined : due - this.runtime.now();
  }
}

/** The value of a successful API call; a failed one fails the test. */
export function must(result: ApiResult<KubeObject>): KubeObject {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * A harness that notes every write of a sync as a watch would see it (`ADDED pods/web-0`, `MODIFIED
 * statefulsets/web`; events left out).
 */
export class WatchingHarness<A extends ApiServer = ApiServer> extends ControllerHarness<A> {
  /** The writes of the last sync. */
  actions: string[] = [];

  constructor(definition: ControllerDefinition, options: HarnessOptions<A> = {}) {
    super(definition, options);
    this.api.watch((event, resource) => {
      if (resource !== EVENTS) this.actions.push(`${event.type} ${resource.plural}/${event.object.metadata.name}`);
    });
  }

  /** Moves the clock; queued syncs are dropped, since the test runs the syncs itself. */
  override advance(seconds: number): void {
    super.advance(seconds);
    this.runtime.state.queue.heap = [];
    this.runtime.state.queue.keyed = {};
  }

  /** Runs one sync of `key`; returns the writes it made. */
  sync(key: string): string[] {
    this.actions = [];
    this.controller.sync(key);
    return this.actions;
  }
}
