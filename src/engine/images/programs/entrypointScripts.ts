/**
 * The entrypoint scripts of official images, which prepare and then `exec "$@"` (the pid stays, as with a shell's
 * exec): nginx's /docker-entrypoint.sh and its /docker-entrypoint.d hooks, redis's and mysql's
 * docker-entrypoint.sh, curlimages' and fluentd's entrypoint.sh, php's docker-php-entrypoint, tini, and the
 * fluentd-elasticsearch run.sh.
 */
import type { ProcessIO, ProgramDefinition, ProgramStep, SystemCalls } from '../../os/types';
import { NGINX_DEFAULT_CONF } from '../catalog/nginxFiles';
import { readText } from './programKit';
import { formatIsoSpaced } from './timeFormats';

export interface EntrypointState {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
}

type EntrypointBehaviour = (state: EntrypointState, sys: SystemCalls, io: ProcessIO) => ProgramStep;

function defineEntrypoint(behaviour: EntrypointBehaviour): ProgramDefinition<EntrypointState> {
  return {
    start: (argv, env, cwd) => ({ argv, env, cwd }),
    step: (state, sys, io, wake) => (wake.kind === 'start' ? behaviour(state, sys, io) : { kind: 'block' }),
  };
}

/** `exec "$@"`; with nothing to run the script simply ends. */
function execArguments(state: EntrypointState, args: string[]): ProgramStep {
  if (args.length === 0) return { kind: 'exit', code: 0 };
  return { kind: 'exec', argv: args, env: state.env, cwd: state.cwd };
}

/** `if [ "${1#-}" != "$1" ]; then set -- <command> "$@"; fi`: flags alone run the image's main command. */
function withDefaultCommand(args: string[], command: string, alsoWhen = false): string[] {
  return (args[0] ?? '').startsWith('-') || alsoWhen ? [command, ...args] : args;
}

// --- nginx ---------------------------------------------------------------------------------------------------

const HOOKS_DIR = '/docker-entrypoint.d';
const DEFAULT_CONF = '/etc/nginx/conf.d/default.conf';

/** 10-listen-on-ipv6-by-default.sh: adds `listen [::]:80;` to an untouched, writable default.conf. */
function enableIpv6Listen(sys: SystemCalls, log: (line: string) => void): void {
  const me = '10-listen-on-ipv6-by-default.sh';
  const content = readText(sys.fs, DEFAULT_CONF);
  if (content === undefined) return log(`${me}: error: ${DEFAULT_CONF} is not a file or does not exist`);
  if (sys.fs.touch(DEFAULT_CONF) !== undefined)
    return log(`${me}: error: can not modify ${DEFAULT_CONF} (read-only file system?)`);
  if (content.includes('listen  [::]:80;')) return log(`${me}: info: IPv6 listen already enabled`);
  log(`${me}: info: Getting the checksum of ${DEFAULT_CONF}`);
  if (content !== NGINX_DEFAULT_CONF) return log(`${me}: info: ${DEFAULT_CONF} differs from the packaged version`);
  sys.fs.write(DEFAULT_CONF, content.replace('listen       80;', 'listen       80;\n    listen  [::]:80;'));
  log(`${me}: info: Enabled listen on IPv6 in ${DEFAULT_CONF}`);
}

/** envsubst limited to the variables that are set, as 20-envsubst-on-templates.sh passes them. */
function substituteDefined(text: string, env: Record<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced?: string, bare?: string) => {
      const name = braced ?? bare ?? '';
      return name in env ? (env[name] ?? '') : whole;
    },
  );
}

/** 20-envsubst-on-templates.sh: renders /etc/nginx/templates/X.template into /etc/nginx/conf.d/X. */
function renderTemplates(env: Record<string, string>, sys: SystemCalls, log: (line: string) => void): void {
  const me = '20-envsubst-on-templates.sh';
  const templateDir = env.NGINX_ENVSUBST_TEMPLATE_DIR ?? '/etc/nginx/templates';
  const suffix = env.NGINX_ENVSUBST_TEMPLATE_SUFFIX ?? '.template';
  const outputDir = env.NGINX_ENVSUBST_OUTPUT_DIR ?? '/etc/nginx/conf.d';
  const entries = sys.fs.list(templateDir);
  if (typeof entries === 'string') return;
  for (const name of entries.filter((entry) => entry.endsWith(suffix))) {
    const template = `${templateDir}/${name}`;
    const output = `${outputDir}/${name.slice(0, -suffix.length)}`;
    const text = readText(sys.fs, template);
    if (text === undefined) continue;
    log(`${me}: Running envsubst on ${template} to ${output}`);
    if (sys.fs.write(output, substituteDefined(text, env)) !== undefined)
      log(`${me}: error: ${outputDir} is not writable`);
  }
}

/** nginx's /docker-entrypoint.sh before `exec nginx`: run the hooks, narrate to stdout (fd 3). */
function runNginxHooks(state: EntrypointState, sys: SystemCalls, io: ProcessIO): void {
  const me = state.argv[0] ?? '/docker-entrypoint.sh';
  const log = (line: string) => {
    if (!state.env.NGINX_ENTRYPOINT_QUIET_LOGS) io.stdout(line + '\n');
  };
  const entries = sys.fs.list(HOOKS_DIR);
  const hooks =
    typeof entries === 'string'
      ? []
      : entries.filter((name) => {
          const stat = sys.fs.stat(`${HOOKS_DIR}/${name}`);
          return typeof stat !== 'string' && stat.type === 'file';
        });
  if (hooks.length === 0) return log(`${me}: No files found in ${HOOKS_DIR}/, skipping configuration`);
  log(`${me}: ${HOOKS_DIR}/ is not empty, will attempt to perform configuration`);
  log(`${me}: Looking for shell scripts in ${HOOKS_DIR}/`);
  for (const name of [...hooks].sort()) {
    const path = `${HOOKS_DIR}/${name}`;
    if (name.endsWith('.envsh')) log(`${me}: Sourcing ${path}`);
    else if (name.endsWith('.sh')) log(`${me}: Launching ${path}`);
    else {
      log(`${me}: Ignoring ${path}`);
      continue;
    }
    if (name === '10-listen-on-ipv6-by-default.sh') enableIpv6Listen(sys, log);
    if (name === '20-envsubst-on-templates.sh') renderTemplates(state.env, sys, log);
  }
  log(`${me}: Configuration complete; ready for start up`);
}

// --- mysql ---------------------------------------------------------------------------------------------------

const MYSQL_PASSWORD_OPTIONS = ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD'];
/** Marks an initialised data directory (mysqld creates the `mysql` schema directory). */
export const MYSQL_SYSTEM_SCHEMA = '/var/lib/mysql/mysql';

/** mysql's docker-entrypoint.sh: refuses an uninitialised data directory without a password option. */
function prepareMysql(state: EntrypointState, sys: SystemCalls, io: ProcessIO): ProgramStep | undefined {
  const version = state.env.MYSQL_VERSION ?? '8.4.6-1.el9';
  const note = (message: string) => io.stdout(`${formatIsoSpaced(sys.now)}+00:00 [Note] [Entrypoint]: ${message}\n`);
  note(`Entrypoint script for MySQL Server ${version} started.`);
  note("Switching to dedicated user 'mysql'");
  note(`Entrypoint script for MySQL Server ${version} started.`);
  if (typeof sys.fs.stat(MYSQL_SYSTEM_SCHEMA) !== 'string') return undefined;
  if (!MYSQL_PASSWORD_OPTIONS.some((name) => (state.env[name] ?? '') !== '')) {
    io.stderr(
      `${formatIsoSpaced(sys.now)}+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n` +
        '    You need to specify one of the following as an environment variable:\n' +
        MYSQL_PASSWORD_OPTIONS.map((name) => `    - ${name}\n`).join(''),
    );
    return { kind: 'exit', code: 1 };
  }
  note('Initializing database files');
  sys.fs.mkdir(MYSQL_SYSTEM_SCHEMA, true);
  note('Database files initialized');
  note('Starting temporary server');
  note('Temporary server started.');
  note('Stopping temporary server');
  note('Temporary server stopped');
  io.stdout('\n');
  note('MySQL init process done. Ready for start up.');
  io.stdout('\n');
  return undefined;
}

const dockerEntrypoint = defineEntrypoint((state, sys, io) => {
  const args = state.argv.slice(1);
  const first = args[0] ?? '';
  if (first === 'nginx' || first === 'nginx-debug') runNginxHooks(state, sys, io);
  if (sys.hasCommand('redis-server'))
    return execArguments(state, withDefaultCommand(args, 'redis-server', first.endsWith('.conf')));
  if (sys.hasCommand('mysqld')) {
    const command = withDefaultCommand(args, 'mysqld');
    if (command[0] === 'mysqld') {
      const stop = prepareMysql(state, sys, io);
      if (stop) return stop;
    }
    return execArguments(state, command);
  }
  return execArguments(state, args);
});

/** curlimages' and fluentd's entrypoint.sh: bare arguments become the main command's arguments. */
const plainEntrypoint = defineEntrypoint((state, sys) => {
  const args = state.argv.slice(1);
  if (sys.hasCommand('curl'))
    return execArguments(state, withDefaultCommand(args, 'curl', args.length > 0 && !sys.hasCommand(args[0] ?? '')));
  return execArguments(state, withDefaultCommand(args, 'fluentd'));
});

const phpEntrypoint = defineEntrypoint((state) =>
  execArguments(state, withDefaultCommand(state.argv.slice(1), 'apache2-foreground')),
);

/** tini: options, then `--`, then the child it supervises (as an exec here: we model no reaping init). */
const tini = defineEntrypoint((state, _sys, io) => {
  const args = state.argv.slice(1);
  const separator = args.indexOf('--');
  const command = separator === -1 ? args.filter((arg) => !arg.startsWith('-')) : args.slice(separator + 1);
  if (command.length === 0) {
    io.stderr('[FATAL tini (1)] No program to run\n');
    return { kind: 'exit', code: 1 };
  }
  return execArguments(state, command);
});

/** fluentd-elasticsearch's run.sh: `exec /usr/local/bin/fluentd $FLUENTD_ARGS`. */
const fluentdRunScript = defineEntrypoint((state, sys) => {
  sys.fs.mkdir('/var/log/journal', true);
  const extra = (state.env.FLUENTD_ARGS ?? '').split(/\s+/).filter((arg) => arg !== '');
  return execArguments(state, ['/usr/local/bin/fluentd', ...extra]);
});

/** Entrypoint programs keyed by executable basename. */
export const ENTRYPOINT_PROGRAMS: Record<string, ProgramDefinition<EntrypointState>> = {
  'docker-entrypoint.sh': dockerEntrypoint,
  'entrypoint.sh': plainEntrypoint,
  'docker-php-entrypoint': phpEntrypoint,
  tini,
  'run.sh': fluentdRunScript,
};
