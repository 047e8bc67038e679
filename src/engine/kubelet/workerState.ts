/** The kubelet's own record of each pod it runs: plain data, part of the engine snapshot. */
import type { BackoffEntry } from './backoff';

export type ProbeType = 'liveness' | 'readiness' | 'startup';

export interface ProbeWorkerState {
  /** Container instance the worker probes; a restart starts fresh workers. */
  containerId: string;
  result: 'Success' | 'Failure' | 'Unknown';
  consecutiveSuccesses: number;
  consecutiveFailures: number;
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
  /** When the grace period for the whole stop runs out (preStop + SIGTERM wait). */
  deadline: number;
  stage: 'preStop' | 'sigterm' | 'sigkill';
  /** Exec capture of a running preStop hook. */
  preStopCapture?: string;
}

export interface ContainerWorkerState {
  name: string;
  init: boolean;
  /** Why the container is waiting, when it is (ContainerCreating, CrashLoopBackOff, ErrImagePull, ...). */
  waiting?: { reason: string; message?: string };
  /** The current container instance (running, or the last that ran). */
  containerId?: string;
  runningSince?: number;
  terminated?: TerminatedInfo;
  lastTerminated?: TerminatedInfo;
  restartCount: number;
  restartBackoff?: BackoffEntry;
  pullBackoff?: BackoffEntry;
  /** An image pull or container creation under way; sync leaves the container alone until it completes. */
  pendingUntil?: number;
  imagePulledAt?: number;
  ready: boolean;
  started: boolean;
  probes: Partial<Record<ProbeType, ProbeWorkerState>>;
  killing?: KillInProgress;
  /** The image as the runtime resolved it: `docker.io/library/nginx:1.25` and its digest reference. */
  imageName?: string;
  imageId?: string;
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
  containers: Record<string, ContainerWorkerState>;
  /** Pod-level outcome once a Never/OnFailure pod finished or init failed with restartPolicy Never. */
  finalPhase?: 'Succeeded' | 'Failed';
  terminating: boolean;
  /** Time of each condition's last transition, keyed by type. */
  conditionTimes: Record<string, { status: string; time: number }>;
}

export interface KubeletState {
  pods: Record<string, PodWorkerState>;
  /** node → time until which its image puller is busy (pulls are serialized by default). */
  pullQueue: Record<string, number>;
  /** container id → pod uid, for exit notifications. */
  containerOwners: Record<string, string>;
}
