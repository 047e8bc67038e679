import { compareVersions } from '../compareVersions';
import { flagValue } from './programKit';
import { defineServerProgram, exitAfter, initialServerState, type ServerState } from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';
import { formatRedisTime } from './timeFormats';

interface RedisState extends ServerState {
  version: string;
  configFile: string;
}

/** A Redis log line: `1:M 01 Jan 2024 10:00:00.000 * Ready to accept connections tcp` (C = starting, M = master). */
function redisLine(pid: number, role: 'C' | 'M', now: number, level: '*' | '#', message: string): string {
  return `${pid}:${role} ${formatRedisTime(now)} ${level} ${message}\n`;
}

/** redis-server: the start banner, port 6379 (TCP only, no HTTP), and the SIGTERM shutdown that saves dump.rdb. */
export const redisServer = defineServerProgram<RedisState>({
  init(argv, env) {
    const configFile = argv.slice(1).find((arg) => arg.endsWith('.conf')) ?? '';
    const port = Number(flagValue(argv, 'port') ?? 6379);
    return { ...initialServerState(argv, env, [port]), version: env.REDIS_VERSION ?? '7.2.4', configFile };
  },
  startupMs: () => STARTUP_SECONDS.redis * 1000,
  start(state, sys, io) {
    io.stdout(redisLine(sys.pid, 'C', sys.now, '*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo'));
    io.stdout(
      redisLine(
        sys.pid,
        'C',
        sys.now,
        '*',
        `Redis version=${state.version}, bits=64, commit=00000000, modified=0, pid=${sys.pid}, just started`,
      ),
    );
    const configNote =
      state.configFile === ''
        ? 'Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf'
        : `Configuration loaded`;
    io.stdout(redisLine(sys.pid, 'C', sys.now, state.configFile === '' ? '#' : '*', configNote));
    return undefined;
  },
  ready(state, sys, io) {
    io.stdout(redisLine(sys.pid, 'M', sys.now, '*', 'monotonic clock: POSIX clock_gettime'));
    io.stdout(redisLine(sys.pid, 'M', sys.now, '*', `Running mode=standalone, port=${state.ports[0] ?? 6379}.`));
    io.stdout(redisLine(sys.pid, 'M', sys.now, '*', 'Server initialized'));
    const tcp = compareVersions(state.version, '7.2') >= 0 ? ' tcp' : '';
    io.stdout(redisLine(sys.pid, 'M', sys.now, '*', `Ready to accept connections${tcp}`));
  },
  bindFailed(state, port, sys, io) {
    io.stdout(
      redisLine(
        sys.pid,
        'M',
        sys.now,
        '#',
        `Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`,
      ),
    );
    io.stdout(redisLine(sys.pid, 'M', sys.now, '#', `Failed listening on port ${port} (tcp), aborting.`));
    return 1;
  },
  handledSignals: ['SIGTERM', 'SIGINT'],
  signal(state, signal, sys, io) {
    if (state.phase === 'stopping') return undefined;
    io.stdout(`${sys.pid}:signal-handler (${Math.floor(sys.now / 1000)}) Received ${signal} scheduling shutdown...\n`);
    io.stdout(redisLine(sys.pid, 'M', sys.now, '*', 'User requested shutdown...'));
    io.stdout(redisLine(sys.pid, 'M', sys.now, '*', 'Saving the final RDB snapshot before exiting.'));
    sys.fs.write('/data/dump.rdb', 'REDIS0011\n');
    io.stdout(redisLine(sys.pid, 'M', sys.now, '*', 'DB saved on disk'));
    io.stdout(redisLine(sys.pid, 'M', sys.now, '#', 'Redis is now ready to exit, bye bye...'));
    return exitAfter(state, sys, 100, 0);
  },
  cmdline: (state) => `redis-server *:${state.ports[0] ?? 6379}`,
});
