/**
 * Stopping a container as kuberuntime_container.go killContainer does: a `Killing` event, the preStop hook within
 * the grace period, then the runtime's StopContainer with what is left of it (never less than 2 s): SIGTERM, and
 * SIGKILL when that time runs out. The exit itself reaches the kubelet through the kernel's exit hook.
 */
import type { Container, Pod } from '../api/kinds';
import { EXEC_POLL_MS, abandonExec, checkExec, startExec } from './execInContainer';
import type { KubeletContext } from './kubeletContext';
import { describePod, execHookFailure, runHttpHook } from './lifecycleHooks';
import type { ContainerWorkerState, KillInProgress, PodWorkerState } from './workerState';

/** kuberuntime_container.go minimumGracePeriodInSeconds. */
export const MINIMUM_GRACE_SECONDS = 2;

const TASK = {
  preStop: 'kubelet/prestop-check',
  deadline: 'kubelet/kill-deadline',
} as const;

interface KillRef {
  uid: string;
  container: string;
  containerId: string;
}

export class ContainerKiller {
  constructor(
    private readonly ctx: KubeletContext,
    /** The pod as the kubelet last knew it (also after a forced delete removed it from the API). */
    private readonly podOf: (worker: PodWorkerState) => Pod | undefined,
  ) {
    ctx.runtime.on(TASK.preStop, (task) => this.checkPreStop(task.payload as KillRef));
    ctx.runtime.on(TASK.deadline, (task) => this.deadlinePassed(task.payload as KillRef));
  }

  /** Starts stopping a running container; `graceSeconds` is the grace period the caller worked out. */
  kill(
    pod: Pod,
    worker: PodWorkerState,
    container: Container,
    state: ContainerWorkerState,
    reason: KillInProgress['reason'],
    message: string,
    graceSeconds: number,
  ): void {
    if (state.killing || state.runningSince === undefined || !state.containerId) return;
    const { ctx } = this;
    ctx.record(pod, 'Normal', 'Killing', message, container.name);
    const now = ctx.runtime.now();
    const ref: KillRef = { uid: worker.uid, container: container.name, containerId: state.containerId };
    const preStop = container.lifecycle?.preStop;
    if (!preStop || graceSeconds <= 0) {
      state.killing = { reason, graceSeconds, stage: 'sigterm', deadline: now };
      this.stopContainer(ref, state.killing);
      return;
    }
    const killing: KillInProgress = {
      reason,
      graceSeconds,
      stage: 'preStop',
      deadline: now + graceSeconds * 1000,
      preStopStartedAt: now,
    };
    state.killing = killing;
    const describe = describePod(pod.metadata.name, worker.namespace, worker.uid);
    let failure: string | undefined;
    if (preStop.exec) {
      const argv = preStop.exec.command ?? [];
      const started = startExec(ctx.kernel, ctx.containers, state.containerId, argv, () => ctx.newExecId());
      if ('running' in started) {
        killing.preStopExec = started.running;
        ctx.runtime.after(EXEC_POLL_MS, TASK.preStop, ref);
        ctx.runtime.at(killing.deadline, TASK.deadline, ref);
        return;
      }
      failure = execHookFailure(argv, container.name, describe, started.done);
    } else if (preStop.sleep) {
      killing.deadline = Math.min(now + preStop.sleep.seconds * 1000, killing.deadline);
      ctx.runtime.at(killing.deadline, TASK.deadline, ref);
      return;
    } else if (preStop.httpGet) {
      failure = runHttpHook(preStop.httpGet, container, describe, worker.podIp ?? '', ctx.nodeNet(worker.node));
    }
    this.preStopFinished(pod, container.name, ref, killing, failure);
  }

  /**
   * A stop already under way gets a shorter grace period (a second delete, a forced delete): pod_workers.go lets the
   * grace period only decrease, and the running kill is cut to it.
   */
  shorten(worker: PodWorkerState, state: ContainerWorkerState, graceSeconds: number): void {
    const killing = state.killing;
    if (!killing || graceSeconds >= killing.graceSeconds || !state.containerId) return;
    killing.graceSeconds = graceSeconds;
    const ref: KillRef = { uid: worker.uid, container: state.name, containerId: state.containerId };
    const now = this.ctx.runtime.now();
    const deadline =
      killing.stage === 'preStop'
        ? (killing.preStopStartedAt ?? now) + graceSeconds * 1000
        : now + Math.max(graceSeconds, MINIMUM_GRACE_SECONDS) * 1000;
    if (killing.stage === 'sigkill' || deadline >= killing.deadline) return;
    killing.deadline = Math.max(deadline, now);
    this.ctx.runtime.at(killing.deadline, TASK.deadline, ref);
  }

  private current(
    ref: KillRef,
  ): { worker: PodWorkerState; state: ContainerWorkerState; killing: KillInProgress } | undefined {
    const worker = this.ctx.state.pods[ref.uid];
    const state = worker?.containers[ref.container];
    if (!worker || !state?.killing || state.containerId !== ref.containerId || state.runningSince === undefined)
      return undefined;
    return { worker, state, killing: state.killing };
  }

  private checkPreStop(ref: KillRef): void {
    const found = this.current(ref);
    if (!found || found.killing.stage !== 'preStop' || !found.killing.preStopExec) return;
    const { worker, killing } = found;
    const exec = killing.preStopExec!;
    const outcome = checkExec(this.ctx.kernel, exec, this.ctx.runtime.now());
    if (!outcome) {
      this.ctx.runtime.after(EXEC_POLL_MS, TASK.preStop, ref);
      return;
    }
    delete killing.preStopExec;
    const describe = describePod(worker.name, worker.namespace, worker.uid);
    const failure = execHookFailure(exec.argv, ref.container, describe, outcome);
    this.preStopFinished(this.podOf(worker), ref.container, ref, killing, failure);
  }

  private preStopFinished(
    pod: Pod | undefined,
    container: string,
    ref: KillRef,
    killing: KillInProgress,
    failure?: string,
  ): void {
    // The message stays out of the event so that secrets do not leak (kuberuntime_container.go executePreStopHook).
    if (failure && pod) this.ctx.record(pod, 'Warning', 'FailedPreStopHook', 'PreStopHook failed', container);
    this.stopContainer(ref, killing);
  }

  /** The deadline of the current stage: preStop ran out of time (or a sleep handler ended), or SIGTERM was ignored. */
  private deadlinePassed(ref: KillRef): void {
    const found = this.current(ref);
    if (!found) return;
    const { killing, worker } = found;
    const now = this.ctx.runtime.now();
    if (killing.deadline > now) return;
    if (killing.stage === 'preStop') {
      // A sleep handler ended, or the hook used up the grace period: it is cut short, the container stops.
      if (killing.preStopExec) abandonExec(this.ctx.kernel, killing.preStopExec);
      delete killing.preStopExec;
      this.preStopFinished(this.podOf(worker), ref.container, ref, killing);
      return;
    }
    if (killing.stage === 'sigterm') {
      killing.stage = 'sigkill';
      this.signal(ref.containerId, 'SIGKILL');
    }
  }

  /** StopContainer with the grace period left: truncated seconds spent in preStop come off it, 2 s at least. */
  private stopContainer(ref: KillRef, killing: KillInProgress): void {
    const now = this.ctx.runtime.now();
    const spent = killing.preStopStartedAt === undefined ? 0 : Math.floor((now - killing.preStopStartedAt) / 1000);
    const remaining = Math.max(killing.graceSeconds - spent, MINIMUM_GRACE_SECONDS);
    killing.stage = 'sigterm';
    killing.deadline = now + remaining * 1000;
    this.signal(ref.containerId, 'SIGTERM');
    this.ctx.runtime.at(killing.deadline, TASK.deadline, ref);
  }

  private signal(containerId: string, signal: 'SIGTERM' | 'SIGKILL'): void {
    const record = this.ctx.containers.container(containerId);
    if (record?.mainPid !== undefined) this.ctx.kernel.signal(record.pidNs, record.mainPid, signal);
  }
}
