/**
 * The kubelet of every node: a level-triggered pod worker per pod bound to the node (pkg/kubelet/pod_workers.go,
 * kuberuntime_manager.go SyncPod) that creates the sandbox, runs init containers in order, then starts the
 * containers one after the other (image, create, start, postStart), restarts them with back-off, probes them,
 * stops them gracefully, and reports the pod's status.
 */
import { fnv32a } from '../runtime/hash';
import type { Container, Node, Pod, Volume } from '../api/kinds';
import type { KubeObject } from '../api/types';
import { configEnv } from './configSources';
import { canGoStale, hasApiContents, volumeContents } from './volumeContents';
import { STATIC_POD_PATH, isMirrorPod, readStaticPods, runningUidOf, syncStaticPods } from './staticPods';
import { cloneJson } from '../runtime/cloneJson';
import { resolveResourceName } from '../api/resources';
import type { Task } from '../runtime/taskQueue';
import { TIMING, inRange } from '../runtime/timing';
import type { ImageSpec } from '../images/types';
import type { Mount } from '../os/fs';
import { isInBackoffSince, nextBackoff } from './backoff';
import { formatGoDuration } from './goDuration';
import { buildEnvironment, containerArgv, managedEtcFiles, serviceLinkEnv } from './containerEnv';
import { ContainerKiller } from './containerKiller';
import { linuxResources } from './linuxResources';
import { EXEC_POLL_MS, abandonExec, checkExec, startExec } from './execInContainer';
import { ImageManager, type ImageCheck } from './imageManager';
import { KubeletContext, specOf, type KubeletDependencies } from './kubeletContext';
import { describePod, execHookFailure, runHttpHook } from './lifecycleHooks';
import { generatePodStatus, isSidecar, willRestart } from './podStatus';
import { Prober } from './prober';
import { boundVolumeOf, volumeStorage } from './persistentVolumes';
import { NodeHeartbeat } from './nodeHeartbeat';
import { resumeReportedStatus } from './resumeReportedStatus';
import type { AbnormalTermination, ContainerWorkerState, KubeletState, PodWorkerState } from './workerState';

export type { KubeletDependencies } from './kubeletContext';

const PODS = resolveResourceName('pods')!;
const NODES = resolveResourceName('nodes')!;
const SERVICES = resolveResourceName('services')!;

/** PLEG relists every second: a container's exit or start is noticed at the next relist. */
const PLEG_PERIOD_MS = 1_000;
/** How soon the kubelet tries again when a ConfigMap or Secret a container needs is missing (pod worker back-off). */
const CONFIG_RETRY_MS = 10_000;
/** kubelet.go podAttachAndMountTimeout: 2 min plus the 3 s of the sync loop. */
const ATTACH_AND_MOUNT_TIMEOUT_MS = 123_000;
/** How often the volume manager looks again for a claim's binding. */
const VOLUME_POLL_MS = 1_000;
/** file.go: the kubelet re-reads its static pod directory every 20 s (fileCheckFrequency). */
const STATIC_POD_CHECK_MS = 20_000;
const STATIC_SCAN_KEY = 'kubelet-static-scan';
/** pod_workers.go workerResyncIntervalJitterFactor: a periodic resync comes 1 to 1.5 sync periods apart. */
const RESYNC_JITTER = 0.5;

const TASK = {
  sync: 'kubelet/sync',
  status: 'kubelet/status',
  sandbox: 'kubelet/sandbox',
  pulled: 'kubelet/pulled',
  create: 'kubelet/create',
  start: 'kubelet/start',
  postStart: 'kubelet/poststart-check',
  relist: 'kubelet/relist',
  resync: 'kubelet/resync',
  staticScan: 'kubelet/static-scan',
} as const;

interface ContainerTask {
  uid: string;
  container: string;
}

interface ExitTask extends ContainerTask {
  containerId: string;
  exitCode: number;
  finishedAt: number;
}

export class Kubelet {
  private readonly ctx: KubeletContext;
  private readonly imageManager: ImageManager;
  private readonly prober: Prober;
  private readonly killer: ContainerKiller;
  /** Each node's kubelet process: its heartbeats, and its machine going down and coming back. */
  readonly nodes: NodeHeartbeat;
  /** Pod uid → ids of its containers in `state.containerOwners` (derived, built on first use). */
  private containersByPod?: Map<string, string[]>;

  constructor(
    readonly state: KubeletState,
    deps: KubeletDependencies,
  ) {
    this.ctx = new KubeletContext(state, deps);
    this.imageManager = new ImageManager(this.ctx);
    this.prober = new Prober(this.ctx, {
      killForProbe: (uid, container, type) => this.killForProbe(uid, container, type),
      resultChanged: (uid) => {
        this.queueStatus(uid);
        this.queueSync(uid, 0);
      },
    });
    this.killer = new ContainerKiller(this.ctx, (worker) => this.podOf(worker));
    this.nodes = new NodeHeartbeat(this.ctx, deps.events, {
      forgetPod: (worker) => this.forgetPod(worker),
      queueSync: (uid) => this.queueSync(uid, TIMING.kubeletReactionMs),
    });
    const runtime = this.ctx.runtime;
    runtime.on(TASK.sync, (task) => this.syncPod((task.payload as { uid: string }).uid));
    runtime.on(TASK.status, (task) => this.writeStatus((task.payload as { uid: string }).uid));
    runtime.on(TASK.sandbox, (task) => this.sandboxReady((task.payload as { uid: string }).uid));
    runtime.on(TASK.pulled, (task) => this.imagePulled(task.payload as ContainerTask));
    runtime.on(TASK.create, (task) => this.createStage(task.payload as ContainerTask));
    runtime.on(TASK.start, (task) => this.startStage(task.payload as ContainerTask));
    runtime.on(TASK.postStart, (task) => this.checkPostStart(task));
    runtime.on(TASK.relist, (task) => this.relisted(task.payload as ExitTask));
    runtime.on(TASK.resync, (task) => this.resyncVolumes((task.payload as { uid: string }).uid));
    runtime.on(TASK.staticScan, () => this.noticeStaticPodFiles());
    this.ctx.api.watch((event, resource) => {
      if (resource !== PODS) return;
      const pod = event.object as Pod;
      if (!pod.spec.nodeName) return;
      const uid = runningUidOf(pod);
      // A mirror pod deleted is not the static pod stopping: the kubelet puts a new mirror back.
      if (isMirrorPod(pod) && (event.type === 'DELETED' || pod.metadata.deletionTimestamp)) {
        this.ctx.runtime.after(TIMING.kubeletReactionMs, TASK.staticScan, undefined, STATIC_SCAN_KEY);
        return;
      }
      const worker = this.state.pods[uid];
      if (event.type === 'DELETED') {
        if (worker) worker.removedPod = cloneJson(pod);
        this.queueSync(uid, TIMING.kubeletReactionMs);
        return;
      }
      // config.go checkAndUpdatePod: a status-only change (the kubelet's own writes) is no reason to sync.
      const fingerprint = podFingerprint(pod);
      if (worker?.seen === fingerprint || !this.isNodeRunning(pod.spec.nodeName)) return;
      if (worker) worker.seen = fingerprint;
      // The static pod's worker exists before the sync looks for it: its uid is not the mirror's.
      else if (isMirrorPod(pod)) this.adoptPod(pod);
      this.queueSync(uid, TIMING.kubeletReactionMs);
    });
  }

  static initialState(): KubeletState {
    return { pods: {}, pullQueue: {}, containerOwners: {} };
  }

  /** Hook from the kernel: a container's main process ended. The kubelet learns it at the next PLEG relist. */
  onContainerExit(containerId: string, exitCode: number, signal: string | undefined): void {
    const record = this.ctx.containers.markExited(containerId, exitCode, signal);
    const uid = this.state.containerOwners[containerId];
    const worker = uid ? this.state.pods[uid] : undefined;
    const state = worker ? Object.values(worker.containers).find((c) => c.containerId === containerId) : undefined;
    if (!record || !worker || !state) return;
    const exit: ExitTask = {
      uid: worker.uid,
      container: state.name,
      containerId,
      exitCode,
      finishedAt: this.ctx.runtime.now(),
    };
    this.ctx.runtime.after(this.untilRelist(), TASK.relist, exit);
  }

  /** generic.go relist: the exit of a container becomes part of the pod's state, and the pod worker syncs. */
  private relisted(exit: ExitTask): void {
    const worker = this.state.pods[exit.uid];
    const state = worker?.containers[exit.container];
    if (!worker || !state || state.containerId !== exit.containerId || state.runningSince === undefined) return;
    state.terminated = {
      exitCode: exit.exitCode,
      reason: this.ctx.containers.container(exit.containerId)?.oomKilled
        ? 'OOMKilled'
        : exit.exitCode === 0
          ? 'Completed'
          : 'Error',
      startedAt: state.runningSince,
      finishedAt: exit.finishedAt,
      containerId: exit.containerId,
    };
    if (state.postStart?.exec) abandonExec(this.ctx.kernel, state.postStart.exec);
    delete state.postStart;
    delete state.runningSince;
    delete state.killing;
    state.ready = false;
    state.started = false;
    state.probes = {};
    this.ctx.structure++;
    this.queueSync(worker.uid, 0);
    this.queueStatus(worker.uid);
  }

  /**
   * Reads every running node's static pod manifests and brings their mirror pods in line. The file source
   * re-reads the directory every 20 s (file.go, fileCheckFrequency); the session also calls this right after a
   * shell command, standing in for the inotify events that make the real kubelet react at once.
   */
  noticeStaticPodFiles(): void {
    this.state.staticPods ??= {};
    for (const node of this.ctx.api.all(NODES) as Node[]) {
      const name = node.metadata.name;
      const tree = this.ctx.containers.hostPathTree(name, STATIC_POD_PATH);
      if (!tree || !this.isNodeRunning(name)) continue;
      const known = (this.state.staticPods[name] ??= {});
      const before = Object.values(known);
      // The mirrors of removed or changed files go now; their workers keep the last copy to stop the pod with.
      for (const hash of before) {
        const worker = this.state.pods[hash];
        const mirror = worker && this.ctx.findPod(worker);
        if (worker && mirror) worker.removedPod = cloneJson(mirror);
      }
      syncStaticPods(this.ctx.api, name, readStaticPods(tree, name), known, this.ctx.runtime.now());
      const after = new Set(Object.values(known));
      for (const hash of before) if (!after.has(hash)) this.queueSync(hash, TIMING.kubeletReactionMs);
    }
    if (Object.keys(this.state.staticPods).length > 0)
      this.ctx.runtime.after(STATIC_POD_CHECK_MS, TASK.staticScan, undefined, STATIC_SCAN_KEY);
  }

  /** TerminatePodAbnormallyAndWait: the kubelet ends a pod it runs (an eviction); it stays, Failed. */
  terminatePodAbnormally(uid: string, termination: AbnormalTermination): void {
    const worker = this.state.pods[uid];
    if (!worker || worker.terminal || worker.abnormalTermination) return;
    worker.abnormalTermination = termination;
    this.queueSync(uid, 0);
  }

  /** The current and previous container instance of a container, for `kubectl logs [-p]` and `kubectl exec`. */
  containerIds(uid: string, container: string): { current?: string; previous?: string } {
    const pod = this.state.pods[uid] ? undefined : (this.ctx.api.findByUid(PODS, uid) as Pod | undefined);
    const worker = this.state.pods[pod ? runningUidOf(pod) : uid]?.containers[container];
    if (!worker) return {};
    return { current: worker.containerId, previous: worker.lastTerminated?.containerId };
  }

  private isNodeRunning(node: string): boolean {
    return this.ctx.api.find(NODES, undefined, node) !== undefined && this.nodes.isUp(node);
  }

  private untilRelist(): number {
    return PLEG_PERIOD_MS - (this.ctx.runtime.now() % PLEG_PERIOD_MS);
  }

  private queueSync(uid: string, delayMs: number): void {
    this.ctx.runtime.after(delayMs, TASK.sync, { uid }, `kubelet-sync/${uid}`);
  }

  private queueStatus(uid: string): void {
    this.ctx.runtime.after(TIMING.statusSyncMs, TASK.status, { uid }, `kubelet-status/${uid}`);
  }

  /** The pod as the kubelet knows it: the API object, or the last copy of a pod that a forced delete removed. */
  private podOf(worker: PodWorkerState): Pod | undefined {
    return this.ctx.findPod(worker) ?? worker.removedPod;
  }

  private findPodByUid(uid: string): Pod | undefined {
    const worker = this.state.pods[uid];
    if (worker) return this.ctx.findPod(worker);
    return this.ctx.api.findByUid(PODS, uid) as Pod | undefined;
  }

  /** The pod worker is inside a step of SyncPod that takes time: pulling, creating, or running postStart. */
  private isBusy(worker: PodWorkerState): boolean {
    return Object.values(worker.containers).some(
      (c) => c.pending !== undefined || c.postStart !== undefined || c.killing?.reason === 'postStart',
    );
  }

  // ---------------------------------------------------------------- the pod worker

  private syncPod(uid: string): void {
    const worker = this.state.pods[uid];
    const pod = this.findPodByUid(uid);
    if (!pod) {
      if (worker) this.terminateRemovedPod(worker);
      return;
    }
    if (!pod.spec.nodeName || !this.isNodeRunning(pod.spec.nodeName)) return;
    const current = worker ?? this.adoptPod(pod);
    if (pod.metadata.deletionTimestamp) {
      this.terminatePod(pod, current);
      return;
    }
    if (current.abnormalTermination && !current.terminal) {
      this.becomeTerminal(pod, current, current.abnormalTermination.gracePeriodSeconds);
      return;
    }
    if (current.terminal) {
      // The last sidecar has stopped: the sandbox goes.
      if (!Object.values(current.containers).some((c) => c.runningSince !== undefined))
        this.ctx.containers.stopSandbox(uid);
      this.queueStatus(uid);
      return;
    }
    if (current.sandboxReadyAt === undefined) {
      if (!this.volumesAttached(pod, current)) return;
      if (current.sandboxPendingUntil === undefined) {
        const delay = inRange(TIMING.sandboxSetupMs, this.ctx.runtime.random());
        current.sandboxPendingUntil = this.ctx.runtime.now() + delay;
        this.ctx.runtime.after(delay, TASK.sandbox, { uid });
      }
      this.queueStatus(uid);
      return;
    }
    if (!this.isBusy(current) && this.runInitContainers(pod, current)) {
      for (const container of pod.spec.containers) {
        this.syncContainer(pod, current, container, false);
        if (this.isBusy(current)) break;
      }
      this.finishIfDone(pod, current);
    }
    this.queueStatus(uid);
  }

  private adoptPod(pod: Pod): PodWorkerState {
    const worker: PodWorkerState = {
      uid: runningUidOf(pod),
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      node: pod.spec.nodeName!,
      startTime: this.ctx.runtime.now(),
      containers: {},
      conditionTimes: {},
      seen: podFingerprint(pod),
    };
    resumeReportedStatus(pod, worker);
    this.state.pods[worker.uid] = worker;
    this.ctx.structure++;
    return worker;
  }

  private sandboxReady(uid: string): void {
    const worker = this.state.pods[uid];
    const pod = worker ? this.ctx.findPod(worker) : undefined;
    if (!worker || !pod || pod.metadata.deletionTimestamp) {
      if (worker) this.queueSync(uid, 0);
      return;
    }
    const sandbox = this.ctx.containers.createSandbox({
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
    worker.sandboxReadyAt = this.ctx.runtime.now();
    worker.podIp = sandbox.ip;
    delete worker.sandboxPendingUntil;
    this.queueSync(uid, 0);
  }

  /**
   * Init containers one at a time, each to a successful exit (§8.3); a sidecar only has to have started, and is
   * kept running (restarted with back-off) from then on. Returns true once the pod is initialized.
   */
  private runInitContainers(pod: Pod, worker: PodWorkerState): boolean {
    // kuberuntime_manager.go computeInitContainerActions: after a regular container started, only sidecars matter.
    const initialized = pod.spec.containers.some((c) => worker.containers[c.name]?.containerId !== undefined);
    for (const container of pod.spec.initContainers ?? []) {
      const state = worker.containers[container.name];
      if (isSidecar(container)) {
        if (state?.runningSince === undefined) {
          this.syncContainer(pod, worker, container, true);
          if (!initialized || this.isBusy(worker)) return false;
        } else if (!initialized && (state.postStart || !state.started)) return false;
        continue;
      }
      if (initialized || (state?.terminated?.exitCode === 0 && state.runningSince === undefined)) continue;
      if (state?.terminated && state.runningSince === undefined && !willRestart(pod, state)) {
        // restartPolicy Never: a failed init container fails the pod.
        this.becomeTerminal(pod, worker);
        return false;
      }
      this.syncContainer(pod, worker, container, true);
      return false;
    }
    return true;
  }

  private containerWorker(worker: PodWorkerState, name: string, init: boolean): ContainerWorkerState {
    const existing = worker.containers[name];
    if (existing) return existing;
    this.ctx.structure++;
    return (worker.containers[name] = { name, init, restartCount: 0, ready: false, started: false, probes: {} });
  }

  /** Brings one container towards running: start it, restart it per policy with back-off, or leave it be. */
  private syncContainer(pod: Pod, worker: PodWorkerState, container: Container, init: boolean): void {
    const state = this.containerWorker(worker, container.name, init);
    const now = this.ctx.runtime.now();
    if (state.runningSince !== undefined || state.killing || state.pending || state.postStart) return;
    if (state.retryAt !== undefined && now < state.retryAt) {
      this.queueSync(worker.uid, state.retryAt - now);
      return;
    }
    if (state.terminated) {
      if (!willRestart(pod, state)) return;
      // kuberuntime_manager.go doBackOff: the window runs from when the last instance finished.
      const finishedAt = state.terminated.finishedAt;
      if (state.restartBackoff && isInBackoffSince(state.restartBackoff, finishedAt, now)) {
        const describe = describePod(pod.metadata.name, worker.namespace, worker.uid);
        this.ctx.record(
          pod,
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${container.name} in pod ${describe}`,
          container.name,
        );
        state.failure = {
          reason: 'CrashLoopBackOff',
          message: `back-off ${formatGoDuration(state.restartBackoff.delayMs)} restarting failed container=${container.name} pod=${describe}`,
        };
        this.queueSync(worker.uid, finishedAt + state.restartBackoff.delayMs - now);
        return;
      }
      state.restartBackoff = nextBackoff(state.restartBackoff, now);
    }
    this.applyImageCheck(pod, worker, container, state, this.imageManager.ensureImage(pod, worker, container, state));
  }

  private applyImageCheck(
    pod: Pod,
    worker: PodWorkerState,
    container: Container,
    state: ContainerWorkerState,
    check: ImageCheck,
  ): void {
    delete state.retryAt;
    if (check.kind === 'ready') {
      if (this.configReady(pod, worker, container, state)) this.createContainer(worker, container, state, check.image);
    } else if (check.kind === 'pulling')
      this.ctx.runtime.at(check.until, TASK.pulled, { uid: worker.uid, container: container.name });
    else {
      state.failure = { reason: check.reason, message: check.message };
      state.retryAt = this.ctx.runtime.now() + check.retryInMs;
      this.queueSync(worker.uid, check.retryInMs);
    }
  }

  /** Pods whose containers all stopped for good take their terminal phase. */
  private finishIfDone(pod: Pod, worker: PodWorkerState): void {
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (policy === 'Always') return;
    const states = pod.spec.containers.map((c) => worker.containers[c.name]);
    if (states.some((s) => !s?.terminated || s.runningSince !== undefined || s.pending || willRestart(pod, s))) return;
    this.becomeTerminal(pod, worker);
  }

  /**
   * A pod that reached its end (SyncTerminatingPod): sidecars still running are stopped, then the sandbox (its IP
   * released); exited containers stay for their logs.
   */
  private becomeTerminal(pod: Pod, worker: PodWorkerState, grace = pod.spec.terminationGracePeriodSeconds ?? 30): void {
    worker.terminal = true;
    if (!this.stopContainers(pod, worker, grace)) this.ctx.containers.stopSandbox(worker.uid);
    this.queueStatus(worker.uid);
  }

  // ---------------------------------------------------------------- images, create, start

  private imagePulled(payload: ContainerTask): void {
    const worker = this.state.pods[payload.uid];
    const pod = worker ? this.ctx.findPod(worker) : undefined;
    const state = worker?.containers[payload.container];
    const container = pod ? specOf(pod, payload.container) : undefined;
    if (!worker || !state || state.pending?.stage !== 'pull') return;
    if (!pod || !container || pod.metadata.deletionTimestamp) {
      delete state.pending;
      this.queueSync(payload.uid, 0);
      return;
    }
    this.applyImageCheck(pod, worker, container, state, this.imageManager.completePull(pod, worker, container, state));
    // A failed pull does not stop the pod worker from going on with the other containers.
    if (!state.pending) this.queueSync(worker.uid, 0);
    this.queueStatus(worker.uid);
  }

  /**
   * Whether the container's ConfigMap and Secret sources exist: a volume that cannot be set up is a FailedMount
   * (the pod stays ContainerCreating), an env source that is missing a CreateContainerConfigError; either way the
   * kubelet tries again after CONFIG_RETRY_MS.
   */
  private configReady(pod: Pod, worker: PodWorkerState, container: Container, state: ContainerWorkerState): boolean {
    const failed = (retry: () => void) => {
      retry();
      state.retryAt = this.ctx.runtime.now() + CONFIG_RETRY_MS;
      this.queueSync(worker.uid, CONFIG_RETRY_MS);
      this.queueStatus(worker.uid);
      return false;
    };
    for (const mount of container.volumeMounts ?? []) {
      const volume = (pod.spec.volumes ?? []).find((v) => v.name === mount.name);
      const error = volume ? this.volumeContents(pod, container, worker, volume)?.error : undefined;
      if (error)
        return failed(() =>
          this.ctx.record(
            pod,
            'Warning',
            'FailedMount',
            `MountVolume.SetUp failed for volume "${volume!.name}" : ${error}`,
          ),
        );
    }
    const env = configEnv(this.ctx.api, pod, container);
    if (env.ok) {
      if (state.failure?.reason === 'CreateContainerConfigError') delete state.failure;
      return true;
    }
    return failed(() => {
      state.failure = { reason: 'CreateContainerConfigError', message: env.error };
      this.ctx.record(pod, 'Warning', 'Failed', `Error: ${env.error}`, container.name);
    });
  }

  /**
   * A pod-level volume: an emptyDir, or the files a projected, downwardAPI, configMap or secret volume holds, with
   * their modes. A pod with such volumes gets periodic syncs that keep the files current.
   */
  private volumeTree(pod: Pod, container: Container, worker: PodWorkerState, volume: Volume): string {
    if (!hasApiContents(volume)) return this.ctx.containers.ensurePodVolume(worker.uid, volume.name);
    if (canGoStale(volume)) this.queueVolumeResync(worker);
    return this.ctx.containers.ensurePodVolumeWithFiles(worker.uid, volume.name, () =>
      this.volumeContents(pod, container, worker, volume)!,
    );
  }

  private volumeContents(pod: Pod, container: Container, worker: PodWorkerState, volume: Volume) {
    const node = this.ctx.api.find(NODES, undefined, worker.node) as Node | undefined;
    return volumeContents(this.ctx.api, pod, container, volume, this.ctx.runtime.now(), node);
  }

  /**
   * The pod worker's periodic resync (pod_workers.go: syncFrequency, 1 min, with up to 50 % jitter) brings volume
   * files in line with their ConfigMaps, Secrets and the pod's labels and annotations. Environment variables are
   * never rewritten: a running process keeps the values it started with.
   */
  private queueVolumeResync(worker: PodWorkerState): void {
    // The jitter comes from the pod's uid, not the random source, so volumes do not shift generated names.
    const delay = TIMING.podSyncPeriodMs * (1 + (RESYNC_JITTER * fnv32a(worker.uid)) / 0x1_0000_0000);
    this.ctx.runtime.after(delay, TASK.resync, { uid: worker.uid }, `kubelet-resync/${worker.uid}`);
  }

  private resyncVolumes(uid: string): void {
    const worker = this.state.pods[uid];
    const pod = worker ? this.ctx.findPod(worker) : undefined;
    if (!worker || !pod || worker.terminal || pod.metadata.deletionTimestamp || !this.isNodeRunning(worker.node))
      return;
    for (const volume of pod.spec.volumes ?? []) {
      if (!canGoStale(volume)) continue;
      const container = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c) =>
        (c.volumeMounts ?? []).some((m) => m.name === volume.name),
      );
      const contents = container && this.volumeContents(pod, container, worker, volume);
      // A source deleted under a running pod leaves the last files in place (the kubelet only logs the error).
      if (contents && !contents.error)
        this.ctx.containers.refreshPodVolumeFiles(uid, volume.name, { ...contents, keep: contents.tokenPaths });
    }
    this.queueVolumeResync(worker);
  }

  /**
   * volumemanager WaitForAttachAndMount, before the sandbox: every claim must be bound to a volume. A pod placed on
   * the node by `nodeName` may get there first (the scheduler binds only pods whose claims are bound); it waits,
   * polled every second, with a FailedMount event each time the 2m3s wait runs out (kubelet.go
   * podAttachAndMountTimeout).
   */
  private volumesAttached(pod: Pod, worker: PodWorkerState): boolean {
    const unbound = (pod.spec.volumes ?? []).filter(
      (v) =>
        v.persistentVolumeClaim && !boundVolumeOf(this.ctx.api, worker.namespace, v.persistentVolumeClaim.claimName),
    );
    const now = this.ctx.runtime.now();
    if (unbound.length === 0) {
      delete worker.volumesWaitingSince;
      return true;
    }
    worker.volumesWaitingSince ??= now;
    if (now - worker.volumesWaitingSince >= ATTACH_AND_MOUNT_TIMEOUT_MS) {
      const names = unbound.map((v) => v.name).join(' ');
      this.ctx.record(
        pod,
        'Warning',
        'FailedMount',
        `Unable to attach or mount volumes: unmounted volumes=[${names}], unattached volumes=[], failed to process volumes=[${names}]: context deadline exceeded`,
      );
      worker.volumesWaitingSince = now;
    }
    this.queueSync(worker.uid, VOLUME_POLL_MS);
    this.queueStatus(worker.uid);
    return false;
  }

  /** CreateContainer then StartContainer, each taking containerd a moment. */
  private createContainer(
    worker: PodWorkerState,
    container: Container,
    state: ContainerWorkerState,
    image: ImageSpec,
  ): void {
    const delay = inRange(TIMING.containerCreateMs, this.ctx.runtime.random());
    state.pending = { stage: 'create', until: this.ctx.runtime.now() + delay };
    state.imageName = image.reference.canonical;
    state.imageId = `${image.reference.registry}/${image.reference.repository}@${image.digest}`;
    this.ctx.runtime.after(delay, TASK.create, { uid: worker.uid, container: container.name });
  }

  /** Looks up a container whose create/start stage is due; a pod being deleted starts nothing more. */
  private stageTarget(payload: ContainerTask, stage: 'create' | 'start') {
    const worker = this.state.pods[payload.uid];
    const state = worker?.containers[payload.container];
    if (!worker || !state || state.pending?.stage !== stage) return undefined;
    const pod = this.ctx.findPod(worker);
    const container = pod ? specOf(pod, payload.container) : undefined;
    if (!pod || !container || pod.metadata.deletionTimestamp) {
      delete state.pending;
      this.queueSync(payload.uid, 0);
      return undefined;
    }
    return { worker, state, pod, container };
  }

  private createStage(payload: ContainerTask): void {
    const target = this.stageTarget(payload, 'create');
    if (!target) return;
    const { worker, state, pod, container } = target;
    const { ctx } = this;
    const sandbox = ctx.containers.sandbox(worker.uid);
    const resolution = ctx.images.resolve(container.image ?? '');
    if (!sandbox || resolution.kind !== 'found') {
      delete state.pending;
      return;
    }
    const image = resolution.image;
    const config = configEnv(ctx.api, pod, container);
    if (!config.ok) {
      // A source went away since the check: back to waiting for it.
      delete state.pending;
      this.configReady(pod, worker, container, state);
      return;
    }
    const env = buildEnvironment(container, image, {
      pod,
      podIp: sandbox.ip,
      hostIp: ctx.nodeIp(worker.node),
      serviceEnv: this.serviceEnv(worker.namespace),
      config,
      node: ctx.api.find(NODES, undefined, worker.node) as Node | undefined,
    });
    if (container.ports && image.simulated) env.KUBEPLAY_PORTS = container.ports.map((p) => p.containerPort).join(',');
    const record = ctx.containers.createContainer({
      podUid: worker.uid,
      name: container.name,
      image,
      argv: containerArgv(container, image, env),
      env,
      workingDir: container.workingDir ?? image.workingDir,
      mounts: this.mountsFor(pod, container, worker),
      runtimeFiles: {
        ...managedEtcFiles(pod, sandbox.ip, sandbox.hostname),
        '/etc/resolv.conf': ctx.network.resolvConf({
          dnsPolicy: pod.spec.dnsPolicy ?? 'ClusterFirst',
          namespace: pod.metadata.namespace ?? 'default',
        }),
      },
      stdinOpen: container.stdin === true,
      resources: linuxResources(container),
    });
    this.state.containerOwners[record.id] = worker.uid;
    if (this.containersByPod) this.containersByPod.set(worker.uid, [...this.containersOf(worker.uid), record.id]);
    ctx.record(pod, 'Normal', 'Created', `Created container: ${container.name}`, container.name);
    if (state.containerId && state.terminated) {
      state.lastTerminated = state.terminated;
      state.restartCount++;
      this.forgetContainer(state.lastTerminated.containerId, record.id);
    }
    delete state.terminated;
    state.containerId = record.id;
    const delay = inRange(TIMING.containerStartMs, ctx.runtime.random());
    state.pending = { stage: 'start', until: ctx.runtime.now() + delay };
    ctx.runtime.after(delay, TASK.start, payload);
  }

  private startStage(payload: ContainerTask): void {
    const target = this.stageTarget(payload, 'start');
    if (!target) return;
    const { worker, state, pod, container } = target;
    const { ctx } = this;
    delete state.pending;
    const now = ctx.runtime.now();
    state.runningSince = now;
    const started = ctx.containers.startContainer(state.containerId!);
    if (!started.ok) {
      // containerd's error when runc cannot exec the entrypoint; the kubelet reports RunContainerError.
      const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${started.error}: unknown`;
      ctx.record(pod, 'Warning', 'Failed', `Error: ${message}`, container.name);
      delete state.runningSince;
      state.terminated = {
        exitCode: 128,
        reason: 'StartError',
        message,
        startedAt: 0,
        finishedAt: now,
        containerId: state.containerId!,
      };
      state.failure = { reason: 'RunContainerError', message };
      this.queueSync(worker.uid, this.untilRelist());
      this.queueStatus(worker.uid);
      return;
    }
    ctx.record(pod, 'Normal', 'Started', `Started container ${container.name}`, container.name);
    if (container.lifecycle?.postStart) this.runPostStart(pod, worker, container, state);
    else this.containerRunning(worker, container, state);
  }

  /** From here the kubelet reports the container running: probes start, other containers may follow. */
  private containerRunning(worker: PodWorkerState, container: Container, state: ContainerWorkerState): void {
    delete state.failure;
    state.started = !container.startupProbe;
    state.ready = false;
    this.prober.startWorkers(worker, container, state);
    if (state.started && !container.readinessProbe) state.ready = true;
    // The PLEG relist that sees the container running triggers a status update, and with it the readiness probe.
    this.prober.triggerReadiness(worker, state, this.untilRelist());
    this.queueSync(worker.uid, 0);
    this.queueStatus(worker.uid);
  }

  /** Keeps only the current and previous instance of a container (what `kubectl logs [-p]` can reach). */
  private forgetContainer(previousId: string | undefined, currentId: string): void {
    for (const [id, uid] of Object.entries(this.state.containerOwners)) {
      if (id === previousId || id === currentId) continue;
      const record = this.ctx.containers.container(id);
      const worker = this.state.pods[uid];
      const inUse =
        worker &&
        Object.values(worker.containers).some((c) => c.containerId === id || c.lastTerminated?.containerId === id);
      if (record && !inUse) {
        this.ctx.containers.removeContainer(id);
        delete this.state.containerOwners[id];
        this.forgetOwnedContainer(uid, id);
      }
    }
  }

  // ---------------------------------------------------------------- postStart

  /** Step 4 of startContainer: the hook runs while the pod worker waits for it. */
  private runPostStart(pod: Pod, worker: PodWorkerState, container: Container, state: ContainerWorkerState): void {
    const hook = container.lifecycle!.postStart!;
    const { ctx } = this;
    const describe = describePod(pod.metadata.name, worker.namespace, worker.uid);
    const payload: ContainerTask = { uid: worker.uid, container: container.name };
    if (hook.exec) {
      const argv = hook.exec.command ?? [];
      const started = startExec(ctx.kernel, ctx.containers, state.containerId!, argv, () => ctx.newExecId());
      if ('running' in started) {
        state.postStart = { exec: started.running };
        ctx.runtime.after(EXEC_POLL_MS, TASK.postStart, payload);
        return;
      }
      this.postStartDone(pod, worker, container, state, execHookFailure(argv, container.name, describe, started.done));
    } else if (hook.sleep) {
      state.postStart = { sleepUntil: ctx.runtime.now() + hook.sleep.seconds * 1000 };
      ctx.runtime.at(state.postStart.sleepUntil!, TASK.postStart, payload);
    } else if (hook.httpGet) {
      const failure = runHttpHook(hook.httpGet, container, describe, worker.podIp ?? '', ctx.nodeNet(worker.node));
      this.postStartDone(pod, worker, container, state, failure);
    } else this.postStartDone(pod, worker, container, state);
  }

  private checkPostStart(task: Task): void {
    const payload = task.payload as ContainerTask;
    const worker = this.state.pods[payload.uid];
    const state = worker?.containers[payload.container];
    const hook = state?.postStart;
    if (!worker || !state || !hook) return;
    const pod = this.ctx.findPod(worker);
    const container = pod ? specOf(pod, payload.container) : undefined;
    const now = this.ctx.runtime.now();
    if (hook.exec) {
      const outcome = checkExec(this.ctx.kernel, hook.exec, now);
      if (!outcome) {
        this.ctx.runtime.after(EXEC_POLL_MS, TASK.postStart, payload);
        return;
      }
      if (!pod || !container) return;
      const describe = describePod(pod.metadata.name, worker.namespace, worker.uid);
      this.postStartDone(
        pod,
        worker,
        container,
        state,
        execHookFailure(hook.exec.argv, container.name, describe, outcome),
      );
      return;
    }
    if (hook.sleepUntil !== undefined && now >= hook.sleepUntil && pod && container)
      this.postStartDone(pod, worker, container, state);
  }

  /** A failed postStart hook kills the container (kuberuntime_container.go startContainer). */
  private postStartDone(
    pod: Pod,
    worker: PodWorkerState,
    container: Container,
    state: ContainerWorkerState,
    failure?: string,
  ): void {
    delete state.postStart;
    if (!failure) {
      this.containerRunning(worker, container, state);
      return;
    }
    // The hook's message stays out of the event so that secrets do not leak; the status carries it.
    this.ctx.record(pod, 'Warning', 'FailedPostStartHook', 'PostStartHook failed', container.name);
    state.failure = { reason: 'PostStartHookError', message: failure };
    const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    this.killer.kill(pod, worker, container, state, 'postStart', 'FailedPostStartHook', grace);
    this.queueStatus(worker.uid);
  }

  // ---------------------------------------------------------------- stopping

  /** computePodActions: a container failing liveness or startup is killed, and restarted unless policy is Never. */
  private killForProbe(uid: string, name: string, type: 'liveness' | 'startup'): void {
    const worker = this.state.pods[uid];
    const pod = worker ? this.ctx.findPod(worker) : undefined;
    const state = worker?.containers[name];
    const container = pod ? specOf(pod, name) : undefined;
    if (!worker || !pod || !state || !container) return;
    const restart = (pod.spec.restartPolicy ?? 'Always') !== 'Never';
    const message = `Container ${name} failed ${type} probe${restart ? ', will be restarted' : ''}`;
    // setTerminationGracePeriod: the probe's own terminationGracePeriodSeconds wins over the pod's.
    const probe = type === 'liveness' ? container.livenessProbe : container.startupProbe;
    const grace =
      pod.metadata.deletionGracePeriodSeconds ??
      probe?.terminationGracePeriodSeconds ??
      pod.spec.terminationGracePeriodSeconds ??
      30;
    this.killer.kill(pod, worker, container, state, type, message, grace);
  }

  /**
   * Graceful pod termination (SyncTerminatingPod): stop every running container with the pod's grace period, then
   * report the final status, remove the sandbox and confirm the deletion to the API server.
   */
  private terminatePod(pod: Pod, worker: PodWorkerState): void {
    // pod_workers.go calculateEffectiveGracePeriod: the API's deletion grace period, never below 1 s.
    const grace = Math.max(1, pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30);
    if (this.stopContainers(pod, worker, grace)) return;
    worker.terminal = true;
    this.ctx.containers.stopSandbox(worker.uid);
    this.writeStatus(worker.uid);
    this.ctx.containers.removeSandbox(worker.uid);
    this.ctx.api.delete(PODS, worker.namespace, worker.name, { gracePeriodSeconds: 0, preconditionUid: worker.uid });
    this.forgetPod(worker);
  }

  /**
   * A pod removed from the API while the kubelet still ran it (`--grace-period=0 --force`): the containers still get
   * a short graceful stop (docs: pod-lifecycle, "Forced Pod termination").
   */
  private terminateRemovedPod(worker: PodWorkerState): void {
    const pod = worker.removedPod;
    if (pod && this.stopContainers(pod, worker, Math.max(1, pod.metadata.deletionGracePeriodSeconds ?? 0))) return;
    this.ctx.containers.removeSandbox(worker.uid);
    this.forgetPod(worker);
  }

  /** Abandons pending work, kills running containers; returns whether some are still running. */
  private stopContainers(pod: Pod, worker: PodWorkerState, grace: number): boolean {
    let running = false;
    for (const container of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
      const state = worker.containers[container.name];
      if (!state) continue;
      delete state.pending;
      delete state.retryAt;
      if (state.postStart?.exec) abandonExec(this.ctx.kernel, state.postStart.exec);
      delete state.postStart;
      if (state.runningSince === undefined) continue;
      running = true;
      if (state.killing) this.killer.shorten(worker, state, grace);
      else this.killer.kill(pod, worker, container, state, 'delete', `Stopping container ${container.name}`, grace);
    }
    if (running) this.queueStatus(worker.uid);
    return running;
  }

  private forgetPod(worker: PodWorkerState): void {
    for (const id of this.containersOf(worker.uid)) delete this.state.containerOwners[id];
    this.containersByPod!.delete(worker.uid);
    delete this.state.pods[worker.uid];
    this.ctx.structure++;
  }

  /** The ids `state.containerOwners` gives to the pod. */
  private containersOf(uid: string): readonly string[] {
    if (!this.containersByPod) {
      this.containersByPod = new Map();
      for (const [id, owner] of Object.entries(this.state.containerOwners)) {
        const ids = this.containersByPod.get(owner);
        if (ids) ids.push(id);
        else this.containersByPod.set(owner, [id]);
      }
    }
    return this.containersByPod.get(uid) ?? [];
  }

  private forgetOwnedContainer(uid: string, id: string): void {
    const ids = this.containersByPod?.get(uid);
    const at = ids?.indexOf(id) ?? -1;
    if (at >= 0) ids!.splice(at, 1);
  }

  // ---------------------------------------------------------------- status and helpers

  private writeStatus(uid: string): void {
    const worker = this.state.pods[uid];
    const pod = worker ? this.ctx.findPod(worker) : undefined;
    if (!worker || !pod) return;
    const sandbox = this.ctx.containers.sandbox(uid);
    const status = generatePodStatus(pod, worker, {
      hostIp: this.ctx.nodeIp(worker.node),
      sandboxReady: sandbox !== undefined && sandbox.stopped !== true,
      now: this.ctx.runtime.now(),
    });
    this.ctx.api.updateStatus({ ...(pod as unknown as KubeObject), status });
  }

  /** Service link variables of a namespace, and always the API server's (pkg/kubelet/envvars). */
  private serviceEnv(namespace: string): Record<string, string> {
    const services = [
      ...this.ctx.api.all(SERVICES, namespace),
      ...(namespace === 'default'
        ? []
        : this.ctx.api.all(SERVICES, 'default').filter((s) => s.metadata.name === 'kubernetes')),
    ];
    return serviceLinkEnv(services);
  }

  /** Mounts for a container's volumeMounts: emptyDir, hostPath and projected volumes. */
  private mountsFor(pod: Pod, container: Container, worker: PodWorkerState): Mount[] {
    const mounts: Mount[] = [];
    for (const mount of container.volumeMounts ?? []) {
      const volume = (pod.spec.volumes ?? []).find((v) => v.name === mount.name);
      if (!volume) continue;
      const claim = volume.persistentVolumeClaim;
      // A claim mounts the PersistentVolume it is bound to (the sandbox waited for the binding).
      const persistentVolume = claim && boundVolumeOf(this.ctx.api, worker.namespace, claim.claimName);
      const storage = persistentVolume && volumeStorage(persistentVolume);
      const hostPath = volume.hostPath?.path ?? (storage?.kind === 'node-path' ? storage.path : undefined);
      const treeId =
        hostPath !== undefined
          ? this.ctx.containers.ensureHostPath(worker.node, hostPath)
          : storage?.kind === 'network'
            ? this.ctx.containers.ensureNetworkVolume(storage.key)
            : this.volumeTree(pod, container, worker, volume);
      const readOnly = mount.readOnly === true || claim?.readOnly === true;
      const entry: Mount = { path: mount.mountPath, treeId, readOnly };
      if (mount.subPath) entry.subPath = mount.subPath;
      mounts.push(entry);
    }
    return mounts;
  }
}

/** A short hash of what makes pods differ for the kubelet (config.go podsDifferSemantically), FNV-1a. */
function podFingerprint(pod: Pod): string {
  const meta = pod.metadata;
  const text = JSON.stringify([
    pod.spec,
    meta.labels,
    meta.annotations,
    meta.deletionTimestamp,
    meta.deletionGracePeriodSeconds,
  ]);
  return fnv32a(text).toString(16);
}
