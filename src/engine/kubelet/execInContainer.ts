/**
 * Commands the kubelet runs inside a container through CRI ExecSync (exec probes, exec hooks): started at once,
 * awaited without blocking the simulation, killed by the runtime when their timeout passes
 * (k8s.io/cri-client remote_runtime.go ExecSync; containerd's execInternal kills the process on timeout).
 */
import type { Kernel } from '../os/kernel';
import type { ContainerRuntime } from '../node/containerRuntime';
import type { ExecInFlight } from './workerState';

export type ExecOutcome =
  | { kind: 'exited'; exitCode: number; stdout: string; stderr: string }
  /** The runtime could not run the command at all (no such executable, container gone). */
  | { kind: 'error'; error: string }
  | { kind: 'timedOut' };

/** How often the kubelet looks whether a running exec has finished. */
export const EXEC_POLL_MS = 100;

/**
 * Starts `argv` in a running container with the container's environment and working directory. Returns the outcome
 * when the command ended in the instant it started, else what is needed to wait for it.
 */
export function startExec(
  kernel: Kernel,
  containers: ContainerRuntime,
  containerId: string,
  argv: string[],
  newExecId: () => string,
  deadline?: number,
): { done: ExecOutcome } | { running: ExecInFlight } {
  const record = containers.container(containerId);
  if (!record || record.state !== 'running') {
    return {
      done: {
        kind: 'error',
        error: `rpc error: code = NotFound desc = failed to exec in container: container is in CONTAINER_EXITED state`,
      },
    };
  }
  const started = kernel.startExec(containerId, argv, record.env, record.workingDir);
  // containerd CRI (ExecSync → execInternal) wraps runc's error with the exec's random id.
  if (!started.ok) {
    return {
      done: {
        kind: 'error',
        error: `rpc error: code = Unknown desc = failed to exec in container: failed to start exec ${JSON.stringify(newExecId())}: ${started.error}`,
      },
    };
  }
  const exec: ExecInFlight = { captureId: started.captureId, pid: started.pid, pidNs: record.pidNs, argv };
  if (deadline !== undefined) exec.deadline = deadline;
  return collect(kernel, exec, Number.NEGATIVE_INFINITY) ?? { running: exec };
}

/** The outcome of a running exec once it has ended, or once its deadline has passed (it is killed then). */
export function checkExec(kernel: Kernel, exec: ExecInFlight, now: number): ExecOutcome | undefined {
  return collect(kernel, exec, now)?.done;
}

/** Stops waiting for an exec: kills it if it still runs and forgets its output. */
export function abandonExec(kernel: Kernel, exec: ExecInFlight): void {
  if (kernel.captured(exec.captureId)?.exitCode === undefined) kernel.signal(exec.pidNs, exec.pid, 'SIGKILL');
  kernel.releaseCapture(exec.captureId);
}

function collect(kernel: Kernel, exec: ExecInFlight, now: number): { done: ExecOutcome } | undefined {
  const capture = kernel.captured(exec.captureId);
  if (capture && capture.exitCode !== undefined) {
    kernel.releaseCapture(exec.captureId);
    return { done: { kind: 'exited', exitCode: capture.exitCode, stdout: capture.stdout, stderr: capture.stderr } };
  }
  if (!capture) return { done: { kind: 'error', error: 'rpc error: code = NotFound desc = exec session not found' } };
  if (exec.deadline !== undefined && now >= exec.deadline) {
    abandonExec(kernel, exec);
    return { done: { kind: 'timedOut' } };
  }
  return undefined;
}
