/**
 * A harness for one-sync tests of the StatefulSet and DaemonSet controllers: an API server with nothing else
 * running, objects and pod states set by the test, one `sync(key)` at a time, and the writes, events, decisions
 * and requeues it caused. Used by tests only.
 */
import { ApiServer } from '../../api/apiServer';
import type { Event, Node, Pod } from '../../api/kinds';
import { resolveResourceName } from '../../api/resources';
import type { KubeObject } from '../../api/types';
import { createNamespace, registerNode } from '../../cluster/bootstrap';
import { controlPlaneNode, workerNode } from '../../cluster/shape';
import { EventRecorder } from '../../events/recorder';
import { Runtime } from '../../runtime/runtime';
import { DEFAULT_START_TIME, formatTimestamp } from '../../runtime/time';
import type { Controller, ControllerContext, ControllerDefinition } from '../controller';
import { DecisionLog } from '../decisionLog';
import { WorkQueue } from '../workQueue';

const PODS = resolveResourceName('pods')!;
const EVENTS = resolveResourceName('events')!;
const NODES = resolveResourceName('nodes')!;

/** A pod state as the kubelet would report it. */
export interface PodState {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** Seconds before now the pod turned Ready; undefined: not ready. */
  readyFor?: number;
}

export class SyncHarness {
  readonly runtime = new Runtime(Runtime.initialState(1, DEFAULT_START_TIME));
  readonly api = new ApiServer(ApiServer.initialState(), () => this.runtime.now(), this.runtime.state.random);
  readonly decisions = new DecisionLog(DecisionLog.initialState(), () => this.runtime.now());
  readonly context: ControllerContext;
  readonly controller: Controller;
  /** `ADDED pods/web-0`, `MODIFIED statefulsets/web`… for every write of the last sync (events left out). */
  actions: string[] = [];
  private nodeCount = 0;

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
    this.api.watch((event, resource) => {
      if (resource !== EVENTS) this.actions.push(`${event.type} ${resource.plural}/${event.object.metadata.name}`);
    });
  }

  /** Moves the clock. Nothing runs: queued syncs are dropped, since the test runs the syncs itself. */
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

  /** Replaces an object with `change` applied to a copy of the stored one. */
  update<T extends KubeObject>(plural: string, name: string, change: (object: T) => void): T {
    const current = structuredClone(this.get<T>(plural, name));
    if (!current) throw new Error(`no ${plural}/${name}`);
    change(current);
    const updated = this.api.update(current);
    if (!updated.ok) throw new Error(updated.error.message);
    return updated.value as T;
  }

  /** A node as kubeadm registers it; `master1`-style names get the control-plane role and taint. */
  addNode(name: string, labels: Record<string, string> = {}): Node {
    const shape = name.startsWith('master') ? controlPlaneNode(name) : workerNode(name);
    registerNode(this.api, { ...shape, labels }, this.nodeCount++, this.runtime.now());
    return this.api.find(NODES, undefined, name) as Node;
  }

  /** Sets a pod's phase and readiness (what the kubelet reports). */
  setPod(name: string, state: PodState, nodeName?: string): Pod {
    const now = this.runtime.now();
    const pod = this.pod(name);
    const ready = state.readyFor !== undefined;
    const status = {
      ...pod.status,
      phase: state.phase,
      conditions: [
        {
          type: 'Ready',
          status: ready ? 'True' : 'False',
          lastTransitionTime: formatTimestamp(now - (state.readyFor ?? 0) * 1000),
        },
      ],
    };
    if (nodeName) this.api.bind('default', name, nodeName);
    const current = this.pod(name);
    const updated = this.api.updateStatus({ ...current, status } as KubeObject);
    if (!updated.ok) throw new Error(updated.error.message);
    return updated.value as unknown as Pod;
  }

  get<T extends KubeObject>(plural: string, name: string, namespace: string | undefined = 'default'): T | undefined {
    return this.api.find(resolveResourceName(plural)!, namespace, name) as T | undefined;
  }

  /** A pod that must exist. */
  pod(name: string): Pod {
    const pod = this.api.find(PODS, 'default', name) as Pod | undefined;
    if (!pod) throw new Error(`no pod ${name}`);
    return pod;
  }

  podNames(): string[] {
    return this.api.all(PODS, 'default').map((pod) => pod.metadata.name ?? '');
  }

  /** Names of `plural` objects in the default namespace. */
  names(plural: string): string[] {
    return this.api.all(resolveResourceName(plural)!, 'default').map((o) => o.metadata.name ?? '');
  }

  /** Deletes a pod at once (grace period 0), as if the kubelet had finished it. */
  removePod(name: string): void {
    const deleted = this.api.delete(PODS, 'default', name, { gracePeriodSeconds: 0 });
    if (!deleted.ok) throw new Error(deleted.error.message);
  }

  /** Runs one sync of `key`; returns the writes it made. */
  sync(key: string): string[] {
    this.actions = [];
    this.controller.sync(key);
    return this.actions;
  }

  /** `Type Reason: message` of the events about an object, in the order they were recorded. */
  events(name: string): string[] {
    return (this.api.all(EVENTS, 'default') as Event[])
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1))
      .map((e) => `${e.type} ${e.reason}: ${e.message}`);
  }

  /** Decision texts about an object, oldest first. */
  decisionsAbout(kind: string, name: string): string[] {
    return this.decisions.about(kind, 'default', name).map((d) => d.text);
  }

  /** Milliseconds from now until the controller's queued sync of `key`, if one is queued. */
  queuedIn(key: string): number | undefined {
    const due = this.runtime.state.queue.keyed[`${this.definition.name}/${key}`];
    return due === undefined ? undefined : due - this.runtime.now();
  }
}
