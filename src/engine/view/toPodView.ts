import type { ContainerStatus, Pod } from '../api/kinds';
import { controllerOf } from '../controllers/ownerReferences';
import { podStatusCells } from '../kubectl/printers/podPrinter';
import { parseTimestamp } from '../runtime/time';
import type { ContainerView, ObjectRef, PodView, ProbeFailures } from './clusterViewTypes';
import { noProbeFailures } from './countProbeFailures';

/** A container as its status shows it; one the kubelet has not reported yet is waiting without a reason. */
function toContainerView(name: string, init: boolean, status: ContainerStatus | undefined): ContainerView {
  const state = status?.state;
  const view: ContainerView = {
    name,
    init,
    state: state?.running ? 'running' : state?.terminated ? 'terminated' : 'waiting',
    ready: status?.ready ?? false,
    restartCount: status?.restartCount ?? 0,
  };
  const reason = state?.waiting?.reason ?? state?.terminated?.reason;
  if (reason) view.reason = reason;
  return view;
}

/** The ordinal of a StatefulSet's pod, the `-N` after the set's name (pkg/controller/statefulset/stateful_set_utils.go). */
function ordinalOf(podName: string, owner: ObjectRef | undefined): number | undefined {
  if (owner?.kind !== 'StatefulSet' || !podName.startsWith(`${owner.name}-`)) return undefined;
  const suffix = podName.slice(owner.name.length + 1);
  return /^(0|[1-9]\d*)$/.test(suffix) ? Number(suffix) : undefined;
}

/** One pod as the graph draws it; STATUS, READY and RESTARTS are kubectl's own cells. */
export function toPodView(pod: Pod, nowMs: number, probeFailures: ProbeFailures | undefined): PodView {
  const { metadata, spec } = pod;
  const status = pod.status ?? {};
  const cells = podStatusCells(pod, nowMs);
  const controller = controllerOf(pod);
  const owner: ObjectRef | undefined = controller && {
    kind: controller.kind,
    namespace: metadata.namespace ?? '',
    name: controller.name,
    uid: controller.uid,
  };
  const initStatuses = new Map((status.initContainerStatuses ?? []).map((s) => [s.name, s]));
  const statuses = new Map((status.containerStatuses ?? []).map((s) => [s.name, s]));
  const view: PodView = {
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    uid: metadata.uid ?? '',
    status: cells.status,
    ready: cells.ready,
    // kubectl's cell may add `(5s ago)`; the count leads.
    restarts: parseInt(cells.restarts, 10) || 0,
    phase: status.phase ?? '',
    podReady: (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
    created: parseTimestamp(metadata.creationTimestamp) ?? 0,
    containers: [
      ...(spec.initContainers ?? []).map((c) => toContainerView(c.name, true, initStatuses.get(c.name))),
      ...spec.containers.map((c) => toContainerView(c.name, false, statuses.get(c.name))),
    ],
    probeFailures: probeFailures ? { ...probeFailures } : noProbeFailures(),
  };
  if (spec.nodeName) view.node = spec.nodeName;
  if (owner) view.owner = owner;
  const deadline = parseTimestamp(metadata.deletionTimestamp);
  if (deadline !== undefined) view.deletionDeadline = deadline;
  if (metadata.deletionGracePeriodSeconds !== undefined) view.gracePeriodSeconds = metadata.deletionGracePeriodSeconds;
  const ordinal = ordinalOf(metadata.name, owner);
  if (ordinal !== undefined) view.ordinal = ordinal;
  return view;
}
