/** The kubelet's own record of each pod it runs: plain data, part of the engine snapshot. */
import type { Pod } from '../api/kinds';
import type { BackoffEntry } from './backoff';
import type { NodeAgentState } from './nodeHeartbeat';

export type ProbeType = 'liveness' | 'readiness' | 'startup';

/** A command the kubelet runs in a container (CRI ExecSync) that did not finish in the instant it started. */
export interface ExecInFlight {
  captureId: string;
  pid: number;
  pidNs: string;
  argv: string[];
  /** When the kubelet stops waiting and kills it (a probe's timeoutSeconds); none for hooks. */
  deadline?: number;
}

export interface ProbeWorkerState {
  /** Container instance the worker probes; a restart starts a fresh worker state. */
  containerId: string;
  result: 'Success' | 'Failure' | 'Unknown';
  /** The last probe outcome and how many times in a row it came (prober/worker.go lastResult, resultRun). */
  lastResult?: 'Success' | 'Failure';
  resultRun: number;
  /** A liveness or startup failure holds the worker until the container is replaced (worker.go onHold). */
  onHold?: true;
  /** A probe under way: an exec still running, or a network probe whose answer arrives later. */
  inFlight?: true;
  /** Outcome of the most recent probe, for the inspector. */
  lastOutcome?: { time: number; success: boolean; output: string };
}

export interface TerminatedInfo {
  exitCode: number;
  reason: string;
  message?: string;
  signal?: number;
  startedAt: number;
  finishedAt: number;
  containerId: string;
}

export interface KillInProgress {
  reason: 'delete' | 'liveness' | 'startup' | 'postStart';
  /** When the current stage runs out: the preStop hook's share of the grace period, then the SIGTERM wait. */
  deadline: number;
  /** The whole grace period in seconds, from which the time spent in preStop is subtracted. */
  graceSeconds: number;
  stage: 'preStop' | 'sigterm' | 'sigkill';
  preStopStartedAt?: number;
  /** A preStop exec hook still running. */
  preStopExec?: ExecInFlight;
}

/** A postStart hook holding the pod worker (kuberuntime_container.go startContainer, step 4). */
export interface PostStartInProgress {
  exec?: ExecInFlight;
  /** End of a `sleep` handler. */
  sleepUntil?: number;
}

export interface ContainerWorkerState {
  name: string;
  init: boolean;
  /**
   * Why the last attempt to start the container failed (the kubelet's reasonCache): ErrImagePull, ImagePullBackOff,
   * CrashLoopBackOff, RunContainerError, PostStartHookError, ... Cleared when a start succeeds.
   */
  failure?: { reason: string; message?: string };
  /** The current container instance (running, or the last that ran). */
  containerId?: string;
  runningSince?: number;
  terminated?: TerminatedInfo;
  lastTerminated?: TerminatedInfo;
  restartCount: number;
  restartBackoff?: BackoffEntry;
  pullBackoff?: BackoffEntry;
  /** After a failed start (image problems), the pod worker tries this container again no earlier than this. */
  retryAt?: number;
  /**
   * Image pull or container creation under way: the pod worker waits for it (SyncPod is sequential). A pull keeps
   * when it was asked for and when the node's puller got to it (the two durations of the Pulled event).
   */
  pending?: { stage: 'pull' | 'create' | 'start'; until: number; requestedAt?: number; startedAt?: number };
  postStart?: PostStartInProgress;
  ready: boolean;
  started: boolean;
  probes: Partial<Record<ProbeType, ProbeWorkerState>>;
  killing?: KillInProgress;
  /** The image as the runtime resolved it: `docker.io/library/nginx:1.25` and its digest reference. */
  imageName?: string;
  imageId?: string;
}

/**
 * kubetypes.TerminatePodOptions as the eviction manager passes them (TerminatePodAbnormallyAndWait): the pod's
 * containers stop with the grace period given, and its phase becomes Failed with the reason and message.
 */
export interface AbnormalTermination {
  reason: string;
  message: string;
  gracePeriodSeconds: number;
  /** When the kubelet decided it: the DisruptionTarget condition's transition time. */
  at: number;
}

export interface PodWorkerState {
  uid: string;
  namespace: string;
  name: string;
  node: string;
  /** When the kubelet first saw the pod (status.startTime). */
  startTime: number;
  sandboxReadyAt?: number;
  sandboxPendingUntil?: number;
  /** Since when the pod waits for a claim to be bound before its sandbox is made. */
  volumesWaitingSince?: number;
  /** The pod IP, kept after the sandbox is gone (a completed pod still shows it). */
  podIp?: string;
  containers: Record<string, ContainerWorkerState>;
  /**
   * The pod will not start containers again: a Never/OnFailure pod whose containers all finished, an init
   * container that failed under restartPolicy Never, or a pod stopped for deletion. Its phase becomes terminal.
   */
  terminal?: true;
  /** The pod as last seen, when a forced delete removed it from the API while its containers still ran. */
  removedPod?: Pod;
  /** The kubelet itself ended the pod (an eviction): it stops, and its status says why. */
  abnormalTermination?: AbnormalTermination;
  /** Fingerprint of the pod's spec and metadata as last seen, so that status-only updates cause no sync. */
  seen: string;
  /** Time of each condition's last transition, keyed by type. */
  conditionTimes: Record<string, { status: string; time: number }>;
}

export interface KubeletState {
  pods: Record<string, PodWorkerState>;
  /** node → time until which its image puller is busy (pulls are serialized by default). */
  pullQueue: Record<string, number>;
  /** container id → pod uid, for exit notifications. */
  containerOwners: Record<string, string>;
  /** node → mirror pod (`namespace/name`) → config hash of the static pod it mirrors. */
  staticPods?: Record<string, Record<string, string>>;
  /** node → its machine and kubelet: up or down, when it last wrote its node status. */
  nodes?: Record<string, NodeAgentState>;
  /**
   * Probes made to fail whatever they find (`kubeplay probe fail`): pod uid → container → probe types. Keyed by the
   * pod, not the container instance, so the fault outlives restarts.
   */
  probeFailures?: Record<string, Record<string, ProbeType[]>>;
}
