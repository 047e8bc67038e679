import { readText } from './programKit';
import { defineServerProgram, exitAfter, initialServerState, type ServerState } from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';
import { formatIsoSpaced } from './timeFormats';

interface FluentdState extends ServerState {
  configFile: string;
  /** Elasticsearch host of the fluentd-elasticsearch output, if the image has one. */
  elasticsearchHost?: string;
  retries: number;
}

const VERSION = '1.16.2';
/** fluent-plugin-elasticsearch gives up after this many doubling retries. */
const MAX_RETRIES = 14;
const ES_OUTPUT = '/etc/fluent/config.d/output.conf';

function fluentdLine(now: number, level: 'info' | 'warn', message: string): string {
  return `${formatIsoSpaced(now)} +0000 [${level}]: ${message}\n`;
}

/**
 * fluentd (the DaemonSet example's log collector): logs its start, then runs forever. The fluentd-elasticsearch
 * images ship an Elasticsearch output; without that Service in the cluster it warns and retries with back-off.
 */
export const fluentd = defineServerProgram<FluentdState>({
  init(argv, env) {
    const configIndex = argv.indexOf('-c');
    const configFile = configIndex >= 0 ? (argv[configIndex + 1] ?? '') : '/fluentd/etc/fluent.conf';
    return { ...initialServerState(argv, env, []), configFile, retries: 0 };
  },
  startupMs: () => STARTUP_SECONDS.fluentd * 1000,
  start(state, sys, io) {
    const output = readText(sys.fs, ES_OUTPUT);
    const host = output === undefined ? undefined : /^\s*host\s+(\S+)/m.exec(output)?.[1];
    if (host) state.elasticsearchHost = host;
    const config = output === undefined ? state.configFile : '/etc/fluent/fluent.conf';
    io.stdout(fluentdLine(sys.now, 'info', `parsing config file is succeeded path="${config}"`));
    io.stdout(fluentdLine(sys.now, 'info', `gem 'fluentd' version '${VERSION}'`));
    io.stdout(fluentdLine(sys.now, 'info', `starting fluentd-${VERSION} pid=${sys.pid} ruby="3.1.4"`));
    return undefined;
  },
  ready(_state, sys, io) {
    io.stdout(fluentdLine(sys.now, 'info', `#0 starting fluentd worker pid=${sys.pid} ppid=${sys.ppid} worker=0`));
    io.stdout(fluentdLine(sys.now, 'info', '#0 fluentd worker is now running worker=0'));
  },
  tick(state, sys, io) {
    const host = state.elasticsearchHost;
    if (!host || state.retries >= MAX_RETRIES) return undefined;
    const answer = sys.net.lookup(host);
    if (!('kind' in answer)) {
      io.stdout(
        fluentdLine(
          sys.now,
          'info',
          `#0 [elasticsearch] Connection opened to Elasticsearch cluster => {:host=>"${host}", :port=>9200, :scheme=>"http"}`,
        ),
      );
      return undefined;
    }
    state.retries++;
    const waitSeconds = 2 ** state.retries;
    io.stdout(
      fluentdLine(
        sys.now,
        'warn',
        '#0 [elasticsearch] Could not communicate to Elasticsearch, resetting connection and trying again. getaddrinfo: Name or service not known (SocketError)',
      ),
    );
    io.stdout(
      fluentdLine(
        sys.now,
        'warn',
        `#0 [elasticsearch] Remaining retry: ${MAX_RETRIES - state.retries}. Retry to communicate after ${waitSeconds} second(s).`,
      ),
    );
    return sys.now + waitSeconds * 1000;
  },
  bindFailed: () => 1,
  handledSignals: ['SIGTERM', 'SIGINT'],
  signal(state, _signal, sys, io) {
    if (state.phase === 'stopping') return undefined;
    io.stdout(fluentdLine(sys.now, 'info', 'Received graceful stop'));
    io.stdout(fluentdLine(sys.now, 'info', '#0 fluentd worker is now stopping worker=0'));
    return exitAfter(state, sys, 1000, 0);
  },
  stopped(_state, sys, io) {
    io.stdout(fluentdLine(sys.now, 'info', 'Worker 0 finished with status 0'));
  },
});
