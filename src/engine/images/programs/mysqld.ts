import { MYSQL_SYSTEM_SCHEMA } from './entrypointScripts';
import { defineServerProgram, initialServerState, windDownOn, type ServerState } from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';
import { formatIsoTime } from './timeFormats';

interface MysqldState extends ServerState {
  version: string;
}

/** A restart on an initialised data directory skips the first-start initialisation. */
const WARM_START_SECONDS = 4;

function mysqlLine(now: number, thread: number, code: string, subsystem: string, message: string): string {
  return `${formatIsoTime(now, 6)} ${thread} [System] [${code}] [${subsystem}] ${message}\n`;
}

/** mysqld: InnoDB start, ports 3306 and 33060 (no HTTP), orderly shutdown on SIGTERM. */
export const mysqld = defineServerProgram<MysqldState>({
  init(argv, env) {
    const version = (env.MYSQL_VERSION ?? '8.4.6').replace(/-.*$/, '');
    return { ...initialServerState(argv, env, [3306, 33060]), version };
  },
  startupMs: () => STARTUP_SECONDS.mysql * 1000,
  start(state, sys, io) {
    // A data directory initialised just now (by the entrypoint) means the slow first start.
    const schema = sys.fs.stat(MYSQL_SYSTEM_SCHEMA);
    if (typeof schema !== 'string' && sys.now - schema.mtime > 1000)
      state.readyAt = sys.now + WARM_START_SECONDS * 1000;
    io.stderr(
      mysqlLine(
        sys.now,
        0,
        'MY-010116',
        'Server',
        `/usr/sbin/mysqld (mysqld ${state.version}) starting as process ${sys.pid}`,
      ),
    );
    io.stderr(mysqlLine(sys.now, 1, 'MY-013576', 'InnoDB', 'InnoDB initialization has started.'));
    return undefined;
  },
  ready(state, sys, io) {
    io.stderr(mysqlLine(sys.now, 1, 'MY-013577', 'InnoDB', 'InnoDB initialization has ended.'));
    io.stderr(
      mysqlLine(
        sys.now,
        0,
        'MY-010931',
        'Server',
        `/usr/sbin/mysqld: ready for connections. Version: '${state.version}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`,
      ),
    );
    io.stderr(
      mysqlLine(
        sys.now,
        0,
        'MY-011323',
        'Server',
        "X Plugin ready for connections. Bind-address: '::' port: 33060, socket: /var/run/mysqld/mysqlx.sock",
      ),
    );
  },
  bindFailed(_state, port, sys, io) {
    io.stderr(
      `${formatIsoTime(sys.now, 6)} 0 [ERROR] [MY-010262] [Server] Can't start server: Bind on TCP/IP port: Address already in use\n`,
    );
    io.stderr(
      `${formatIsoTime(sys.now, 6)} 0 [ERROR] [MY-010257] [Server] Do you already have another mysqld server running on port: ${port} ?\n`,
    );
    return 1;
  },
  ...windDownOn<MysqldState>(['SIGTERM', 'SIGINT', 'SIGQUIT'], 1500, 0, (state, sys, io) =>
    io.stderr(
      mysqlLine(
        sys.now,
        0,
        'MY-013172',
        'Server',
        `Received SHUTDOWN from user <via user signal>. Shutting down mysqld (Version: ${state.version}).`,
      ),
    ),
  ),
  stopped(state, sys, io) {
    io.stderr(
      mysqlLine(
        sys.now,
        0,
        'MY-010910',
        'Server',
        `/usr/sbin/mysqld: Shutdown complete (mysqld ${state.version})  MySQL Community Server - GPL.`,
      ),
    );
  },
  cmdline: () => 'mysqld',
});
