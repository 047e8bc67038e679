/**
 * How nginx answers one request: server and location selection, `return`, `proxy_pass`, `try_files`, static files
 * with `index`, `error_page`, and nginx's own error pages (ngx_http_special_response.c).
 */
import type { FileStat, HttpRequest, HttpResponse, NetworkError, SystemCalls } from '../../../os/types';
import { compareVersions } from '../../compareVersions';
import { requestHeader, statusText } from '../programKit';
import { formatAccessLogTime, formatHttpDate, formatLogTime } from '../timeFormats';
import type { NginxConfig, NginxLocation, NginxServer } from './nginxConfig';

/** Who is answering, for headers and log lines. */
export interface NginxRequestContext {
  version: string;
  /** The worker that "accepted" the connection, as error log lines name it. */
  workerPid: number;
  /** Connection number, the `*N` of error log lines. */
  connection: number;
}

export interface NginxExchange {
  response: HttpResponse;
  /** `[error]` lines for the error log (already formatted, newline-terminated). */
  errorLog: string[];
  /** Whether the request is logged (not `access_log off`); the line is made only when it has somewhere to go. */
  logsAccess: boolean;
}

// nginx's own reason phrases (ngx_http_status_lines) where they differ from the RFC's.
const NGINX_REASONS: Record<number, string> = {
  302: 'Moved Temporarily',
  405: 'Not Allowed',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** The reason phrase nginx puts in a status line. */
function nginxStatusText(status: number): string {
  return NGINX_REASONS[status] ?? statusText(status);
}

// Titles of the built-in error pages where they differ from the status line.
const ERROR_PAGE_TITLE: Record<number, string> = { 302: 'Found', 401: 'Authorization Required' };

/** The built-in page for an error or redirect status; versions before 1.15.4 had `<body bgcolor="white">`. */
export function nginxErrorPageBody(status: number, version: string): string {
  const title = `${status} ${ERROR_PAGE_TITLE[status] ?? nginxStatusText(status)}`.trimEnd();
  const body = compareVersions(version, '1.15.4') < 0 ? '<body bgcolor="white">' : '<body>';
  return [
    '<html>',
    `<head><title>${title}</title></head>`,
    body,
    `<center><h1>${title}</h1></center>`,
    `<hr><center>nginx/${version}</center>`,
    '</body>',
    '</html>',
    '',
  ].join('\r\n');
}

type Outcome =
  | { kind: 'file'; path: string; content: string; mtime: number }
  | { kind: 'status'; status: number; location?: string }
  | { kind: 'text'; status: number; body: string }
  | { kind: 'proxied'; response: HttpResponse };

interface RequestScope {
  request: HttpRequest;
  sys: SystemCalls;
  server: NginxServer;
  config: NginxConfig;
  context: NginxRequestContext;
  errorLog: string[];
}

/** Answers a request that reached one of nginx's ports. */
export function serveNginxRequest(
  config: NginxConfig,
  request: HttpRequest,
  sys: SystemCalls,
  context: NginxRequestContext,
): NginxExchange {
  const server = selectServer(config, request);
  const scope: RequestScope = { request, sys, server, config, context, errorLog: [] };
  const question = request.path.indexOf('?');
  const path = question === -1 ? request.path : request.path.slice(0, question);
  const uri = normalizeUri(path);
  let location: NginxLocation = server.fallback;
  let outcome: Outcome;
  if (uri === undefined) {
    outcome = { kind: 'status', status: 400 };
  } else if (server.returnCode !== undefined) {
    outcome = returnOutcome(server.returnCode, server.returnText, scope, uri);
  } else {
    location = matchLocation(server, uri) ?? server.fallback;
    outcome = handleLocation(location, uri, request.path.slice(path.length), scope, 0);
  }
  const response = buildResponse(outcome, location, scope);
  return { response, errorLog: scope.errorLog, logsAccess: location.accessLog };
}

/** The server whose server_name matches the Host among those listening on the port, else the first of them. */
function selectServer(config: NginxConfig, request: HttpRequest): NginxServer {
  let first: NginxServer | undefined;
  let host: string | undefined;
  for (const server of config.servers) {
    if (!server.listens.some((listen) => listen.port === request.port)) continue;
    if (!first) {
      first = server;
      continue;
    }
    // Names only matter once two servers share the port.
    host ??= (requestHeader(request, 'host') ?? request.host).replace(/:\d+$/, '');
    if (first.serverName === host) return first;
    if (server.serverName === host) return server;
  }
  const chosen = first ?? config.servers[0];
  if (!chosen) throw new Error('nginx received a request on a port it does not listen on');
  return chosen;
}

/** Decodes %XX, merges slashes, resolves `.` and `..`; undefined when `..` climbs above `/` (400). */
function normalizeUri(path: string): string | undefined {
  // Nothing to decode, merge or resolve: the common case, and the answer is the path itself.
  if (path.startsWith('/') && !path.includes('%') && !path.includes('//') && !path.includes('/.')) return path;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  const segments: string[] = [];
  for (const segment of decoded.split('/').slice(1)) {
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else if (segment !== '.') {
      segments.push(segment);
    }
  }
  const joined = '/' + segments.filter((segment, index) => segment !== '' || index === segments.length - 1).join('/');
  return joined;
}

/** Exact `=` first, then the longest prefix; a `^~` prefix or no matching regex settles on that prefix. */
function matchLocation(server: NginxServer, uri: string): NginxLocation | undefined {
  let longest: NginxLocation | undefined;
  for (const location of server.locations) {
    if (location.modifier === '=' && location.path === uri) return location;
    if ((location.modifier === '' || location.modifier === '^~') && uri.startsWith(location.path)) {
      if (!longest || location.path.length > longest.path.length) longest = location;
    }
  }
  if (longest?.modifier === '^~') return longest;
  for (const location of server.locations) {
    if (location.modifier !== '~' && location.modifier !== '~*') continue;
    try {
      if (new RegExp(location.path, location.modifier === '~*' ? 'i' : '').test(uri)) return location;
    } catch {
      // An invalid PCRE pattern simply never matches here.
    }
  }
  return longest;
}

function handleLocation(
  location: NginxLocation,
  uri: string,
  args: string,
  scope: RequestScope,
  depth: number,
): Outcome {
  if (location.returnCode !== undefined) return returnOutcome(location.returnCode, location.returnText, scope, uri);
  if (location.proxyPass !== undefined) return proxyOutcome(location, uri, args, scope);
  const method = scope.request.method.toUpperCase();
  if (location.tryFiles && depth < 10) return tryFilesOutcome(location, uri, args, scope, depth);
  const outcome = staticOutcome(location, uri, scope);
  if (outcome.kind === 'file' && method !== 'GET' && method !== 'HEAD') return { kind: 'status', status: 405 };
  return outcome;
}

function filePath(location: NginxLocation, uri: string): string {
  const path = location.alias !== undefined ? location.alias + uri.slice(location.path.length) : location.root + uri;
  return path.includes('//') ? path.replace(/\/+/g, '/') : path;
}

/** A URI's file under a location, and the index files it stands for when it names a directory. */
interface LocationPaths {
  path: string;
  indexes: string[];
}

/**
 * Paths and content types are pure functions of a location, which never changes once loaded: they are remembered
 * per location (derived data), so that every request for a page reuses the same strings.
 */
const PATHS = new WeakMap<NginxLocation, Map<string, LocationPaths>>();
const CONTENT_TYPES = new WeakMap<NginxLocation, Map<string, string>>();
const REMEMBERED_PER_LOCATION = 256;

function pathsOf(location: NginxLocation, uri: string): LocationPaths {
  let byUri = PATHS.get(location);
  if (!byUri) PATHS.set(location, (byUri = new Map()));
  let paths = byUri.get(uri);
  if (!paths) {
    const path = filePath(location, uri);
    paths = { path, indexes: location.index.map((index) => `${path}${index}`) };
    if (byUri.size >= REMEMBERED_PER_LOCATION) byUri.clear();
    byUri.set(uri, paths);
  }
  return paths;
}

function staticOutcome(location: NginxLocation, uri: string, scope: RequestScope): Outcome {
  const { fs } = scope.sys;
  if (uri.endsWith('/')) {
    const { path: directory, indexes } = pathsOf(location, uri);
    for (const candidate of indexes) {
      const stat = fs.stat(candidate);
      if (typeof stat !== 'string' && stat.type === 'file') return readFile(candidate, stat, scope);
    }
    const directoryStat = fs.stat(directory.length > 1 ? directory.replace(/\/$/, '') : directory);
    if (typeof directoryStat !== 'string' && directoryStat.type === 'dir') {
      logError(scope, `directory index of "${directory}" is forbidden`);
      return { kind: 'status', status: 403 };
    }
    logError(scope, `"${directory}${location.index[0] ?? 'index.html'}" is not found (2: No such file or directory)`);
    return { kind: 'status', status: 404 };
  }
  const { path } = pathsOf(location, uri);
  const stat = fs.stat(path);
  if (stat === 'EACCES') {
    logError(scope, `open() "${path}" failed (13: Permission denied)`);
    return { kind: 'status', status: 403 };
  }
  if (typeof stat === 'string') {
    logError(scope, `open() "${path}" failed (2: No such file or directory)`);
    return { kind: 'status', status: 404 };
  }
  if (stat.type === 'dir') return { kind: 'status', status: 301, location: `${uri}/` };
  return readFile(path, stat, scope);
}

/** A regular file that `stat` has just found, read once. */
function readFile(path: string, stat: FileStat, scope: RequestScope): Outcome {
  return { kind: 'file', path, content: scope.sys.fs.read(path), mtime: stat.mtime };
}

function tryFilesOutcome(
  location: NginxLocation,
  uri: string,
  args: string,
  scope: RequestScope,
  depth: number,
): Outcome {
  const candidates = location.tryFiles ?? [];
  const fallback = candidates[candidates.length - 1] ?? '';
  for (const candidate of candidates.slice(0, -1)) {
    const expanded = expandVariables(candidate, scope, uri);
    const stat = scope.sys.fs.stat(filePath(location, expanded.replace(/\/$/, '') || '/'));
    if (typeof stat === 'string') continue;
    if (expanded.endsWith('/') ? stat.type === 'dir' : stat.type === 'file') {
      return staticOutcome(location, expanded, scope);
    }
  }
  if (/^=\d{3}$/.test(fallback)) return { kind: 'status', status: Number(fallback.slice(1)) };
  const target = expandVariables(fallback, scope, uri);
  const next = matchLocation(scope.server, target) ?? scope.server.fallback;
  return handleLocation(next, target, args, scope, depth + 1);
}

function returnOutcome(code: number, text: string | undefined, scope: RequestScope, uri: string): Outcome {
  const expanded = text === undefined ? undefined : expandVariables(text, scope, uri);
  if (code >= 301 && code <= 308 && code !== 304) return { kind: 'status', status: code, location: expanded ?? '' };
  if (expanded === undefined) return { kind: 'status', status: code };
  return { kind: 'text', status: code, body: expanded };
}

/** The variables a `return`/`try_files` argument commonly uses. */
function expandVariables(text: string, scope: RequestScope, uri: string): string {
  const { request, sys } = scope;
  const query = request.path.includes('?') ? request.path.slice(request.path.indexOf('?') + 1) : '';
  const values: Record<string, string> = {
    hostname: sys.hostname,
    host: (requestHeader(request, 'host') ?? request.host).replace(/:\d+$/, ''),
    remote_addr: request.sourceIp,
    request_uri: request.path,
    uri,
    document_uri: uri,
    args: query,
    query_string: query,
    request_method: request.method,
    server_port: String(request.port),
    server_addr: sys.net.podIp,
    scheme: 'http',
    server_name: scope.server.serverName,
    nginx_version: scope.context.version,
  };
  return text.replace(/\$\{?([a-z_0-9]+)\}?/gi, (whole, name: string) => {
    if (name.startsWith('http_')) return requestHeader(request, name.slice(5).replace(/_/g, '-')) ?? '';
    return values[name] ?? whole;
  });
}

function proxyOutcome(location: NginxLocation, uri: string, args: string, scope: RequestScope): Outcome {
  const match = /^http:\/\/([^/:]+)(?::(\d+))?(\/.*)?$/.exec(location.proxyPass ?? '');
  if (!match) return { kind: 'status', status: 500 };
  const [, host = '', portText, basePath] = match;
  const port = portText ? Number(portText) : 80;
  // With a URI part, the matched location prefix is replaced by it; without, the request URI passes unchanged.
  const path = basePath === undefined ? scope.request.path : basePath + uri.slice(location.path.length) + args;
  const { request, sys } = scope;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (name.toLowerCase() !== 'host') headers[name] = value;
  headers.Host = portText ? `${host}:${port}` : host;
  headers.Connection = 'close';
  const outcome = sys.net.http({
    method: request.method,
    host,
    port,
    path,
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  });
  if (outcome.ok) return { kind: 'proxied', response: outcome.response };
  const upstream = upstreamOf(outcome.error, host, port);
  const detail = `, upstream: "http://${upstream}${path}"`;
  switch (outcome.error.kind) {
    case 'timeout':
      logError(scope, 'upstream timed out (110: Connection timed out) while connecting to upstream', detail);
      return { kind: 'status', status: 504 };
    case 'reset':
      logError(
        scope,
        'recv() failed (104: Connection reset by peer) while reading response header from upstream',
        detail,
      );
      return { kind: 'status', status: 502 };
    case 'no-route':
      logError(scope, 'connect() failed (113: No route to host) while connecting to upstream', detail);
      return { kind: 'status', status: 502 };
    case 'nxdomain':
      logError(scope, `${host} could not be resolved (3: Host not found)`);
      return { kind: 'status', status: 502 };
    case 'connection-refused':
      logError(scope, 'connect() failed (111: Connection refused) while connecting to upstream', detail);
      return { kind: 'status', status: 502 };
  }
}

function upstreamOf(error: NetworkError, host: string, port: number): string {
  return 'ip' in error ? `${error.ip}:${port}` : `${host}:${port}`;
}

function logError(scope: RequestScope, message: string, upstream = ''): void {
  const { request, context, sys, server } = scope;
  const host = requestHeader(request, 'host') ?? request.host;
  scope.errorLog.push(
    `${formatLogTime(sys.now)} [error] ${context.workerPid}#${context.workerPid}: *${context.connection} ${message}, ` +
      `client: ${request.sourceIp}, server: ${server.serverName}, request: "${request.method} ${request.path} HTTP/1.1"` +
      `${upstream}, host: "${host}"\n`,
  );
}

function contentTypeOf(path: string, location: NginxLocation, config: NginxConfig): string {
  let byPath = CONTENT_TYPES.get(location);
  if (!byPath) CONTENT_TYPES.set(location, (byPath = new Map()));
  let type = byPath.get(path);
  if (type === undefined) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    type = (dot > 0 ? config.mimeTypes[name.slice(dot + 1).toLowerCase()] : undefined) ?? location.defaultType;
    if (byPath.size >= REMEMBERED_PER_LOCATION) byPath.clear();
    byPath.set(path, type);
  }
  return type;
}

function baseHeaders(scope: RequestScope): Record<string, string> {
  return { Server: `nginx/${scope.context.version}`, Date: formatHttpDate(scope.sys.now) };
}

/** Completes a response; `headers` is the caller's fresh object, finished in place. */
function finish(status: number, body: string, headers: Record<string, string>, scope: RequestScope): HttpResponse {
  headers.Connection = 'keep-alive';
  headers['Content-Length'] = String(body.length);
  const head = scope.request.method.toUpperCase() === 'HEAD';
  return { status, statusText: nginxStatusText(status), headers, body: head ? '' : body };
}

function buildResponse(outcome: Outcome, location: NginxLocation, scope: RequestScope): HttpResponse {
  switch (outcome.kind) {
    case 'file':
      return fileResponse(200, outcome, location, scope);
    case 'text':
      return finish(
        outcome.status,
        outcome.body,
        { ...baseHeaders(scope), 'Content-Type': location.defaultType },
        scope,
      );
    case 'proxied': {
      const headers: Record<string, string> = { ...baseHeaders(scope) };
      for (const [name, value] of Object.entries(outcome.response.headers)) {
        if (!['server', 'date', 'connection', 'content-length'].includes(name.toLowerCase())) headers[name] = value;
      }
      return finish(outcome.response.status, outcome.response.body, headers, scope);
    }
    case 'status':
      return statusResponse(outcome, location, scope);
  }
}

function fileResponse(
  status: number,
  file: { path: string; content: string; mtime: number },
  location: NginxLocation,
  scope: RequestScope,
): HttpResponse {
  const mtimeSeconds = Math.floor(file.mtime / 1000);
  const headers: Record<string, string> = {
    Server: `nginx/${scope.context.version}`,
    Date: formatHttpDate(scope.sys.now),
    'Content-Type': contentTypeOf(file.path, location, scope.config),
    'Last-Modified': formatHttpDate(mtimeSeconds * 1000),
    ETag: `"${mtimeSeconds.toString(16)}-${file.content.length.toString(16)}"`,
    'Accept-Ranges': 'bytes',
  };
  return finish(status, file.content, headers, scope);
}

function statusResponse(
  outcome: { status: number; location?: string },
  location: NginxLocation,
  scope: RequestScope,
): HttpResponse {
  const { status } = outcome;
  const errorPage = location.errorPages[String(status)];
  if (errorPage !== undefined && status >= 400) {
    const target = matchLocation(scope.server, errorPage) ?? scope.server.fallback;
    const page = staticOutcome(target, errorPage, scope);
    if (page.kind === 'file') return fileResponse(status, page, target, scope);
  }
  const headers: Record<string, string> = { ...baseHeaders(scope), 'Content-Type': 'text/html' };
  if (outcome.location !== undefined) headers.Location = absoluteLocation(outcome.location, scope.request);
  const body =
    status === 204 || status === 304 || status < 300 ? '' : nginxErrorPageBody(status, scope.context.version);
  return finish(status, body, headers, scope);
}

/** nginx makes relative redirects absolute (absolute_redirect on, port_in_redirect on). */
function absoluteLocation(target: string, request: HttpRequest): string {
  if (/^[a-z]+:\/\//i.test(target)) return target;
  const host = (requestHeader(request, 'host') ?? request.host).replace(/:\d+$/, '');
  const port = request.port === 80 ? '' : `:${request.port}`;
  return `http://${host}${port}${target.startsWith('/') ? target : `/${target}`}`;
}

/** The `main` log_format: `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent ...`. */
export function formatAccessLine(request: HttpRequest, response: HttpResponse, now: number): string {
  const referer = requestHeader(request, 'referer') ?? '-';
  const agent = requestHeader(request, 'user-agent') ?? '-';
  const forwarded = requestHeader(request, 'x-forwarded-for') ?? '-';
  return (
    `${request.sourceIp} - - [${formatAccessLogTime(now)}] "${request.method} ${request.path} HTTP/1.1" ` +
    `${response.status} ${response.body.length} "${referer}" "${agent}" "${forwarded}"\n`
  );
}
