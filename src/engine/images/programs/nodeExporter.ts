import { goServerBehaviour } from './goServers';
import { flagValue, goResponse, httpResponse, portOfAddress, splitTarget } from './programKit';
import { defineServerProgram, initialServerState, type ServerState } from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';
import { formatHttpDate, formatIsoTime } from './timeFormats';

const VERSION = '1.8.2';
/** The node's boot, as reported in node_boot_time_seconds: an hour before the process started. */
const UPTIME_BEFORE_START_MS = 3_600_000;

/** A float as Go's strconv 'g' with shortest precision prints it (Prometheus text format): `1.7040672e+09`, `0.21`. */
function formatGoFloat(value: number): string {
  if (value === 0) return '0';
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  // strconv.FormatFloat(v, 'g', -1, 64) (prometheus/common expfmt): exponent form below 1e-4 and from 1e6 up.
  if (exponent < -4 || exponent >= 6) {
    const [mantissa = '0', power = '0'] = value.toExponential().split('e');
    const sign = power.startsWith('-') ? '-' : '+';
    return `${mantissa}e${sign}${power.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return String(value);
}

function metric(name: string, help: string, type: string, value: number, labels = ''): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name}${labels} ${formatGoFloat(value)}\n`;
}

function logLine(now: number, caller: string, message: string, fields = ''): string {
  return `ts=${formatIsoTime(now)} caller=${caller} level=info msg="${message}"${fields}\n`;
}

/**
 * prom/node-exporter: /metrics on --web.listen-address (default :9100). Seed 004's private build takes the port
 * from the `web_listen_address` environment variable instead.
 */
export const nodeExporter = defineServerProgram<ServerState>({
  init(argv, env) {
    const address =
      flagValue(argv, 'web.listen-address') ?? (env.web_listen_address ? `:${env.web_listen_address}` : ':9100');
    return initialServerState(argv, env, [portOfAddress(address) ?? 9100]);
  },
  startupMs: () => STARTUP_SECONDS.nodeExporter * 1000,
  start(_state, sys, io) {
    io.stderr(
      logLine(
        sys.now,
        'node_exporter.go:193',
        'Starting node_exporter',
        ` version="(version=${VERSION}, branch=HEAD)"`,
      ),
    );
    return undefined;
  },
  ready(state, sys, io) {
    const address = `[::]:${state.ports[0] ?? 9100}`;
    io.stderr(logLine(sys.now, 'tls_config.go:313', 'Listening on', ` address=${address}`));
    io.stderr(logLine(sys.now, 'tls_config.go:316', 'TLS is disabled.', ` http2=false address=${address}`));
  },
  respond(state, request, sys) {
    if (splitTarget(request.path).path !== '/metrics') {
      return goResponse(
        sys,
        200,
        '<html>\n<head><title>Node Exporter</title></head>\n<body>\n<h1>Node Exporter</h1>\n<p><a href="/metrics">Metrics</a></p>\n</body>\n</html>\n',
      );
    }
    const seconds = sys.now / 1000;
    const body =
      metric(
        'node_boot_time_seconds',
        'Node boot time, in unixtime.',
        'gauge',
        Math.floor((state.startedAt - UPTIME_BEFORE_START_MS) / 1000),
      ) +
      metric(
        'node_exporter_build_info',
        "A metric with a constant '1' value labeled by version, revision, branch, goversion from which node_exporter was built, and the goos and goarch for the build.",
        'gauge',
        1,
        `{branch="HEAD",goarch="amd64",goos="linux",goversion="go1.22.5",version="${VERSION}"}`,
      ) +
      metric('node_load1', '1m load average.', 'gauge', Math.round((0.15 + ((seconds / 60) % 1) * 0.3) * 100) / 100) +
      metric('node_memory_MemAvailable_bytes', 'Memory information field MemAvailable_bytes.', 'gauge', 3_221_225_472) +
      metric('node_memory_MemTotal_bytes', 'Memory information field MemTotal_bytes.', 'gauge', 4_109_410_304) +
      metric('node_time_seconds', 'System time in seconds since epoch (1970).', 'gauge', seconds);
    return httpResponse(200, body, {
      'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
      Date: formatHttpDate(sys.now),
    });
  },
  ...goServerBehaviour(),
});
