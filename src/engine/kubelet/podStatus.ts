/**
 * The pod status the kubelet reports (pkg/kubelet/kubelet_pods.go:generateAPIPodStatus, getPhase;
 * pkg/kubelet/status/generate.go): phase, conditions in their fixed order, and per-container states.
 */
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../api/kinds';
import { formatTimestamp } from '../runtime/time';
import { qosClassOf } from '../resources/qos';
import type { ContainerWorkerState, PodWorkerState, TerminatedInfo } from './workerState';

const NULL_TIME = null as unknown as string;

function terminatedState(info: TerminatedInfo): ContainerState {
  const terminated: Record<string, unknown> = {
    exitCode: info.exitCode,
    reason: info.reason,
    startedAt: formatTimestamp(info.startedAt),
    finishedAt: formatTimestamp(info.finishedAt),
    containerID: `containerd://${info.containerId}`,
  };
  if (info.message) terminated.message = info.message;
  if (info.signal) terminated.signal = info.signal;
  return { terminated } as unknown as ContainerState;
}

function stateOf(worker: ContainerWorkerState | undefined, defaultWaiting: string): ContainerState {
  if (!worker) return { waiting: { reason: defaultWaiting } };
  if (worker.waiting) {
    const waiting: { reason: string; message?: string } = { reason: worker.waiting.reason };
    if (worker.waiting.message) waiting.message = worker.waiting.message;
    return { waiting };
  }
  if (worker.runningSince !== undefined) return { running: { startedAt: formatTimestamp(worker.runningSince) } };
  if (worker.terminated) return terminatedState(worker.terminated);
  return { waiting: { reason: defaultWaiting } };
}

/** While a dead container waits to restart (CrashLoopBackOff), its last instance is the "last state". */
function lastStateOf(worker: ContainerWorkerState | undefined): ContainerState {
  if (worker?.waiting && worker.terminated) return terminatedState(worker.terminated);
  return worker?.lastTerminated ? terminatedState(worker.lastTerminated) : {};
}

function containerStatus(
  container: Container,
  worker: ContainerWorkerState | undefined,
  defaultWaiting: string,
): ContainerStatus {
  const status: ContainerStatus = {
    name: container.name,
    state: stateOf(worker, defaultWaiting),
    lastState: lastStateOf(worker),
    ready: worker?.ready ?? false,
    restartCount: worker?.restartCount ?? 0,
    image: worker?.imageName ?? container.image ?? '',
    imageID: worker?.imageId ?? '',
    started: worker ? worker.started && worker.runningSince !== undefined : false,
  } as ContainerStatus;
  if (worker?.containerId) status.containerID = `containerd://${worker.containerId}`;
  return status;
}

function isInitDone(pod: Pod, worker: PodWorkerState): boolean {
  return (pod.spec.initContainers ?? []).every(
    (c) => worker.containers[c.name]?.terminated?.exitCode === 0 && !worker.containers[c.name]?.waiting,
  );
}

/** getPhase: Pending until initialised; then by how many app containers run, wait or stopped, and the restart policy. */
export function computePhase(pod: Pod, worker: PodWorkerState): string {
  if (worker.finalPhase) return worker.finalPhase;
  if (!isInitDone(pod, worker)) return 'Pending';
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const container of pod.spec.containers) {
    const state = worker.containers[container.name];
    if (!state) waiting++;
    else if (state.runningSince !== undefined) running++;
    else if (state.terminated) {
      stopped++;
      if (state.terminated.exitCode === 0) succeeded++;
    } else if (state.lastTerminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return 'Running';
    if (policy === 'OnFailure') return stopped === succeeded ? 'Succeeded' : 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

function condition(
  worker: PodWorkerState,
  type: string,
  status: 'True' | 'False',
  now: number,
  reason?: string,
  message?: string,
): PodCondition {
  const previous = worker.conditionTimes[type];
  if (!previous || previous.status !== status) worker.conditionTimes[type] = { status, time: now };
  const result: PodCondition = {
    type,
    status,
    lastProbeTime: NULL_TIME,
    lastTransitionTime: formatTimestamp(worker.conditionTimes[type]!.time),
  };
  if (reason) result.reason = reason;
  if (message) result.message = message;
  return result;
}

export interface NodeIdentity {
  hostIp: string;
}

/** The full status object to write, keeping the scheduler's PodScheduled condition. */
export function generatePodStatus(
  pod: Pod,
  worker: PodWorkerState,
  podIp: string | undefined,
  node: NodeIdentity,
  now: number,
): PodStatus {
  const phase = computePhase(pod, worker);
  const initDone = isInitDone(pod, worker);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const conditions: PodCondition[] = [];
  conditions.push(
    condition(
      worker,
      'PodReadyToStartContainers',
      worker.sandboxReadyAt !== undefined && !terminal ? 'True' : 'False',
      now,
    ),
  );
  const incompleteInit = (pod.spec.initContainers ?? [])
    .filter((c) => worker.containers[c.name]?.terminated?.exitCode !== 0)
    .map((c) => c.name);
  conditions.push(
    initDone
      ? condition(worker, 'Initialized', 'True', now)
      : condition(
          worker,
          'Initialized',
          'False',
          now,
          'ContainersNotInitialized',
          `containers with incomplete status: [${incompleteInit.join(' ')}]`,
        ),
  );
  const unready = pod.spec.containers.filter((c) => !worker.containers[c.name]?.ready).map((c) => c.name);
  for (const type of ['Ready', 'ContainersReady']) {
    if (terminal)
      conditions.push(condition(worker, type, 'False', now, phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed'));
    else if (unready.length === 0) conditions.push(condition(worker, type, 'True', now));
    else
      conditions.push(
        condition(
          worker,
          type,
          'False',
          now,
          'ContainersNotReady',
          `containers with unready status: [${unready.join(' ')}]`,
        ),
      );
  }
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled) conditions.push(scheduled);

  const status: PodStatus = {
    phase,
    conditions,
    hostIP: node.hostIp,
    hostIPs: [{ ip: node.hostIp }],
    startTime: formatTimestamp(worker.startTime),
  } as PodStatus;
  if (podIp) {
    status.podIP = podIp;
    status.podIPs = [{ ip: podIp }];
  }
  const initContainers = pod.spec.initContainers ?? [];
  if (initContainers.length > 0) {
    status.initContainerStatuses = initContainers.map((c) =>
      containerStatus(c, worker.containers[c.name], 'PodInitializing'),
    );
  }
  const appWaiting = initDone ? 'ContainerCreating' : 'PodInitializing';
  status.containerStatuses = pod.spec.containers.map((c) => containerStatus(c, worker.containers[c.name], appWaiting));
  status.qosClass = qosClassOf(pod);
  if (worker.finalPhase === 'Failed' && pod.status?.reason) status.reason = pod.status.reason;
  return status;
}
