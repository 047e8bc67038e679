import { byteLength } from '../fs/fsTree';
import { normalizePath } from '../fs/normalizePath';
import type { HttpResponse, NetworkError, ProcessIO, SystemCalls, Utility, UtilityResult } from '../types';
import { errnoMessage } from './errnoMessage';
import { findHeader, parseUrl, resolveLocation } from './parseUrl';
import type { ParsedUrl } from './parseUrl';
import { showUsage } from './parseOptions';

// busybox networking/wget.c: every message goes to stderr, the body to the output file or stdout.

const DEFAULT_TIMEOUT_SECONDS = 900;
const MAX_REDIRECTS = 20;
const SYNOPSIS = '[-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR] [-U AGENT] [-T SEC] URL...';

interface WgetOptions {
  quiet: boolean;
  spider: boolean;
  serverResponse: boolean;
  output?: string;
  timeoutSeconds: number;
  headers: Record<string, string>;
  urls: string[];
}

function parseWgetArgs(args: string[]): WgetOptions | string {
  const options: WgetOptions = {
    quiet: false,
    spider: false,
    serverResponse: false,
    timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
    headers: {},
    urls: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [long, inline] = arg.startsWith('--')
      ? [arg.split('=')[0], arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined]
      : [undefined, undefined];
    const value = (): string => inline ?? args[++i] ?? '';
    if (long === '--spider') options.spider = true;
    else if (long === '--quiet') options.quiet = true;
    else if (long === '--server-response') options.serverResponse = true;
    else if (long === '--output-document') options.output = value();
    else if (long === '--timeout') options.timeoutSeconds = Number(value());
    else if (long === '--user-agent') options.headers['User-Agent'] = value();
    else if (long === '--header') {
      const header = value();
      options.headers[header.split(':')[0]?.trim() ?? ''] = header.slice(header.indexOf(':') + 1).trim();
    } else if (long === '--no-check-certificate' || long === '--continue') continue;
    else if (long !== undefined) return `unrecognized option '${arg}'`;
    else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg.charAt(j);
        const attached = arg.slice(j + 1);
        const take = () => attached || (args[++i] ?? '');
        if (letter === 'q') options.quiet = true;
        else if (letter === 'S') options.serverResponse = true;
        else if (letter === 'c') continue;
        else if ('OTUPot'.includes(letter)) {
          const given = take();
          if (letter === 'O') options.output = given;
          else if (letter === 'T') options.timeoutSeconds = Number(given);
          else if (letter === 'U') options.headers['User-Agent'] = given;
          break;
        } else return `invalid option -- '${letter}'`;
      }
    } else options.urls.push(arg);
  }
  return options;
}

/** Busybox's 5-character size in the progress line: bytes below 100000, then k/M/G with one decimal under 100. */
export function formatProgressSize(bytes: number): string {
  if (bytes < 100000) return String(bytes).padStart(5);
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1000 && unit < 2) {
    value /= 1024;
    unit++;
  }
  const digits = value < 100 ? (Math.floor(value * 10) / 10).toFixed(1) : String(Math.floor(value));
  return `${digits}${'kMG'.charAt(unit)}`.padStart(5);
}

/** The final state of busybox's progress bar for a finished transfer of `bytes` (terminal width 80). */
function progressLine(fileName: string, bytes: number): string {
  const base = fileName === '-' ? '-' : fileName.slice(fileName.lastIndexOf('/') + 1);
  return `${base.slice(0, 20).padEnd(20)} 100% |${'*'.repeat(32)}| ${formatProgressSize(bytes)}  0:00:00 ETA\n`;
}

/** The name wget saves to without -O: the URL path's last component, or index.html. */
function defaultFileName(url: ParsedUrl): string {
  const last = (url.path.split('?')[0] ?? '').split('/').pop() ?? '';
  return last === '' ? 'index.html' : last;
}

function describeFailure(error: NetworkError, host: string): string {
  switch (error.kind) {
    case 'nxdomain':
      return `bad address '${host}'`;
    case 'connection-refused':
      return `can't connect to remote host (${error.ip}): Connection refused`;
    case 'no-route':
      return `can't connect to remote host (${error.ip}): No route to host`;
    case 'reset':
      return 'error getting response: Connection reset by peer';
    case 'timeout':
      return 'download timed out';
  }
}

/** Runs the request and its redirects; returns the final response or the failure already reported. */
function fetchFollowing(
  url: ParsedUrl,
  options: WgetOptions,
  sys: SystemCalls,
  say: (text: string) => void,
  fail: (message: string) => void,
): { response: HttpResponse } | { failed: UtilityResult } {
  let current = url;
  let connectedTo = '';
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const outcome = sys.net.http({
      method: 'GET',
      host: current.host,
      port: current.port,
      path: current.path,
      headers: { Host: current.hostHeader, 'User-Agent': 'Wget', Connection: 'close', ...options.headers },
    });
    const ip = outcome.ok ? outcome.ip : 'ip' in outcome.error ? outcome.error.ip : undefined;
    const endpoint = `${current.hostHeader}|${ip ?? ''}`;
    if (ip !== undefined && endpoint !== connectedTo)
      say(`Connecting to ${current.hostHeader} (${ip}:${current.port})\n`);
    connectedTo = endpoint;
    if (!outcome.ok) {
      fail(describeFailure(outcome.error, current.host));
      const waited = outcome.error.kind === 'timeout' ? options.timeoutSeconds * 1000 : 0;
      return { failed: waited > 0 ? { exitCode: 1, sleepMs: waited } : 1 };
    }
    const { response } = outcome;
    if (options.serverResponse) {
      const lines = [
        `HTTP/1.1 ${response.status} ${response.statusText}`,
        ...Object.entries(response.headers).map(([key, value]) => `${key}: ${value}`),
        '',
      ];
      say(lines.map((line) => `  ${line}\n`).join(''));
    }
    const location = findHeader(response.headers, 'Location');
    if (response.status >= 300 && response.status < 400 && location !== undefined) {
      const next = resolveLocation(current, location);
      if (!next) {
        fail(`not an http or ftp url: ${location}`);
        return { failed: 1 };
      }
      current = next;
      continue;
    }
    if (response.status >= 400) {
      fail(`server returned error: HTTP/1.1 ${response.status} ${response.statusText}`);
      return { failed: 1 };
    }
    return { response };
  }
  fail('too many redirections');
  return { failed: 1 };
}

function runWget(argv: string[], io: ProcessIO, sys: SystemCalls, cwd: string, announceFiles: boolean): UtilityResult {
  const parsed = parseWgetArgs(argv.slice(1));
  if (typeof parsed === 'string') return showUsage(io, 'wget', SYNOPSIS, parsed);
  if (parsed.urls.length === 0) return showUsage(io, 'wget', SYNOPSIS);
  const say = (text: string) => {
    if (!parsed.quiet) io.stderr(text);
  };
  const fail = (message: string) => io.stderr(`wget: ${message}\n`);
  for (const text of parsed.urls) {
    const url = parseUrl(text);
    if (!url) {
      fail(`not an http or ftp url: ${text}`);
      return 1;
    }
    const fetched = fetchFollowing(url, parsed, sys, say, fail);
    if ('failed' in fetched) return fetched.failed;
    const body = fetched.response.body;
    if (parsed.spider) {
      say('remote file exists\n');
      continue;
    }
    const target = parsed.output ?? defaultFileName(url);
    if (target === '-') {
      say('writing to stdout\n');
      io.stdout(body);
      say(progressLine('-', byteLength(body)));
      say('written to stdout\n');
      continue;
    }
    const path = normalizePath(cwd, target);
    const exists = typeof sys.fs.stat(path) !== 'string';
    if (parsed.output === undefined && exists) {
      fail(`can't open '${target}': File exists`);
      return 1;
    }
    if (announceFiles) say(`saving to '${target}'\n`);
    const error = sys.fs.write(path, body);
    if (error) {
      fail(`can't open '${target}': ${errnoMessage(error)}`);
      return 1;
    }
    say(progressLine(target, byteLength(body)));
    if (announceFiles) say(`'${target}' saved\n`);
  }
  return 0;
}

/** busybox 1.36 `wget`. */
export const wget: Utility = (argv, io, sys, _env, cwd) => runWget(argv, io, sys, cwd, true);

/** busybox 1.28 `wget`, which printed no `saving to` / `saved` lines. */
export const wgetBusybox128: Utility = (argv, io, sys, _env, cwd) => runWget(argv, io, sys, cwd, false);
