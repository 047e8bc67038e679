/**
 * nginx in the foreground (`nginx -g 'daemon off;'`): the master binds the ports and serves requests on behalf of
 * its workers, which are child processes that only live and die as real workers do (ps, SIGHUP, SIGQUIT). Also the
 * command-line modes a learner runs through `kubectl exec`: -v, -V, -t, -s reload|reopen|stop|quit.
 */
import type { ProcessIO, ProgramDefinition, ProgramStep, Signal, SystemCalls } from '../../../os/types';
import { SIGNAL_NUMBERS } from '../../../os/types';
import { hasProcessLog, readText, writeProcessLog } from '../programKit';
import { STARTUP_SECONDS } from '../startupSeconds';
import { listenPorts, loadNginxConfig, type NginxConfig } from './nginxConfig';
import { nginxCompiler, nginxLogLine, nginxLogs } from './nginxLog';
import { formatAccessLine, serveNginxRequest } from './nginxServe';
import { NGINX_WORKER_PROGRAM, type NginxWorkerState } from './nginxWorker';

/** The version a binary reports when the image does not say (`NGINX_VERSION`). */
const FALLBACK_VERSION = '1.29.5';
/** `worker_processes auto` counts CPUs: the playground's nodes have 2. */
const AUTO_WORKERS = 2;
/** ngx_open_listening_sockets: 5 tries, 500 ms apart. */
const BIND_TRIES = 5;
const BIND_RETRY_MS = 500;
const KERNEL_FALLBACK = '6.8.0-45-generic';

export interface NginxMasterState {
  argv: string[];
  version: string;
  confFile: string;
  globalDirectives: string;
  /** -v, -V, -t, -s, or the server itself. */
  mode: 'serve' | 'version' | 'build' | 'test' | 'signal' | 'invalid';
  modeArgument: string;
  phase: 'starting' | 'running' | 'stopping';
  readyAt: number;
  bindAttempts: number;
  config: NginxConfig | null;
  ports: number[];
  workers: number[];
  /** Workers told to finish after a reload. */
  retiring: number[];
  connections: number;
}

function parseArguments(argv: string[], env: Record<string, string>): NginxMasterState {
  const state: NginxMasterState = {
    argv,
    version: env.NGINX_VERSION ?? FALLBACK_VERSION,
    confFile: '/etc/nginx/nginx.conf',
    globalDirectives: '',
    mode: 'serve',
    modeArgument: '',
    phase: 'starting',
    readyAt: 0,
    bindAttempts: 0,
    config: null,
    ports: [],
    workers: [],
    retiring: [],
    connections: 0,
  };
  for (let index = 1; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const value = () => argv[++index] ?? '';
    if (arg === '-g') state.globalDirectives = value();
    else if (arg === '-c') state.confFile = value();
    else if (arg === '-v') state.mode = 'version';
    else if (arg === '-V') state.mode = 'build';
    else if (arg === '-t' || arg === '-T') state.mode = 'test';
    else if (arg === '-s') [state.mode, state.modeArgument] = ['signal', value()];
    else if (arg === '-q' || arg === '-p' || arg === '-e') {
      if (arg !== '-q') value();
    } else [state.mode, state.modeArgument] = ['invalid', arg.replace(/^-/, '')];
  }
  return state;
}

/** Loads the configuration and checks what nginx checks at start: that every proxied host resolves. */
function loadChecked(state: NginxMasterState, sys: SystemCalls): NginxConfig | string {
  // `daemon off;` is the only -g directive the images pass; it does not change what we model.
  const loaded = loadNginxConfig(sys.fs, state.confFile, state.globalDirectives);
  if ('message' in loaded) return loaded.message;
  for (const server of loaded.servers) {
    for (const location of server.locations) {
      const host = /^http:\/\/([^/:]+)/.exec(location.proxyPass ?? '')?.[1];
      if (host === undefined || /^\d+\.\d+\.\d+\.\d+$/.test(host)) continue;
      const answer = sys.net.lookup(host);
      if ('kind' in answer) {
        const upstream = /^http:\/\/([^/]+)/.exec(location.proxyPass ?? '')?.[1] ?? host;
        return `host not found in upstream "${upstream}" in ${location.proxyPassSource ?? state.confFile}`;
      }
    }
  }
  return loaded;
}

function notice(state: NginxMasterState, sys: SystemCalls, io: ProcessIO, message: string): void {
  if (nginxLogs(state.config?.errorLogLevel ?? 'error', 'notice')) io.stderr(nginxLogLine(sys, 'notice', message));
}

/** An [emerg] goes to the error log and, like nginx's early errors, to stderr as `nginx: [emerg] …`. */
function emerg(sys: SystemCalls, io: ProcessIO, message: string): void {
  io.stderr(nginxLogLine(sys, 'emerg', message));
  io.stderr(`nginx: [emerg] ${message}\n`);
}

function runCommandMode(state: NginxMasterState, sys: SystemCalls, io: ProcessIO): ProgramStep {
  const versionLine = `nginx version: nginx/${state.version}\n`;
  switch (state.mode) {
    case 'version':
      io.stderr(versionLine);
      return { kind: 'exit', code: 0 };
    case 'build': {
      const compiler = nginxCompiler(sys);
      io.stderr(
        versionLine +
          (compiler ? `built by ${compiler} \n` : '') +
          'configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx\n',
      );
      return { kind: 'exit', code: 0 };
    }
    case 'invalid':
      io.stderr(`nginx: invalid option: "${state.modeArgument}"\n`);
      return { kind: 'exit', code: 1 };
    case 'test': {
      const config = loadChecked(state, sys);
      if (typeof config === 'string') {
        io.stderr(`nginx: [emerg] ${config}\nnginx: configuration file ${state.confFile} test failed\n`);
        return { kind: 'exit', code: 1 };
      }
      io.stderr(
        `nginx: the configuration file ${state.confFile} syntax is ok\nnginx: configuration file ${state.confFile} test is successful\n`,
      );
      return { kind: 'exit', code: 0 };
    }
    default:
      return sendSignal(state, sys, io);
  }
}

const SIGNAL_OF_COMMAND: Record<string, Signal> = {
  stop: 'SIGTERM',
  quit: 'SIGQUIT',
  reopen: 'SIGUSR1',
  reload: 'SIGHUP',
};

/** `nginx -s <command>`: read the pid file of the running master and signal it (ngx_signal_process). */
function sendSignal(state: NginxMasterState, sys: SystemCalls, io: ProcessIO): ProgramStep {
  const signal = SIGNAL_OF_COMMAND[state.modeArgument];
  if (!signal) {
    io.stderr(`nginx: invalid option: "-s ${state.modeArgument}"\n`);
    return { kind: 'exit', code: 1 };
  }
  const config = loadChecked(state, sys);
  if (typeof config === 'string') {
    emerg(sys, io, config);
    return { kind: 'exit', code: 1 };
  }
  state.config = config;
  notice(state, sys, io, 'signal process started');
  const content = readText(sys.fs, config.pidFile);
  if (content === undefined) {
    const line = `open() "${config.pidFile}" failed (2: No such file or directory)`;
    io.stderr(nginxLogLine(sys, 'error', line) + `nginx: [error] ${line}\n`);
    return { kind: 'exit', code: 1 };
  }
  const pid = Number(content.trim());
  if (!Number.isInteger(pid) || pid <= 0) {
    io.stderr(`nginx: [error] invalid PID number "${content.trim()}" in "${config.pidFile}"\n`);
    return { kind: 'exit', code: 1 };
  }
  if (sys.kill(pid, signal) !== 'ok') {
    const line = `kill(${pid}, ${SIGNAL_NUMBERS[signal]}) failed (3: No such process)`;
    io.stderr(nginxLogLine(sys, 'alert', line) + `nginx: [alert] ${line}\n`);
    return { kind: 'exit', code: 1 };
  }
  return { kind: 'exit', code: 0 };
}

function workerCount(config: NginxConfig): number {
  return config.workerProcesses === 'auto' ? AUTO_WORKERS : config.workerProcesses;
}

function startWorkers(state: NginxMasterState, config: NginxConfig, sys: SystemCalls, io: ProcessIO): number[] {
  notice(state, sys, io, 'start worker processes');
  const workers: number[] = [];
  for (let index = 0; index < workerCount(config); index++) {
    const workerState: NginxWorkerState = { logNotices: nginxLogs(config.errorLogLevel, 'notice') };
    const pid = sys.spawnProgram(NGINX_WORKER_PROGRAM, workerState, {
      cmdline: 'nginx: worker process',
      io: 'inherit',
    });
    notice(state, sys, io, `start worker process ${pid}`);
    workers.push(pid);
  }
  return workers;
}

/** Binds every port not yet bound; on failure logs as nginx does and reports false. */
function bindPorts(state: NginxMasterState, config: NginxConfig, sys: SystemCalls, io: ProcessIO): boolean {
  for (const listen of listenPorts(config)) {
    if (state.ports.includes(listen.port)) continue;
    if (!sys.listen(listen.port)) {
      emerg(sys, io, `bind() to ${listen.address} failed (98: Address already in use)`);
      return false;
    }
    state.ports.push(listen.port);
  }
  return true;
}

function becomeReady(state: NginxMasterState, sys: SystemCalls, io: ProcessIO): ProgramStep {
  const config = state.config;
  if (!config) return { kind: 'exit', code: 1 };
  if (!bindPorts(state, config, sys, io)) {
    state.bindAttempts++;
    if (state.bindAttempts < BIND_TRIES) return { kind: 'block', wakeAt: sys.now + BIND_RETRY_MS };
    emerg(sys, io, 'still could not bind()');
    for (const port of state.ports) sys.unlisten(port);
    return { kind: 'exit', code: 1 };
  }
  sys.fs.write(config.pidFile, `${sys.pid}\n`);
  const kernel = readText(sys.fs, '/proc/sys/kernel/osrelease');
  const compiler = nginxCompiler(sys);
  notice(state, sys, io, 'using the "epoll" event method');
  notice(state, sys, io, `nginx/${state.version}`);
  if (compiler) notice(state, sys, io, `built by ${compiler} `);
  notice(state, sys, io, `OS: Linux ${kernel?.trim() ?? KERNEL_FALLBACK}`);
  notice(state, sys, io, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  state.workers = startWorkers(state, config, sys, io);
  state.phase = 'running';
  return waitForChildren(state);
}

/** SIGHUP: re-read the configuration, start new workers, let the old ones finish (ngx_master_process_cycle). */
function reconfigure(state: NginxMasterState, sys: SystemCalls, io: ProcessIO): void {
  notice(state, sys, io, 'signal 1 (SIGHUP) received, reconfiguring');
  notice(state, sys, io, 'reconfiguring');
  const config = loadChecked(state, sys);
  if (typeof config === 'string') {
    io.stderr(nginxLogLine(sys, 'emerg', config));
    return;
  }
  const previousPorts = [...state.ports];
  if (!bindPorts(state, config, sys, io)) {
    for (const port of state.ports.filter((bound) => !previousPorts.includes(bound))) sys.unlisten(port);
    state.ports = previousPorts;
    return;
  }
  const wanted = listenPorts(config).map((listen) => listen.port);
  for (const port of state.ports.filter((bound) => !wanted.includes(bound))) sys.unlisten(port);
  state.ports = state.ports.filter((bound) => wanted.includes(bound));
  state.config = config;
  notice(state, sys, io, 'using the "epoll" event method');
  const previous = state.workers;
  state.workers = startWorkers(state, config, sys, io);
  for (const pid of previous) sys.kill(pid, 'SIGQUIT');
  state.retiring.push(...previous);
}

function shutDown(state: NginxMasterState, sys: SystemCalls, io: ProcessIO, signal: Signal): void {
  const graceful = signal === 'SIGQUIT';
  notice(
    state,
    sys,
    io,
    `signal ${SIGNAL_NUMBERS[signal]} (${signal}) received, ${graceful ? 'shutting down' : 'exiting'}`,
  );
  state.phase = 'stopping';
  for (const pid of [...state.workers, ...state.retiring]) sys.kill(pid, graceful ? 'SIGQUIT' : 'SIGTERM');
  state.retiring.push(...state.workers);
  state.workers = [];
}

/** Logs a finished worker; a worker that died while serving is replaced, as the master does. */
function workerExited(state: NginxMasterState, sys: SystemCalls, io: ProcessIO, pid: number, code: number): void {
  const wasServing = state.workers.includes(pid);
  state.workers = state.workers.filter((worker) => worker !== pid);
  state.retiring = state.retiring.filter((worker) => worker !== pid);
  notice(state, sys, io, `signal 17 (SIGCHLD) received from ${pid}`);
  notice(
    state,
    sys,
    io,
    code > 128
      ? `worker process ${pid} exited on signal ${code - 128}`
      : `worker process ${pid} exited with code ${code}`,
  );
  if (wasServing && state.phase === 'running' && state.config) {
    state.workers.push(...startWorkers(state, { ...state.config, workerProcesses: 1 }, sys, io));
  }
}

function reapChildren(state: NginxMasterState, sys: SystemCalls, io: ProcessIO): void {
  const hadRetiring = state.retiring.length > 0;
  for (const pid of [...state.retiring, ...state.workers]) {
    const code = sys.reapChild(pid);
    if (code !== undefined) workerExited(state, sys, io, pid, code);
  }
  if (hadRetiring && state.retiring.length === 0 && state.phase === 'running')
    notice(state, sys, io, 'signal 29 (SIGIO) received');
}

function waitForChildren(state: NginxMasterState): ProgramStep {
  const watched = state.retiring[0] ?? state.workers[0];
  return watched === undefined ? { kind: 'block' } : { kind: 'block', waitFor: watched };
}

const HANDLED: readonly Signal[] = ['SIGHUP', 'SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGUSR1', 'SIGCHLD'];

export const nginxMaster: ProgramDefinition<NginxMasterState> = {
  start: (argv, env) => parseArguments(argv, env),
  step(state, sys, io, wake) {
    if (wake.kind === 'start') {
      if (state.mode !== 'serve') return runCommandMode(state, sys, io);
      const config = loadChecked(state, sys);
      if (typeof config === 'string') {
        emerg(sys, io, config);
        return { kind: 'exit', code: 1 };
      }
      state.config = config;
      state.readyAt = sys.now + STARTUP_SECONDS.nginx * 1000;
      return { kind: 'block', wakeAt: state.readyAt };
    }
    if (wake.kind === 'child-exited') {
      sys.reapChild(wake.pid);
      if (state.workers.includes(wake.pid) || state.retiring.includes(wake.pid))
        workerExited(state, sys, io, wake.pid, wake.code);
    }
    if (wake.kind === 'signal') {
      if (wake.signal === 'SIGHUP' && state.phase === 'running') reconfigure(state, sys, io);
      else if (wake.signal === 'SIGUSR1') {
        notice(state, sys, io, 'signal 10 (SIGUSR1) received, reopening logs');
        notice(state, sys, io, 'reopening logs');
      } else if (wake.signal !== 'SIGHUP' && wake.signal !== 'SIGCHLD' && state.phase !== 'stopping') {
        if (state.phase === 'starting') return { kind: 'exit', code: 0 };
        shutDown(state, sys, io, wake.signal);
      }
    }
    if (state.phase === 'starting') {
      return sys.now >= state.readyAt ? becomeReady(state, sys, io) : { kind: 'block', wakeAt: state.readyAt };
    }
    reapChildren(state, sys, io);
    if (state.phase === 'stopping' && state.retiring.length === 0) {
      notice(state, sys, io, 'exit');
      if (state.config) sys.fs.remove(state.config.pidFile);
      return { kind: 'exit', code: 0 };
    }
    return waitForChildren(state);
  },
  handlesSignal: (state, signal) => state.mode === 'serve' && HANDLED.includes(signal),
  http(state, request, sys) {
    if (!state.config) throw new Error('nginx received a request before it was configured');
    state.connections++;
    const workerPid = state.workers[state.connections % Math.max(1, state.workers.length)] ?? sys.pid;
    const exchange = serveNginxRequest(state.config, request, sys, {
      version: state.version,
      workerPid,
      connection: state.connections,
    });
    for (const line of exchange.errorLog) writeProcessLog(sys, 'stderr', line);
    if (exchange.logsAccess && hasProcessLog(sys, 'stdout'))
      writeProcessLog(sys, 'stdout', formatAccessLine(request, exchange.response, sys.now));
    return exchange.response;
  },
  cmdline: (state) => (state.mode === 'serve' ? `nginx: master process ${state.argv.join(' ')}` : state.argv.join(' ')),
};
