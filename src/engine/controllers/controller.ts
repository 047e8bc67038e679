/**
 * What every controller is, as in kube-controller-manager: it watches some resources, turns each change into the
 * keys of the objects it manages, and reconciles one key at a time — level-triggered, reading the current state
 * from the API server rather than trusting the event that woke it.
 */
import type { ApiServer } from '../api/apiServer';
import type { KubeObject, ResourceType, WatchEvent } from '../api/types';
import type { EventRecorder } from '../events/recorder';
import type { Runtime } from '../runtime/runtime';
import type { DecisionLog } from './decisionLog';
import type { WorkQueue } from './workQueue';

export interface ControllerContext {
  runtime: Runtime;
  api: ApiServer;
  events: EventRecorder;
  decisions: DecisionLog;
  queue: WorkQueue;
  /**
   * What the controller keeps in memory between syncs (the HPA's recommendations), created by `initial` on first
   * use. It is plain data in the cluster state, so snapshots carry it.
   */
  state<S>(initial: () => S): S;
}

/** Controller name → its state: the part of the cluster state controllers keep between syncs. */
export type ControllerStates = Record<string, unknown>;

/** The `state` function of a controller's context, over the store `states`. */
export function controllerState(states: ControllerStates, controller: string): ControllerContext['state'] {
  return <S>(initial: () => S): S => {
    if (!(controller in states)) states[controller] = initial();
    return states[controller] as S;
  };
}

export interface Controller {
  /**
   * Keys (`namespace/name`, or `name` for cluster-scoped objects) to reconcile after a watched change; `previous`
   * is the object before a MODIFIED change (an informer's oldObj), for handlers that compare the two.
   */
  keysFor(event: WatchEvent, resource: ResourceType, previous?: KubeObject): string[];
  /** Reconciles one key. */
  sync(key: string): void;
}

/** A controller as kube-controller-manager registers it; `name` is also its events' source component. */
export interface ControllerDefinition {
  name: string;
  create(context: ControllerContext): Controller;
}

/** `namespace/name` of an object, the key work queues use (client-go's MetaNamespaceKeyFunc). */
export function objectKeyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** Splits a work-queue key back into namespace and name. */
export function splitObjectKey(key: string): { namespace?: string; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
