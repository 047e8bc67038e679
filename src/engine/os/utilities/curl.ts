import { byteLength } from '../fs/fsTree';
import { normalizePath } from '../fs/normalizePath';
import type { HttpResponse, NetworkError, ProcessIO, SystemCalls, Utility, UtilityResult } from '../types';
import { findHeader, formatUrl, parseUrl, resolveLocation } from './parseUrl';
import type { ParsedUrl } from './parseUrl';
import { readFile } from './readInputs';

// curl 8 (as in curlimages/curl and Ubuntu 24.04): body to stdout, diagnostics to stderr as `curl: (N) ...`.

const VERSION = '8.5.0';
/** Linux gives up on an unanswered connect after its SYN retries, a little over two minutes. */
const KERNEL_CONNECT_TIMEOUT_MS = 130_000;
const MAX_REDIRECTS = 50;

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  output?: string;
  remoteName: boolean;
  head: boolean;
  include: boolean;
  verbose: boolean;
  fail: boolean;
  follow: boolean;
  maxTimeSeconds?: number;
  connectTimeoutSeconds?: number;
  writeOut?: string;
  method?: string;
  data?: string;
  headers: Record<string, string>;
  urls: string[];
}

const FLAG_LETTERS: Record<string, keyof CurlOptions> = {
  s: 'silent',
  S: 'showError',
  O: 'remoteName',
  I: 'head',
  i: 'include',
  v: 'verbose',
  f: 'fail',
  L: 'follow',
};
const LONG_FLAGS: Record<string, keyof CurlOptions> = {
  '--silent': 'silent',
  '--show-error': 'showError',
  '--remote-name': 'remoteName',
  '--head': 'head',
  '--include': 'include',
  '--verbose': 'verbose',
  '--fail': 'fail',
  '--location': 'follow',
};
const VALUE_LETTERS: Record<string, string> = {
  o: '--output',
  m: '--max-time',
  w: '--write-out',
  X: '--request',
  d: '--data',
  H: '--header',
  A: '--user-agent',
  u: '--user',
  e: '--referer',
};
const VALUE_LONG = new Set([
  '--output',
  '--max-time',
  '--connect-timeout',
  '--write-out',
  '--request',
  '--data',
  '--data-raw',
  '--data-binary',
  '--header',
  '--user-agent',
  '--user',
  '--referer',
  '--retry',
  '--resolve',
]);
const IGNORED_LONG = new Set([
  '--insecure',
  '--compressed',
  '--no-progress-meter',
  '--http1.1',
  '--fail-with-body',
  '--no-buffer',
]);

/** Applies one option with its value. */
function setValue(options: CurlOptions, name: string, value: string, sys: SystemCalls, cwd: string): void {
  if (name === '--output') options.output = value;
  else if (name === '--max-time') options.maxTimeSeconds = Number(value);
  else if (name === '--connect-timeout') options.connectTimeoutSeconds = Number(value);
  else if (name === '--write-out') options.writeOut = value;
  else if (name === '--request') options.method = value;
  else if (name.startsWith('--data')) {
    const read =
      value.startsWith('@') && name !== '--data-raw' ? readFile(sys.fs, normalizePath(cwd, value.slice(1))) : undefined;
    const text =
      read === undefined ? value : 'text' in read ? read.text.replace(/\n/g, name === '--data-binary' ? '\n' : '') : '';
    options.data = options.data === undefined ? text : `${options.data}&${text}`;
  } else if (name === '--header') {
    const colon = value.indexOf(':');
    if (colon > 0) options.headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
  } else if (name === '--user-agent') options.headers['User-Agent'] = value;
  else if (name === '--referer') options.headers.Referer = value;
}

function parseCurlArgs(args: string[], sys: SystemCalls, cwd: string): CurlOptions | string {
  const options: CurlOptions = {
    silent: false,
    showError: false,
    remoteName: false,
    head: false,
    include: false,
    verbose: false,
    fail: false,
    follow: false,
    headers: {},
    urls: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
      const flag = LONG_FLAGS[name];
      if (flag) (options[flag] as boolean) = true;
      else if (VALUE_LONG.has(name)) setValue(options, name, inline ?? args[++i] ?? '', sys, cwd);
      else if (!IGNORED_LONG.has(name)) return `option ${arg}: is unknown`;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.urls.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const letter = arg.charAt(j);
      const flag = FLAG_LETTERS[letter];
      const valueName = VALUE_LETTERS[letter];
      if (flag) (options[flag] as boolean) = true;
      else if (valueName) {
        setValue(options, valueName, arg.slice(j + 1) || (args[++i] ?? ''), sys, cwd);
        break;
      } else if (letter !== 'k' && letter !== 'N' && letter !== '#') return `option -${letter}: is unknown`;
    }
  }
  return options;
}

/** curl's 5-character sizes in the progress meter (lib/progress.c max5data). */
function formatMeterSize(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  if (bytes < 10000 * 1024) return `${String(Math.floor(bytes / 1024)).padStart(4)}k`;
  if (bytes < 100 * 1024 * 1024)
    return `${String(Math.floor(bytes / 1048576)).padStart(2)}.${Math.floor((bytes % 1048576) / 104858)}M`;
  return `${String(Math.floor(bytes / 1048576)).padStart(4)}M`;
}

/** The progress meter curl prints when the body goes to a file: header and final line, transfer taken as 1 ms. */
function progressMeter(bytes: number): string {
  const size = formatMeterSize(bytes);
  const speed = formatMeterSize(bytes * 1000);
  const percent = '100';
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `${percent} ${size}  ${percent} ${size}    0     0  ${speed}      0 --:--:-- --:--:-- --:--:-- ${speed}\n`
  );
}

function formatHeaders(response: HttpResponse): string {
  const lines = [
    `HTTP/1.1 ${response.status} ${response.statusText}`,
    ...Object.entries(response.headers).map(([key, value]) => `${key}: ${value}`),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function describeFailure(
  error: NetworkError,
  url: ParsedUrl,
  options: CurlOptions,
): { code: number; message: string; waitedMs: number } {
  const timeoutSeconds = options.connectTimeoutSeconds ?? options.maxTimeSeconds;
  switch (error.kind) {
    case 'nxdomain':
      return { code: 6, message: `Could not resolve host: ${url.host}`, waitedMs: 0 };
    case 'connection-refused':
    case 'no-route':
      return {
        code: 7,
        message: `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`,
        waitedMs: 0,
      };
    case 'reset':
      return { code: 56, message: 'Recv failure: Connection reset by peer', waitedMs: 0 };
    case 'timeout': {
      if (timeoutSeconds === undefined) {
        const message = `Failed to connect to ${url.host} port ${url.port} after ${KERNEL_CONNECT_TIMEOUT_MS} ms: Couldn't connect to server`;
        return { code: 28, message, waitedMs: KERNEL_CONNECT_TIMEOUT_MS };
      }
      const waitedMs = Math.round(timeoutSeconds * 1000) + 1;
      return {
        code: 28,
        message: `Failed to connect to ${url.host} port ${url.port} after ${waitedMs} ms: Timeout was reached`,
        waitedMs,
      };
    }
  }
}

/** Expands `-w` text: `%{variable}` and backslash escapes. */
function formatWriteOut(template: string, values: Record<string, string>, io: ProcessIO): string {
  return template
    .replace(/%\{([a-z_]+)\}/g, (_whole, name: string) => {
      const value = values[name];
      if (value === undefined) io.stderr(`curl: unknown --write-out variable: '${name}'\n`);
      return value ?? '';
    })
    .replace(/\\([nrt\\])/g, (_whole, char: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[char] ?? char);
}

interface Exchange {
  url: ParsedUrl;
  response?: HttpResponse;
  ip?: string;
  failure?: ReturnType<typeof describeFailure>;
  redirects: number;
}

function performExchange(start: ParsedUrl, options: CurlOptions, sys: SystemCalls, io: ProcessIO): Exchange {
  let url = start;
  let method = options.method ?? (options.head ? 'HEAD' : options.data !== undefined ? 'POST' : 'GET');
  let body = options.data;
  for (let redirects = 0; ; redirects++) {
    const headers: Record<string, string> = {
      Host: url.hostHeader,
      'User-Agent': `curl/${VERSION}`,
      Accept: '*/*',
      ...options.headers,
    };
    if (body !== undefined) {
      headers['Content-Length'] = String(byteLength(body));
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
    }
    const outcome = sys.net.http({ method, host: url.host, port: url.port, path: url.path, headers, body });
    if (!outcome.ok) {
      if (options.verbose && 'ip' in outcome.error) io.stderr(`*   Trying ${outcome.error.ip}:${url.port}...\n`);
      return { url, failure: describeFailure(outcome.error, url, options), redirects };
    }
    const { response } = outcome;
    if (options.verbose) {
      const sent = [
        `${method} ${url.path} HTTP/1.1`,
        ...Object.entries(headers).map(([key, value]) => `${key}: ${value}`),
        '',
      ];
      io.stderr(
        `*   Trying ${outcome.ip}:${url.port}...\n* Connected to ${url.host} (${outcome.ip}) port ${url.port}\n`,
      );
      io.stderr(sent.map((line) => `> ${line}\r\n`).join(''));
      io.stderr(
        formatHeaders(response)
          .split('\r\n')
          .slice(0, -1)
          .map((line) => `< ${line}\r\n`)
          .join(''),
      );
    }
    if (options.include || options.head) io.stdout(formatHeaders(response));
    const location = findHeader(response.headers, 'Location');
    const next = location === undefined ? undefined : resolveLocation(url, location);
    if (
      !options.follow ||
      !next ||
      ![301, 302, 303, 307, 308].includes(response.status) ||
      redirects >= MAX_REDIRECTS
    ) {
      return { url, response, ip: outcome.ip, redirects };
    }
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
    url = next;
  }
}

/**
 * `curl [options] URL...` with -s -S -o -O -I -i -v -f -L -m --connect-timeout -w -X -d -H -A. The progress meter
 * appears only with -o/-O (a terminal is assumed for stdout).
 */
export const curl: Utility = (argv, io, sys, _env, cwd): UtilityResult => {
  const parsed = parseCurlArgs(argv.slice(1), sys, cwd);
  const usageHint = "curl: try 'curl --help' or 'curl --manual' for more information\n";
  if (typeof parsed === 'string') {
    io.stderr(`curl: ${parsed}\n${usageHint}`);
    return 2;
  }
  if (parsed.urls.length === 0) {
    io.stderr(`curl: no URL specified\n${usageHint}`);
    return 2;
  }
  const reportError = (code: number, message: string) => {
    if (!parsed.silent || parsed.showError) io.stderr(`curl: (${code}) ${message}\n`);
  };
  let exitCode = 0;
  let sleepMs = 0;
  for (const text of parsed.urls) {
    const url = parseUrl(text);
    if (!url) {
      reportError(1, `Protocol "${text.split('://')[0]}" not supported`);
      exitCode = 1;
      continue;
    }
    const exchange = performExchange(url, parsed, sys, io);
    const response = exchange.response;
    const values: Record<string, string> = {
      http_code: String(response?.status ?? 0).padStart(3, '0'),
      response_code: String(response?.status ?? 0).padStart(3, '0'),
      url_effective: formatUrl(exchange.url),
      size_download: String(byteLength(response?.body ?? '')),
      time_total: '0.001000',
      time_connect: '0.000500',
      remote_ip: exchange.ip ?? '',
      remote_port: exchange.ip ? String(exchange.url.port) : '',
      content_type: (response && findHeader(response.headers, 'Content-Type')) ?? '',
      num_redirects: String(exchange.redirects),
      method: parsed.method ?? (parsed.head ? 'HEAD' : 'GET'),
    };
    if (exchange.failure) {
      reportError(exchange.failure.code, exchange.failure.message);
      exitCode = exchange.failure.code;
      sleepMs += exchange.failure.waitedMs;
    } else if (response && parsed.fail && response.status >= 400) {
      reportError(22, `The requested URL returned error: ${response.status}`);
      exitCode = 22;
    } else if (response && !parsed.head) {
      const target =
        parsed.output ??
        (parsed.remoteName ? (exchange.url.path.split('?')[0] ?? '').split('/').pop() || 'index.html' : undefined);
      if (target === undefined || target === '-') io.stdout(response.body);
      else {
        if (!parsed.silent) io.stderr(progressMeter(byteLength(response.body)));
        const error = sys.fs.write(normalizePath(cwd, target), response.body);
        if (error) {
          reportError(23, `Failure writing output to destination`);
          exitCode = 23;
        }
      }
    }
    if (parsed.writeOut !== undefined) io.stdout(formatWriteOut(parsed.writeOut, values, io));
    if (parsed.verbose && response) io.stderr(`* Connection #0 to host ${exchange.url.host} left intact\n`);
  }
  return sleepMs > 0 ? { exitCode, sleepMs } : exitCode;
};
