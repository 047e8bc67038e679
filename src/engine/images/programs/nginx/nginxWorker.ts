import type { ProgramDefinition, Signal } from '../../../os/types';
import { nginxLogLine } from './nginxLog';

/** Registry name of the worker program the master spawns. */
export const NGINX_WORKER_PROGRAM = 'nginx-worker';

export interface NginxWorkerState {
  /** Whether the configured error_log level records [notice] lines. */
  logNotices: boolean;
}

const HANDLED: readonly Signal[] = ['SIGQUIT', 'SIGTERM', 'SIGINT', 'SIGHUP', 'SIGUSR1'];

/**
 * An nginx worker process: requests are answered by the master on its behalf, so a worker only waits and ends the
 * way real ones do — SIGQUIT gracefully, SIGTERM/SIGINT at once (ngx_worker_process_cycle).
 */
export const nginxWorker: ProgramDefinition<NginxWorkerState> = {
  start: () => ({ logNotices: true }),
  step(state, sys, io, wake) {
    if (wake.kind !== 'signal' || wake.signal === 'SIGHUP' || wake.signal === 'SIGUSR1') return { kind: 'block' };
    const notice = (message: string) => {
      if (state.logNotices) io.stderr(nginxLogLine(sys, 'notice', message));
    };
    if (wake.signal === 'SIGQUIT') notice('gracefully shutting down');
    notice('exiting');
    notice('exit');
    return { kind: 'exit', code: 0 };
  },
  handlesSignal: (_state, signal) => HANDLED.includes(signal),
  cmdline: () => 'nginx: worker process',
  /** nginx.conf's `user nginx;`: the workers drop to the image's nginx user, uid 101. */
  uid: () => 101,
};
