import { httpResponse } from './programKit';
import { defineServerProgram, exitNow, initialServerState, type ServerState } from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';

/** Program name of the generic process an unknown image runs. */
export const SIMULATED_APP = 'simulated-app';

function portsFrom(env: Record<string, string>): number[] {
  const ports = (env.KUBEPLAY_PORTS ?? '').split(',').map((port) => Number(port.trim()));
  return [...new Set(ports.filter((port) => Number.isInteger(port) && port > 0 && port < 65536))];
}

/**
 * The stand-in for an image the catalog does not know: runs until stopped, listens on the container's declared ports
 * (the kubelet passes them in KUBEPLAY_PORTS) and answers every request with a note that it is simulated.
 */
export const simulatedApp = defineServerProgram<ServerState>({
  init: (argv, env) => initialServerState(argv, env, portsFrom(env)),
  startupMs: () => STARTUP_SECONDS.simulated * 1000,
  start(state, _sys, io) {
    const listening = state.ports.length > 0 ? `will listen on ${state.ports.join(', ')}` : 'listens on no port';
    io.stdout(
      `${SIMULATED_APP}: a generic process standing in for image ${state.env.KUBEPLAY_IMAGE ?? '(unknown)'}; it ${listening}\n`,
    );
    return undefined;
  },
  ready(state, _sys, io) {
    if (state.ports.length > 0) io.stdout(`${SIMULATED_APP}: ready\n`);
  },
  bindFailed(_state, port, _sys, io) {
    io.stderr(`${SIMULATED_APP}: port ${port} is already in use\n`);
    return 1;
  },
  respond(state, request, sys) {
    const body =
      `Kube Playground simulated process (image ${state.env.KUBEPLAY_IMAGE ?? 'unknown'}): the playground has no model ` +
      `of this image, so it only answers requests.\nhostname: ${sys.hostname}\nrequest: ${request.method} ${request.path}\n`;
    return httpResponse(200, body, { 'Content-Type': 'text/plain; charset=utf-8' });
  },
  handledSignals: ['SIGTERM', 'SIGINT'],
  signal: () => exitNow(0),
});
