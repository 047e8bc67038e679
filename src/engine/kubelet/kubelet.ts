/**
 * The kubelet of every node: a level-triggered pod worker per pod bound to the node (pkg/kubelet/pod_workers.go,
 * kuberuntime_manager.go:SyncPod) that creates the sandbox, runs init containers in order, pulls images, starts and
 * restarts containers with back-off, runs probes, honours graceful termination, and reports status.
 */
import type { ApiServer } from '../api/apiServer';
import type { Container, Node, Pod } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { resolveResourceName } from '../api/resources';
import type { Runtime } from '../runtime/runtime';
import type { Task } from '../runtime/taskQueue';
import { TIMING, inRange } from '../runtime/timing';
import type { EventRecorder, EventType } from '../events/recorder';
import { referenceTo } from '../events/recorder';
import type { ContainerRuntime } from '../node/containerRuntime';
import type { Kernel } from '../os/kernel';
import type { ClusterNetwork } from '../network/clusterNetwork';
import type { ImageCatalog, ImageSpec } from '../images/types';
import type { Mount } from '../os/fs';
import { isInBackoffSince, nextBackoff } from './backoff';
import { formatGoDuration } from './goDuration';
import { buildEnvironment, containerArgv } from './containerEnv';
import { generatePodStatus } from './podStatus';
import { runProbe, type ProbeTarget } from './probeExecution';
import type { ContainerWorkerState, KubeletState, PodWorkerState, ProbeType } from './workerState';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;
const SERVICES = resolveResourceName('services')!;

/** kuberuntime_termination_order / killContainer: the SIGTERM phase always gets at least 2 s. */
const MINIMUM_GRACE_MS = 2_000;
/** PLEG relists every second: a container's exit is noticed at the next relist. */
const PLEG_PERIOD_MS = 1_000;

const TASK = {
  sync: 'kubelet/sync',
  status: 'kubelet/status',
  sandbox: 'kubelet/sandbox',
  pulled: 'kubelet/pulled',
  start: 'kubelet/start',
  probe: 'kubelet/probe',
  kill: 'kubelet/kill',
} as const;

interface ContainerTask {
  uid: string;
  container: string;
}

export interface KubeletDependencies {
  runtime: Runtime;
  api: ApiServer;
  events: EventRecorder;
  containers: ContainerRuntime;
  kernel: Kernel;
  network: ClusterNetwork;
  images: ImageCatalog;
}

export class Kubelet {
  private readonly runtime: Runtime;
  private readonly api: ApiServer;
  private readonly events: EventRecorder;
  private readonly containers: ContainerRuntime;
  private readonly kernel: Kernel;
  private readonly network: ClusterNetwork;
  private readonly images: ImageCatalog;

  constructor(
    readonly state: KubeletState,
    deps: KubeletDependencies,
  ) {
    ({
      runtime: this.runtime,
      api: this.api,
      events: this.events,
      containers: this.containers,
      kernel: this.kernel,
    } = deps);
    this.network = deps.network;
    this.images = deps.images;
    this.runtime.on(TASK.sync, (task) => this.syncPod((task.payload as { uid: string }).uid));
    this.runtime.on(TASK.status, (task) => this.writeStatus((task.payload as { uid: string }).uid));
    this.runtime.on(TASK.sandbox, (task) => this.sandboxReady((task.payload as { uid: string }).uid));
    this.runtime.on(TASK.pulled, (task) => this.imagePulled(task.payload as ContainerTask));
    this.runtime.on(TASK.start, (task) => this.startCreatedContainer(task.payload as ContainerTask));
    this.runtime.on(TASK.probe, (task) => this.probeTick(task));
    this.runtime.on(TASK.kill, (task) => this.killStep(task.payload as ContainerTask & { containerId: string }));
    this.api.watch((event, resource) => {
      if (resource !== PODS) return;
      const pod = event.object as Pod;
      if (!pod.spec.nodeName) return;
      if (event.type === 'DELETED' || this.isNodeRunning(pod.spec.nodeName))
        this.queueSync(pod.metadata.uid!, TIMING.kubeletReactionMs);
    });
  }

  static initialState(): KubeletState {
    return { pods: {}, pullQueue: {}, containerOwners: {} };
  }

  /** Hook from the kernel: a container's main process ended. */
  onContainerExit(containerId: string, exitCode: number, signal: string | undefined): void {
    const record = this.containers.markExited(containerId, exitCode, signal);
    const uid = this.state.containerOwners[containerId];
    if (!record || !uid) return;
    const worker = this.state.pods[uid];
    const container = worker ? Object.values(worker.containers).find((c) => c.containerId === containerId) : undefined;
    if (!worker || !container || container.runningSince === undefined) return;
    container.terminated = {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt: container.runningSince,
      finishedAt: this.runtime.now(),
      containerId,
    };
    delete container.runningSince;
    delete container.killing;
    container.ready = false;
    container.started = false;
    container.probes = {};
    this.queueSync(uid, PLEG_PERIOD_MS - (this.runtime.now() % PLEG_PERIOD_MS));
  }

  /** Every container instance's log, newest last, for `kubectl logs` (current and previous instance). */
  containerIds(uid: string, container: string): { current?: string; previous?: string } {
    const worker = this.state.pods[uid]?.containers[container];
    if (!worker) return {};
    return { current: worker.containerId, previous: worker.lastTerminated?.containerId };
  }

  private isNodeRunning(node: string): boolean {
    const object = this.api.find(NODES, undefined, node) as Node | undefined;
    return object !== undefined && object.metadata.annotations?.['kubeplay.dev/kubelet-stopped'] !== 'true';
  }

  private queueSync(uid: string, delayMs: number): void {
    this.runtime.after(delayMs, TASK.sync, { uid }, `kubelet-sync/${uid}`);
  }

  private queueStatus(uid: string): void {
    this.runtime.after(TIMING.statusSyncMs, TASK.status, { uid }, `kubelet-status/${uid}`);
  }

  private findPod(worker: PodWorkerState): Pod | undefined {
    const pod = this.api.find(PODS, worker.namespace, worker.name) as Pod | undefined;
    return pod && pod.metadata.uid === worker.uid ? pod : undefined;
  }

  private findPodByUid(uid: string): Pod | undefined {
    const worker = this.state.pods[uid];
    if (worker) return this.findPod(worker);
    return (this.api.all(PODS) as Pod[]).find((p) => p.metadata.uid === uid);
  }

  private record(pod: Pod, type: EventType, reason: string, message: string, container?: string): void {
    const fieldPath = container ? this.fieldPath(pod, container) : undefined;
    this.events.record(referenceTo(pod as unknown as KubeObject, fieldPath), type, reason, message, {
      component: 'kubelet',
      host: pod.spec.nodeName,
    });
  }

  private fieldPath(pod: Pod, container: string): string {
    const init = (pod.spec.initContainers ?? []).some((c) => c.name === container);
    return init ? `spec.initContainers{${container}}` : `spec.containers{${container}}`;
  }

  // ---------------------------------------------------------------- the pod worker

  private syncPod(uid: string): void {
    const worker = this.state.pods[uid];
    const pod = this.findPodByUid(uid);
    if (!pod) {
      if (worker) this.cleanupPod(worker);
      return;
    }
    if (!pod.spec.nodeName || !this.isNodeRunning(pod.spec.nodeName)) return;
    const current = worker ?? this.adoptPod(pod);
    if (pod.metadata.deletionTimestamp) {
      this.terminatePod(pod, current);
      return;
    }
    if (current.finalPhase) return;
    if (current.sandboxReadyAt === undefined) {
      if (current.sandboxPendingUntil === undefined) {
        const delay = inRange(TIMING.sandboxSetupMs, this.runtime.random());
        current.sandboxPendingUntil = this.runtime.now() + delay;
        this.runtime.after(delay, TASK.sandbox, { uid });
      }
      this.queueStatus(uid);
      return;
    }
    if (!this.runInitContainers(pod, current)) {
      this.queueStatus(uid);
      return;
    }
    for (const container of pod.spec.containers) this.syncContainer(pod, current, container, false);
    this.queueStatus(uid);
  }

  private adoptPod(pod: Pod): PodWorkerState {
    const worker: PodWorkerState = {
      uid: pod.metadata.uid!,
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      node: pod.spec.nodeName!,
      startTime: this.runtime.now(),
      containers: {},
      terminating: false,
      conditionTimes: {},
    };
    this.state.pods[worker.uid] = worker;
    return worker;
  }

  private sandboxReady(uid: string): void {
    const worker = this.state.pods[uid];
    const pod = worker ? this.findPod(worker) : undefined;
    if (!worker || !pod || pod.metadata.deletionTimestamp) {
      if (worker) this.queueSync(uid, 0);
      return;
    }
    this.containers.createSandbox({
      podUid: uid,
      node: worker.node,
      namespace: worker.namespace,
      podName: worker.name,
      hostname: pod.spec.hostname ?? pod.metadata.name,
      subdomain: pod.spec.subdomain,
      hostNetwork: pod.spec.hostNetwork === true,
      shareProcessNamespace: pod.spec.shareProcessNamespace === true,
      dnsPolicy: pod.spec.dnsPolicy ?? 'ClusterFirst',
    });
    worker.sandboxReadyAt = this.runtime.now();
    delete worker.sandboxPendingUntil;
    this.queueSync(uid, 0);
  }

  /** Init containers one at a time, each to a successful exit (§8.3). Returns true once all are done. */
  private runInitContainers(pod: Pod, worker: PodWorkerState): boolean {
    for (const container of pod.spec.initContainers ?? []) {
      const state = worker.containers[container.name];
      if (state?.terminated?.exitCode === 0 && !state.waiting) continue;
      if (state?.terminated && state.terminated.exitCode !== 0 && (pod.spec.restartPolicy ?? 'Always') === 'Never') {
        worker.finalPhase = 'Failed';
        return false;
      }
      this.syncContainer(pod, worker, container, true);
      return false;
    }
    return true;
  }

  private containerWorker(worker: PodWorkerState, name: string, init: boolean): ContainerWorkerState {
    return (worker.containers[name] ??= { name, init, restartCount: 0, ready: false, started: false, probes: {} });
  }

  /** Brings one container towards running: start it, restart it per policy with back-off, or leave it be. */
  private syncContainer(pod: Pod, worker: PodWorkerState, container: Container, init: boolean): void {
    const state = this.containerWorker(worker, container.name, init);
    const now = this.runtime.now();
    if (state.runningSince !== undefined || state.killing) return;
    if (state.pendingUntil !== undefined && state.pendingUntil > now) return;
    if (state.terminated) {
      const policy = pod.spec.restartPolicy ?? 'Always';
      const restart = init
        ? state.terminated.exitCode !== 0
        : policy === 'Always' || (policy === 'OnFailure' && state.terminated.exitCode !== 0);
      if (!restart) {
        delete state.waiting;
        this.finishIfDone(pod, worker);
        return;
      }
      const finishedAt = state.terminated.finishedAt;
      if (isInBackoffSince(state.restartBackoff, finishedAt, now)) {
        const remaining = finishedAt + state.restartBackoff!.delayMs - now;
        const message = `back-off ${formatGoDuration(state.restartBackoff!.delayMs)} restarting failed container=${container.name} pod=${pod.metadata.name}_${worker.namespace}(${worker.uid})`;
        if (state.waiting?.reason !== 'CrashLoopBackOff') {
          this.record(
            pod,
            'Warning',
            'BackOff',
            `Back-off restarting failed container ${container.name} in pod ${pod.metadata.name}_${worker.namespace}(${worker.uid})`,
            container.name,
          );
        }
        state.waiting = { reason: 'CrashLoopBackOff', message };
        this.queueSync(worker.uid, remaining);
        return;
      }
      state.restartBackoff = nextBackoff(state.restartBackoff, now);
    }
    this.ensureImage(pod, worker, container, state);
  }

  /** Pods whose containers all stopped for good take their terminal phase. */
  private finishIfDone(pod: Pod, worker: PodWorkerState): void {
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return;
    const states = pod.spec.containers.map((c) => worker.containers[c.name]);
    if (states.some((s) => !s?.terminated || s.runningSince !== undefined)) return;
    const failed = states.some((s) => s!.terminated!.exitCode !== 0);
    if (policy === 'Never') worker.finalPhase = failed ? 'Failed' : 'Succeeded';
    else if (!failed) worker.finalPhase = 'Succeeded';
  }

  // ---------------------------------------------------------------- images

  private ensureImage(pod: Pod, worker: PodWorkerState, container: Container, state: ContainerWorkerState): void {
    const now = this.runtime.now();
    const resolution = this.images.resolve(container.image ?? '');
    if (resolution.kind === 'invalid') {
      state.waiting = { reason: 'InvalidImageName', message: resolution.message };
      this.record(pod, 'Warning', 'InspectFailed', resolution.message, container.name);
      this.record(pod, 'Warning', 'Failed', 'Error: InvalidImageName', container.name);
      return;
    }
    const reference = resolution.kind === 'found' ? resolution.image.reference : resolution.reference;
    const present = this.containers.hasImage(worker.node, reference.canonical);
    const policy = container.imagePullPolicy ?? 'IfNotPresent';
    if (policy === 'Never' && !present) {
      const message = `Container image "${container.image}" is not present with pull policy of Never`;
      state.waiting = { reason: 'ErrImageNeverPull', message };
      this.record(pod, 'Warning', 'ErrImageNeverPull', message, container.name);
      this.record(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', container.name);
      this.queueSync(worker.uid, 10_000);
      return;
    }
    if (present && policy !== 'Always' && resolution.kind === 'found') {
      this.record(
        pod,
        'Normal',
        'Pulled',
        `Container image "${container.image}" already present on machine`,
        container.name,
      );
      this.createContainer(pod, worker, container, state, resolution.image);
      return;
    }
    if (state.pullBackoff && isInBackoffSince(state.pullBackoff, state.pullBackoff.lastUpdate, now)) {
      const message = `Back-off pulling image "${container.image}"`;
      if (state.waiting?.reason !== 'ImagePullBackOff') {
        this.record(pod, 'Normal', 'BackOff', message, container.name);
        this.record(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', container.name);
      }
      state.waiting = { reason: 'ImagePullBackOff', message };
      this.queueSync(worker.uid, state.pullBackoff.lastUpdate + state.pullBackoff.delayMs - now);
      return;
    }
    // Pulls on a node are serialized (kubelet --serialize-image-pulls=true).
    const queueFree = Math.max(now, this.state.pullQueue[worker.node] ?? 0);
    const sizeBytes = resolution.kind === 'found' ? resolution.image.sizeBytes : 0;
    const pullMs =
      resolution.kind === 'found'
        ? inRange(TIMING.pullOverheadMs, this.runtime.random()) + Math.round(sizeBytes / TIMING.pullBytesPerMs)
        : inRange(TIMING.pullOverheadMs, this.runtime.random());
    const done = queueFree + pullMs;
    this.state.pullQueue[worker.node] = done;
    this.record(pod, 'Normal', 'Pulling', `Pulling image "${container.image}"`, container.name);
    // A retry keeps showing the last pull error until it succeeds.
    if (state.waiting?.reason !== 'ErrImagePull' && state.waiting?.reason !== 'ImagePullBackOff') {
      state.waiting = { reason: state.init ? 'PodInitializing' : 'ContainerCreating' };
    }
    state.pendingUntil = done;
    state.imagePulledAt = now;
    this.runtime.at(done, TASK.pulled, { uid: worker.uid, container: container.name });
  }

  private imagePulled(payload: ContainerTask): void {
    const worker = this.state.pods[payload.uid];
    const pod = worker ? this.findPod(worker) : undefined;
    const state = worker?.containers[payload.container];
    if (!worker || !pod || !state || pod.metadata.deletionTimestamp) return;
    delete state.pendingUntil;
    const container = this.specOf(pod, payload.container);
    if (!container) return;
    const resolution = this.images.resolve(container.image ?? '');
    const now = this.runtime.now();
    const started = state.imagePulledAt ?? now;
    if (resolution.kind !== 'found') {
      const canonical = resolution.kind === 'tag-not-found' ? resolution.reference.canonical : container.image;
      const message =
        `Failed to pull image "${container.image}": rpc error: code = NotFound desc = failed to pull and unpack image ` +
        `"${canonical}": failed to resolve reference "${canonical}": ${canonical}: not found`;
      this.record(pod, 'Warning', 'Failed', message, container.name);
      this.record(pod, 'Warning', 'Failed', 'Error: ErrImagePull', container.name);
      state.waiting = { reason: 'ErrImagePull', message };
      state.pullBackoff = nextBackoff(state.pullBackoff, now);
      // The pod worker retries soon; the image manager answers ImagePullBackOff until the back-off expires.
      this.queueSync(worker.uid, PLEG_PERIOD_MS);
      this.queueStatus(worker.uid);
      return;
    }
    const image = resolution.image;
    this.containers.storeImage(worker.node, image);
    delete state.pullBackoff;
    const pullOnly = now - started;
    this.record(
      pod,
      'Normal',
      'Pulled',
      `Successfully pulled image "${container.image}" in ${formatGoDuration(pullOnly)} (${formatGoDuration(pullOnly)} including waiting). Image size: ${image.sizeBytes} bytes.`,
      container.name,
    );
    if (image.simulated) {
      this.record(
        pod,
        'Normal',
        'Simulated',
        `Image "${container.image}" is not in Kube Playground's catalog: it runs as a generic long-running process`,
        container.name,
      );
    }
    this.createContainer(pod, worker, container, state, image);
  }

  private specOf(pod: Pod, name: string): Container | undefined {
    return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c) => c.name === name);
  }

  // ---------------------------------------------------------------- create / start

  private createContainer(
    pod: Pod,
    worker: PodWorkerState,
    container: Container,
    state: ContainerWorkerState,
    image: ImageSpec,
  ): void {
    const delay =
      inRange(TIMING.containerCreateMs, this.runtime.random()) +
      inRange(TIMING.containerStartMs, this.runtime.random());
    state.pendingUntil = this.runtime.now() + delay;
    state.imageName = image.reference.canonical;
    state.imageId = `${image.reference.registry}/${image.reference.repository}@${image.digest}`;
    if (!state.waiting || state.waiting.reason === 'ErrImagePull' || state.waiting.reason === 'ImagePullBackOff') {
      state.waiting = { reason: state.init ? 'PodInitializing' : 'ContainerCreating' };
    }
    this.runtime.after(delay, TASK.start, { uid: worker.uid, container: container.name });
  }

  private startCreatedContainer(payload: ContainerTask): void {
    const worker = this.state.pods[payload.uid];
    const pod = worker ? this.findPod(worker) : undefined;
    const state = worker?.containers[payload.container];
    if (!worker || !pod || !state || pod.metadata.deletionTimestamp) return;
    delete state.pendingUntil;
    const container = this.specOf(pod, payload.container);
    const sandbox = this.containers.sandbox(worker.uid);
    const resolution = container ? this.images.resolve(container.image ?? '') : undefined;
    if (!container || !sandbox || resolution?.kind !== 'found') return;
    const image = resolution.image;
    const hostIp = this.nodeIp(worker.node);
    const env = buildEnvironment(container, image, {
      pod,
      podIp: sandbox.ip,
      hostIp,
      serviceEnv: this.serviceEnv(worker.namespace),
    });
    if (container.ports && image.simulated) env.KUBEPLAY_PORTS = container.ports.map((p) => p.containerPort).join(',');
    const argv = containerArgv(container, image, env);
    const record = this.containers.createContainer({
      podUid: worker.uid,
      name: container.name,
      image,
      argv,
      env,
      workingDir: container.workingDir ?? image.workingDir,
      mounts: this.mountsFor(pod, container, worker),
      runtimeFiles: this.runtimeFiles(pod, sandbox.ip, sandbox.hostname),
      stdinOpen: container.stdin === true,
    });
    this.state.containerOwners[record.id] = worker.uid;
    this.record(pod, 'Normal', 'Created', `Created container: ${container.name}`, container.name);
    if (state.containerId && state.terminated) {
      state.lastTerminated = state.terminated;
      state.restartCount++;
      this.forgetContainer(state.lastTerminated.containerId, record.id);
    }
    delete state.terminated;
    delete state.waiting;
    state.containerId = record.id;
    state.runningSince = this.runtime.now();
    const started = this.containers.startContainer(record.id);
    if (!started.ok) {
      const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${started.error}: unknown`;
      this.record(pod, 'Warning', 'Failed', `Error: ${message}`, container.name);
      delete state.runningSince;
      state.terminated = {
        exitCode: 128,
        reason: 'StartError',
        message,
        startedAt: this.runtime.now(),
        finishedAt: this.runtime.now(),
        containerId: record.id,
      };
      this.queueSync(worker.uid, PLEG_PERIOD_MS);
      this.queueStatus(worker.uid);
      return;
    }
    this.record(pod, 'Normal', 'Started', `Started container ${container.name}`, container.name);
    if (!state.init) this.runPostStart(pod, worker, container, state);
    if (state.runningSince !== undefined) this.startProbes(pod, worker, container, state);
    this.queueStatus(worker.uid);
  }

  /** Keeps only the current and previous instance of a container (what `kubectl logs [-p]` can reach). */
  private forgetContainer(previousId: string | undefined, currentId: string): void {
    for (const [id, uid] of Object.entries(this.state.containerOwners)) {
      if (id === previousId || id === currentId) continue;
      const record = this.containers.container(id);
      const worker = this.state.pods[uid];
      const inUse =
        worker &&
        Object.values(worker.containers).some((c) => c.containerId === id || c.lastTerminated?.containerId === id);
      if (record && !inUse) {
        this.containers.removeContainer(id);
        delete this.state.containerOwners[id];
      }
    }
  }

  private runPostStart(pod: Pod, worker: PodWorkerState, container: Container, state: ContainerWorkerState): void {
    const hook = container.lifecycle?.postStart;
    if (!hook) return;
    const result = this.runHook(pod, worker, state.containerId!, hook);
    if (result.ok) return;
    const message = `PostStartHook failed`;
    this.record(pod, 'Warning', 'FailedPostStartHook', result.message, container.name);
    this.beginKill(pod, worker, container, state, 'postStart', message);
  }

  /** Runs an exec or httpGet handler (hooks) to completion; returns whether it succeeded. */
  private runHook(
    pod: Pod,
    worker: PodWorkerState,
    containerId: string,
    hook: NonNullable<Container['lifecycle']>['postStart'],
  ): { ok: true } | { ok: false; message: string } {
    if (!hook) return { ok: true };
    if (hook.exec) {
      const command = hook.exec.command ?? [];
      const result = this.execNow(containerId, command);
      if ('error' in result)
        return {
          ok: false,
          message: `Exec lifecycle hook (${JSON.stringify(command).replace(/,/g, ' ')}) for Container "${this.nameOf(worker, containerId)}" in Pod "${pod.metadata.name}_${worker.namespace}(${worker.uid})" failed - error: ${result.error}, message: ""`,
        };
      if ('timedOut' in result || result.exitCode === 0) return { ok: true };
      return {
        ok: false,
        message: `Exec lifecycle hook ([${command.join(' ')}]) for Container "${this.nameOf(worker, containerId)}" in Pod "${pod.metadata.name}_${worker.namespace}(${worker.uid})" failed - error: command '${command.join(' ')}' exited with ${result.exitCode}: ${result.output}, message: "${result.output}"`,
      };
    }
    if (hook.httpGet) {
      const sandbox = this.containers.sandbox(worker.uid);
      const port = typeof hook.httpGet.port === 'number' ? hook.httpGet.port : Number(hook.httpGet.port);
      const outcome = this.nodeNet(worker.node).http({
        method: 'GET',
        host: hook.httpGet.host || sandbox?.ip || '',
        port,
        path: hook.httpGet.path ?? '/',
      });
      if (outcome.ok && outcome.response.status < 400) return { ok: true };
      return {
        ok: false,
        message: `HTTP lifecycle hook (${hook.httpGet.path ?? '/'}) for Container in Pod "${pod.metadata.name}_${worker.namespace}(${worker.uid})" failed`,
      };
    }
    if (hook.sleep) return { ok: true };
    return { ok: true };
  }

  private nameOf(worker: PodWorkerState, containerId: string): string {
    return Object.values(worker.containers).find((c) => c.containerId === containerId)?.name ?? '';
  }

  /**
   * Runs a command in a container within the current instant. A command still running afterwards is killed
   * and reported as timed out, whatever its timeoutSeconds: the simulation never blocks the pod worker.
   */
  private execNow(
    containerId: string,
    argv: string[],
  ): { exitCode: number; output: string } | { timedOut: true } | { error: string } {
    const record = this.containers.container(containerId);
    if (!record || record.state !== 'running') return { error: 'container not running' };
    const started = this.kernel.startExec(containerId, argv, record.env, record.workingDir);
    if (!started.ok) return { error: started.error };
    const capture = this.kernel.captured(started.captureId);
    if (!capture || capture.exitCode === undefined) {
      // Still running: the simulation does not block the kubelet; a hook or probe that sleeps is cut short.
      this.kernel.signal(record.pidNs, started.pid, 'SIGKILL');
      this.kernel.releaseCapture(started.captureId);
      return { timedOut: true };
    }
    this.kernel.releaseCapture(started.captureId);
    return { exitCode: capture.exitCode, output: capture.stdout + capture.stderr };
  }

  // ---------------------------------------------------------------- probes

  private startProbes(pod: Pod, worker: PodWorkerState, container: Container, state: ContainerWorkerState): void {
    const containerId = state.containerId!;
    state.started = !container.startupProbe;
    state.ready = false;
    state.probes = {};
    const types: [ProbeType, Container['livenessProbe']][] = [
      ['startup', container.startupProbe],
      ['liveness', container.livenessProbe],
      ['readiness', container.readinessProbe],
    ];
    for (const [type, probe] of types) {
      if (!probe) continue;
      // Initial results (prober/worker.go): readiness starts failed, liveness succeeded, startup unknown.
      state.probes[type] = {
        containerId,
        result: type === 'readiness' ? 'Failure' : type === 'liveness' ? 'Success' : 'Unknown',
        consecutiveSuccesses: 0,
        consecutiveFailures: 0,
      };
      // A probe worker starts when the kubelet adds the pod and ticks every period from then; ticks before the
      // container has run for initialDelaySeconds do nothing (prober/worker.go: run, doProbe).
      const period = (probe.periodSeconds ?? 10) * 1000;
      const earliest = this.runtime.now() + (probe.initialDelaySeconds ?? 0) * 1000;
      const first = worker.startTime + Math.ceil((earliest - worker.startTime) / period) * period;
      this.runtime.at(first, TASK.probe, { uid: worker.uid, container: container.name, type, containerId });
    }
    if (!container.readinessProbe && state.started) state.ready = true;
  }

  private probeTick(task: Task): void {
    const {
      uid,
      container: name,
      type,
      containerId,
    } = task.payload as ContainerTask & { type: ProbeType; containerId: string };
    const worker = this.state.pods[uid];
    const pod = worker ? this.findPod(worker) : undefined;
    const state = worker?.containers[name];
    const probeState = state?.probes[type];
    if (
      !worker ||
      !pod ||
      !state ||
      !probeState ||
      probeState.containerId !== containerId ||
      state.containerId !== containerId
    )
      return;
    if (state.runningSince === undefined) return;
    const container = this.specOf(pod, name)!;
    const probe =
      type === 'liveness'
        ? container.livenessProbe
        : type === 'readiness'
          ? container.readinessProbe
          : container.startupProbe;
    if (!probe) return;
    const period = (probe.periodSeconds ?? 10) * 1000;
    this.runtime.after(period, TASK.probe, { uid, container: name, type, containerId });
    if (pod.metadata.deletionTimestamp && type !== 'readiness') return;
    // Liveness and readiness wait for the startup probe (worker.go: `if !w.containerStarted`); startup stops once passed.
    if (type !== 'startup' && !state.started) return;
    if (type === 'startup' && state.started) return;
    if (state.killing) return;
    const outcome = runProbe(probe, this.probeTarget(pod, worker, container, containerId));
    probeState.lastOutcome = { time: this.runtime.now(), success: outcome.success, output: outcome.output };
    const label = type === 'liveness' ? 'Liveness' : type === 'readiness' ? 'Readiness' : 'Startup';
    if (outcome.success) {
      probeState.consecutiveSuccesses++;
      probeState.consecutiveFailures = 0;
      const threshold = probe.successThreshold ?? 1;
      if (probeState.result !== 'Success' && probeState.consecutiveSuccesses >= threshold) {
        probeState.result = 'Success';
        this.onProbeResult(pod, worker, container, state, type, true);
      }
      return;
    }
    probeState.consecutiveFailures++;
    probeState.consecutiveSuccesses = 0;
    this.record(pod, 'Warning', 'Unhealthy', `${label} probe failed: ${outcome.output}`, name);
    const threshold = probe.failureThreshold ?? 3;
    if (probeState.consecutiveFailures >= threshold && (probeState.result !== 'Failure' || type !== 'readiness')) {
      probeState.result = 'Failure';
      this.onProbeResult(pod, worker, container, state, type, false);
    }
  }

  private onProbeResult(
    pod: Pod,
    worker: PodWorkerState,
    container: Container,
    state: ContainerWorkerState,
    type: ProbeType,
    success: boolean,
  ): void {
    if (type === 'readiness') {
      state.ready = success && state.started;
      this.queueStatus(worker.uid);
      return;
    }
    if (type === 'startup' && success) {
      state.started = true;
      if (!container.readinessProbe) state.ready = true;
      this.queueStatus(worker.uid);
      return;
    }
    if (success) return;
    const restart = (pod.spec.restartPolicy ?? 'Always') !== 'Never';
    const message = `Container ${container.name} failed ${type} probe${restart ? ', will be restarted' : ''}`;
    this.beginKill(pod, worker, container, state, type, message);
  }

  private probeTarget(pod: Pod, worker: PodWorkerState, container: Container, containerId: string): ProbeTarget {
    const sandbox = this.containers.sandbox(worker.uid);
    const namedPorts: Record<string, number> = {};
    for (const port of container.ports ?? []) if (port.name) namedPorts[port.name] = port.containerPort;
    return {
      podIp: sandbox?.ip ?? '',
      namedPorts,
      net: this.nodeNet(worker.node),
      exec: (argv) => this.execNow(containerId, argv),
    };
  }

  // ---------------------------------------------------------------- stopping containers

  /**
   * killContainer (kuberuntime_container.go): `Killing` event, preStop hook within the grace period, SIGTERM, and
   * SIGKILL when the remaining grace (at least 2 s) runs out.
   */
  private beginKill(
    pod: Pod,
    worker: PodWorkerState,
    container: Container,
    state: ContainerWorkerState,
    reason: 'delete' | 'liveness' | 'startup' | 'postStart',
    message: string,
  ): void {
    if (state.killing || state.runningSince === undefined || !state.containerId) return;
    const probe =
      reason === 'liveness' ? container.livenessProbe : reason === 'startup' ? container.startupProbe : undefined;
    let graceSeconds = probe?.terminationGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    if (reason === 'delete') graceSeconds = pod.metadata.deletionGracePeriodSeconds ?? graceSeconds;
    const now = this.runtime.now();
    this.record(pod, 'Normal', 'Killing', message, container.name);
    state.ready = false;
    const deadline = now + graceSeconds * 1000;
    const preStop = container.lifecycle?.preStop;
    const containerId = state.containerId;
    if (preStop && !state.init && graceSeconds > 0) {
      state.killing = { reason, deadline, stage: 'preStop' };
      const record = this.containers.container(containerId);
      if (preStop.exec && record) {
        const started = this.kernel.startExec(containerId, preStop.exec.command ?? [], record.env, record.workingDir);
        if (started.ok) state.killing.preStopCapture = started.captureId;
      } else if (preStop.sleep) {
        this.runtime.after(Math.min(preStop.sleep.seconds * 1000, graceSeconds * 1000), TASK.kill, {
          uid: worker.uid,
          container: container.name,
          containerId,
        });
      } else if (preStop.httpGet) {
        this.runHook(pod, worker, containerId, preStop);
      }
      this.runtime.at(deadline, TASK.kill, { uid: worker.uid, container: container.name, containerId });
      this.pollPreStop(worker.uid, container.name, containerId);
    } else {
      state.killing = {
        reason,
        deadline: now + Math.max(graceSeconds * 1000, graceSeconds === 0 ? 0 : MINIMUM_GRACE_MS),
        stage: 'sigterm',
      };
      this.sendSignal(containerId, graceSeconds === 0 ? 'SIGKILL' : 'SIGTERM');
      this.runtime.at(state.killing.deadline, TASK.kill, { uid: worker.uid, container: container.name, containerId });
    }
    this.queueStatus(worker.uid);
  }

  /** Checks every 100 ms whether the preStop hook has finished, so SIGTERM follows it promptly. */
  private pollPreStop(uid: string, container: string, containerId: string): void {
    this.runtime.after(100, TASK.kill, { uid, container, containerId, poll: true });
  }

  private killStep(payload: ContainerTask & { containerId: string; poll?: boolean }): void {
    const worker = this.state.pods[payload.uid];
    const state = worker?.containers[payload.container];
    if (!worker || !state?.killing || state.containerId !== payload.containerId || state.runningSince === undefined)
      return;
    const killing = state.killing;
    const now = this.runtime.now();
    if (killing.stage === 'preStop') {
      const capture = killing.preStopCapture ? this.kernel.captured(killing.preStopCapture) : undefined;
      const hookDone = !killing.preStopCapture || capture?.exitCode !== undefined;
      if (!hookDone && now < killing.deadline) {
        if (payload.poll) this.pollPreStop(payload.uid, payload.container, payload.containerId);
        return;
      }
      if (killing.preStopCapture) this.kernel.releaseCapture(killing.preStopCapture);
      // Time left after preStop, but never less than the 2 s minimum.
      killing.stage = 'sigterm';
      killing.deadline = now + Math.max(killing.deadline - now, MINIMUM_GRACE_MS);
      this.sendSignal(payload.containerId, 'SIGTERM');
      this.runtime.at(killing.deadline, TASK.kill, payload);
      return;
    }
    if (killing.stage === 'sigterm' && now >= killing.deadline) {
      killing.stage = 'sigkill';
      this.sendSignal(payload.containerId, 'SIGKILL');
    }
  }

  private sendSignal(containerId: string, signal: 'SIGTERM' | 'SIGKILL'): void {
    const record = this.containers.container(containerId);
    if (record?.mainPid !== undefined) this.kernel.signal(record.pidNs, record.mainPid, signal);
  }

  /** Graceful pod termination: stop every running container, then remove the sandbox and confirm the deletion. */
  private terminatePod(pod: Pod, worker: PodWorkerState): void {
    worker.terminating = true;
    for (const container of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
      const state = worker.containers[container.name];
      if (!state) continue;
      delete state.pendingUntil;
      if (state.waiting) delete state.waiting;
      if (state.runningSince !== undefined)
        this.beginKill(pod, worker, container, state, 'delete', `Stopping container ${container.name}`);
    }
    const running = Object.values(worker.containers).some((c) => c.runningSince !== undefined);
    if (running) {
      this.queueStatus(worker.uid);
      return;
    }
    this.writeStatus(worker.uid);
    this.containers.removeSandbox(worker.uid);
    this.api.delete(PODS, worker.namespace, worker.name, { gracePeriodSeconds: 0, preconditionUid: worker.uid });
    this.forgetPod(worker);
  }

  private cleanupPod(worker: PodWorkerState): void {
    this.containers.removeSandbox(worker.uid);
    this.forgetPod(worker);
  }

  private forgetPod(worker: PodWorkerState): void {
    for (const [id, uid] of Object.entries(this.state.containerOwners))
      if (uid === worker.uid) delete this.state.containerOwners[id];
    delete this.state.pods[worker.uid];
  }

  // ---------------------------------------------------------------- status and helpers

  private writeStatus(uid: string): void {
    const worker = this.state.pods[uid];
    const pod = worker ? this.findPod(worker) : undefined;
    if (!worker || !pod) return;
    const sandbox = this.containers.sandbox(uid);
    const status = generatePodStatus(
      pod,
      worker,
      sandbox?.ip,
      { hostIp: this.nodeIp(worker.node) },
      this.runtime.now(),
    );
    this.api.updateStatus({ ...(pod as unknown as KubeObject), status });
  }

  private nodeIp(node: string): string {
    const object = this.api.find(NODES, undefined, node) as Node | undefined;
    return object?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  private nodeNet(node: string) {
    return this.network.stackFor({
      netNs: `node:${node}`,
      ip: this.nodeIp(node),
      dnsPolicy: 'Default',
      namespace: 'default',
      ownNames: [node],
    });
  }

  /** Docker-link style variables for the Services of a namespace (pkg/kubelet/envvars), and always the API server's. */
  private serviceEnv(namespace: string): Record<string, string> {
    const env: Record<string, string> = {};
    const services = [
      ...this.api.all(SERVICES, namespace),
      ...(namespace === 'default'
        ? []
        : this.api.all(SERVICES, 'default').filter((s) => s.metadata.name === 'kubernetes')),
    ];
    for (const service of services) {
      const spec = service.spec as
        { clusterIP?: string; ports?: { name?: string; port: number; protocol?: string }[] } | undefined;
      if (!spec?.clusterIP || spec.clusterIP === 'None') continue;
      const prefix = service.metadata.name!.toUpperCase().replace(/-/g, '_');
      const first = spec.ports?.[0];
      env[`${prefix}_SERVICE_HOST`] = spec.clusterIP;
      if (first) {
        env[`${prefix}_SERVICE_PORT`] = String(first.port);
        const protocol = (first.protocol ?? 'TCP').toLowerCase();
        env[`${prefix}_PORT`] = `${protocol}://${spec.clusterIP}:${first.port}`;
      }
      for (const port of spec.ports ?? []) {
        const protocol = (port.protocol ?? 'TCP').toLowerCase();
        const base = `${prefix}_PORT_${port.port}_${protocol.toUpperCase()}`;
        if (port.name) env[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, '_')}`] = String(port.port);
        env[base] = `${protocol}://${spec.clusterIP}:${port.port}`;
        env[`${base}_PROTO`] = protocol;
        env[`${base}_PORT`] = String(port.port);
        env[`${base}_ADDR`] = spec.clusterIP;
      }
    }
    return env;
  }

  /** Mounts for a container's volumeMounts (emptyDir and hostPath here; config volumes come with their own issue). */
  private mountsFor(pod: Pod, container: Container, worker: PodWorkerState): Mount[] {
    const mounts: Mount[] = [];
    for (const mount of container.volumeMounts ?? []) {
      const volume = (pod.spec.volumes ?? []).find((v) => v.name === mount.name);
      if (!volume) continue;
      let treeId: string | undefined;
      if (volume.hostPath) treeId = this.containers.ensureHostPath(worker.node, volume.hostPath.path);
      else treeId = this.containers.ensurePodVolume(worker.uid, volume.name);
      const entry: Mount = { path: mount.mountPath, treeId, readOnly: mount.readOnly === true };
      if (mount.subPath) entry.subPath = mount.subPath;
      mounts.push(entry);
    }
    return mounts;
  }

  /** /etc/hosts, /etc/hostname and /etc/resolv.conf as the kubelet writes them (kubelet_pods.go:managedHostsFileContent). */
  private runtimeFiles(pod: Pod, podIp: string, hostname: string): Record<string, string> {
    const names = [hostname];
    if (pod.spec.subdomain)
      names.unshift(`${hostname}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.cluster.local`);
    let hosts =
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
    if (pod.spec.hostNetwork !== true) hosts += `${podIp}\t${names.join('\t')}\n`;
    for (const alias of pod.spec.hostAliases ?? []) hosts += `${alias.ip}\t${(alias.hostnames ?? []).join('\t')}\n`;
    return {
      '/etc/hosts': hosts,
      '/etc/hostname': `${hostname}\n`,
      '/etc/resolv.conf': this.network.resolvConf({
        dnsPolicy: pod.spec.dnsPolicy ?? 'ClusterFirst',
        namespace: pod.metadata.namespace ?? 'default',
      }),
    };
  }
}
