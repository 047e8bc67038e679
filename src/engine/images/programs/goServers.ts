/**
 * Small Go HTTP servers the tutorials run: the Kubernetes liveness server, Google's hello-app (quay.io/junkai/demo
 * is a copy), seed 000's `app`, and goproxy. None installs a signal handler, so SIGTERM ends them through Go's
 * runtime (exit 2 as PID 1).
 */
import type { HttpRequest, HttpResponse, SystemCalls } from '../../os/types';
import {
  GO_TERMINATING_SIGNALS,
  goNotFound,
  goResponse,
  goSignalExitCode,
  splitTarget,
  writeProcessLog,
} from './programKit';
import {
  defineServerProgram,
  exitNow,
  initialServerState,
  type ServerProgramSpec,
  type ServerState,
} from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';
import { formatGoDuration, formatLogTime } from './timeFormats';

/** Go's `log` line: `2024/01/01 10:00:00 message`. */
export function goLogLine(sys: SystemCalls, message: string): string {
  return `${formatLogTime(sys.now)} ${message}\n`;
}

/**
 * The liveness server (test/images/agnhost/liveness/server.go): /healthz answers 200 `ok` for the first 10 seconds
 * after the process started, then 500 `error: <seconds>`.
 */
export function livenessResponse(startedAt: number, request: HttpRequest, sys: SystemCalls): HttpResponse {
  const { path, query } = splitTarget(request.path);
  const elapsedMs = sys.now - startedAt;
  switch (path) {
    case '/healthz':
      return elapsedMs > 10_000 ? goResponse(sys, 500, `error: ${elapsedMs / 1000}`) : goResponse(sys, 200, 'ok');
    case '/started':
      return goResponse(sys, 200, formatGoDuration(elapsedMs));
    case '/redirect':
      return goResponse(sys, 302, '', { Location: query.loc ?? '' });
    default:
      return goNotFound(sys);
  }
}

/** How a Go server without signal handlers ends, and how `ListenAndServe` fails on a taken port. */
export function goServerBehaviour<S extends ServerState>(): Pick<
  ServerProgramSpec<S>,
  'handledSignals' | 'signal' | 'bindFailed'
> {
  return {
    handledSignals: GO_TERMINATING_SIGNALS,
    signal: (_state, signal, sys) => exitNow(goSignalExitCode(sys, signal)),
    bindFailed(_state, port, sys, io) {
      io.stderr(goLogLine(sys, `listen tcp :${port}: bind: address already in use`));
      return 1;
    },
  };
}

/** `/server` of k8s.gcr.io/liveness and quay.io/junkai/training:liveness. */
export const livenessServer = defineServerProgram<ServerState>({
  init: (argv, env) => initialServerState(argv, env, [8080]),
  startupMs: () => STARTUP_SECONDS.goServer * 1000,
  respond: (state, request, sys) => livenessResponse(state.startedAt, request, sys),
  ...goServerBehaviour(),
});

/** gcr.io/google-samples/hello-app:1.0 (and quay.io/junkai/demo:1.0): hello, version and hostname on $PORT. */
export const helloApp = defineServerProgram<ServerState>({
  init: (argv, env) => initialServerState(argv, env, [Number(env.PORT) || 8080]),
  startupMs: () => STARTUP_SECONDS.goServer * 1000,
  start(state, sys, io) {
    io.stderr(goLogLine(sys, `Server listening on port ${state.ports[0] ?? 8080}`));
    return undefined;
  },
  respond(_state, request, sys) {
    writeProcessLog(sys, 'stderr', goLogLine(sys, `Serving request: ${splitTarget(request.path).path}`));
    return goResponse(sys, 200, `Hello, world!\nVersion: 1.0.0\nHostname: ${sys.hostname}\n`);
  },
  ...goServerBehaviour(),
});

/** Seed 000's `app`: `<h1>Test Homepage</h1>` for every path on :8080. */
export const seedApp = defineServerProgram<ServerState>({
  init: (argv, env) => initialServerState(argv, env, [8080]),
  startupMs: () => STARTUP_SECONDS.goServer * 1000,
  respond: (_state, _request, sys) => goResponse(sys, 200, '<h1>Test Homepage</h1>'),
  ...goServerBehaviour(),
});

/** registry.k8s.io/goproxy:0.1: an HTTP proxy on :8080 that refuses plain requests (elazarl/goproxy). */
export const goproxy = defineServerProgram<ServerState>({
  init: (argv, env) => initialServerState(argv, env, [8080]),
  startupMs: () => STARTUP_SECONDS.goServer * 1000,
  respond: (_state, _request, sys) =>
    goResponse(sys, 500, 'This is a proxy server. Does not respond to non-proxy requests.\n'),
  ...goServerBehaviour(),
});
