/**
 * The pod status the kubelet reports (pkg/kubelet/kubelet_pods.go: generateAPIPodStatus,
 * convertToAPIContainerStatuses, getPhase; pkg/kubelet/status/generate.go): container states with their waiting
 * reasons, the phase, and the kubelet's conditions in their fixed order.
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

/** A restartable init container (`restartPolicy: Always`): a sidecar that keeps running beside the app. */
export function isSidecar(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

/**
 * kuberuntime ShouldContainerBeRestarted: sidecars always, init containers until they succeed, others by the pod's
 * restart policy.
 */
export function willRestart(pod: Pod, state: ContainerWorkerState): boolean {
  const exitCode = state.terminated?.exitCode;
  if (exitCode === undefined) return true;
  if (state.init && isSidecar((pod.spec.initContainers ?? []).find((c) => c.name === state.name))) return true;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (state.init || policy === 'OnFailure') return exitCode !== 0;
  return true;
}

function containerStatus(
  pod: Pod,
  container: Container,
  worker: ContainerWorkerState | undefined,
  defaultWaiting: string,
): ContainerStatus {
  let state: ContainerState = { waiting: { reason: defaultWaiting } };
  let lastState: ContainerState = {};
  if (worker) {
    // A container whose postStart hook still runs, or is being killed because it failed, is not reported running:
    // the pod worker is still inside startContainer.
    const running = worker.runningSince !== undefined && !worker.postStart && worker.killing?.reason !== 'postStart';
    if (worker.lastTerminated) lastState = terminatedState(worker.lastTerminated);
    if (running) state = { running: { startedAt: formatTimestamp(worker.runningSince!) } };
    else if (worker.failure && willRestart(pod, worker)) {
      const waiting: { reason: string; message?: string } = { reason: worker.failure.reason };
      if (worker.failure.message) waiting.message = worker.failure.message;
      state = { waiting };
      if (worker.terminated) lastState = terminatedState(worker.terminated);
    } else if (worker.terminated && worker.runningSince === undefined) state = terminatedState(worker.terminated);
  }
  const status = {
    name: container.name,
    state,
    lastState,
    ready: worker?.ready ?? false,
    restartCount: worker?.restartCount ?? 0,
    image: worker?.imageName ?? container.image ?? '',
    imageID: worker?.imageId ?? '',
    started: worker ? worker.started && state.running !== undefined : false,
  } as ContainerStatus;
  if (worker?.containerId) status.containerID = `containerd://${worker.containerId}`;
  return status;
}

/** getPhase, over the container statuses just generated. */
export function podPhase(pod: Pod, init: ContainerStatus[], regular: ContainerStatus[], terminal: boolean): string {
  let pendingInit = 0;
  let pendingSidecars = 0;
  let failedInit = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  init.forEach((status, i) => {
    if (isSidecar(pod.spec.initContainers?.[i])) {
      // A sidecar counts as running; one not yet started holds the pod in Pending; a stopped one is ignored.
      if (status.state?.running) {
        running++;
        if (!status.started) pendingSidecars++;
      } else if (!status.state?.terminated && !status.lastState?.terminated) pendingSidecars++;
      return;
    }
    if (status.state?.running) pendingInit++;
    else if (status.state?.terminated) {
      if (status.state.terminated.exitCode !== 0) failedInit++;
    } else if (status.lastState?.terminated) {
      if (status.lastState.terminated.exitCode !== 0) failedInit++;
    } else pendingInit++;
  });
  const regularStarted = regular.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
  for (const status of regular) {
    if (status.state?.running) running++;
    else if (status.state?.terminated) {
      stopped++;
      if (status.state.terminated.exitCode === 0) succeeded++;
    } else if (status.lastState?.terminated) stopped++;
    else waiting++;
  }
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (failedInit > 0 && policy === 'Never') return 'Failed';
  if (pendingInit > 0 || (pendingSidecars > 0 && !regularStarted) || waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (terminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return policy === 'Never' ? 'Failed' : 'Running';
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

/** status/generate.go GeneratePodInitializedCondition. */
function initializedCondition(
  pod: Pod,
  worker: PodWorkerState,
  init: ContainerStatus[],
  regular: ContainerStatus[],
  phase: string,
  now: number,
): PodCondition {
  if (phase === 'Succeeded') return condition(worker, 'Initialized', 'True', now, 'PodCompleted');
  // Once a regular container has started, the pod was initialized.
  const anyStarted = regular.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
  // A sidecar is complete once started, any other init container once it exited 0.
  const incomplete = (pod.spec.initContainers ?? [])
    .filter((c, i) => (isSidecar(c) ? !init[i]?.started : init[i]?.state?.terminated?.exitCode !== 0))
    .map((c) => c.name);
  if (anyStarted || incomplete.length === 0) return condition(worker, 'Initialized', 'True', now);
  return condition(
    worker,
    'Initialized',
    'False',
    now,
    'ContainersNotInitialized',
    `containers with incomplete status: [${incomplete.join(' ')}]`,
  );
}

export interface StatusContext {
  hostIp: string;
  /** Whether the pod sandbox is up (PodReadyToStartContainers). */
  sandboxReady: boolean;
  now: number;
}

/** The full status to write, keeping the scheduler's PodScheduled condition. */
export function generatePodStatus(pod: Pod, worker: PodWorkerState, context: StatusContext): PodStatus {
  const { now } = context;
  const initContainers = pod.spec.initContainers ?? [];
  // kubelet_pods.go: with init containers, every container not yet created waits as PodInitializing.
  const defaultWaiting = initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const init = initContainers.map((c) => containerStatus(pod, c, worker.containers[c.name], defaultWaiting));
  const regular = pod.spec.containers.map((c) => containerStatus(pod, c, worker.containers[c.name], defaultWaiting));
  const abnormal = worker.abnormalTermination;
  // An eviction's status function sets the phase, reason and message (kubelet.go SyncTerminatingPod).
  const phase = abnormal ? 'Failed' : podPhase(pod, init, regular, worker.terminal === true);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const conditions: PodCondition[] = [];
  // kubelet_pods.go generateAPIPodStatus: the DisruptionTarget condition comes before the kubelet's own.
  if (abnormal)
    conditions.push({
      type: 'DisruptionTarget',
      status: 'True',
      lastProbeTime: NULL_TIME,
      lastTransitionTime: formatTimestamp(abnormal.at),
      reason: 'TerminationByKubelet',
      message: abnormal.message,
    });
  conditions.push(
    condition(worker, 'PodReadyToStartContainers', context.sandboxReady ? 'True' : 'False', now),
    initializedCondition(pod, worker, init, regular, phase, now),
  );
  const sidecars = init.filter((s, i) => isSidecar(initContainers[i]));
  const unready = [...sidecars, ...regular].filter((s) => !s.ready).map((s) => s.name);
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
    hostIP: context.hostIp,
    hostIPs: [{ ip: context.hostIp }],
    startTime: formatTimestamp(worker.startTime),
  } as PodStatus;
  if (abnormal) {
    status.reason = abnormal.reason;
    status.message = abnormal.message;
  }
  if (worker.podIp) {
    status.podIP = worker.podIp;
    status.podIPs = [{ ip: worker.podIp }];
  }
  if (init.length > 0) status.initContainerStatuses = init;
  status.containerStatuses = regular;
  status.qosClass = qosClassOf(pod);
  return status;
}
