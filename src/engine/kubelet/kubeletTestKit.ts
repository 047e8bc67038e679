/**
 * Helpers for the kubelet's integration tests: pod manifests in a line, events with their times, container states
 * in kubectl's words, and a recorder of when a pod's state changes (in virtual seconds since the cluster started).
 */
import type { ContainerStatus, Event, Pod } from '../api/kinds';
import { resolveResourceName } from '../api/resources';
import { parseTimestamp } from '../runtime/time';
import type { TestCluster } from '../testing/testCluster';

const EVENTS = resolveResourceName('events')!;

/** A Pod manifest: `spec` is the YAML of the pod spec, indented by two spaces. */
export function podManifest(name: string, spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
}

export interface TimedEvent {
  /** firstTimestamp and lastTimestamp, seconds since the cluster started. */
  first: number;
  last: number;
  count: number;
  type: string;
  reason: string;
  message: string;
  /** The container the event is about, if any. */
  container?: string;
}

/** Events about a pod, oldest first (by first occurrence). */
export function podEvents(t: TestCluster, pod: string, namespace = 'default'): TimedEvent[] {
  const start = t.cluster.state.options.startTime;
  const seconds = (text?: string | null) => ((parseTimestamp(text ?? undefined) ?? start) - start) / 1000;
  return (t.cluster.api.all(EVENTS, namespace) as unknown as Event[])
    .filter((e) => e.involvedObject.name === pod && e.involvedObject.kind === 'Pod')
    .sort(
      (a, b) => seconds(a.firstTimestamp) - seconds(b.firstTimestamp) || (a.metadata.name! < b.metadata.name! ? -1 : 1),
    )
    .map((e) => {
      const event: TimedEvent = {
        first: seconds(e.firstTimestamp),
        last: seconds(e.lastTimestamp),
        count: e.count ?? 1,
        type: e.type ?? '',
        reason: e.reason ?? '',
        message: e.message ?? '',
      };
      const container = /\{(.+)\}$/.exec(e.involvedObject.fieldPath ?? '')?.[1];
      if (container) event.container = container;
      return event;
    });
}

/** `reason: message` of a pod's events, oldest first. */
export function eventLines(t: TestCluster, pod: string): string[] {
  return podEvents(t, pod).map((e) => `${e.reason}: ${e.message}`);
}

/** The status of an init or regular container of a pod. */
export function containerStatus(t: TestCluster, pod: string, container: string): ContainerStatus | undefined {
  const status = t.pod(pod)?.status;
  return [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])].find(
    (s) => s.name === container,
  );
}

/** A container's state in one word: `Running`, `Waiting:CrashLoopBackOff`, `Terminated:Error(1)`. */
export function stateOf(status: ContainerStatus | undefined): string {
  const state = status?.state;
  if (!state) return 'none';
  if (state.running) return 'Running';
  if (state.waiting) return `Waiting:${state.waiting.reason ?? ''}`;
  if (state.terminated) return `Terminated:${state.terminated.reason ?? ''}(${state.terminated.exitCode})`;
  return 'none';
}

/** The STATUS column of `kubectl get pods` for a pod. */
export function podColumn(t: TestCluster, pod: string): string {
  const line = t.kubectl(`get pod ${pod} --no-headers`).stdout.trim();
  return line.split(/\s{2,}/)[2] ?? '';
}

/** Seconds since the cluster started. */
export function now(t: TestCluster): number {
  return Math.round(t.elapsed() * 1000) / 1000;
}

export interface Change {
  at: number;
  value: string;
}

/**
 * Lets `seconds` pass in steps of `step`, noting every change of `view(pod)` with the time it was first seen. The
 * first entry is the value at the start.
 */
export function recordChanges(
  t: TestCluster,
  view: (pod: Pod | undefined) => string,
  pod: string,
  seconds: number,
  step = 0.1,
): Change[] {
  const changes: Change[] = [{ at: now(t), value: view(t.pod(pod)) }];
  const steps = Math.round(seconds / step);
  for (let i = 0; i < steps; i++) {
    t.advance(step);
    const value = view(t.pod(pod));
    if (value !== changes[changes.length - 1]!.value) changes.push({ at: now(t), value });
  }
  return changes;
}

/** Advances until `done` holds, in steps of `step` seconds; returns the time, or throws after `limit` seconds. */
export function timeWhen(t: TestCluster, done: () => boolean, limit = 600, step = 0.1): number {
  const end = t.elapsed() + limit;
  while (!done()) {
    if (t.elapsed() >= end) throw new Error(`condition not met within ${limit}s`);
    t.advance(step);
  }
  return now(t);
}

/**
 * Every distinct `view` of a pod the API server stores from now on, with its time, ending with `deleted` when the
 * pod is removed: sees states that last less than a step of `recordChanges`, such as the final status.
 */
export function statusLog(t: TestCluster, pod: string, view: (pod: Pod) => string): Change[] {
  const log: Change[] = [];
  t.cluster.api.watch((event) => {
    const object = event.object as unknown as Pod;
    if (object.kind !== 'Pod' || object.metadata.name !== pod) return;
    const value = event.type === 'DELETED' ? 'deleted' : view(object);
    if (log[log.length - 1]?.value !== value) log.push({ at: now(t), value });
  });
  return log;
}
