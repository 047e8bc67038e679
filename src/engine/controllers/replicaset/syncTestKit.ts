/**
 * A harness for one-sync controller tests (sample-controller style): an API server with no other component
 * running, objects seeded by the test, one `sync(key)` at a time, and the writes, events and requeues it caused.
 * Used by tests only.
 */
import { ApiServer } from '../../api/apiServer';
import type { Event, Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { createNamespace } from '../../cluster/bootstrap';
import { EventRecorder } from '../../events/recorder';
import { Runtime } from '../../runtime/runtime';
import { DEFAULT_START_TIME, formatTimestamp } from '../../runtime/time';
import type { Controller, ControllerContext, ControllerDefinition } from '../controller';
import { DecisionLog } from '../decisionLog';
import { controllerRefTo } from '../ownerReferences';
import { WorkQueue } from '../workQueue';

const PODS = resolveResourceName('pods')!;
const EVENTS = resolveResourceName('events')!;

export interface PodSeed {
  labels: Record<string, string>;
  owner?: KubeObject;
  nodeName?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** Seconds before now the pod turned Ready; undefined: not ready. */
  readyFor?: number;
  restarts?: number;
  annotations?: Record<string, string>;
}

export class SyncHarness {
  readonly runtime = new Runtime(Runtime.initialState(1, DEFAULT_START_TIME));
  readonly api = new ApiServer(ApiServer.initialState(), () => this.runtime.now(), this.runtime.state.random);
  readonly decisions = new DecisionLog(DecisionLog.initialState(), () => this.runtime.now());
  readonly context: ControllerContext;
  readonly controller: Controller;
  /** `ADDED pods/web-x2k9p`, `MODIFIED replicasets/web`… for every write of the last sync (events left out). */
  actions: string[] = [];

  constructor(private readonly definition: ControllerDefinition) {
    createNamespace(this.api, 'default');
    const events = new EventRecorder(EventRecorder.initialState(), this.api);
    this.context = {
      runtime: this.runtime,
      api: this.api,
      events,
      decisions: this.decisions,
      queue: new WorkQueue(this.runtime, definition.name),
    };
    this.controller = definition.create(this.context);
    this.api.watch((event, resource) => {
      if (resource !== EVENTS) this.actions.push(`${event.type} ${resource.plural}/${event.object.metadata.name}`);
    });
  }

  /** Moves the clock. Nothing runs here: queued syncs are dropped, since the test runs the syncs itself. */
  advance(seconds: number): void {
    const queue = this.runtime.state.queue;
    queue.now += seconds * 1000;
    queue.heap = [];
    queue.keyed = {};
  }

  /** Creates an object as a client would; returns the stored object. */
  create<T extends KubeObject>(object: unknown): T {
    const created = this.api.create(object);
    if (!created.ok) throw new Error(created.error.message);
    return created.value as T;
  }

  /** Writes an object's status (what other controllers or the kubelet would report). */
  setStatus<T extends KubeObject>(object: T, status: unknown): T {
    const current = this.api.find(this.resourceOf(object), object.metadata.namespace, object.metadata.name ?? '')!;
    const updated = this.api.updateStatus({ ...current, status } as KubeObject);
    if (!updated.ok) throw new Error(updated.error.message);
    return updated.value as T;
  }

  /** A pod with a given state: scheduled or not, its phase and readiness. */
  createPod(name: string, seed: PodSeed): Pod {
    const now = this.runtime.now();
    const pod = this.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        labels: seed.labels,
        ...(seed.annotations ? { annotations: seed.annotations } : {}),
        ...(seed.owner ? { ownerReferences: [controllerRefTo(seed.owner)] } : {}),
      },
      spec: { containers: [{ name: 'app', image: 'nginx' }], ...(seed.nodeName ? { nodeName: seed.nodeName } : {}) },
    });
    const ready = seed.readyFor !== undefined;
    return this.setStatus(pod, {
      phase: seed.phase ?? (ready ? 'Running' : 'Pending'),
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: formatTimestamp(now - (seed.readyFor ?? 0) * 1000),
        },
      ],
      containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready, restartCount: seed.restarts ?? 0 }],
    });
  }

  get<T extends KubeObject>(plural: string, name: string): T | undefined {
    return this.api.find(resolveResourceName(plural)!, 'default', name) as T | undefined;
  }

  /** A pod that must exist. */
  pod(name: string): Pod {
    const pod = this.api.find(PODS, 'default', name) as Pod | undefined;
    if (!pod) throw new Error(`no pod ${name}`);
    return pod;
  }

  pods(): Pod[] {
    return this.api.all(PODS, 'default') as Pod[];
  }

  /** Runs one sync of `key`; returns the writes it made. */
  sync(key: string): string[] {
    this.actions = [];
    this.controller.sync(key);
    return this.actions;
  }

  /** `Type Reason: message` of the events about an object, in the order they were first recorded. */
  events(name: string): string[] {
    return (this.api.all(EVENTS, 'default') as Event[])
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  /** Decision texts about an object. */
  decisionsAbout(kind: string, name: string): string[] {
    return this.decisions.about(kind, 'default', name).map((d) => d.text);
  }

  /** Milliseconds from now until the controller's queued sync of `key`, if one is queued. */
  queuedIn(key: string): number | undefined {
    const due = this.runtime.state.queue.keyed[`${this.definition.name}/${key}`];
    return due === undefined ? undefined : due - this.runtime.now();
  }

  private resourceOf(object: KubeObject) {
    return this.api.resourceFor(object.apiVersion, object.kind)!;
  }
}
