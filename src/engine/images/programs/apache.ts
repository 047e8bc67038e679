/**
 * Apache httpd in the foreground: the official `httpd` image (`httpd-foreground`) and the Debian apache2 of the php
 * images (`apache2-foreground`, used by hpa-example and gb-frontend). Static files from the document root; a `.php`
 * file answers with what its `echo` statements print, which is all those sample pages do.
 */
import type { HttpRequest, HttpResponse, Signal, SystemCalls } from '../../os/types';
import { compareVersions } from '../compareVersions';
import { httpResponse, readText, requestHeader, splitTarget, writeProcessLog } from './programKit';
import { defineServerProgram, exitNow, initialServerState, type ServerState } from './serverProgram';
import { STARTUP_SECONDS } from './startupSeconds';
import { formatAccessLogTime, formatApacheErrorTime, formatHttpDate } from './timeFormats';

interface ApacheFlavor {
  binary: 'httpd' | 'apache2';
  documentRoot: string;
  indexes: string[];
  /** httpd's event MPM logs thread ids; Debian's php images run prefork. */
  mpm: 'mpm_event' | 'mpm_prefork';
  /** `common` (httpd image) or Debian's `combined` with %O (bytes on the wire). */
  logFormat: 'common' | 'combined';
}

const FLAVORS: Record<string, ApacheFlavor> = {
  'httpd-foreground': {
    binary: 'httpd',
    documentRoot: '/usr/local/apache2/htdocs',
    indexes: ['index.html'],
    mpm: 'mpm_event',
    logFormat: 'common',
  },
  'apache2-foreground': {
    binary: 'apache2',
    documentRoot: '/var/www/html',
    indexes: ['index.php', 'index.html'],
    mpm: 'mpm_prefork',
    logFormat: 'combined',
  },
};

interface ApacheState extends ServerState {
  flavor: string;
  version: string;
  phpVersion: string;
}

/** A fixed thread id, as `[pid 1:tid 140234567890112]` prints (the event MPM's listener thread). */
const THREAD_ID = 140234567890112;

function flavorOf(state: ApacheState): ApacheFlavor {
  return FLAVORS[state.flavor] ?? (FLAVORS['httpd-foreground'] as ApacheFlavor);
}

function serverHeader(state: ApacheState): string {
  return flavorOf(state).binary === 'httpd' ? `Apache/${state.version} (Unix)` : `Apache/${state.version} (Debian)`;
}

function errorLine(state: ApacheState, sys: SystemCalls, module: string, message: string): string {
  const thread = flavorOf(state).mpm === 'mpm_event' ? `:tid ${THREAD_ID}` : '';
  return `[${formatApacheErrorTime(sys.now)}] [${module}:notice] [pid ${sys.pid}${thread}] ${message}\n`;
}

/** What a PHP page prints: its `echo "…";` / `echo '…';` strings in order (hpa-example's index.php prints `OK!`). */
function runPhp(source: string): string {
  let output = '';
  let inPhp = false;
  let afterClose = false;
  for (const part of source.split(/(<\?php|\?>)/)) {
    if (part === '<?php') inPhp = true;
    else if (part === '?>') [inPhp, afterClose] = [false, true];
    // PHP swallows the one newline right after a closing tag.
    else if (!inPhp) output += afterClose ? part.replace(/^\n/, '') : part;
    else
      for (const match of part.matchAll(/echo\s+(["'])((?:\\.|(?!\1).)*)\1\s*;/g))
        output += (match[2] ?? '').replace(/\\n/g, '\n');
  }
  return output;
}

function notFoundPage(state: ApacheState, path: string, request: HttpRequest): string {
  // httpd stopped echoing the URL in 2.4.39; Debian adds its ServerSignature line.
  const url = compareVersions(state.version, '2.4.39') < 0 ? ` ${path}` : '';
  const signature =
    flavorOf(state).binary === 'apache2'
      ? `<hr>\n<address>${serverHeader(state)} Server at ${(requestHeader(request, 'host') ?? request.host).replace(/:\d+$/, '')} Port ${request.port}</address>\n`
      : '';
  return (
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n' +
    `<h1>Not Found</h1>\n<p>The requested URL${url} was not found on this server.</p>\n${signature}</body></html>\n`
  );
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function serveFile(state: ApacheState, request: HttpRequest, sys: SystemCalls): HttpResponse {
  const flavor = flavorOf(state);
  const { path } = splitTarget(request.path);
  let filePath = `${flavor.documentRoot}${safeDecode(path)}`.replace(/\/+/g, '/');
  const stat = sys.fs.stat(filePath.replace(/\/$/, '') || '/');
  if (typeof stat !== 'string' && stat.type === 'dir') {
    const index = flavor.indexes
      .map((name) => `${filePath.replace(/\/$/, '')}/${name}`)
      .find((candidate) => {
        const found = sys.fs.stat(candidate);
        return typeof found !== 'string' && found.type === 'file';
      });
    if (index) filePath = index;
  }
  const content = readText(sys.fs, filePath);
  const base = { Date: formatHttpDate(sys.now), Server: serverHeader(state) };
  if (content === undefined) {
    return httpResponse(404, notFoundPage(state, path, request), {
      ...base,
      'Content-Type': 'text/html; charset=iso-8859-1',
    });
  }
  if (filePath.endsWith('.php')) {
    return httpResponse(200, runPhp(content), {
      ...base,
      'X-Powered-By': `PHP/${state.phpVersion}`,
      'Content-Type': 'text/html; charset=UTF-8',
    });
  }
  const fileStat = sys.fs.stat(filePath);
  const mtime = typeof fileStat === 'string' ? sys.now : fileStat.mtime;
  const type = filePath.endsWith('.html') ? 'text/html' : filePath.endsWith('.css') ? 'text/css' : 'text/plain';
  return httpResponse(200, content, {
    ...base,
    'Last-Modified': formatHttpDate(Math.floor(mtime / 1000) * 1000),
    ETag: `"${content.length.toString(16)}-${(mtime * 1000).toString(16)}"`,
    'Accept-Ranges': 'bytes',
    'Content-Type': type,
  });
}

function accessLine(state: ApacheState, request: HttpRequest, response: HttpResponse, sys: SystemCalls): string {
  const head = `${request.sourceIp} - - [${formatAccessLogTime(sys.now)}] "${request.method} ${request.path} HTTP/1.1" ${response.status}`;
  if (flavorOf(state).logFormat === 'common') return `${head} ${response.body.length}\n`;
  const headerBytes = Object.entries(response.headers).reduce(
    (sum, [name, value]) => sum + name.length + value.length + 4,
    19,
  );
  const header = (name: string) => requestHeader(request, name) ?? '-';
  return `${head} ${headerBytes + response.body.length} "${header('referer')}" "${header('user-agent')}"\n`;
}

const STOP_MESSAGES: Partial<Record<Signal, string>> = {
  SIGTERM: 'AH00491: caught SIGTERM, shutting down',
  SIGINT: 'AH00491: caught SIGTERM, shutting down',
  SIGWINCH: 'AH00492: caught SIGWINCH, shutting down gracefully',
};

export const apache = defineServerProgram<ApacheState>({
  init(argv, env) {
    const flavor = argv[0]?.slice(argv[0].lastIndexOf('/') + 1) ?? 'httpd-foreground';
    const version = env.HTTPD_VERSION ?? env.APACHE_VERSION ?? '2.4.10';
    return { ...initialServerState(argv, env, [80]), flavor, version, phpVersion: env.PHP_VERSION ?? '5.6.18' };
  },
  startupMs: () => STARTUP_SECONDS.apache * 1000,
  start(state, sys, io) {
    const binary = flavorOf(state).binary;
    const notice = `AH00558: ${binary}: Could not reliably determine the server's fully qualified domain name, using ${sys.net.podIp}. Set the 'ServerName' directive globally to suppress this message\n`;
    io.stderr(notice + notice);
    return undefined;
  },
  ready(state, sys, io) {
    const { binary, mpm } = flavorOf(state);
    const php = binary === 'apache2' ? ` PHP/${state.phpVersion}` : '';
    const code = mpm === 'mpm_event' ? 'AH00489' : 'AH00163';
    io.stderr(
      errorLine(state, sys, mpm, `${code}: ${serverHeader(state)}${php} configured -- resuming normal operations`),
    );
    io.stderr(errorLine(state, sys, 'core', `AH00094: Command line: '${binary} -D FOREGROUND'`));
  },
  bindFailed(_state, port, _sys, io) {
    io.stderr(`(98)Address already in use: AH00072: make_sock: could not bind to address [::]:${port}\n`);
    io.stderr('no listening sockets available, shutting down\nAH00015: Unable to open logs\n');
    return 1;
  },
  handledSignals: ['SIGTERM', 'SIGINT', 'SIGWINCH', 'SIGHUP', 'SIGUSR1'],
  signal(state, signal, sys, io) {
    const { mpm } = flavorOf(state);
    const stop = STOP_MESSAGES[signal];
    if (stop) {
      io.stderr(errorLine(state, sys, mpm, stop));
      return exitNow(0);
    }
    const restart =
      signal === 'SIGHUP'
        ? 'AH00493: SIGHUP received.  Attempting to restart'
        : 'AH00494: SIGUSR1 received.  Doing graceful restart';
    io.stderr(errorLine(state, sys, mpm, restart));
    return undefined;
  },
  respond(state, request, sys) {
    const response = serveFile(state, request, sys);
    writeProcessLog(sys, 'stdout', accessLine(state, request, response, sys));
    return response;
  },
  cmdline: (state) => `${flavorOf(state).binary} -DFOREGROUND`,
});
