/**
 * agnhost (kubernetes/test/images/agnhost), the e2e image with many modes; modelled: pause, liveness,
 * serve-hostname and the basics of netexec. Other real modes run as quiet long-running processes.
 */
import type { HttpRequest, HttpResponse, ProcessIO, SystemCalls } from '../../os/types';
import { goLogLine, goServerBehaviour, livenessResponse } from './goServers';
import { flagValue, goResponse, splitTarget, writeProcessLog } from './programKit';
import { defineServerProgram, exitAfter, exitNow, initialServerState, type ServerState } from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';
import { formatIsoSpaced } from './timeFormats';

type AgnhostMode = 'pause' | 'liveness' | 'serve-hostname' | 'netexec' | 'unmodelled' | 'help' | 'unknown';

interface AgnhostState extends ServerState {
  mode: AgnhostMode;
  command: string;
  requests: number;
}

/** Subcommands agnhost really has but the playground does not model: they just keep running. */
const UNMODELLED_MODES = new Set([
  'audit-proxy',
  'connect',
  'crd-conversion-webhook',
  'dns-server',
  'dns-suffix',
  'dns-server-list',
  'entrypoint-tester',
  'etc-hosts',
  'fake-gitserver',
  'fake-registry-server',
  'grpc-health-checking',
  'guestbook',
  'http-echo',
  'inclusterclient',
  'logs-generator',
  'mounttest',
  'net',
  'nettest',
  'no-snat-test',
  'no-snat-test-proxy',
  'port-forward-tester',
  'porter',
  'resource-consumer-controller',
  'test-webserver',
  'webhook',
]);

function modeOf(command: string | undefined): AgnhostMode {
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return 'help';
  if (command === 'pause' || command === 'liveness' || command === 'serve-hostname' || command === 'netexec')
    return command;
  return UNMODELLED_MODES.has(command) ? 'unmodelled' : 'unknown';
}

function portsOf(mode: AgnhostMode, argv: string[]): number[] {
  if (mode === 'liveness') return [8080];
  if (mode === 'serve-hostname') return [Number(flagValue(argv, 'port') ?? 9376)];
  if (mode === 'netexec') return [Number(flagValue(argv, 'http-port') ?? 8080)];
  return [];
}

/** Go's `time.Time.String()` with the monotonic reading: `2024-01-01 10:00:00.5 +0000 UTC m=+3.500000001`. */
function goTimeString(sys: SystemCalls, startedAt: number): string {
  const wall = formatIsoSpaced(sys.now, 3).replace(/\.?0+$/, '');
  return `${wall} +0000 UTC m=+${((sys.now - startedAt) / 1000).toFixed(9)}`;
}

/** A source address with an ephemeral port, as Go's `RemoteAddr` prints it. */
function remoteAddress(request: HttpRequest, state: AgnhostState): string {
  return `${request.sourceIp}:${40000 + (state.requests % 20000)}`;
}

/** /shell?cmd=…: a single simple command through the image's utilities, reported as netexec's JSON. */
function runShellCommand(command: string, sys: SystemCalls, env: Record<string, string>): Record<string, string> {
  const argv = command
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const utility = argv[0] === undefined ? undefined : sys.findUtility(argv[0]);
  if (!utility) return { output: `/bin/sh: ${argv[0] ?? ''}: not found\n`, error: 'exit status 127' };
  let output = '';
  const io: ProcessIO = { stdin: '', stdout: (text) => (output += text), stderr: (text) => (output += text) };
  const result = utility(argv, io, sys, env, '/');
  const code = typeof result === 'number' ? result : result.exitCode;
  const json: Record<string, string> = {};
  if (output !== '') json.output = output;
  if (code !== 0) json.error = `exit status ${code}`;
  return json;
}

function netexecResponse(state: AgnhostState, request: HttpRequest, sys: SystemCalls): HttpResponse {
  const { path, query } = splitTarget(request.path);
  const log = (message: string) => writeProcessLog(sys, 'stderr', goLogLine(sys, message));
  switch (path) {
    case '/hostname':
    case '/hostName':
      log(`GET ${path}`);
      return goResponse(sys, 200, sys.hostname);
    case '/clientip':
      log('GET /clientip');
      return goResponse(sys, 200, remoteAddress(request, state));
    case '/healthz':
      log('GET /healthz');
      return goResponse(sys, 200, '');
    case '/echo': {
      const msg = query.msg ?? '';
      const code = query.code ?? '';
      log(`GET /echo?msg=${msg}&code=${code}`);
      if (code !== '' && !/^\d+$/.test(code))
        return goResponse(sys, 200, `argument 'code' must be an integer or empty, got "${code}"\n`);
      return goResponse(sys, code === '' ? 200 : Number(code), msg);
    }
    case '/redirect': {
      const location = query.location ?? '';
      const code = query.code ?? '';
      log(`${request.method} /redirect?msg=${location}&code=${code}`);
      return goResponse(sys, code === '' ? 302 : Number(code), '', { Location: location });
    }
    case '/shell': {
      const command = query.shellCommand || query.cmd || '';
      log(`GET /shell?cmd=${command}`);
      return goResponse(sys, 200, JSON.stringify(runShellCommand(command, sys, state.env)));
    }
    case '/dial':
      return dialResponse(query, sys, log);
    default:
      log('GET /');
      return goResponse(sys, 200, `NOW: ${goTimeString(sys, state.startedAt)}`);
  }
}

/** /dial?host=&port=&request=&tries=: HTTP GETs from this pod, the e2e tests' connectivity check. */
function dialResponse(query: Record<string, string>, sys: SystemCalls, log: (message: string) => void): HttpResponse {
  const { host = '', port = '', request = '', protocol = '', tries = '' } = query;
  log(`GET /dial?host=${host}&protocol=${protocol}&port=${port}&request=${request}&tries=${tries}`);
  if (request === '') return goResponse(sys, 400, 'request parameter not specified. <nil>\n');
  const responses: string[] = [];
  const errors: string[] = [];
  for (let attempt = 0; attempt < (Number(tries) || 1); attempt++) {
    const outcome = sys.net.http({ method: 'GET', host, port: Number(port), path: `/${request.replace(/^\//, '')}` });
    if (outcome.ok) responses.push(outcome.response.body);
    else errors.push(`Get "http://${host}:${port}/${request}": dial tcp ${host}:${port}: connect: connection refused`);
  }
  const output: Record<string, string[]> = {};
  if (responses.length > 0) output.responses = responses;
  if (errors.length > 0) output.errors = errors;
  return goResponse(sys, 200, JSON.stringify(output));
}

const AGNHOST_HELP =
  'Usage:\n  agnhost [command]\n\nUse "agnhost [command] --help" for more information about a command.\n';

export const agnhost = defineServerProgram<AgnhostState>({
  init(argv, env) {
    const mode = modeOf(argv[1]);
    return { ...initialServerState(argv, env, portsOf(mode, argv)), mode, command: argv[1] ?? '', requests: 0 };
  },
  startupMs: () => STARTUP_SECONDS.goServer * 1000,
  start(state, sys, io) {
    switch (state.mode) {
      case 'help':
        io.stdout(AGNHOST_HELP);
        return exitNow(0);
      case 'unknown':
        io.stderr(`Error: unknown command "${state.command}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
        return exitNow(1);
      case 'pause':
        io.stdout('Paused\n');
        return undefined;
      case 'serve-hostname':
        io.stderr(goLogLine(sys, `Serving on port ${state.ports[0] ?? 9376}.`));
        return undefined;
      case 'netexec':
        io.stderr(goLogLine(sys, `Started HTTP server on port ${state.ports[0] ?? 8080}`));
        io.stderr(goLogLine(sys, `Started UDP server on port  ${flagValue(state.argv, 'udp-port') ?? 8081}`));
        return undefined;
      default:
        return undefined;
    }
  },
  respond(state, request, sys) {
    state.requests++;
    if (state.mode === 'liveness') return livenessResponse(state.startedAt, request, sys);
    if (state.mode === 'netexec') return netexecResponse(state, request, sys);
    writeProcessLog(sys, 'stderr', goLogLine(sys, `HTTP request from ${remoteAddress(request, state)}`));
    return goResponse(sys, 200, sys.hostname);
  },
  ...goServerBehaviour<AgnhostState>(),
  signal(state, signal, sys, io) {
    // pause exits 1 on SIGINT and 2 on SIGTERM; serve-hostname lingers 60 s after SIGTERM.
    if (state.mode === 'pause' && signal !== 'SIGHUP') return exitNow(signal === 'SIGINT' ? 1 : 2);
    if (state.mode === 'serve-hostname' && signal === 'SIGTERM') {
      if (state.phase === 'stopping') return undefined;
      io.stderr(goLogLine(sys, 'Shutting down after receiving signal: terminated.'));
      io.stderr(goLogLine(sys, 'Awaiting pod deletion.'));
      return exitAfter(state, sys, 60_000, 0);
    }
    return goServerBehaviour<AgnhostState>().signal(state, signal, sys, io);
  },
});
